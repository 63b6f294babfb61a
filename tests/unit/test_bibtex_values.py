"""Every value of a BibTeX file survives BibTeX's own reading (pybtex splits a file as BibTeX does and counts
every brace, a backslash before one included) and bibtexparser's, and LaTeX's: a brace without its partner,
markup characters and a URL with braces or a bare % neither end an entry early nor change what is printed."""

from __future__ import annotations

import pytest

from plansite.citation import Citation, Work
from plansite.reference_files import KEY_PREFIX, bibtex
from support.bibtex import bibtexparser_entries, latex_text, names, pybtex_entries

KEY = f"{KEY_PREFIX}-m5"
FIELDS = {"type", "author", "title", "editor", "editortype", "date", "year", "url", "langid"}


def cite(title: str = "M5 加快重点行业工业元宇宙布局", url: str = "https://example.org/measures/m5/") -> Citation:
    return Citation(Work.PLAN, ("工业和信息化部办公厅", "教育部办公厅"), "计划", title, "2023-09-08", url, "某站")


def read_both(cited: Citation) -> tuple[dict[str, str], dict[str, str]]:
    text = bibtex([("m5", cited)])
    return pybtex_entries(text)[KEY], bibtexparser_entries(text)[KEY]


@pytest.mark.parametrize("title", ["(phase 1}", "一期}二期", "a { b", "{", "}{", "{{}", "x{y}z}"])
def test_a_brace_without_its_partner_neither_ends_the_entry_nor_is_a_syntax_error(title: str) -> None:
    by_pybtex, by_bibtexparser = read_both(cite(title))
    assert set(by_pybtex) == set(by_bibtexparser) == FIELDS, sorted(by_pybtex)
    assert latex_text(by_pybtex["title"]) == latex_text(by_bibtexparser["title"]) == f"计划: {title}"
    assert by_pybtex["url"] == "https://example.org/measures/m5/"


def test_markup_characters_and_latex_ligatures_print_as_typed() -> None:
    title = "50% & #1_a^b~c\\d $x$ a--b ``q'' !`?` {平衡}"
    by_pybtex, by_bibtexparser = read_both(cite(title))
    assert latex_text(by_pybtex["title"]) == latex_text(by_bibtexparser["title"]) == f"计划: {title}"


def test_names_with_braces_stay_one_name_each() -> None:
    cited = Citation(Work.PLAN, ("甲{办公厅", "乙"), "计划", "", "2023-09-08", "https://example.org/", "某}站")
    by_pybtex, _ = read_both(cited)
    assert names(by_pybtex["author"]) == ["甲{办公厅", "乙"]
    assert names(by_pybtex["editor"]) == ["某}站"]


def test_a_url_with_braces_and_a_bare_percent_is_still_one_url_value() -> None:
    by_pybtex, by_bibtexparser = read_both(cite(url="https://example.org/a}b%{/measures/m5/"))
    assert set(by_pybtex) == set(by_bibtexparser) == FIELDS
    assert by_pybtex["url"] == by_bibtexparser["url"] == "https://example.org/a%7Db%25%7B/measures/m5/"
    assert by_pybtex["langid"] == "chinese"
