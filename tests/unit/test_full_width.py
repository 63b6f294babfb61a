"""The one typographic change the site makes to the source text: half-width punctuation inside Chinese is
restored to full width, and nothing else is touched."""

from __future__ import annotations

from plansite.typography import restore_full_width


def test_restoring_full_width_touches_only_punctuation_inside_chinese() -> None:
    assert restore_full_width("来源:工信部") == "来源：工信部"
    assert restore_full_width("计划(2023—2025年)") == "计划（2023—2025年）"
    assert restore_full_width("是什么?") == "是什么？"
    assert restore_full_width("2023-09-08 23:05:10") == "2023-09-08 23:05:10"
    assert restore_full_width("a, b; c") == "a, b; c"
