"""Previews of the items the interpretation names: what a reader sees on hovering or focusing a linked name.

Each preview is written into the page at build time, hidden, one for each item the page links to, so that it
costs no request and works from file://; docs/assets/javascripts/share.js shows it beside the name. The link
names its preview with aria-describedby, so that a screen reader reads it on focus, with or without script.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import labels as L
from .markup import attr
from .model import Node, Plan

PREVIEW_PREFIX = "preview-"  # the preview of M10 is #preview-m10; no sentence, node or heading id starts so


def preview_id(node: Node) -> str:
    return f"{PREVIEW_PREFIX}{node.id.lower()}"


def mention_previews(plan: Plan, nodes: Iterable[Node]) -> str:
    """The hidden previews of `nodes`, as one raw HTML block. Each is kept out of the search index (a Q&A page
    answers a query with the interpretation's words, not with the summaries of what it names): the mark is on
    each preview, as the theme's indexer forgets it at the first nested element of the same tag."""
    previews = [_preview(plan, node) for node in dict.fromkeys(nodes)]
    if not previews:
        return ""
    return '<div class="mention-previews">\n' + "\n".join(previews) + "\n</div>"


def _preview(plan: Plan, node: Node) -> str:
    """Kind, id and title, where the item belongs, and the site's summary under the badge that says it is the
    site's own words (the same badge as on the item's page)."""
    kind = L.KIND[node.kind]
    numbered = L.numbered(node.kind, node.number)
    parent = plan.parent(node)
    belongs = _heading(parent) if parent else L.MENTION_PLAN.format(plan=plan.document.title)
    ident = f'<span class="mention-preview__id">{attr(node.id.upper())}</span> ' if node.id_form.prefix else ""
    lines = [
        f'<div class="mention-preview" id="{preview_id(node)}" role="tooltip" data-search-exclude hidden>',
        f'<p class="mention-preview__kind">{attr(kind)}{L.MENTION_SEPARATOR + attr(numbered) if numbered else ""}</p>',
        f'<p class="mention-preview__title">{ident}{attr(node.title)}</p>',
        f'<p class="mention-preview__parent">{attr(L.MENTION_PARENT.format(parent=belongs))}</p>',
    ]
    if node.summary:
        lines.append(
            '<p class="mention-preview__summary"><span class="badge-editorial mention-preview__badge">'
            f"{attr(L.SUMMARY_BADGE)}</span>{attr(node.summary)}</p>"
        )
    return "\n".join([*lines, "</div>"])


def _heading(node: Node) -> str:
    return f"{node.id.upper() if node.id_form.prefix else ''} {node.title}".strip()
