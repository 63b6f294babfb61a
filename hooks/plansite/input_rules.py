"""The limits every input file is held to, and what counts as plain text in data/: stated once, each with
the message an editor gets when it is broken.

The limits keep one typo from taking the build machine down (a file of gigabytes, nesting thousands of
levels deep, a title of a million characters) and are far above anything the Plan needs. The text rules
keep data text text: a control character, a line separator or a title of invisible characters would reach
pages, the CSV and link previews as something no reader can see or an editor can find.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .problems import Location, Problem

MAX_FILE_BYTES = 5_000_000  # one file of data/ or docs/interpretation/; the real ones are under 12 KB
MAX_DEPTH = 32  # lists and fields inside each other; the data needs 6
MAX_TEXT = 2_000  # characters of one value (title, summary, quote …); the longest real one has about 100
MAX_NUMBER = 99_999  # an item's `number:`; repeated in data/schema.json as its `maximum`
# Values (texts, numbers, lists, fields) in all of data/ together: each costs memory to hold and check, and a
# file of five million `1,` would take gigabytes. The real data has about 1,500; the largest synthetic plan of
# the benchmark (5,000 measures) about 394,000.
MAX_VALUES = 600_000


def read_limited(path: Path, shown: str) -> tuple[bytes, Problem | None]:
    """The bytes of an input file, or the problem that it is not a file, cannot be read or is too large.

    Only a regular file is opened (a folder or a pipe named `*.yaml` is not), and never more of it than the
    limit allows."""
    if not path.is_file():
        if path.is_symlink() and not path.exists():
            what = "是一个指向不存在文件的链接"
        elif path.is_dir():
            what = "是一个文件夹，不是文件"
        else:
            what = "不是普通文件"
        return b"", Problem(Location(shown), f"{shown} {what}", "删除它或给它改名；数据文件必须是普通的文本文件")
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return b"", Problem(
            Location(shown), f"文件无法读取（{error.strerror or error}）", "检查文件的读取权限，或重新保存这个文件"
        )
    if len(raw) > MAX_FILE_BYTES:
        return b"", Problem(
            Location(shown),
            f"文件超过 {MAX_FILE_BYTES // 1_000_000} MB 的上限",
            "检查是否误粘贴了大段内容；数据文件通常只有几十 KB",
        )
    return raw, None


def decode(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """UTF-8 text without a byte-order mark, or the problem that the file is in another encoding."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        return "", Problem(
            Location(shown, bad_line),
            f"文件不是 UTF-8 编码（第 {error.start + 1} 个字节无法解码）",
            "用 UTF-8 编码另存此文件（多数编辑器的“另存为”里可以选择编码）",
        )
    return text.removeprefix("\ufeff"), None


def too_deep(where: Location) -> Problem:
    return Problem(
        where,
        f"嵌套层数超过 {MAX_DEPTH} 层的上限（列表和字段套得太深）",
        "检查这一行附近的缩进和括号：数据最多只有六层，多半是缩进或 [ { 没有配对",
    )


def too_many(where: Location) -> Problem:
    return Problem(
        where,
        f"data/ 里的值到这里超过了 {MAX_VALUES:,} 个的上限",
        "检查是否误粘贴了大段内容或重复的列表；整个《行动计划》只需要约 1,500 个值",
    )


def tagged(where: Location, tag: str) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(
        where,
        f"这里用了 YAML 标签 `{shown}`，数据文件不接受标签",
        "删去 `!` 开头的标签，直接写值；文字中的 ! 请放进引号里",
    )


def block_scalar(where: Location, style: str) -> Problem:
    return Problem(
        where,
        f"这里用了多行文字块（`{style}`），数据里的文字只能是一段",
        "把文字写在冒号后的同一行；太长时可以加上引号，在引号内换行续写",
    )


# The C0 and C1 control characters (Unicode's Cc) and the line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Unicode's format characters (Cf) draw nothing, yet act on the text around them: bidi controls (U+202E turns
# what follows around), zero-width spaces and joiners, the byte-order mark inside a text, the soft hyphen. They
# reach pages, search, the CSV, RIS, BibTeX and the link-preview image (as an empty box), where no one sees
# them and a search or a copied quote does not match.
_FORMAT = "Cf"
# Characters that count as something a reader sees: letters, marks on them, digits, punctuation, symbols.
_VISIBLE = frozenset("LNPS")


def text_problems(text: str, where: Location) -> list[Problem]:
    """What keeps one value of data/ from being plain, visible text of one paragraph."""
    problems = []
    if len(text) > MAX_TEXT:
        problems.append(
            Problem(
                where,
                f"文字长 {len(text)} 个字符，超过 {MAX_TEXT} 个字符的上限",
                "缩短这段文字；概述写一两句即可，引文只摘相关的词句",
            )
        )
    bad = _CONTROL.search(text)
    formatting = format_characters(text)
    if bad is not None:
        problems.append(_control(where, text, bad[0]))
    if formatting:
        problems.append(_format(where, formatting))
    elif bad is None and text.strip() and not any(unicodedata.category(char)[0] in _VISIBLE for char in text):
        codes = "、".join(dict.fromkeys(f"U+{ord(char):04X}" for char in text if not char.isspace()))
        problems.append(Problem(where, f"这段文字只有看不见的字符（{codes}）", "写出可见的文字，或删除这一项"))
    return problems


def _control(where: Location, text: str, char: str) -> Problem:
    code = f"U+{ord(char):04X}"
    if char in "\n\r\u2028\u2029":
        return Problem(
            where,
            f"文字里有换行（{code}，例如空行或 \\n）",
            "数据里的每段文字只能是一段：删去空行和换行，写在同一行或引号内续写",
        )
    position = text.index(char) + 1
    return Problem(
        where,
        f"文字里有看不见的控制字符 {code}（第 {position} 个字符）",
        "删去这个字符：它通常来自复制粘贴，或引号里的 \\x、\\0、\\t 之类写法",
    )


def format_characters(text: str) -> dict[str, int]:
    """Each format character (Cf) of `text`, with the 1-based position where it first occurs."""
    if text.isprintable():  # the usual case, and a fast one: no Cf character is printable
        return {}
    found: dict[str, int] = {}
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) == _FORMAT:
            found.setdefault(char, position)
    return found


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: a character as a report names it."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '(unnamed)')}"


def _format(where: Location, found: dict[str, int]) -> Problem:
    named = "、".join(f"{describe(char)}（第 {position} 个字符）" for char, position in found.items())
    return Problem(
        where,
        f"文字里有看不见的字符 {named}：它们不显示，却会改变文字的方向、拆开词语或让搜索和引文对不上",
        "删去这个字符（编辑器里通常看不见：把这段文字重新输入一遍，或在编辑器里显示不可见字符后删除）；"
        "它多半随复制粘贴而来，需要空格时写普通空格",
    )
