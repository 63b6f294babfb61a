"""The English edition's data (data/en/): the real translation covers every sentence and node and follows
the glossary; every kind of gap or mismatch is named with file and line and what would be right."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite import PlanError, load_plan
from plansite.english import load_english
from plansite.english.alternates import after_title, other_edition, relative_url, with_alternates
from plansite.english.pages import GLOSSARY, english_pages, page_paths
from plansite.markup import md_text
from plansite.model import Measure, Task
from plansite.urls import public_url
from support.problems import english_problems_of, the_english_problem
from support.project import ROOT, edit

# ---- the real translation ----------------------------------------------------------------------


def test_every_sentence_and_every_node_has_an_english_rendering_of_todays_chinese() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    assert list(english.sentences) == list(plan.interpretation.sentences)
    for sentence_id, rendering in english.sentences.items():
        assert rendering.zh == plan.interpretation.sentences[sentence_id].text and rendering.en
    assert set(english.nodes) == set(plan.nodes)
    for node in plan.nodes.values():
        assert english.nodes[node.id].title.zh == node.title
        assert (english.summary(node.id) != "") == bool(node.summary), node.id
    assert set(english.titles) == {"intro", *(f"q{n}" for n in range(1, 8))}
    assert "unofficial" in english.source.note  # the translation's own source: the site's, editorial


def test_the_issuers_carry_their_official_english_names_with_a_recorded_source() -> None:
    english = load_english(ROOT, load_plan(ROOT))
    assert english.title("miit") == "Ministry of Industry and Information Technology (MIIT)"
    assert english.title("sasac").startswith("State-owned Assets Supervision and Administration Commission")
    assert english.title("nrta") == "National Radio and Television Administration (NRTA)"
    record = (ROOT / "data" / "sources" / "english-names.md").read_text(encoding="utf-8")
    for node_id in ("miit", "moe", "mct", "sasac", "nrta"):
        assert english.title(node_id).split(" (")[0] in record


def test_the_glossary_fixes_the_terms_the_brief_names() -> None:
    terms = {t.zh: t for t in load_english(ROOT, load_plan(ROOT)).glossary}
    assert terms["元宇宙"].en == "metaverse" and terms["工业元宇宙"].en == "industrial metaverse"
    assert "SRDI" in terms["专精特新"].en and "specialised, refined, distinctive and innovative" in terms["专精特新"].en
    assert terms["先导区"].en == "pilot zone"


# ---- bad translations --------------------------------------------------------------------------


def test_a_sentence_without_translation_is_named_at_its_line_in_the_chinese_page(project_copy: Path) -> None:
    edit(project_copy, "data/en/interpretation.yaml", "  q6-s2: ", "  q6-x2: ")
    problem = the_english_problem(project_copy, "docs/interpretation/q6.md", "q6-s2 没有英文译文")
    assert problem.where.line == 4  # `{#q6-s2}` is the page's fourth line
    assert "data/en/interpretation.yaml" in problem.fix and "q6-s2:" in problem.fix


def test_a_translation_without_sentence_is_named_at_its_own_line_with_the_ids_that_exist(project_copy: Path) -> None:
    line = edit(project_copy, "data/en/interpretation.yaml", "  q7-s8: ", "  q7-s9: Same.\n  q7-s8: ")
    problem = the_english_problem(project_copy, "data/en/interpretation.yaml", "译文 q7-s9 没有对应的原句")
    assert problem.where.line == line
    assert "q7-s1" in problem.fix and "q7-s8" in problem.fix


def test_a_node_without_english_is_named_at_the_node_in_its_chinese_data(project_copy: Path) -> None:
    edit(project_copy, "data/en/nodes.yaml", "  M5:\n", "  M55:\n")
    problem = the_english_problem(project_copy, "data/measures.yaml", "M5 没有英文标题和概述")
    assert problem.where.line > 0 and "data/en/nodes.yaml" in problem.fix
    assert any("`M55` 不是数据里的条目" in p.what for p in english_problems_of(project_copy))


def test_a_translation_of_an_older_chinese_summary_asks_for_the_english_to_be_updated(project_copy: Path) -> None:
    edit(project_copy, "data/measures.yaml", "summary: 围绕社交、文娱、办公等现实", "summary: 围绕社交、文娱、办公等")
    problem = the_english_problem(project_copy, "data/en/nodes.yaml", "M2 概述的译文依据的中文")
    assert "围绕社交、文娱、办公等需求，" in problem.fix


def test_a_glossary_term_rendered_some_other_way_fails_and_names_the_rule(project_copy: Path) -> None:
    line = edit(
        project_copy,
        "data/en/interpretation.yaml",
        "building a number of\n      metaverse innovation and application pilot zones",
        "building a number of\n      metaverse innovation and application leading areas",
    )
    problem = the_english_problem(project_copy, "data/en/interpretation.yaml", "“先导区”")
    lines = (project_copy / "data/en/interpretation.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[problem.where.line - 1].startswith("  q4-s3:") and problem.where.line < line
    assert "“pilot zone”" in problem.fix and "data/en/glossary.yaml" in problem.fix


def test_a_missing_file_and_a_missing_source_are_named(project_copy: Path) -> None:
    (project_copy / "data/en/glossary.yaml").unlink()
    assert any(p.where.file == "data/en/glossary.yaml" for p in english_problems_of(project_copy))


def test_a_translation_without_its_editorial_source_is_rejected(project_copy: Path) -> None:
    edit(project_copy, "data/en/nodes.yaml", "source:\n  editorial:", "origin:\n  editorial:")
    the_english_problem(project_copy, "data/en/nodes.yaml", "译文没有注明出处")


def test_an_editorial_reason_without_english_is_named_where_the_data_gives_it(project_copy: Path) -> None:
    edit(project_copy, "data/en/nodes.yaml", "  - zh: 第五问第二句列举的做法", "  - zh: 第五问第二句所列的做法")
    found = english_problems_of(project_copy)
    missing = [p for p in found if "这条说明没有英文译文" in p.what]
    assert len(missing) == 1 and missing[0].where.file.startswith("data/") and missing[0].where.line > 0
    assert "第五问第二句列举的做法" in missing[0].what and "notes:" in missing[0].fix
    stale = [p for p in found if "在数据里已经没有了" in p.what]
    assert len(stale) == 1 and stale[0].where.file == "data/en/nodes.yaml"


def test_an_editorial_reason_rendered_against_the_glossary_fails(project_copy: Path) -> None:
    edit(
        project_copy,
        "data/en/nodes.yaml",
        "in order is this site's own interpretation.",
        "in order is this site's own reading.",
    )
    found = [p for p in english_problems_of(project_copy) if "“解读”" in p.what]
    assert len(found) == 1 and found[0].where.file == "data/en/nodes.yaml"


# ---- pages and links between the editions -------------------------------------------------------


def test_the_english_edition_has_every_page_of_the_chinese_one_and_a_glossary() -> None:
    plan = load_plan(ROOT)
    pages = english_pages(plan, load_english(ROOT, plan), "https://example.org/en/")
    assert set(pages) == set(page_paths(plan))
    assert {"measures/m5.md", "interpretation/q6.md", "technologies/index.md", GLOSSARY} <= set(pages)
    assert (
        'id="q6-s2"' in pages["interpretation/q6.md"]
        and "二是构建可信元宇宙产品评估评测体系" in pages["interpretation/q6.md"]
    )
    glossary = pages[GLOSSARY]
    assert "pilot zone" in glossary and "interpretation/q4.md#q4-s3" in glossary and "../measures/m3.md" in glossary


@pytest.mark.parametrize(
    ("current", "counterpart", "english", "offline", "expected"),
    [
        ("measures/m5/", True, False, False, "../../en/measures/m5/"),
        ("measures/m5/", True, True, False, "../../../measures/m5/"),
        ("", True, False, False, "en/"),
        ("", True, True, False, "../"),
        ("glossary/", False, True, False, "../../"),
        ("measures/m5.html", True, True, True, "../../measures/m5.html"),
        ("measures/m5.html", True, False, True, "../en/measures/m5.html"),
        ("index.html", True, False, True, "en/index.html"),
    ],
)
def test_the_language_link_leads_to_the_same_place_in_the_other_edition(
    current: str, counterpart: bool, english: bool, offline: bool, expected: str
) -> None:
    home = "index.html" if offline else ""
    assert other_edition(current, counterpart, home, english=english) == expected


def test_relative_url_between_site_paths() -> None:
    assert relative_url("en/interpretation/q6/", "interpretation/q6/") == "../../en/interpretation/q6/"
    assert relative_url("interpretation/q6.html", "en/interpretation/q6.html") == "../../interpretation/q6.html"


def test_the_sitemap_gets_hreflang_alternates_for_pages_with_a_counterpart() -> None:
    pairs = {public_url("measures/m5.md", "https://x.org/"): public_url("measures/m5.md", "https://x.org/en/")}
    sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.org/en/measures/m5/</loc>'
        "</url><url><loc>https://x.org/en/glossary/</loc></url></urlset>"
    )
    out = with_alternates(sitemap, pairs)
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in out
    assert '<xhtml:link rel="alternate" hreflang="zh-CN" href="https://x.org/measures/m5/"/>' in out
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://x.org/en/measures/m5/"/>' in out
    assert out.count("xhtml:link") == 2  # the glossary has no Chinese counterpart


def test_the_chinese_build_lets_a_stale_rendering_through_and_the_english_build_does_not(project_copy: Path) -> None:
    edit(project_copy, "data/measures.yaml", "summary: 围绕社交、文娱、办公等现实", "summary: 围绕社交、文娱、办公等")
    plan = load_plan(project_copy)
    assert load_english(project_copy, plan, require_current=False).summary("M2").startswith("Concentrate efforts")
    with pytest.raises(PlanError):
        load_english(project_copy, plan)


def test_the_language_link_goes_right_under_the_title() -> None:
    assert after_title('<h1 id="x">T</h1><p>a</p>', "<p>L</p>") == '<h1 id="x">T</h1><p>L</p><p>a</p>'
    assert after_title("<p>a</p>", "<p>L</p>") == "<p>L</p><p>a</p>"


def test_every_summary_and_every_reading_on_english_pages_is_marked_and_in_english() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    pages = english_pages(plan, english, "https://example.org/en/")
    m5 = pages["measures/m5.md"]
    assert "description: 'Site summary (not the original text): Question 5 of the interpretation" in m5
    tasks = pages["tasks/index.md"]
    for node in [*plan.of(Task), *plan.of(Measure)]:
        assert f"Site summary (not the original text)</span> {md_text(english.summary(node.id))}" in tasks, node.id
    m1 = pages["measures/m1.md"]  # its summary rests on the site's reading of question 4, given in English
    assert "What the summary rests on: " in m1 and md_text(english.note(M1_REASON)) in m1 and M1_REASON not in m1
    technologies = pages["technologies/index.md"]  # M1 mentions AI by the site's reading: badge and reason
    assert "This site's reading</span>" in technologies
    for zh in english.notes:
        assert all(zh not in page for page in pages.values()), zh


M1_REASON = "《解读》第四问按措施1—3的顺序展开，把这一句对应到这项措施是本站的解读。"


def test_the_chinese_build_lets_an_untranslated_reason_through_and_the_english_build_does_not(
    project_copy: Path,
) -> None:
    edit(project_copy, "data/measures.yaml", "第五问第二句列举的做法", "第五问第二句所列的做法", count=2)
    plan = load_plan(project_copy)
    assert load_english(project_copy, plan, require_current=False).notes  # the others, still in English
    with pytest.raises(PlanError):
        load_english(project_copy, plan)
