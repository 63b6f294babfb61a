"""The generated navigation stays small on every page, however long the plan's lists grow."""

from __future__ import annotations

from types import SimpleNamespace

from plansite import pages


def _leaves(items: list) -> list:
    found = []
    for item in items:
        if isinstance(item, dict):
            (value,) = item.values()
            found += _leaves(value) if isinstance(value, list) else [value]
        else:
            found.append(item)
    return found


def _widest(items: list) -> int:
    inner = [v for item in items if isinstance(item, dict) for v in item.values() if isinstance(v, list)]
    return max([len(items), *(_widest(v) for v in inner)])


def test_short_lists_are_not_grouped() -> None:
    nodes = [SimpleNamespace(id=f"T{i}") for i in range(1, pages.NAV_GROUP + 1)]
    assert pages._in_groups(nodes, lambda n: n.id) == [n.id for n in nodes]


def test_long_lists_are_grouped_by_id_range_and_keep_every_item_in_order() -> None:
    nodes = [SimpleNamespace(id=f"M{i}") for i in range(1, 46)]
    grouped = pages._in_groups(nodes, lambda n: n.id)
    assert [next(iter(g)) for g in grouped] == ["M1–M20", "M21–M40", "M41–M45"]
    assert _leaves(grouped) == [n.id for n in nodes]


def test_thousands_of_items_never_put_more_than_a_group_on_one_level() -> None:
    nodes = [SimpleNamespace(id=f"M{i}") for i in range(1, 5001)]
    grouped = pages._in_groups(nodes, lambda n: n.id)
    assert _widest(grouped) <= pages.NAV_GROUP
    assert _leaves(grouped) == [n.id for n in nodes]
