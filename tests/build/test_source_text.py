"""The interpretation's pages reproduce the source text exactly, under the one allowed typographic change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from plansite.typography import restore_full_width
from support.html import attribute, parse, text
from support.project import ROOT

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


@dataclass
class Article:
    """A page's h1 text, the text of each paragraph's sentences in order, the sentence ids, and the text of
    each sentence's permalink (which should have none)."""

    h1: str
    paragraphs: list[str]
    ids: list[str]
    anchor_texts: list[str]


def read_article(path: Path) -> Article:
    page = parse(path)
    h1 = "".join(text(heading, "a.headerlink") for heading in page.find_all("h1"))
    paragraphs = ["".join(text(s) for s in p.select("span.sentence")) for p in page.find_all("p")]
    return Article(
        h1=h1,
        paragraphs=[words for words in paragraphs if words],
        ids=[attribute(sentence, "id") for sentence in page.select("span.sentence")],
        anchor_texts=[text(anchor) for anchor in page.select("a.sentence-anchor")],
    )


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
