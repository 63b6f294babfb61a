"""The interpretation's pages reproduce the source text exactly, under the one allowed typographic change."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT
from plansite.text import restore_full_width

SOURCE = ROOT / "data" / "sources" / "interpretation-zh.txt"
HEADING = re.compile(r"^[一二三四五六七]、")


def source_sections() -> tuple[str, list[tuple[str, list[str]]]]:
    """The preamble and the seven (question, paragraphs) sections, read straight from the source file."""
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    body = [line for line in lines[: lines.index("相关文章")] if line]
    preamble = body[2]
    sections: list[tuple[str, list[str]]] = []
    for line in body[3:]:
        if HEADING.match(line):
            sections.append((line, []))
        else:
            sections[-1][1].append(line)
    return preamble, sections


class _Article(HTMLParser):
    """Collects the page's h1 text and the text of each paragraph of sentences, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = ""
        self.paragraphs: list[str] = []
        self.ids: list[str] = []
        self.anchor_texts: list[str] = []
        self._in_h1 = self._in_headerlink = False
        self._sentence_depth = 0
        self._paragraph: list[str] | None = None
        self._anchor: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "h1":
            self._in_h1 = True
        elif tag == "a" and "headerlink" in classes:
            self._in_headerlink = True
        elif tag == "p":
            self._paragraph = []
        elif tag == "span" and "sentence" in classes:
            self._sentence_depth = 1
            self.ids.append(attributes.get("id") or "")
        elif tag == "span" and self._sentence_depth:
            self._sentence_depth += 1
        if tag == "a" and "sentence-anchor" in classes:
            self._anchor = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "a" and self._in_headerlink:
            self._in_headerlink = False
        elif tag == "a" and self._anchor is not None:
            self.anchor_texts.append("".join(self._anchor))
            self._anchor = None
        elif tag == "span" and self._sentence_depth:
            self._sentence_depth -= 1
        elif tag == "p" and self._paragraph is not None:
            if self._paragraph:
                self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._in_h1 and not self._in_headerlink:
            self.h1 += data
        if self._anchor is not None:
            self._anchor.append(data)
        if self._sentence_depth and self._paragraph is not None:
            self._paragraph.append(data)


def read_article(page: Path) -> _Article:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_each_qa_page_equals_its_source_section(built_site: Path) -> None:
    _, sections = source_sections()
    assert len(sections) == 7
    for number, (question, paragraphs) in enumerate(sections, start=1):
        article = read_article(built_site / "interpretation" / f"q{number}" / "index.html")
        assert article.h1.strip() == restore_full_width(question), f"q{number}: the title differs from the source"
        expected = [restore_full_width(p) for p in paragraphs]
        assert article.paragraphs == expected, f"q{number}: the text differs from the source section"


def test_interpretation_page_reproduces_the_preamble(built_site: Path) -> None:
    preamble, _ = source_sections()
    article = read_article(built_site / "interpretation" / "index.html")
    assert article.paragraphs == [restore_full_width(preamble)]


def test_sentence_ids_are_unique_and_well_formed_and_anchors_add_no_text(built_site: Path) -> None:
    ids: list[str] = []
    for number in range(1, 8):
        article = read_article(built_site / "interpretation" / f"q{number}" / "index.html")
        assert article.ids, f"q{number} has no sentence ids"
        assert all(re.fullmatch(rf"q{number}-s[1-9][0-9]*", i) for i in article.ids), article.ids
        assert article.anchor_texts == [""] * len(article.ids), f"q{number}: a sentence permalink adds text"
        ids += article.ids
    assert len(ids) == len(set(ids))


def test_restoring_full_width_touches_only_punctuation_inside_chinese() -> None:
    assert restore_full_width("来源:工信部") == "来源：工信部"
    assert restore_full_width("计划(2023—2025年)") == "计划（2023—2025年）"
    assert restore_full_width("是什么?") == "是什么？"
    assert restore_full_width("2023-09-08 23:05:10") == "2023-09-08 23:05:10"
    assert restore_full_width("a, b; c") == "a, b; c"
