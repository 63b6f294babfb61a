"""The English words of the hover cards (`plansite/hover_cards.py` writes the cards of both editions): the
kind line, the English title, where an item belongs and the site's English summary under its mark."""

from __future__ import annotations

from ..hover_cards import Wording
from ..model import Plan
from . import labels as E
from .translation import English


def wording(plan: Plan, english: English) -> Wording:
    """A hover card in English: `Measure 10`, the English title, where it belongs, and the site's English
    summary under the badge the English item pages put before it."""
    return Wording(
        kind=lambda node: E.numbered(node.kind, node.number) or E.KIND[node.kind],
        title=lambda node: english.title(node.id),
        summary=lambda node: english.summary(node.id),
        belongs=E.HOVER_CARD_PARENT,
        plan=english.document_title.en,
        badge=E.SUMMARY_MARK,
        after_badge=" ",
    )
