"""Chinese search: what the build adds to the search index, and the tables the browser reads queries with.

The theme's search (lunr, in a web worker) cuts text only at spaces and punctuation, so a run of Chinese
is one long token that a reader's query almost never equals. Segmenting the text with a dictionary at
build time does not help either, because the query typed in the browser is cut differently or not at all.
So the site indexes Chinese as overlapping character pairs, on both sides:

- the build adds two fields to every entry of the index: `t`, the pairs of its heading (plus the ids of
  the node the entry is about), and `x`, the pairs of its text. The page text itself is left as it is,
  so results read exactly like the page;
- `assets/javascripts/search.js` turns each word of the query into the same pairs, every pair required,
  before the query reaches the worker. A query therefore finds the entries in which its characters stand
  next to each other in that order, whatever the word boundaries: 关键流程, 全生命周期, 宇宙.

Both sides fold text the same way first (`fold`): NFKC, lower case, traditional characters to simplified
(OpenCC's table, cut down to the characters the site uses), and Chinese numerals to digits, so that 產業,
十四项 and 二〇二五年 find 产业, 14 项 and 2025 年. The identifier table maps what readers type for one
item (措施5, 第5项措施, 任务二, 第四问) to the id that its page carries.
"""

from __future__ import annotations

import functools
import html
import importlib.resources
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from . import labels as L
from .model import Plan, Section
from .urls import GROUPED, HOME, OVERVIEW, index_of, page_of

JOIN = "_"  # between the two halves of a pair: not Chinese, so the worker passes `产_业` on unchanged
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNIT = re.compile(rf"[0-9]+|[{HAN}]")
_RUN = re.compile(rf"(?:[0-9]+|[{HAN}])+")
_TAG = re.compile(r"<[^>]+>")

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


def fold(text: str, simplify: Mapping[str, str] | None = None) -> str:
    """The form in which index and query are compared."""
    table = traditional_to_simplified() if simplify is None else simplify
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(table.get(char, char) for char in text)
    return _NUMERAL.sub(lambda match: numeral_value(match[0]), text)


def pairs(text: str) -> list[str]:
    """Overlapping pairs of the Chinese characters and numbers in `text`, in order: 14项措施 → 14_项 项_措 措_施."""
    found: list[str] = []
    for run in _RUN.findall(fold(text)):
        units = _UNIT.findall(run)
        found.extend(a + JOIN + b for a, b in zip(units, units[1:], strict=False))
    return found


def plain(markup: str) -> str:
    """The words of an index entry without its tags and without zero-width spaces."""
    return html.unescape(_TAG.sub(" ", markup)).replace("\u200b", "")


def entry_fields(title: str, text: str, ids: Iterable[str] = ()) -> dict[str, str]:
    """The two added fields of one index entry: heading pairs and ids (`t`), text pairs (`x`)."""
    return {
        "t": " ".join(dict.fromkeys([*pairs(plain(title)), *ids])),
        "x": " ".join(dict.fromkeys(pairs(plain(text)))),
    }


def node_locations(plan: Plan, url_of: Callable[[str], str]) -> dict[str, list[str]]:
    """Index location → the ids of the nodes there. `url_of` gives a docs file's URL in this build
    (`measures/m5/` online, `measures/m5.html` offline); a grouped node adds its #section."""
    located: dict[str, list[str]] = {}
    for node in plan.nodes.values():
        path, hash_, fragment = page_of(node).partition("#")
        located.setdefault(url_of(path) + hash_ + fragment, []).append(node.id.lower())
    return located


LIST_BOOST = 0.5  # a page that lists many items ranks below the page of the item a query is about


def list_pages(plan: Plan) -> list[str]:
    """Docs paths of the pages that only gather other pages' words: the home page, the overview and the
    index of every kind that has a page per node."""
    kinds = {type(node) for node in plan.nodes.values() if not isinstance(node, (Section, *GROUPED))}
    return [HOME, OVERVIEW, *sorted(index_of(kind) for kind in kinds)]


def enrich_index(index: dict, ids: Mapping[str, Iterable[str]], lists: Iterable[str] = ()) -> dict:
    """Add the pair fields to every entry of the theme's search index, and clean the text it shows.
    `ids` is `node_locations` of the plan; entries of the pages at `lists` (their URLs) rank lower."""
    lists = set(lists)
    for entry in index["docs"]:
        entry["title"] = entry["title"].replace("\u200b", "")
        entry["text"] = entry["text"].replace("\u200b", "")
        if entry["location"].partition("#")[0] in lists:
            entry["boost"] = LIST_BOOST
        entry.update(entry_fields(entry["title"], entry["text"], ids.get(entry["location"], ())))
    return index


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


def simplification_table(index: dict) -> dict[str, str]:
    """The part of OpenCC's table that can turn a reader's character into one the site uses."""
    used = {char for entry in index["docs"] for char in fold(plain(entry["title"]) + plain(entry["text"]))}
    return {t: s for t, s in traditional_to_simplified().items() if s in used and t != s}


def browser_tables(plan: Plan, index: dict) -> dict[str, object]:
    """Everything search.js needs to fold and read a query as the build folded the index."""
    return {
        "join": JOIN,
        "han": HAN,
        "digits": DIGITS,
        "powers": POWERS,
        "simplified": simplification_table(index),
        "ids": identifier_table(plan),
        "nothing": L.SEARCH_NOTHING,
    }
