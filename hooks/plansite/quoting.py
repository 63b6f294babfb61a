"""Quoting the interpretation: the control that copies a selected passage with its source and its link.

The control is written into every page of the interpretation's sentences at build time, hidden; share.js
shows it beside a selection of sentences and copies, unchanged, what the reader selected, in quotation marks,
then the source line below with the ids of the sentences it touches, then the link to exactly those
sentences: `#q6-s2` for one, `#q6-s2-s3` for a range (see README, "Linking a range of sentences").
"""

from __future__ import annotations

from . import labels as L
from .markup import attr
from .model import Plan


def quote_control(plan: Plan) -> str:
    """One hidden control per page, as a raw HTML block kept out of the search index. Its data attributes
    carry the source line (`{ids}` is filled in at copy time) and what a range of ids looks like."""
    source = L.QUOTE_SOURCE.format(author=L.INTERPRETATION_AUTHOR, plan=plan.document.title, ids="{ids}")
    return (
        f'<div class="quote-selection" data-source="{attr(source)}"'
        f' data-range="{attr(L.QUOTE_RANGE)}" data-hint="{attr(L.QUOTE_HINT)}" data-search-exclude hidden>'
        f'<button type="button" data-share="quote" aria-keyshortcuts="{L.QUOTE_KEYS}"'
        f' title="{attr(L.QUOTE_SELECTION_TITLE)}">{L.QUOTE_SELECTION}</button></div>'
    )
