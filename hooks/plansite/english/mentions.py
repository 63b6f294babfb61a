"""The English pages' linked names and their previews: in the English of a sentence, the words that render a
name the Chinese sentence links (`names:`, read by `english/names.py`) link the item's English page and name
its preview, written by `plansite/mentions.py` in English words."""

from __future__ import annotations

import html
import re

from ..markup import md_link, md_text, relative
from ..mentions import Wording, mention_previews, preview_id
from ..model import Node, Plan
from ..urls import page_of
from . import labels as E
from .translation import English

_DESCRIBED = re.compile(r'aria-describedby="([^"]+)"')


def wording(plan: Plan, english: English) -> Wording:
    """A preview in English: `Measure 10`, the English title, where it belongs, and the site's English summary
    under the badge the English item pages put before it."""
    return Wording(
        kind=lambda node: E.numbered(node.kind, node.number) or E.KIND[node.kind],
        title=lambda node: english.title(node.id),
        summary=lambda node: english.summary(node.id),
        belongs=E.MENTION_PARENT,
        plan=english.document_title.en,
        badge=E.SUMMARY_MARK,
        after_badge=" ",
    )


def linked_sentence(plan: Plan, english: English, sentence_id: str, here: str) -> str:
    """The sentence's English as Markdown text, each name's words a link to its item's page (from `here`)
    with the item's heading as title and `aria-describedby` naming its preview."""
    text = english.sentences[sentence_id].en
    spans = sorted(
        (text.find(words.en), words.en, plan.nodes[node_id])
        for node_id, words in english.names.get(sentence_id, {}).items()
        if node_id in plan.nodes and words.en in text
    )
    pieces, cursor = [], 0
    for start, words, node in spans:
        if start < cursor:
            continue  # overlapping words are a problem `names.read_names` reports; never written half
        pieces.append(md_text(text[cursor:start]))
        pieces.append(md_link(words, relative(here, page_of(node)), _heading(english, node)))
        pieces.append(f'{{: aria-describedby="{html.escape(preview_id(node), quote=True)}" }}')
        cursor = start + len(words)
    pieces.append(md_text(text[cursor:]))
    return "".join(pieces)


def page_previews(plan: Plan, english: English, markdown: str) -> str:
    """The hidden English previews of the items a page's Markdown links by name, only those."""
    named = set(_DESCRIBED.findall(markdown))
    return mention_previews(plan, [n for n in plan.nodes.values() if preview_id(n) in named], wording(plan, english))


def _heading(english: English, node: Node) -> str:
    return f"{node.id.upper() if node.id_form.prefix else ''} {english.title(node.id)}".strip()
