"""The interpretation's text as the site stores it: Markdown pages with one sentence a line.

A sentence line is `{#q6-s2} 二是构建……体系。`: the id is written in the page, never derived from
position, so that a link to a sentence keeps working when the page around it changes. Consecutive
sentence lines form one paragraph; a blank line ends it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import input_rules
from .ids import PREAMBLE, is_sentence_id, sentence_number, sentence_part, sentence_section
from .markup import md_link, md_text, relative
from .problems import Location, Problem

# A line that carries a sentence, its id in any form: a malformed id is reported, not taken for text.
SENTENCE_LINE = re.compile(r"^\{#(?P<id>[a-z0-9]+-s[0-9]+)\}[ ]?(?P<text>.*)$")
# Something meant as a sentence id that is not written as one: `{#Q3-s9}`, `{#q3-s9 }`, ` {#q3-s9}`.
_ID_LIKE = re.compile(r"^[\s\u200b-\u200f\u2060\ufeff]*\{\s*#")
TITLE_LINE = re.compile(r"^# +\S")
INDEX_PAGE = "interpretation/index.md"


def section_page(section_id: str) -> str:
    """`Q6` → `interpretation/q6.md`: the URL of a Q&A page is part of the public contract."""
    return f"interpretation/{section_id.lower()}.md"


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    page: str  # docs-relative path of the page that holds it
    line: int

    @property
    def section(self) -> str:
        """`q6-s2` → `Q6`; the preamble's sentences belong to `INTRO`."""
        return sentence_section(self.id)

    @property
    def number(self) -> int:
        return sentence_number(self.id)


@dataclass(frozen=True)
class Page:
    path: str
    title: str
    sentences: tuple[Sentence, ...]


def paragraphs(sentences: Iterable[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped as on their page: consecutive lines there are one paragraph."""
    grouped: list[list[Sentence]] = []
    for sentence in sentences:
        if grouped and grouped[-1][-1].line + 1 == sentence.line:
            grouped[-1].append(sentence)
        else:
            grouped.append([sentence])
    return grouped


@dataclass(frozen=True)
class Interpretation:
    pages: Mapping[str, Page]  # docs path → page
    sentences: Mapping[str, Sentence]  # sentence id → sentence

    def section(self, section_id: str) -> Page | None:
        return self.pages.get(section_page(section_id))


def read_interpretation(docs_dir: Path, section_ids: Iterable[str]) -> tuple[Interpretation, list[Problem]]:
    problems: list[Problem] = []
    pages: dict[str, Page] = {}
    sentences: dict[str, Sentence] = {}
    wanted = [INDEX_PAGE, *(section_page(s) for s in section_ids)]
    for path in wanted:
        file = docs_dir / path
        shown = f"docs/{path}"
        if not file.is_file():
            problems.append(
                Problem(Location(shown), "找不到这一问答页面", f"新建 {shown}，每句一行，以 {{#编号}} 开头")
            )
            continue
        expected = PREAMBLE if path == INDEX_PAGE else Path(path).stem
        raw, unreadable = input_rules.read_limited(file, shown)
        text, undecodable = input_rules.decode(raw, shown) if unreadable is None else ("", unreadable)
        if undecodable:
            problems.append(undecodable)
            continue
        page = _read_page(text, path, shown, expected, problems, only_sentences=path != INDEX_PAGE)
        pages[path] = page
        for sentence in page.sentences:
            if sentence.id in sentences:
                first = sentences[sentence.id]
                problems.append(
                    Problem(
                        Location(shown, sentence.line),
                        f"句子编号 {sentence.id} 重复（已在 docs/{first.page} 第 {first.line} 行使用）",
                        "每个句子编号只能用一次；新句子用一个没用过的编号",
                    )
                )
            else:
                sentences[sentence.id] = sentence
    return Interpretation(pages, sentences), problems


def _read_page(
    text: str, path: str, shown: str, expected: str, problems: list[Problem], *, only_sentences: bool
) -> Page:
    """The page's title and sentences. Every line that looks like a sentence id but is not written as one is
    a problem at its line, and on a Q&A page (`only_sentences`) so is every line that is neither the title
    nor a sentence: published as it is, it would show `{#…}` to readers or leave a sentence without a link."""
    title = ""
    found: list[Sentence] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not title and TITLE_LINE.match(line):
            title = line[1:].strip()
            continue
        match = SENTENCE_LINE.match(line)
        if not match:
            problem = _not_a_sentence(line, Location(shown, number, 1), expected, only_sentences)
            if problem:
                problems.append(problem)
            continue
        sentence_id, words = match["id"], match["text"]
        if not is_sentence_id(sentence_id) or sentence_part(sentence_id) != expected:
            problems.append(
                Problem(
                    Location(shown, number, 3),
                    f"句子编号 {sentence_id} 不属于这一页",
                    f"这一页的句子编号写成 {expected}-s1、{expected}-s2 ……",
                )
            )
            continue
        if not words.strip():
            problems.append(Problem(Location(shown, number), f"句子 {sentence_id} 没有文字", "在编号后写出这句原文"))
            continue
        problems.extend(input_rules.text_problems(words, Location(shown, number, len(line) - len(words) + 1)))
        found.append(Sentence(sentence_id, words, path, number))
    if not title:
        problems.append(
            Problem(Location(shown, 1), "这一页没有标题", "第一行写标题：# 加一个空格再写标题，例如 # 一、…是什么？")
        )
    return Page(path, title, tuple(found))


def _not_a_sentence(line: str, where: Location, expected: str, only_sentences: bool) -> Problem | None:
    """What is wrong with a line that is not a sentence line, if anything."""
    example = f"{{#{expected}-s1}} 句子原文"
    if _ID_LIKE.match(line):
        return Problem(
            where,
            f"句子编号的写法不对：{line.strip()[:30]}",
            f"行首写 {{#编号}}，编号用小写字母、不加空格，后面空一格再写句子，例如 {example}",
        )
    if not only_sentences or not line.strip():
        return None
    if line.lstrip("\ufeff\u200b ").startswith("#"):
        return Problem(where, "这一行像标题，但写法不对", "标题只有第一行一个：# 加一个空格再写标题")
    return Problem(where, "这一行没有句子编号", f"每句一行，以编号开头：{example}；或删去这一行")


@dataclass(frozen=True)
class NameLink:
    """Words of a sentence that name a node, and where they link (a docs-relative .md path)."""

    sentence: str
    words: str
    target: str
    title: str
    describedby: str = ""  # the id of the hover card the name link points to (hooks/plansite/hover_cards.py)


def render_sentences(
    markdown: str,
    page_path: str,
    links: Iterable[NameLink],
    anchor_label: str,
    copy_label: str = "",
    canonical: Callable[[str], str] | None = None,
) -> str:
    """Turn sentence lines into one paragraph of `<span id>` elements, adding the name links.

    The reader sees exactly the sentence text: the permalink is an empty, labelled link that CSS shows
    as an icon on hover and focus, and a linked name keeps its words. With `copy_label`, an empty button
    beside it copies the sentence's canonical link (docs/assets/javascripts/share.js): the page's own
    address and the sentence id, or `canonical(sentence_id)` where the sentence lives on another page
    (the full text copies each sentence's address on its Q&A page).
    """
    by_sentence: dict[str, list[NameLink]] = {}
    for link in links:
        by_sentence.setdefault(link.sentence, []).append(link)
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("".join(paragraph))
            paragraph.clear()

    for line in markdown.split("\n"):
        match = SENTENCE_LINE.match(line)
        if not match:
            flush()
            out.append(line)
            continue
        sentence_id = match["id"]
        body = _linked(match["text"], by_sentence.get(sentence_id, ()), page_path)
        label = html.escape(anchor_label.format(id=sentence_id), quote=True)
        copy = html.escape(copy_label.format(id=sentence_id), quote=True)
        home = f' data-url="{html.escape(canonical(sentence_id), quote=True)}"' if canonical else ""
        button = (
            f'<button type="button" class="sentence-copy" data-share="sentence"{home} aria-label="{copy}"'
            f' title="{copy}"></button>'
            if copy_label
            else ""
        )
        paragraph.append(
            f'<span class="sentence" id="{sentence_id}">{body}'
            f'<a class="sentence-anchor" href="#{sentence_id}" aria-label="{label}" title="{label}"></a>{button}</span>'
        )
    flush()
    return "\n".join(out)


def _linked(text: str, links: Iterable[NameLink], page_path: str) -> str:
    spans: list[tuple[int, int, NameLink]] = []
    for link in links:
        start = text.find(link.words)
        if start >= 0 and not any(start < end and start + len(link.words) > begin for begin, end, _ in spans):
            spans.append((start, start + len(link.words), link))
    spans.sort(key=lambda span: span[0])
    pieces: list[str] = []
    cursor = 0
    for start, end, link in spans:
        pieces.append(md_text(text[cursor:start]))
        pieces.append(md_link(link.words, relative(page_path, link.target), link.title))
        if link.describedby:  # attr_list: the attribute goes on the link just written
            pieces.append(f'{{: aria-describedby="{html.escape(link.describedby, quote=True)}" }}')
        cursor = end
    pieces.append(md_text(text[cursor:]))
    return "".join(pieces)
