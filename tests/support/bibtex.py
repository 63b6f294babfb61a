"""Reading BibTeX in the tests as the tools that meet it do: pybtex, which splits a file into entries and fields
the way BibTeX itself does (braces counted, a backslash before one included), and bibtexparser 2, which is
lenient; and a field's LaTeX turned back into text by pylatexenc, the decoder bibtexparser's own
LatexDecodingMiddleware uses."""

from __future__ import annotations

from typing import Any

import bibtexparser
import pybtex.errors
from pybtex.database import parse_string
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

# LaTeX text-mode commands pylatexenc 2.11 does not know (it drops them) or reads as another character (its
# \textasciicircum is U+02C6): what LaTeX prints for each.
_TEXT_COMMANDS = {"textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^"}
_context = get_default_latex_context_db().filter_context()
_context.add_context_category(
    "latex-text-commands", prepend=True, macros=[MacroTextSpec(name, text) for name, text in _TEXT_COMMANDS.items()]
)
_DECODER = LatexNodes2Text(latex_context=_context)


def latex_text(value: str) -> str:
    """What LaTeX would print for a field's value."""
    return str(_DECODER.latex_to_text(value))


def names(value: str) -> list[str]:
    """A name list whose every name is braced whole (an organisation): the names as text."""
    return [latex_text(name.strip()) for name in value.split(" and ")]


def pybtex_entries(text: str) -> dict[str, dict[str, Any]]:
    """Every entry by its key, its fields as pybtex hands them over (names under `author` and `editor`, as
    written), in strict mode: a syntax error raises instead of being logged."""
    pybtex.errors.set_strict_mode(True)
    data = parse_string(text, "bibtex")
    entries = {}
    for key, entry in data.entries.items():
        fields: dict[str, Any] = {"type": entry.type, **dict(entry.fields)}
        for role, people in entry.persons.items():
            fields[role.lower()] = " and ".join(str(person) for person in people)
        entries[key] = fields
    return entries


def bibtexparser_entries(text: str) -> dict[str, dict[str, Any]]:
    """The same through bibtexparser 2; a block it could not read fails."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return {e.key: {"type": e.entry_type, **{f.key: f.value for f in e.fields}} for e in library.entries}
