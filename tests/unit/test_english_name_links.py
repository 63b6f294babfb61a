"""The English words of the item names the Chinese sentences link (`names:` in data/en/interpretation.yaml):
the real data gives every one, each once in its sentence; every kind of gap or misplacement stops the build
with file, line and what would be right, all at once; and the English pages link them with English hover cards."""

from __future__ import annotations

from pathlib import Path

from plansite import load_plan
from plansite.english import load_english
from plansite.english.hover_cards import wording
from plansite.english.name_links import chinese_name_links, linked_sentence
from plansite.english.pages import english_pages
from plansite.hover_cards import hover_card_block, page_hover_cards
from plansite.pages import name_links
from support.html import attribute, parse, text
from support.problems import english_problems_of, the_english_problem
from support.project import ROOT, edit

FILE = "data/en/interpretation.yaml"
M5_WORDS = "    M5: deployment of the industrial metaverse in key industries\n"


def _line_of(project: Path, start: str, *, in_names: bool = True) -> int:
    """The line that begins with `start`, under `names:` (or among the translations, before it)."""
    lines = (project / FILE).read_text(encoding="utf-8").splitlines()
    names = lines.index("names:") + 1
    numbered = list(enumerate(lines, start=1))
    return next(n for n, line in (numbered[names:] if in_names else numbered[:names]) if line.startswith(start))


# ---- the real data -----------------------------------------------------------------------------


def test_every_name_a_chinese_sentence_links_has_english_words_found_once_in_its_english() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    assert len({(link.sentence, link.target) for link in name_links(plan)}) == 22
    given = {(sentence_id, node_id) for sentence_id, named in english.name_links.items() for node_id in named}
    assert given == {(s, n) for s, named in chinese_name_links(plan).items() for n in named}
    assert len(given) == 22
    for sentence_id, named in english.name_links.items():
        sentence = english.sentences[sentence_id].en
        for node_id, words in named.items():
            assert sentence.count(words.en) == 1, (sentence_id, node_id)
            assert words.zh in plan.interpretation.sentences[sentence_id].text


def test_the_english_sentence_links_the_words_to_the_english_item_page_naming_its_hover_card() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    markdown = linked_sentence(plan, english, "q5-s1", "interpretation/q5.md")
    assert (
        "[deployment of the industrial metaverse in key industries](../measures/m5.md "
        '"M5 Accelerate the deployment of the industrial metaverse in key industries")'
        '{: aria-describedby="hover-card-m5" }'
    ) in markdown
    assert markdown.count("aria-describedby") == 3
    full = linked_sentence(plan, english, "q5-s1", "interpretation/full.md")
    assert "](../measures/m5.md " in full  # relative to the page it is written on
    assert linked_sentence(plan, english, "q5-s2", "interpretation/q5.md").count("](") == 0


def test_english_hover_cards_say_kind_id_title_where_it_belongs_and_the_marked_english_summary() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    page = english_pages(plan, english, "https://example.org/en/")["interpretation/q5.md"]
    cards = parse(page_hover_cards(plan, page, wording(plan, english)))
    assert [attribute(p, "id") for p in cards.select(".hover-card")] == [
        "hover-card-m4",
        "hover-card-m5",
        "hover-card-m6",
    ]
    m5 = cards.select_one("#hover-card-m5")
    assert m5 is not None and attribute(m5, "role") == "tooltip"
    assert m5.has_attr("hidden") and m5.has_attr("data-search-exclude")
    assert text(m5.select_one(".hover-card__kind")) == "Measure 5"
    assert text(m5.select_one(".hover-card__title")) == f"M5 {english.title('M5')}"
    assert text(m5.select_one(".hover-card__parent")) == f"Part of: T2 {english.title('T2')}"
    summary = m5.select_one(".hover-card__summary")
    assert text(summary.select_one(".badge-editorial") if summary else None) == "Site summary (not the original text)"
    assert text(summary) == f"Site summary (not the original text) {english.summary('M5')}"
    s1 = parse(hover_card_block(plan, [plan.nodes["S1"]], wording(plan, english)))
    assert text(s1.select_one(".hover-card__parent")) == f"Part of: {english.document_title.en}"


def test_the_chinese_hover_cards_keep_their_chinese_words() -> None:
    plan = load_plan(ROOT)
    m10 = parse(hover_card_block(plan, [plan.nodes["M10"]]))
    assert text(m10.select_one(".hover-card__kind")) == "具体措施 · 措施10"
    assert text(m10.select_one(".hover-card__parent")).startswith("所属：T4 ")
    assert text(m10.select_one(".hover-card__summary")) == "本站概述，非原文" + plan.nodes["M10"].summary


# ---- bad names ---------------------------------------------------------------------------------


def test_a_name_linked_in_chinese_without_english_words_is_named_at_its_sentence_with_the_fix(
    project_copy: Path,
) -> None:
    edit(project_copy, FILE, M5_WORDS, "")
    problem = the_english_problem(project_copy, FILE, "链接到 M5")
    assert "“重点行业工业元宇宙布局”" in problem.what
    assert problem.where.line == _line_of(project_copy, "  q5-s1:")
    assert "`names:`" in problem.fix and "`q5-s1:`" in problem.fix and "`M5: " in problem.fix


def test_a_sentence_missing_from_names_is_named_at_its_translation(project_copy: Path) -> None:
    edit(project_copy, FILE, "  q7-s6:\n    S3: deepening international cooperation\n", "")
    problem = the_english_problem(project_copy, FILE, "链接到 S3")
    assert problem.where.line == _line_of(project_copy, "  q7-s6: ", in_names=False)


def test_english_words_for_a_name_the_chinese_sentence_does_not_link_are_rejected(project_copy: Path) -> None:
    edit(project_copy, FILE, M5_WORDS, M5_WORDS + "    M7: the industrial metaverse\n")
    edit(project_copy, FILE, "  q7-s4:\n", "  q7-s5:\n    S2: talent cultivation\n  q7-s4:\n")
    problem = the_english_problem(project_copy, FILE, "没有链接 M7 的名称")
    assert problem.where.line == _line_of(project_copy, "    M7: ")
    assert "M4（“工业关键流程的元宇宙化改造”）" in problem.fix and "M5" in problem.fix and "M6" in problem.fix
    unlinked = the_english_problem(project_copy, FILE, "句子 q7-s5 的中文没有链接 S2")
    assert "不链接任何条目" in unlinked.fix


def test_english_words_not_in_the_english_sentence_fail_with_the_sentence_to_copy_from(project_copy: Path) -> None:
    edit(project_copy, FILE, M5_WORDS, "    M5: deployment of industrial metaverses in key industries\n")
    problem = the_english_problem(project_copy, FILE, "不在句子 q5-s1 的译文中")
    assert problem.where.line == _line_of(project_copy, "    M5: ")
    assert "逐字摘自这句译文" in problem.fix and "concentrates its efforts in three directions" in problem.fix


def test_english_words_in_another_letter_case_fail_with_the_words_as_the_sentence_has_them(
    project_copy: Path,
) -> None:
    edit(project_copy, FILE, "    S1: strengthening overall coordination", "    S1: Strengthening Overall Coordination")
    problem = the_english_problem(project_copy, FILE, "大小写不同")
    assert problem.fix.endswith("strengthening overall coordination")


def test_english_words_found_more_than_once_are_ambiguous_and_fail(project_copy: Path) -> None:
    edit(project_copy, FILE, M5_WORDS, "    M5: the industrial metaverse\n")
    problem = the_english_problem(project_copy, FILE, "出现了 3 次")
    assert problem.where.line == _line_of(project_copy, "    M5: ")
    assert "只出现一次" in problem.fix


def test_english_words_that_cut_a_word_fail_with_the_whole_words(project_copy: Path) -> None:
    edit(project_copy, FILE, "    S1: strengthening overall coordination", "    S1: strengthen")
    problem = the_english_problem(project_copy, FILE, "把一个词切开了")
    assert problem.fix.endswith("：strengthening")


def test_the_words_of_two_items_that_overlap_fail(project_copy: Path) -> None:
    edit(
        project_copy,
        FILE,
        "    M6: exploration of innovative application models for the industrial metaverse\n",
        "    M6: key industries, and the exploration of innovative application models\n",
    )
    problem = the_english_problem(project_copy, FILE, "重叠")
    assert "M6" in problem.what and "M5" in problem.what
    assert problem.where.line == _line_of(project_copy, "    M6: ")


def test_english_words_that_leave_out_a_glossary_term_of_the_name_fail(project_copy: Path) -> None:
    edit(project_copy, FILE, M5_WORDS, "    M5: deployment of the\n")
    problem = the_english_problem(project_copy, FILE, "“工业元宇宙”")
    assert problem.where.line == _line_of(project_copy, "    M5: ")
    assert "“industrial metaverse”" in problem.fix


def test_malformed_names_are_named_and_every_problem_is_reported_at_once(project_copy: Path) -> None:
    edit(project_copy, FILE, "  q7-s1:\n    S1: strengthening overall coordination\n", "  q7-s1: S1\n")
    edit(project_copy, FILE, "    S2: optimising talent cultivation", '    S2: ""')
    edit(project_copy, FILE, "    S3: deepening international cooperation", "    S3: deepening cooperation")
    problems = [p for p in english_problems_of(project_copy) if p.where.file == FILE]
    whats = "\n".join(p.what for p in problems)
    assert "句子 q7-s1 下应当是条目编号和英文词语" in whats
    assert "q7-s4 中 S2 的英文词语是空的或不是文字" in whats
    assert "S3 的英文词语“deepening cooperation”不在句子 q7-s6 的译文中" in whats
    assert "链接到 S1" in whats  # S1's words are missing too: said as well


def test_a_names_section_that_is_not_grouped_by_sentence_is_named(project_copy: Path) -> None:
    path = project_copy / FILE
    content = path.read_text(encoding="utf-8")
    path.write_text(content[: content.index("names:\n")] + "names: [T1]\n", encoding="utf-8")
    problem = the_english_problem(project_copy, FILE, "`names:` 应当按句子编号分组")
    assert "q5-s1:" in problem.fix


def test_the_chinese_build_lets_a_missing_name_through_but_not_misplaced_words(project_copy: Path) -> None:
    edit(project_copy, FILE, M5_WORDS, "")
    load_english(project_copy, load_plan(project_copy), require_current=False)  # the Chinese build goes on
    edit(project_copy, FILE, "    S1: strengthening overall coordination", "    S1: coordinating overall")
    problems = english_problems_of(project_copy, require_current=False)
    assert [p.what for p in problems] == ["S1 的英文词语“coordinating overall”不在句子 q7-s1 的译文中"]
