"""Odd and hostile input: every one is either built correctly or named as a problem with its file and line, and
none of them crashes, hangs or quietly loses an item. (What a build makes of them: tests/build/.)"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
import yaml

from plansite import PlanError, Problem, input_rules, load_plan
from plansite.exports import measures_csv, spreadsheet_safe
from plansite.model import NODE_TYPES
from plansite.problems import MOST_SHOWN, Location
from plansite.schema import MOST_ERRORS
from support.problems import english_problems_of, problems_in, problems_of
from support.project import ROOT, edit

TITLE = "    title: 加快重点行业工业元宇宙布局"  # M5's title line in data/measures.yaml


def the_problem(project: Path, file: str, fragment: str) -> Problem:
    found = problems_in(project, file, fragment)
    assert all(p.fix for p in found), "every problem says what would be right"
    return found[0]


# ---- nothing disappears ------------------------------------------------------------------------


def data_items(data: Path) -> dict[str, list[str]]:
    """The ids of every item each list of data/ defines, read straight from the YAML."""
    items: dict[str, list[str]] = {}
    for path in data.glob("*.yaml"):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if key in {t.key for t in NODE_TYPES}:
                items[key] = [item["id"] for item in value]
    return items


def test_the_plan_holds_every_item_the_data_defines() -> None:
    plan = load_plan(ROOT)
    for node_type in NODE_TYPES:
        assert [n.id for n in plan.of(node_type)] == data_items(ROOT / "data")[node_type.key]


def test_a_number_written_with_a_point_is_named_instead_of_losing_the_item(project_copy: Path) -> None:
    line = edit(project_copy, "data/measures.yaml", "    number: 5\n", "    number: 5.0\n")
    problem = the_problem(project_copy, "data/measures.yaml", "应当是整数")
    assert problem.where.line == line and "5.0" in problem.what


def test_an_item_the_schema_lets_through_but_cannot_be_built_is_named(project_copy: Path) -> None:
    # A schema loosened by hand (no integer type for `number`) lets 5.0 through; the loader cannot number the
    # item with it, and says so rather than publishing the plan without M5.
    schema = project_copy / "data" / "schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"type": "integer",', ""), encoding="utf-8")
    line = edit(project_copy, "data/measures.yaml", "    number: 5\n", "    number: 5.0\n")
    problem = the_problem(project_copy, "data/measures.yaml", "M5 无法生成")
    assert problem.where.line == line - 1


# ---- numbers never allocate by their size ------------------------------------------------------


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("number", [1_000_000, 2_000_000_000])
def test_a_huge_item_number_gives_one_gap_message_quickly(project_copy: Path, number: int) -> None:
    item = f"  - id: M{number}\n    number: {number}\n"
    edit(project_copy, "data/measures.yaml", "  - id: M14\n    number: 14\n", item)
    edit(project_copy, "data/edges.yaml", "to: [M13, M14]", f"to: [M13, M{number}]")
    before, started = peak_memory_mb(), time.monotonic()
    problems = problems_of(project_copy)
    assert time.monotonic() - started < 30 and peak_memory_mb() - before < 200
    gaps = [p for p in problems if "不连续" in p.what]
    assert len(gaps) == 1 and f"缺少 M14 到 M{number - 1}" in gaps[0].what
    assert len(problems) < 10


def test_a_report_lists_at_most_fifty_problems_then_says_how_many_more(project_copy: Path) -> None:
    for name in ("measures", "tasks", "projects", "safeguards", "principles"):
        path = project_copy / "data" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("    summary: ", "    sumary: "), encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        load_plan(project_copy)
    total = len(caught.value.problems)
    assert total > MOST_SHOWN
    report = caught.value.report().splitlines()
    assert sum(1 for line in report if line.startswith("data/")) == MOST_SHOWN
    assert f"另有 {total - MOST_SHOWN} 处问题未列出" in report[-1] and f"and {total - MOST_SHOWN} more" in report[-1]


# ---- limits ------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [500, 100_000])
def test_nesting_too_deep_is_named_without_a_recursion_error(project_copy: Path, depth: int) -> None:
    (project_copy / "data" / "deep.yaml").write_text("notes: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    problem = the_problem(project_copy, "data/deep.yaml", "嵌套层数超过")
    assert problem.where.line == 1 and str(input_rules.MAX_DEPTH) in problem.what


def test_a_file_over_the_size_limit_is_named_and_not_read_whole(project_copy: Path) -> None:
    (project_copy / "data" / "big.yaml").write_bytes(b"# " + b"x" * input_rules.MAX_FILE_BYTES + b"\n")
    assert "MB" in the_problem(project_copy, "data/big.yaml", "上限").what


def test_a_flood_of_values_is_stopped_at_the_limit_before_it_is_built(project_copy: Path) -> None:
    (project_copy / "data" / "flood.yaml").write_text("notes: [" + "1," * 2_000_000 + "1]\n", encoding="utf-8")
    before, started = peak_memory_mb(), time.monotonic()
    problem = the_problem(project_copy, "data/flood.yaml", f"{input_rules.MAX_VALUES:,} 个的上限")
    assert time.monotonic() - started < 30 and peak_memory_mb() - before < 200
    assert problem.where.line == 1 and problem.where.column > 1


def test_thousands_of_format_errors_in_one_file_are_cut_short(project_copy: Path) -> None:
    items = "".join(f"  - {{id: M{n}, number: {n}, titel: x}}\n" for n in range(100, 1_600))
    edit(project_copy, "data/measures.yaml", "measures:\n", "measures:\n" + items)
    problems = [p for p in problems_of(project_copy) if p.where.file == "data/measures.yaml"]
    assert any(f"超过 {MOST_ERRORS} 处" in p.what for p in problems)
    assert len(problems) < 5 * MOST_ERRORS


def test_a_text_over_the_length_limit_is_named(project_copy: Path) -> None:
    line = edit(project_copy, "data/measures.yaml", TITLE, "    title: " + "长" * 100_000)
    problem = the_problem(project_copy, "data/measures.yaml", f"超过 {input_rules.MAX_TEXT} 个字符")
    assert problem.where.line == line


def test_the_editors_guide_states_every_limit() -> None:
    guide = (ROOT / "guide" / "editing.md").read_text(encoding="utf-8")
    limits = ("5 MB", f"{input_rules.MAX_DEPTH} 层", f"{input_rules.MAX_TEXT:,}", f"{input_rules.MAX_NUMBER:,}")
    for limit in (*limits, f"{input_rules.MAX_VALUES:,}", f"{MOST_ERRORS:,}"):
        assert limit in guide, limit
    schema = (ROOT / "data" / "schema.json").read_text(encoding="utf-8")
    assert f'"maximum": {input_rules.MAX_NUMBER}' in schema


# ---- files that are not what they seem ---------------------------------------------------------


def test_a_folder_named_like_a_data_file_is_named(project_copy: Path) -> None:
    (project_copy / "data" / "extra.yaml").mkdir()
    assert "文件夹" in the_problem(project_copy, "data/extra.yaml", "extra.yaml").what


def test_a_broken_link_named_like_a_data_file_is_named(project_copy: Path) -> None:
    (project_copy / "data" / "gone.yaml").symlink_to(project_copy / "nowhere.yaml")
    assert "不存在" in the_problem(project_copy, "data/gone.yaml", "gone.yaml").what


def test_an_interpretation_page_not_in_utf8_is_named(project_copy: Path) -> None:
    page = project_copy / "docs" / "interpretation" / "q3.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("gb18030"))
    the_problem(project_copy, "docs/interpretation/q3.md", "不是 UTF-8")


def test_the_facts_file_missing_or_not_in_utf8_is_named(project_copy: Path) -> None:
    facts = project_copy / "data" / "sources" / "action-plan-facts.md"
    text = facts.read_text(encoding="utf-8")
    facts.write_bytes(text.encode("gb18030"))
    the_problem(project_copy, "data/sources/action-plan-facts.md", "不是 UTF-8")
    facts.unlink()
    the_problem(project_copy, "data/sources/action-plan-facts.md", "找不到事实文件")


@pytest.mark.parametrize(
    ("content", "words"), [(None, "无法读取"), ("{ not json", "不是有效的 JSON"), ('{"type": 5}', "JSON Schema")]
)
def test_a_missing_or_broken_schema_file_is_one_problem(project_copy: Path, content: str | None, words: str) -> None:
    schema = project_copy / "data" / "schema.json"
    if content is None:
        schema.unlink()
    else:
        schema.write_text(content, encoding="utf-8")
    problem = the_problem(project_copy, "data/schema.json", words)
    assert "git checkout" in problem.fix


# ---- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["", "    number: 五\n"])
def test_an_id_with_a_superscript_digit_is_named(project_copy: Path, number: str) -> None:
    line = edit(project_copy, "data/measures.yaml", "  - id: M14\n    number: 14\n", f"  - id: M²\n{number}")
    edit(project_copy, "data/edges.yaml", "to: [M13, M14]", "to: [M13, M²]")
    problem = the_problem(project_copy, "data/measures.yaml", "M²")
    assert problem.where.line == line


@pytest.mark.parametrize("name", ["measures", "search", "assets", "data", "downloads", "interpretation", "en"])
def test_an_id_that_would_take_a_site_path_is_named(project_copy: Path, name: str) -> None:
    line = edit(project_copy, "data/technologies.yaml", "  - id: ai\n", f"  - id: {name}\n")
    edit(project_copy, "data/edges.yaml", "[ai,", f"[{name},", count=100)
    problem = the_problem(project_copy, "data/technologies.yaml", f"/{name}/")
    assert problem.where.line == line


def test_a_link_stated_twice_is_named_at_the_second(project_copy: Path) -> None:
    path = project_copy / "data" / "edges.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  - from: T2\n")
    statement = text[first : text.index("  - from: T3\n")]
    path.write_text(text.replace(statement, statement + statement.replace("[M4, M5, M6]", "M5"), 1), encoding="utf-8")
    problem = the_problem(project_copy, "data/edges.yaml", "T2 → M5 重复")
    assert problem.where.line == text[:first].count("\n") + 1 + statement.count("\n")


# ---- data text is plain text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("!!binary 5Yqg5b+r", "`!!binary`"),
        ("!foo 加快", "`!foo`"),
        ("!!int 文字", "`!!int`"),
        ("!!str 加快", "`!!str`"),
    ],
)
def test_explicit_yaml_tags_are_rejected(project_copy: Path, value: str, words: str) -> None:
    line = edit(project_copy, "data/measures.yaml", TITLE, f"    title: {value}")
    problem = the_problem(project_copy, "data/measures.yaml", words)
    assert problem.where.line == line and "标签" in problem.what


@pytest.mark.parametrize(
    ("value", "code"),
    [('"加快\\x1b[31m"', "U+001B"), ('"加快\\0"', "U+0000"), ('"加快\\L布局"', "U+2028"), ('"加快\\P"', "U+2029"),
     ('"加快\\t布局"', "U+0009"), ('"加快\\n===\\n"', "U+000A"), ("加快\n\n      ===", "U+000A")],
)  # fmt: skip
def test_control_characters_and_line_separators_are_rejected(project_copy: Path, value: str, code: str) -> None:
    line = edit(project_copy, "data/measures.yaml", TITLE, f"    title: {value}")
    problem = the_problem(project_copy, "data/measures.yaml", code)
    assert problem.where.line == line


@pytest.mark.parametrize("style", ["|", ">", "|-", ">+"])
def test_a_block_scalar_is_rejected_with_its_line(project_copy: Path, style: str) -> None:
    line = edit(
        project_copy,
        "data/measures.yaml",
        "    summary: 《解读》第五问把“重点行业工业元宇宙布局”列为工业元宇宙的三个发力方向之一，没有展开。",
        f"    summary: {style}\n      概述\n      ===\n\n          缩进的一行",
    )
    problems = [p for p in problems_of(project_copy) if p.where.file == "data/measures.yaml"]
    assert [p.where.line for p in problems] == [line], "one problem, at the block's line"
    assert "多行文字块" in problems[0].what


@pytest.mark.parametrize("value", ['"\\u200b"', '"\\u200b\\u200c\\ufeff"', '"\\u00ad\\u2060"'])
def test_text_made_only_of_invisible_characters_is_rejected(project_copy: Path, value: str) -> None:
    line = edit(project_copy, "data/measures.yaml", TITLE, f"    title: {value}")
    assert the_problem(project_copy, "data/measures.yaml", "看不见的字符").where.line == line


# Unicode's format characters (Cf): drawn as nothing, acting on the text around them.
FORMAT_CHARACTERS = [
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200d", "ZERO WIDTH JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),  # a byte-order mark inside the text
    ("\u00ad", "SOFT HYPHEN"),
]


@pytest.mark.parametrize(("char", "name"), FORMAT_CHARACTERS)
@pytest.mark.parametrize("written", ["as it is", "escaped"])
def test_a_format_character_in_a_title_is_named_with_its_line_its_name_and_the_fix(
    project_copy: Path, char: str, name: str, written: str
) -> None:
    value = f"加快重点{char}行业" if written == "as it is" else f'"加快重点\\u{ord(char):04x}行业"'
    line = edit(project_copy, "data/measures.yaml", TITLE, f"    title: {value}")
    problem = the_problem(project_copy, "data/measures.yaml", name)
    assert problem.where.line == line
    assert f"U+{ord(char):04X} {name}（第 5 个字符）" in problem.what and "删去这个字符" in problem.fix
    assert char not in str(problem), "the report shows the character escaped, never acting on the terminal"


def test_format_characters_in_several_files_are_all_named_at_once(project_copy: Path) -> None:
    measure = edit(project_copy, "data/measures.yaml", TITLE, "    title: 加快重点行业\u202e工业元宇宙布局")
    task = edit(
        project_copy, "data/tasks.yaml", "    title: 培育三维交互的工业元宇宙", "    title: 培育\u200b三维\u2066交互"
    )
    sentence = edit(project_copy, "docs/interpretation/q3.md", "{#q3-s2} 14项", "{#q3-s2} 14\u200c项")
    found = {(p.where.file, p.where.line): p.what for p in problems_of(project_copy) if "看不见的字符" in p.what}
    assert "RIGHT-TO-LEFT OVERRIDE" in found[("data/measures.yaml", measure)]
    assert "ZERO WIDTH SPACE" in found[("data/tasks.yaml", task)]
    assert "LEFT-TO-RIGHT ISOLATE" in found[("data/tasks.yaml", task)]
    assert "ZERO WIDTH NON-JOINER" in found[("docs/interpretation/q3.md", sentence)]


def test_a_format_character_in_the_english_translation_is_named(project_copy: Path) -> None:
    nodes = edit(
        project_copy, "data/en/nodes.yaml", "en: Accelerate the deployment", "en: Accelerate the\u202edeployment"
    )
    heading = edit(project_copy, "data/en/interpretation.yaml", "  q6: 6. How does", '  q6: "6. How\\u200b does')
    edit(
        project_copy, "data/en/interpretation.yaml", "complete industrial support?\n", 'complete industrial support?"\n'
    )
    found = {(p.where.file, p.where.line): p.what for p in english_problems_of(project_copy) if "看不见" in p.what}
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[("data/en/nodes.yaml", nodes)], found
    assert "U+200B ZERO WIDTH SPACE" in found[("data/en/interpretation.yaml", heading)], found


# ---- the interpretation's text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("{#q3-s2} ", "{#Q3-s2} ", "写法不对"),
        ("{#q3-s2} ", "{#q3-s2 } ", "写法不对"),
        ("{#q3-s2} ", " {#q3-s2} ", "写法不对"),
        ("{#q3-s2} ", "", "没有句子编号"),
        ("# 三、", "#三、", "没有标题"),
    ],
)
def test_a_malformed_sentence_line_or_heading_is_named_at_its_line(
    project_copy: Path, old: str, new: str, words: str
) -> None:
    line = edit(project_copy, "docs/interpretation/q3.md", old, new)
    problems = [p for p in problems_of(project_copy) if p.where.file == "docs/interpretation/q3.md"]
    assert any(words in p.what for p in problems), problems
    assert line in {p.where.line for p in problems}


def test_a_heading_after_a_byte_order_mark_is_still_the_page_title(project_copy: Path) -> None:
    page = project_copy / "docs" / "interpretation" / "q3.md"
    page.write_text("\ufeff" + page.read_text(encoding="utf-8"), encoding="utf-8")
    plan = load_plan(project_copy)
    section = plan.interpretation.section("Q3")
    assert section is not None and section.title == "三、《行动计划》主要内容是什么？"


# ---- measures.csv ------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "＝1+1"])
def test_a_cell_that_would_start_a_formula_is_neutralised(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


def test_measures_csv_writes_a_formula_title_as_text(project_copy: Path) -> None:
    edit(project_copy, "data/measures.yaml", TITLE, '    title: "=HYPERLINK(\\"http://x\\",\\"点我\\")"')
    rows = measures_csv(load_plan(project_copy), "https://example.org/").decode("utf-8-sig")
    assert "'=HYPERLINK" in rows and ",=HYPERLINK" not in rows and '"=HYPERLINK' not in rows


def test_plain_text_values_pass_every_text_rule() -> None:
    where = Location("data/x.yaml", 1, 1)
    for text in ("加快重点行业工业元宇宙布局", "5G", "AI（人工智能）", "“引号” <a> & {b} \\c"):
        assert input_rules.text_problems(text, where) == [], text


def test_the_problem_page_shows_the_report_as_text_and_reloads_itself() -> None:
    from plansite.problem_page import problem_page

    page = problem_page("data/x.yaml:1:1: <script>alert(1)</script> `titel`")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert 'http-equiv="refresh"' in page and "http" not in page.replace('http-equiv="refresh"', "")


def test_a_link_image_of_the_longest_allowed_word_is_drawn() -> None:
    from plansite import link_images

    fonts = link_images.find_fonts()
    assert fonts is not None, "fonts-noto-cjk is installed for the build and its tests"
    word = "W" * input_rules.MAX_TEXT
    png = link_images.render(link_images.LinkImageText("站", word, word, word), fonts)
    assert png.startswith(b"\x89PNG")


def test_a_report_shows_control_characters_from_the_data_escaped_and_cuts_pasted_floods(project_copy: Path) -> None:
    edit(
        project_copy,
        "data/measures.yaml",
        "    summary: 《解读》第五问",
        '    "sum\\e[31mmary": x\n    summary: 《解读》第五问',
    )
    edit(project_copy, "data/tasks.yaml", "    title: 培育三维交互的工业元宇宙", "    " + "键" * 5000 + ": x")
    with pytest.raises(PlanError) as caught:
        load_plan(project_copy)
    report = caught.value.report()
    assert "\x1b" not in report and "sum\\x1b[31mmary" in report
    assert max(len(line) for line in report.splitlines()) < 600


def test_a_control_character_in_an_interpretation_sentence_is_named_at_its_line(project_copy: Path) -> None:
    line = edit(project_copy, "docs/interpretation/q3.md", "{#q3-s2} 14项", "{#q3-s2} 14\x1b项")
    assert the_problem(project_copy, "docs/interpretation/q3.md", "U+001B").where.line == line
