"""What is wrong with the data, said so that a policy editor can find it and fix it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# What a message quotes from the data is shown, never obeyed: a control character would move a terminal's
# cursor or colour its text, and a pasted novel would bury the list.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
LONGEST = 500  # characters of a message's what or fix


def printable(text: str) -> str:
    """`text` as a report shows it: control and format characters written as \\x1b or \\u202e, cut to LONGEST
    characters."""
    text = _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
    if not text.isprintable():  # and format characters (Cf): U+202E would turn the rest of the line around
        text = "".join(
            c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cf" else c for c in text
        )
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file of the repository; line and column count from 1, 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        if not self.column:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: where, what is wrong, and what would be right."""

    where: Location
    what: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{printable(str(self.where))}: {printable(self.what)}"
        return f"{text}\n    → {printable(self.fix)}" if self.fix else text


MOST_SHOWN = 50  # problems listed in one report: a typo that breaks thousands of lines still reads as one


class PlanError(Exception):
    """Raised with every problem found, so that an editor can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"数据有 {count} 处问题，网站未生成。 / The data has {count} problem(s); nothing was built."
        shown = [str(p) for p in self.problems[:MOST_SHOWN]]
        rest = count - len(shown)
        if rest:
            shown.append(
                f"……另有 {rest} 处问题未列出：先改好上面这些，再构建一次就能看到其余的。"
                f" / … and {rest} more, shown once those above are fixed."
            )
        return "\n".join([head, *shown])
