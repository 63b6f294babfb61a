"""The English name links: which words of an English sentence name an item (`names:` in
data/en/interpretation.yaml), held against the Chinese sentence's name links (`pages.name_links`) and against
the English sentence itself, and the sentence written with those words linked.

A Chinese sentence links an item's name when a DISCUSSES relation quotes one of its names from it; its
English links the words that render that name. Those words are written down, not guessed: English word
order, articles and inflection leave no rule that would find them reliably. They must stand in the sentence
exactly once, as whole words, and not overlap the words of another item.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..hover_cards import hover_card_id
from ..markup import md_link, md_text, relative
from ..model import Node, Plan
from ..pages import name_links
from ..problems import Location, Problem
from ..urls import page_of
from ..yamlsource import YamlDocument
from .glossary import Translated

if TYPE_CHECKING:  # the translation reads its name links with this module
    from .translation import English

SECTION = "names"  # the part of data/en/interpretation.yaml that holds them


@dataclass(frozen=True)
class NamedWords:
    """The English words that render a name the Chinese sentence links; `zh` is that name as linked."""

    zh: str
    en: str
    origin: Location


def chinese_name_links(plan: Plan) -> dict[str, dict[str, str]]:
    """Sentence id → the items its Chinese links by name → the linked words, in the order of the relations."""
    node_at = {page_of(node): node.id for node in plan.nodes.values()}
    found: dict[str, dict[str, str]] = {}
    for link in name_links(plan):
        found.setdefault(link.sentence, {}).setdefault(node_at[link.target], link.words)
    return found


def read_name_links(
    document: YamlDocument, plan: Plan, sentences: Mapping[str, Translated], require_current: bool
) -> tuple[dict[str, dict[str, NamedWords]], list[Problem]]:
    """The English words of every linked name, and every problem with them. Without `require_current` (the
    Chinese build), a name linked in Chinese but not yet given in English, or given for a name no longer
    linked, is let through: like a stale rendering, only the English build insists."""
    problems: list[Problem] = []
    linked = chinese_name_links(plan)
    raw: Any = document.data.get(SECTION, {})
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                document.where((SECTION,)),
                "`names:` 应当按句子编号分组，每组列出条目编号和英文词语",
                "写成 `names:` 下一行 `  q5-s1:`，再下一行 `    M5: 英文句子里译出这个名称的那几个词`",
            )
        )
        raw = {}
    found: dict[str, dict[str, NamedWords]] = {}
    for sentence_id, entries in raw.items():
        path: tuple[str | int, ...] = (SECTION, sentence_id)
        wanted = linked.get(str(sentence_id), {})
        if not isinstance(entries, dict):
            problems.append(
                Problem(
                    document.where(path),
                    f"句子 {sentence_id} 下应当是条目编号和英文词语，每个一行",
                    f"写成 `  {sentence_id}:` 下一行 `    M5: 英文句子里译出这个名称的那几个词`",
                )
            )
            continue
        for node_id, words in entries.items():
            if node_id not in wanted:
                if require_current:
                    problems.append(_not_linked(document, sentence_id, node_id, wanted))
                continue
            where = document.where((*path, node_id))
            if not isinstance(words, str) or not words.strip():
                problems.append(
                    Problem(
                        where,
                        f"句子 {sentence_id} 中 {node_id} 的英文词语是空的或不是文字",
                        f"写出英文句子里译出“{wanted[node_id]}”的那几个词，逐字照抄",
                    )
                )
                continue
            text = " ".join(words.split())
            english = sentences.get(str(sentence_id))
            if english is None:
                continue  # the sentence has no English: reported with the sentences
            problem = _placement(text, english, where, str(sentence_id), node_id)
            if problem:
                problems.append(problem)
                continue
            found.setdefault(str(sentence_id), {})[str(node_id)] = NamedWords(wanted[node_id], text, where)
    for sentence_id, words in found.items():
        problems += _overlaps(sentence_id, words, sentences[sentence_id].en)
    if require_current:
        problems += _missing(document, linked, raw, sentences)
    return found, problems


def _not_linked(document: YamlDocument, sentence_id: object, node_id: object, wanted: Mapping[str, str]) -> Problem:
    where = document.where((SECTION, str(sentence_id), str(node_id)), key=True)
    if wanted:
        fix = "删去这一行；这一句的中文链接的是 " + "、".join(f"{n}（“{w}”）" for n, w in wanted.items())
    else:
        fix = "删去这一行；这一句的中文不链接任何条目的名称（链接来自 data/edges.yaml 中引用名称的关系）"
    return Problem(where, f"句子 {sentence_id} 的中文没有链接 {node_id} 的名称，这里的英文词语没有对应的链接", fix)


def _placement(text: str, english: Translated, where: Location, sentence_id: str, node_id: str) -> Problem | None:
    """What is wrong with where `text` stands in the English sentence, if anything: it must be there, once,
    from the start of a word to the end of one."""
    shown = f"（{english.origin}）：{english.en}"
    starts = _starts(english.en, text)
    if not starts:
        folded = _starts(english.en.casefold(), text.casefold())
        if folded:
            actual = english.en[folded[0] : folded[0] + len(text)]
            return Problem(
                where,
                f"{node_id} 的英文词语“{text}”与句子 {sentence_id} 的译文大小写不同",
                f"照译文的写法改成：{actual}",
            )
        return Problem(
            where, f"{node_id} 的英文词语“{text}”不在句子 {sentence_id} 的译文中", f"逐字摘自这句译文{shown}"
        )
    if len(starts) > 1:
        return Problem(
            where,
            f"{node_id} 的英文词语“{text}”在句子 {sentence_id} 的译文中出现了 {len(starts)} 次，不知道链接哪一处",
            f"多写几个前后的词，使它在这句译文中只出现一次{shown}",
        )
    start, end = starts[0], starts[0] + len(text)
    if _inside_word(english.en, start) or _inside_word(english.en, end):
        whole = _whole_words(english.en, start, end)
        return Problem(
            where,
            f"{node_id} 的英文词语“{text}”在句子 {sentence_id} 的译文中把一个词切开了",
            f"从一个词的开头写到一个词的结尾，例如：{whole}",
        )
    return None


def _starts(text: str, words: str) -> list[int]:
    """Every place where `words` begins in `text`, overlapping ones too."""
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _whole_words(text: str, start: int, end: int) -> str:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _overlaps(sentence_id: str, words: Mapping[str, NamedWords], english: str) -> list[Problem]:
    """Two items' words that share letters of the sentence: the two links cannot both be made."""
    spans = sorted((english.find(w.en), english.find(w.en) + len(w.en), node_id, w) for node_id, w in words.items())
    problems = []
    for (_, end, first, earlier), (start, _, second, later) in combinations(spans, 2):
        if start < end:
            problems.append(
                Problem(
                    later.origin,
                    f"句子 {sentence_id} 的译文中，{second} 的英文词语“{later.en}”与 {first} 的“{earlier.en}”重叠",
                    "两个链接不能共用词语：各自只写译出自己名称的那几个词",
                )
            )
    return problems


def _missing(
    document: YamlDocument,
    linked: Mapping[str, Mapping[str, str]],
    raw: Mapping[Any, Any],
    sentences: Mapping[str, Translated],
) -> list[Problem]:
    """Every name the Chinese links with no English words, at that sentence's entry under `names:` (or at its
    translation when the sentence has none)."""
    problems = []
    for sentence_id, wanted in linked.items():
        given = raw.get(sentence_id)
        given = given if isinstance(given, dict) else {}
        for node_id, zh in wanted.items():
            if node_id in given:
                continue
            if sentence_id in raw:
                where = document.where((SECTION, sentence_id), key=True)
            elif sentence_id in sentences:
                where = sentences[sentence_id].origin
            else:
                continue  # the sentence has no English at all: reported with the sentences
            problems.append(
                Problem(
                    where,
                    f"句子 {sentence_id} 的中文把“{zh}”链接到 {node_id}，译文没有指明哪几个英文词链接它",
                    f"在 {document.file} 的 `names:` 下 `{sentence_id}:` 中加一行 `{node_id}: 译文中译出这个名称的词`"
                    "（逐字照抄，在这句译文中只出现一次）",
                )
            )
    return problems


def linked_sentence(plan: Plan, english: English, sentence_id: str, here: str) -> str:
    """The sentence's English as Markdown text, each name link's words a link to its item's page (from `here`)
    with the item's heading as title and `aria-describedby` naming its hover card."""
    text = english.sentences[sentence_id].en
    spans = sorted(
        (text.find(words.en), words.en, plan.nodes[node_id])
        for node_id, words in english.name_links.get(sentence_id, {}).items()
        if node_id in plan.nodes and words.en in text
    )
    pieces, cursor = [], 0
    for start, words, node in spans:
        if start < cursor:
            continue  # overlapping words are a problem `read_name_links` reports; never written half
        pieces.append(md_text(text[cursor:start]))
        pieces.append(md_link(words, relative(here, page_of(node)), _heading(english, node)))
        pieces.append(f'{{: aria-describedby="{html.escape(hover_card_id(node), quote=True)}" }}')
        cursor = start + len(words)
    pieces.append(md_text(text[cursor:]))
    return "".join(pieces)


def _heading(english: English, node: Node) -> str:
    return f"{node.id.upper() if node.id_form.prefix else ''} {english.title(node.id)}".strip()
