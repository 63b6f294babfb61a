"""The reported facts about the Plan (action-plan-facts.md), one section per `##` heading."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .text import comparable


@dataclass(frozen=True)
class FactsFile:
    """Section heading → the section's text in comparable form."""

    file: str
    sections: dict[str, str]

    def contains(self, heading: str, words: str) -> bool:
        return comparable(words) in self.sections.get(heading, "")


def read_facts(path: Path, display_name: str) -> FactsFile:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return FactsFile(display_name, {h: comparable("\n".join(body)) for h, body in sections.items()})
