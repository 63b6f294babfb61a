"""Search, the rules in Python: Chinese numerals read as digits, traditional and full-width characters fold to
what the pages use, every numbered item has its Chinese and English names, and the tables the browser's engine
gets. (The same rules in the browser, and the search a reader uses: tests/browser/test_search.py.)"""

from __future__ import annotations

import pytest

from plansite import load_plan, search
from plansite.edition import CHINESE
from plansite.english import load_english
from plansite.english.edition import EnglishEdition
from support.project import ROOT

PLAN = load_plan(ROOT)


@pytest.mark.parametrize(
    ("numeral", "digits"),
    [("二〇二五", "2025"), ("十四", "14"), ("十", "10"), ("二十", "20"), ("一百零五", "105"), ("两", "2"), ("三", "3")],
)
def test_chinese_numerals_read_as_digits(numeral: str, digits: str) -> None:
    assert search.numeral_value(numeral) == digits


def test_folding_makes_traditional_full_width_and_numerals_comparable() -> None:
    assert search.fold("產業標準體系") == "产业标准体系"
    assert search.fold("ＭＳ５") == "ms5"
    assert search.fold("十四项措施") == search.fold("14项措施") == search.fold("14 项措施") == "14项措施"
    assert search.fold("二〇二五年") == "2025年"


def test_folding_drops_spaces_beside_chinese_and_reads_ranges_alike() -> None:
    assert search.fold(" 算力 基础设施 ") == "算力基础设施"  # a stray space does not split a phrase
    assert search.fold("5G 物联网") == "5g物联网"
    assert search.fold("AI  and VR") == "ai and vr"  # Latin words keep one space between them
    assert search.fold("3—5家") == search.fold("3-5家") == search.fold("3 至 5 家") == "3-5家"


def test_every_numbered_item_is_found_by_its_chinese_names() -> None:
    table = search.identifier_table(PLAN, CHINESE.search_tables(PLAN).names)
    expected = {
        "措施5": "m5", "第5项措施": "m5", "措施14": "m14", "任务2": "t2", "第3项任务": "t3",
        "工程3": "p3", "保障措施1": "s1", "第4问": "q4", "问题4": "q4", "原则2": "pr2", "m5": "m5", "q4": "q4",
    }  # fmt: skip
    assert {alias: table.get(alias) for alias in expected} == expected
    numbered = [n for n in PLAN.nodes.values() if n.number is not None]
    assert {n.id.lower() for n in numbered} <= set(table.values())


def test_every_numbered_item_is_found_by_its_english_names() -> None:
    english = EnglishEdition(load_english(ROOT, PLAN))
    table = search.identifier_table(PLAN, english.search_tables(PLAN).names)
    expected = {
        "measure 5": "m5", "Task 2": "t2", "project 3": "p3", "safeguard 1": "s1", "goal 2": "g2",
        "question 4": "q4", "key task 3": "t3", "measure no. 14": "m14", "m5": "m5", "措施5": "m5",
    }  # fmt: skip
    # The engine looks a whole query up folded and without spaces (search-worker.js, parse).
    assert {alias: table.get(search.fold(alias).replace(" ", "")) for alias in expected} == expected
    numbered = [n for n in PLAN.nodes.values() if n.number is not None]
    assert {n.id.lower() for n in numbered} <= set(table.values())


def test_the_engine_tables_name_items_lists_and_the_words_readers_use() -> None:
    places = {"measures/m5/": ["m5"]}
    tables = search.browser_tables(PLAN, ["产业标准"], places, ["", "tasks/"], CHINESE.search_tables(PLAN))
    assert tables["places"] == places and tables["ids"]["措施5"] == "m5"
    assert tables["lists"] == ["", "tasks/"]
    assert "是什么" in tables["fillers"] and tables["synonyms"]["工信部"] == "工业和信息化部"
    assert tables["simplified"]["產"] == "产"


def test_simplification_table_covers_only_characters_the_site_uses() -> None:
    table = search.simplification_table(["产业", "<p>标准</p>"])
    assert table["產"] == "产" and table["標"] == "标"
    assert "體" not in table  # 体 is not in this text, so its traditional form is not shipped
