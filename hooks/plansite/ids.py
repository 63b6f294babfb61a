"""How the plan names things: the form of each kind's ids (M5, PR1, Q6, ai, miit) and of sentence ids (q6-s2).

Ids become addresses (/measures/m5/, /interpretation/q6/#q6-s2), so their forms are part of the public URL
contract and are stated here once. data/schema.json repeats them for editors and their tools; `schema.py`
checks on every load that it still says the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = "[1-9][0-9]*"
MOST_SECTIONS = 9  # a sentence id spends one digit on its question: q6-s2
_SECTION_NUMBER = f"[1-{MOST_SECTIONS}]"


@dataclass(frozen=True)
class IdForm:
    """How the ids of one kind of node are written."""

    pattern: str  # the whole id, as a regular expression in the dialect of JSON Schema and of `re`
    prefix: str = ""  # numbered kinds only: the id is the prefix and the number, "M" + 5

    def matches(self, node_id: str) -> bool:
        return re.fullmatch(self.pattern, node_id) is not None

    def id(self, number: int) -> str:
        """The id of item `number` of a numbered kind: 5 → M5."""
        return f"{self.prefix}{number}"


def _numbered(prefix: str, number: str = _NUMBER) -> IdForm:
    return IdForm(f"^{prefix}{number}$", prefix)


GOAL = _numbered("G")
PRINCIPLE = _numbered("PR")
TASK = _numbered("T")
MEASURE = _numbered("M")
PROJECT = _numbered("P")
SAFEGUARD = _numbered("S")
SECTION = _numbered("Q", _SECTION_NUMBER)
TECHNOLOGY = IdForm("^[a-z0-9][a-z0-9-]*$")
ISSUER = IdForm("^[a-z][a-z0-9]*$")

# --- Sentences of the interpretation: the question's id in lower case, then the sentence's number ---------

PREAMBLE = "intro"  # the sentences before the first question: intro-s1
SENTENCE = f"^({PREAMBLE}|{SECTION.prefix.lower()}{_SECTION_NUMBER})-s{_NUMBER}$"


def is_sentence_id(sentence_id: str) -> bool:
    return re.fullmatch(SENTENCE, sentence_id) is not None


def sentence_part(sentence_id: str) -> str:
    """The part of the interpretation a sentence id names: `q6-s2` → `q6`, `intro-s1` → `intro`."""
    return sentence_id.split("-", 1)[0]


def sentence_section(sentence_id: str) -> str:
    """The id of the question a sentence belongs to: `q6-s2` → `Q6` (the preamble's: `INTRO`)."""
    return sentence_part(sentence_id).upper()


def question_number(sentence_id: str) -> int | None:
    """The number of the question a sentence belongs to: `q6-s2` → 6; none for the preamble's."""
    part = sentence_part(sentence_id)
    return None if part == PREAMBLE else int(part[len(SECTION.prefix) :])


def sentence_number(sentence_id: str) -> int:
    """`q6-s2` → 2."""
    return int(sentence_id.rsplit("-s", 1)[1])
