"""The plan's data: the real graph is complete and sourced; every kind of bad input is named with file and line.
(What a build makes of bad input: tests/build/test_plan_data_build.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite import PlanError, Problem, load_plan
from plansite.model import Measure, Principle, Project, Safeguard, Section, SentenceQuote, Task
from plansite.text import comparable
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
        if not isinstance(node, Section):
            assert node.sources, f"{node.id} has no source"
        quotes += [s for s in node.sources if isinstance(s, SentenceQuote)]
    for edge in plan.edges:
        assert edge.sources
        quotes += [s for s in edge.sources if isinstance(s, SentenceQuote)]
    assert quotes
    for quote in quotes:
        assert comparable(quote.quote) in comparable(plan.interpretation.sentences[quote.sentence].text), quote


# ---- bad input --------------------------------------------------------------------------------


def problems_of(project: Path) -> list[Problem]:
    with pytest.raises(PlanError) as caught:
        load_plan(project)
    return caught.value.problems


def the_problem(project: Path, file: str, fragment: str) -> Problem:
    problems = problems_of(project)
    found = [p for p in problems if p.where.file == file and fragment in p.what]
    assert found, f"no problem in {file} mentioning {fragment!r}; got:\n" + "\n".join(map(str, problems))
    return found[0]


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
    line = edit(project_copy, "data/measures.yaml", "    summary: 在重点行业", "    sumary: 在重点行业")
    problem = the_problem(project_copy, "data/measures.yaml", "sumary")
    assert problem.where.line == line and "summary" in problem.fix


def test_wrong_type_and_missing_field_are_named(project_copy: Path) -> None:
    line = edit(project_copy, "data/safeguards.yaml", "    number: 2\n", "    number: two\n")
    assert the_problem(project_copy, "data/safeguards.yaml", "应当是整数").where.line == line
    edit(project_copy, "data/safeguards.yaml", "    summary: 参与国际治理", "    # summary: 参与国际治理")
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
    edit(project_copy, "data/tasks.yaml", "    summary: 以工业元宇宙", "    summry: 以工业元宇宙")
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
