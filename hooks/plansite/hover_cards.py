"""Hover cards: what a reader sees on hovering or focusing a name link, the item's kind, title, place and summary.

Each card is written into the page at build time, hidden, one for each item the page's name links point to,
so that it costs no request and works from file://; docs/assets/javascripts/share.js shows it beside the
name. The name link names its card with aria-describedby, so that a screen reader reads it on focus, with or
without script. Both editions write them here: a `Wording` gives the language (the Chinese by default).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import labels as L
from .markup import attr
from .model import Node, Plan

HOVER_CARD_PREFIX = "hover-card-"  # the hover card of M10 is #hover-card-m10; no sentence, node or heading id starts so
_DESCRIBED = re.compile(r'aria-describedby="([^"]+)"')  # a name link, pointing at its hover card


@dataclass(frozen=True)
class Wording:
    """What a hover card says in one language: the kind line (具体措施 · 措施10), an item's title and the site's
    summary of it, where an item belongs, and the badge that marks the summary as the site's own words."""

    kind: Callable[[Node], str]
    title: Callable[[Node], str]
    summary: Callable[[Node], str]
    belongs: str  # `{parent}`: the parent's id and title, or `plan`
    plan: str  # where an item with no parent task belongs
    badge: str
    after_badge: str  # between the badge and the summary: nothing in Chinese, a space in English


def chinese(plan: Plan) -> Wording:
    def kind(node: Node) -> str:
        numbered = L.numbered(node.kind, node.number)
        return L.KIND[node.kind] + (L.HOVER_CARD_SEPARATOR + numbered if numbered else "")

    return Wording(
        kind=kind,
        title=lambda node: node.title,
        summary=lambda node: node.summary,
        belongs=L.HOVER_CARD_PARENT,
        plan=L.HOVER_CARD_PLAN.format(plan=plan.document.title),
        badge=L.SUMMARY_BADGE,
        after_badge="",
    )


def hover_card_id(node: Node) -> str:
    return f"{HOVER_CARD_PREFIX}{node.id.lower()}"


def page_hover_cards(plan: Plan, markdown: str, wording: Wording | None = None) -> str:
    """The hidden hover cards of the items a page's Markdown links by name, only those."""
    named = set(_DESCRIBED.findall(markdown))
    return hover_card_block(plan, [n for n in plan.nodes.values() if hover_card_id(n) in named], wording)


def hover_card_block(plan: Plan, nodes: Iterable[Node], wording: Wording | None = None) -> str:
    """The hidden hover cards of `nodes`, as one raw HTML block. Each is kept out of the search index (a Q&A
    page answers a query with the interpretation's words, not with the summaries of what it names): the mark
    is on each card, as the theme's indexer forgets it at the first nested element of the same tag."""
    words = wording or chinese(plan)
    cards = [_hover_card(plan, node, words) for node in dict.fromkeys(nodes)]
    if not cards:
        return ""
    return '<div class="hover-cards">\n' + "\n".join(cards) + "\n</div>"


def _hover_card(plan: Plan, node: Node, words: Wording) -> str:
    """Kind, id and title, where the item belongs, and the site's summary under the badge that says it is the
    site's own words (the same badge as on the item's page)."""
    parent = plan.parent(node)
    belongs = _heading(parent, words) if parent else words.plan
    ident = f'<span class="hover-card__id">{attr(node.id.upper())}</span> ' if node.id_form.prefix else ""
    lines = [
        f'<div class="hover-card" id="{hover_card_id(node)}" role="tooltip" data-search-exclude hidden>',
        f'<p class="hover-card__kind">{attr(words.kind(node))}</p>',
        f'<p class="hover-card__title">{ident}{attr(words.title(node))}</p>',
        f'<p class="hover-card__parent">{attr(words.belongs.format(parent=belongs))}</p>',
    ]
    summary = words.summary(node)
    if summary:
        lines.append(
            '<p class="hover-card__summary"><span class="badge-editorial hover-card__badge">'
            f"{attr(words.badge)}</span>{words.after_badge}{attr(summary)}</p>"
        )
    return "\n".join([*lines, "</div>"])


def _heading(node: Node, words: Wording) -> str:
    return f"{node.id.upper() if node.id_form.prefix else ''} {words.title(node)}".strip()
