"""Search in both editions: what the build adds to the search index for the site's search engine.

The theme's search (lunr, in a web worker) cuts text only at spaces and punctuation, and requires a
reader's words to be whole tokens; Chinese has no spaces, and readers type phrases whose words are on the
page but not next to each other. So the site runs its own engine in the theme's worker slot
(assets/javascripts/search-worker.js, which explains the ranking). It reads the theme's index as it is
and needs from the build only the tables made here, which the build writes into the worker script:

- how to fold text so that index and query compare alike (`fold`): NFKC, lower case, traditional
  characters to simplified (OpenCC's table, cut down to the characters the site uses), Chinese numerals
  to digits, 3—5 as 3-5, and no spaces next to Chinese characters, so that 產業, 十四项, 二〇二五年 and
  "算力 基础设施" find 产业, 14 项, 2025 年 and 算力基础设施;
- what readers call one item (措施5, 第5项措施, 任务二, 第四问) and where that item's entry is;
- which pages only gather other pages' words (the home page, the overview, the lists of each kind);
- the question words that only shape a query (是什么, 有哪些), and the short names readers type (工信部).

Each edition gives the last three in its language (`Edition.search_tables`): the English edition's readers
type "measure 5" and "what are the goals", and its pages are searched by the same engine.

The index keeps the page text as it is, so results read like the page.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Plan, Section
from .urls import GROUPED, HOME, OVERVIEW, index_of, page_of

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DASH = re.compile(r"([0-9])\s*[-–—~～至到]\s*(?=[0-9])")
_SPACE_BY_HAN = re.compile(rf"\s+(?=[{HAN}])|(?<=[{HAN}])\s+")
_SPACES = re.compile(r"\s+")
_ID_NUMBER = re.compile(r"[0-9]+$")

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile(f"[{''.join(DIGITS)}{''.join(POWERS)}]+")


@dataclass(frozen=True)
class Language:
    """What an edition tells the engine about its readers' words (`Edition.search_tables`)."""

    names: Mapping[str, Sequence[str]]  # kind → how readers name one item of it (`{n}`: its number)
    fillers: Sequence[str]  # words that only make a query a question: 是什么, "what are"
    synonyms: Mapping[str, str]  # short names readers type → the words the site's text uses
    marks: Sequence[str]  # the marks before the site's own words: a snippet of them starts at its mark


def numeral_value(numeral: str) -> str:
    """二〇二五 → 2025 (read digit by digit), 十四 → 14, 一百零五 → 105, 两 → 2."""
    if not any(char in POWERS for char in numeral):
        return "".join(str(DIGITS[char]) for char in numeral)
    total = current = 0
    for char in numeral:
        if char in POWERS:
            total += (current or 1) * POWERS[char]
            current = 0
        else:
            current = DIGITS[char]
    return str(total + current)


@functools.cache
def traditional_to_simplified() -> dict[str, str]:
    """OpenCC's character table (traditional → simplified), first reading of each character."""
    table = importlib.resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    mapping: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        if len(traditional) == 1 and simplified:
            mapping[traditional] = simplified.split()[0]
    return mapping


@functools.cache
def _simplifying() -> dict[int, str]:
    """traditional_to_simplified as a str.translate table, which maps characters without a Python loop."""
    return str.maketrans(traditional_to_simplified())


def fold(text: str, simplify: Mapping[str, str] | None = None) -> str:
    """The form in which index and query are compared."""
    table = _simplifying() if simplify is None else str.maketrans(dict(simplify))
    text = unicodedata.normalize("NFKC", text).lower().translate(table)
    text = _NUMERAL.sub(lambda match: numeral_value(match[0]), text)
    text = _DASH.sub(r"\1-", text)
    return _SPACES.sub(" ", _SPACE_BY_HAN.sub("", text)).strip()


def node_locations(plan: Plan, url_of: Callable[[str], str]) -> dict[str, list[str]]:
    """Index location → the ids of the nodes there. `url_of` gives a docs file's URL in this build
    (`measures/m5/` online, `measures/m5.html` offline); a grouped node adds its #section."""
    located: dict[str, list[str]] = {}
    for node in plan.nodes.values():
        path, hash_, fragment = page_of(node).partition("#")
        located.setdefault(url_of(path) + hash_ + fragment, []).append(node.id.lower())
    return located


def list_pages(plan: Plan) -> list[str]:
    """Docs paths of the pages that only gather other pages' words: the home page, the overview and the
    index of every kind that has a page per node."""
    kinds = {type(node) for node in plan.nodes.values() if not isinstance(node, (Section, *GROUPED))}
    return [HOME, OVERVIEW, *sorted(index_of(kind) for kind in kinds)]


# --- what the browser needs ---------------------------------------------------------------------


def identifier_table(plan: Plan, names: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Folded ways of naming one numbered item → its id: 措施5, 第5项措施, 任务2 (任务二), q4, measure5 …;
    `names` are an edition's patterns for each kind (`{n}`: the item's number)."""
    table: dict[str, str] = {}
    for node in sorted(plan.nodes.values(), key=lambda n: n.id):
        table[fold(node.id)] = node.id.lower()
        # An item the Plan does not number (the goals) is still named by its id's number: 目标2, goal 2.
        digits = _ID_NUMBER.search(node.id)
        number = node.number if node.number is not None else int(digits[0]) if digits else None
        if number is None:
            continue
        for pattern in names.get(node.kind, ()):  # without spaces, as the engine reads a whole query
            table[_SPACES.sub("", fold(pattern.format(n=number)))] = node.id.lower()
    return table


def simplification_table(texts: Iterable[str]) -> dict[str, str]:
    """The part of OpenCC's table that can turn a reader's character into one the site uses, `texts`
    being everything the site's pages are made from."""
    used = {char for text in texts for char in fold(text)}
    return {t: s for t, s in traditional_to_simplified().items() if s in used and t != s}


def browser_tables(
    plan: Plan, texts: Iterable[str], places: Mapping[str, list[str]], lists: Iterable[str], language: Language
) -> dict[str, object]:
    """Everything the engine needs to fold and read a query as the build folds the site's text. `texts` is
    what the pages are made from, `places` is `node_locations` of the plan in this build, `lists` the URLs of
    `list_pages`, and `language` the edition's words for it."""
    return {
        "digits": DIGITS,
        "powers": POWERS,
        "simplified": simplification_table(texts),
        "ids": identifier_table(plan, language.names),
        "places": dict(places),
        "lists": sorted(lists),
        "fillers": list(language.fillers),
        "synonyms": dict(language.synonyms),
        "marks": list(language.marks),
    }
