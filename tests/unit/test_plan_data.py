"""The plan's data: the real graph is complete and sourced; every kind of bad input is named with file and line.
(What a build makes of bad input: tests/build/test_plan_data_build.py.)"""

from __future__ import annotations

from pathlib import Path

from plansite import load_plan
from plansite.model import HeadingQuote, Measure, Principle, Project, Safeguard, Section, SentenceQuote, Task
from plansite.typography import comparable
from support.problems import problems_of, the_problem
from support.project import ROOT, edit

# ---- the real data ----------------------------------------------------------------------------


def test_real_plan_has_the_structure_of_the_plan() -> None:
    plan = load_plan(ROOT)
    assert [t.id for t in plan.of(Task)] == ["T1", "T2", "T3", "T4", "T5"]
    assert [(m.id, m.number) for m in plan.of(Measure)] == [(f"M{n}", n) for n in range(1, 15)]
    assert len(plan.of(Project)) == 4 and len(plan.of(Safeguard)) == 3
    assert len(plan.of(Principle)) == 5 and [s.id for s in plan.of(Section)] == [f"Q{n}" for n in range(1, 8)]
    for measure in plan.of(Measure):
        assert len(plan.origins(measure.id, "contains")) == 1, f"{measure.id} must be in exactly one task"


def test_projects_support_tasks_one_to_four_jointly_as_the_source_says() -> None:
    plan = load_plan(ROOT)
    (edge,) = [e for e in plan.edges if e.relation == "supports"]
    assert edge.subjects == ("P1", "P2", "P3", "P4") and edge.objects == ("T1", "T2", "T3", "T4")
    assert [s.sentence for s in edge.sources if isinstance(s, SentenceQuote)] == ["q3-s3"]


def test_every_node_and_edge_has_a_source_and_every_quote_is_in_its_sentence() -> None:
    plan = load_plan(ROOT)
    quotes: list[SentenceQuote] = []
    for node in plan.nodes.values():
        assert node.sources, f"{node.id} has no source"
        assert node.summary_sources, f"the summary of {node.id} says nothing of what it rests on"
        quotes += [s for s in (*node.sources, *node.summary_sources) if isinstance(s, SentenceQuote)]
    for edge in plan.edges:
        assert edge.sources
        quotes += [s for s in edge.sources if isinstance(s, SentenceQuote)]
    assert quotes
    for quote in quotes:
        assert comparable(quote.quote) in comparable(plan.interpretation.sentences[quote.sentence].text), quote


def test_every_reading_of_the_site_is_an_editorial_relation_with_its_reason() -> None:
    """The mappings the interpretation does not state itself (Q4 → M1–M3, Q5 → M4/M6, Q6 → M10–M12, M1's
    technologies) are editorial; the sections that only name an item list it."""
    plan = load_plan(ROOT)
    editorial = {(edge.subjects, edge.objects) for edge in plan.edges if edge.editorial}
    for subject, objects in [("Q4", "M1 M2 M3"), ("Q5", "M4 M6"), ("Q6", "M10 M11 M12")]:
        for measure in objects.split():
            assert ((subject,), (measure,)) in editorial, f"{subject} → {measure} should be the site's reading"
    assert (("M1",), ("ai", "blockchain", "cloud", "vr")) in editorial
    assert all(edge.notes for edge in plan.edges if edge.editorial)
    roles = {(edge.subjects[0], edge.objects[0]): edge.role for edge in plan.edges if edge.relation == "discusses"}
    assert roles[("Q5", "M5")] == "lists"
    assert {roles[("Q3", p)] for p in ("P1", "P2", "P3", "P4")} == {"lists"}


def test_sections_are_sourced_to_their_question_headings() -> None:
    plan = load_plan(ROOT)
    for section in plan.of(Section):
        (source,) = section.sources
        assert isinstance(source, HeadingQuote) and source.heading == section.id.lower()
        page = plan.interpretation.section(section.id)
        assert page is not None and source.quote in page.title and section.title == source.quote


# ---- bad input --------------------------------------------------------------------------------


def test_yaml_syntax_error_names_file_and_line(project_copy: Path) -> None:
    line = edit(
        project_copy, "data/tasks.yaml", "    title: 培育三维交互的工业元宇宙", "    title: [培育三维交互的工业元宇宙"
    )
    problem = the_problem(project_copy, "data/tasks.yaml", "YAML 语法错误")
    assert line <= problem.where.line <= line + 1 and problem.fix


def test_tab_indentation_is_named_with_its_line(project_copy: Path) -> None:
    line = edit(project_copy, "data/projects.yaml", "    number: 2\n", "\tnumber: 2\n")
    assert the_problem(project_copy, "data/projects.yaml", "制表符").where.line == line


def test_duplicate_key_in_one_mapping_is_detected(project_copy: Path) -> None:
    line = edit(project_copy, "data/tasks.yaml", "    number: 3\n", "    number: 3\n    number: 4\n")
    assert the_problem(project_copy, "data/tasks.yaml", "出现了两次").where.line == line + 1


def test_unknown_reference_names_the_id_and_suggests_a_near_one(project_copy: Path) -> None:
    line = edit(project_copy, "data/edges.yaml", "to: [M10, M11, M12]", "to: [M10, M11, M12, M99]")
    problem = the_problem(project_copy, "data/edges.yaml", "M99")
    assert problem.where.line == line and "M9" in problem.fix


def test_duplicate_id_is_rejected(project_copy: Path) -> None:
    line = edit(project_copy, "data/measures.yaml", "  - id: M4\n", "  - id: M3\n")
    assert the_problem(project_copy, "data/measures.yaml", "编号 M3 重复").where.line == line


def test_quote_not_in_its_sentence_is_rejected_with_the_sentence_shown(project_copy: Path) -> None:
    line = edit(project_copy, "data/safeguards.yaml", "        quote: 优化人才培养\n", "        quote: 优化人才培育\n")
    problem = the_problem(project_copy, "data/safeguards.yaml", "优化人才培育")
    assert problem.where.line == line - 1 and "二是优化人才培养" in problem.fix


def test_unknown_sentence_id_is_rejected(project_copy: Path) -> None:
    edit(project_copy, "data/projects.yaml", "      sentence: q3-s3\n", "      sentence: q3-s30\n")
    the_problem(project_copy, "data/projects.yaml", "q3-s30")


def test_misspelt_field_suggests_the_right_one(project_copy: Path) -> None:
    line = edit(project_copy, "data/measures.yaml", "    summary: 《解读》第五问", "    sumary: 《解读》第五问")
    problem = the_problem(project_copy, "data/measures.yaml", "sumary")
    assert problem.where.line == line and "summary" in problem.fix


def test_wrong_type_and_missing_field_are_named(project_copy: Path) -> None:
    line = edit(project_copy, "data/safeguards.yaml", "    number: 2\n", "    number: two\n")
    assert the_problem(project_copy, "data/safeguards.yaml", "应当是整数").where.line == line
    edit(project_copy, "data/safeguards.yaml", "    summary: 深度参与", "    # summary: 深度参与")
    the_problem(project_copy, "data/safeguards.yaml", "缺少必填字段 `summary`")


def test_id_in_the_wrong_format_is_rejected(project_copy: Path) -> None:
    line = edit(project_copy, "data/projects.yaml", "  - id: P4\n", "  - id: P-4\n")
    problem = the_problem(project_copy, "data/projects.yaml", "P-4")
    assert problem.where.line == line and "P1" in problem.fix


def test_reference_to_a_node_of_the_wrong_kind_is_rejected(project_copy: Path) -> None:
    edit(project_copy, "data/edges.yaml", "  - from: T5\n    to: [M13, M14]", "  - from: P1\n    to: [M13, M14]")
    the_problem(project_copy, "data/edges.yaml", "不能是 project")


def test_measure_in_two_tasks_is_rejected(project_copy: Path) -> None:
    edit(project_copy, "data/edges.yaml", "to: [M13, M14]", "to: [M13, M14, M1]")
    the_problem(project_copy, "data/edges.yaml", "同时属于多项任务")


def test_gap_in_measure_numbering_is_named(project_copy: Path) -> None:
    path = project_copy / "data" / "measures.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  - id: M7\n"), text.index("  - id: M8\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(project_copy, "data/edges.yaml", "to: [M7, M8, M9]", "to: [M8, M9]")
    edit(project_copy, "data/edges.yaml", "7. 推广沉浸交互的生活消费场景 · ", "")
    the_problem(project_copy, "data/measures.yaml", "缺少 M7")


def test_empty_file_and_non_utf8_file_are_rejected(project_copy: Path) -> None:
    (project_copy / "data" / "notes.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (project_copy / "data" / "legacy.yaml").write_bytes("tasks: []\n# 说明\n".encode("gb18030"))
    problems = problems_of(project_copy)
    assert any(p.where.file == "data/notes.yaml" and "空的" in p.what for p in problems)
    assert any(p.where.file == "data/legacy.yaml" and "UTF-8" in p.what and p.where.line == 2 for p in problems)


def test_problems_in_several_files_are_reported_together(project_copy: Path) -> None:
    edit(project_copy, "data/tasks.yaml", "    summary: 以构建工业元宇宙", "    summry: 以构建工业元宇宙")
    edit(project_copy, "data/goals.yaml", "    term: long", "    term: later")
    files = {p.where.file for p in problems_of(project_copy)}
    assert {"data/tasks.yaml", "data/goals.yaml"} <= files


def test_node_without_a_source_is_rejected(project_copy: Path) -> None:
    path = project_copy / "data" / "principles.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    source:\n", text.index("  - id: PR3"))
    end = text.index("  - id: PR4")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problem = the_problem(project_copy, "data/principles.yaml", "缺少必填字段 `source`")
    assert "sentence" in problem.fix and "editorial" in problem.fix


def test_summary_without_what_it_rests_on_is_rejected(project_copy: Path) -> None:
    path = project_copy / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    summary_source:\n", text.index("  - id: P2"))
    end = text.index("    source:\n", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problem = the_problem(project_copy, "data/projects.yaml", "缺少必填字段 `summary_source`")
    assert "概述是本站的话" in problem.fix and "editorial" in problem.fix


def test_summary_quoting_words_its_sentence_lacks_is_rejected(project_copy: Path) -> None:
    line = edit(
        project_copy,
        "data/measures.yaml",
        "        quote: 重点行业工业元宇宙布局\n      - sentence: q5-s1",
        "        quote: 形成可推广的应用\n      - sentence: q5-s1",
    )
    problem = the_problem(project_copy, "data/measures.yaml", "形成可推广的应用")
    assert "q5-s1" in problem.what and problem.where.line == line - 1


def test_question_heading_source_must_quote_the_heading(project_copy: Path) -> None:
    line = edit(
        project_copy,
        "data/sections.yaml",
        "      heading: q1\n      quote: 出台的背景",
        "      heading: q1\n      quote: 出台背景",
    )
    problem = the_problem(project_copy, "data/sections.yaml", "不在问答 q1 的标题中")
    assert "出台的背景是什么" in problem.fix and problem.where.line == line


def test_discussion_resting_on_the_site_reading_alone_is_rejected(project_copy: Path) -> None:
    edit(
        project_copy,
        "data/edges.yaml",
        "      - sentence: q4-s2\n        quote: 在元宇宙产品供给方面，围绕社交、文娱、办公等现实需求，"
        "在元宇宙入口、虚拟空间应用工具和平台上着重发力\n",
        "",
    )
    problem = the_problem(project_copy, "data/edges.yaml", "出处必须有该问答里的句子")
    assert "editorial" in problem.fix


def test_edge_note_field_is_gone_in_favour_of_editorial_sources(project_copy: Path) -> None:
    edit(
        project_copy,
        "data/edges.yaml",
        "  - from: Q5\n    to: M5\n    role: lists\n",
        "  - from: Q5\n    to: M5\n    role: lists\n    note: 本站的理解\n",
    )
    problem = the_problem(project_copy, "data/edges.yaml", "未知字段 `note`")
    assert "source" in problem.fix
