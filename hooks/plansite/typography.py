"""Chinese typography shared by the pages and the quote checks: the one allowed typographic change, and numerals."""

from __future__ import annotations

import re

# The repost of the interpretation turned these full-width marks into half-width ones inside Chinese
# text. Restoring them is the only change the site may make to the source text.
HALF_TO_FULL = str.maketrans(",:?;()", "，：？；（）")
_HALF = frozenset(",:?;()")
_SPACES = re.compile(r"\s+")


def _is_chinese_context(char: str) -> bool:
    return (
        "\u3000" <= char <= "\u9fff"  # CJK punctuation, kana, ideographs
        or "\uff00" <= char <= "\uffef"  # full-width forms
        or char in "“”‘’—"
    )


def restore_full_width(text: str) -> str:
    """Turn `,:?;()` into their full-width forms where they touch Chinese text; leave `23:05` alone."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char not in _HALF:
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if (before and _is_chinese_context(before)) or (after and _is_chinese_context(after)):
            chars[i] = char.translate(HALF_TO_FULL)
    return "".join(chars)


def comparable(text: str) -> str:
    """The form in which a quotation and its source are compared: full-width restored, spaces folded."""
    return _SPACES.sub(" ", restore_full_width(text)).strip()


CHINESE_NUMERALS = "〇一二三四五六七八九十"


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十 (enough for the Plan's numbering)."""
    if number < 0 or number >= 100:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return CHINESE_NUMERALS[units]
    prefix = "" if tens == 1 else CHINESE_NUMERALS[tens]
    return prefix + "十" + (CHINESE_NUMERALS[units] if units else "")
