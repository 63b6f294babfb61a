"""The reported facts about the Plan (data/sources/action-plan-facts.md), read one section per `##` heading."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import input_rules
from .problems import Location, Problem
from .typography import comparable


@dataclass(frozen=True)
class FactsFile:
    """Section heading → the section's text in comparable form."""

    file: str
    sections: dict[str, str]

    def contains(self, heading: str, words: str) -> bool:
        return comparable(words) in self.sections.get(heading, "")


def read_facts(path: Path, display_name: str) -> tuple[FactsFile, list[Problem]]:
    """The sections of the facts file, and what keeps it from being read (then it has no sections)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    if not path.exists() and not path.is_symlink():
        missing = Problem(
            Location(display_name), "找不到事实文件", f"从版本库恢复 {display_name}；引文 `facts:` 都出自它"
        )
        return FactsFile(display_name, {}), [missing]
    raw, unreadable = input_rules.read_limited(path, display_name)
    text, undecodable = input_rules.decode(raw, display_name) if unreadable is None else ("", unreadable)
    if undecodable:
        return FactsFile(display_name, {}), [undecodable]
    for line in text.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return FactsFile(display_name, {h: comparable("\n".join(body)) for h, body in sections.items()}), []
