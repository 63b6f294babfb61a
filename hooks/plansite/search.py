"""Chinese search: what the build adds to the search index for the site's search engine.

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

The index keeps the page text as it is, so results read like the page.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from . import labels as L
from .model import Plan, Section
from .urls import GROUPED, HOME, OVERVIEW, index_of, page_of

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DASH = re.compile(r"([0-9])\s*[-–—~～至到]\s*(?=[0-9])")
_SPACE_BY_HAN = re.compile(rf"\s+(?=[{HAN}])|(?<=[{HAN}])\s+")
_SPACES = re.compile(r"\s+")

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile(f"[{''.join(DIGITS)}{''.join(POWERS)}]+")


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


def identifier_table(plan: Plan) -> dict[str, str]:
    """Folded ways of naming one numbered item → its id: 措施5, 第5项措施, 任务2 (任务二), q4 …"""
    table: dict[str, str] = {}
    for node in sorted(plan.nodes.values(), key=lambda n: n.id):
        table[fold(node.id)] = node.id.lower()
        if node.number is None:
            continue
        for pattern in L.SEARCH_NAMES.get(node.kind, ()):
            table[fold(pattern.format(n=node.number))] = node.id.lower()
    return table


def simplification_table(texts: Iterable[str]) -> dict[str, str]:
    """The part of OpenCC's table that can turn a reader's character into one the site uses, `texts`
    being everything the site's pages are made from."""
    used = {char for text in texts for char in fold(text)}
    return {t: s for t, s in traditional_to_simplified().items() if s in used and t != s}


def browser_tables(
    plan: Plan, texts: Iterable[str], places: Mapping[str, list[str]], lists: Iterable[str]
) -> dict[str, object]:
    """Everything the engine needs to fold and read a query as the build folds the site's text. `texts` is
    what the pages are made from, `places` is `node_locations` of the plan in this build and `lists` the
    URLs of `list_pages`."""
    return {
        "digits": DIGITS,
        "powers": POWERS,
        "simplified": simplification_table(texts),
        "ids": identifier_table(plan),
        "places": dict(places),
        "lists": sorted(lists),
        "fillers": list(L.SEARCH_FILLERS),
        "synonyms": L.search_synonyms(plan),
        # The marks before the site's own words: a snippet that shows those words starts at their mark.
        "marks": [L.SUMMARY_BADGE, L.SUMMARY_MARK, L.EDITORIAL],
    }
