"""Quoting the interpretation: the control that copies a selected passage with its source and its link.

The control is written into every page of the interpretation's sentences at build time, hidden; share.js
shows it beside a selection of sentences and copies, unchanged, what the reader selected, in quotation marks,
then the source line below with the ids of the sentences it touches, then the link to exactly those
sentences: `#q6-s2` for one, `#q6-s2-s3` for a range (guide/urls.md, "A range of sentences").
"""

from __future__ import annotations

import html

from . import labels as L
from .markup import attr
from .model import Plan
from .words import QuoteWords

CHINESE = L.WORDS.quote


def quote_control(plan: Plan) -> str:
    """The Chinese pages' control, quoting the interpretation by its author and the Plan's title."""
    source = L.QUOTE_SOURCE.format(author=L.INTERPRETATION_AUTHOR, plan=plan.document.title, ids="{ids}")
    return control(source, CHINESE)


def control(source: str, words: QuoteWords) -> str:
    """One hidden control per page, as a raw HTML block kept out of the search index. Its data attributes
    carry the source line (`{ids}` is filled in at copy time) and what a range of ids looks like."""
    return (
        f'<div class="quote-selection" data-source="{attr(source)}"'
        f' data-range="{attr(words.range)}" data-hint="{attr(words.hint)}" data-search-exclude hidden>'
        f'<button type="button" data-share="quote" aria-keyshortcuts="{attr(words.keys)}"'
        f' title="{attr(words.selection_title)}">{html.escape(words.selection)}</button></div>'
    )
