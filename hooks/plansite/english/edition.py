"""The English edition as the page renderer (`plansite/pages.py`) sees it: its words and ASCII punctuation,
titles and summaries from the translation, its citations, each quoted sentence in English over its Chinese
original, and the In Chinese section that only its node pages have."""

from __future__ import annotations

import html
from dataclasses import dataclass

from .. import labels as ZH
from ..citation import Citation
from ..edition import Words
from ..ids import question_number, sentence_number
from ..markup import md_text
from ..model import Node, Plan
from ..pages import heading
from . import citing
from . import labels as E
from .translation import English

WORDS = Words(
    html_lang="en",
    kind=E.KIND,
    kind_in_sentence={kind: name.lower() for kind, name in E.KIND.items()},
    nav=E.NAV,
    trail=E.TRAIL,
    previous=E.PREVIOUS,
    next=E.NEXT,
    summary=E.SUMMARY,
    summary_badge=E.SUMMARY_MARK,
    summary_mark=E.SUMMARY_MARK,
    summary_basis=E.SUMMARY_BASIS,
    from_interpretation=E.FROM_INTERPRETATION,
    editorial=E.EDITORIAL,
    only_listed=E.ONLY_LISTED,
    never_named=E.NEVER_NAMED,
    related=E.RELATED,
    topics=E.TOPICS,
    related_of=E.RELATED_OF,
    parent=E.PARENT,
    children=E.CHILDREN,
    supported_by=E.SUPPORTED_BY,
    supports=E.SUPPORTS,
    jointly=E.JOINTLY,
    mentions=E.MENTIONS,
    mentioned_by=E.MENTIONED_BY,
    discussed_in=E.DISCUSSED_IN,
    role=E.ROLE,
    sources=E.SOURCES,
    facts_source=E.FACTS_SOURCE,
    report=E.REPORT,
    heading_source=E.HEADING_SOURCE,
    indicators=E.INDICATORS,
    reported_wording=E.REPORTED_WORDING,
    reported_wording_note=E.REPORTED_WORDING_NOTE,
    cite=E.CITE,
    access_date=E.ACCESS_DATE,
    cite_downloads=citing.DOWNLOADS,
    short_link=E.SHORT_LINK,
    share=citing.WORDS,
    colon=E.COLON,
    list_separator=E.LIST_SEPARATOR,
    basis_separator=E.REASON_SEPARATOR,
    reason_separator=E.REASON_SEPARATOR,
    badge_gap=" ",
    aside=E.ASIDE,
    moves_separator=E.MOVES_SEPARATOR,
    quoted=E.QUOTED,
    attribution=E.ATTRIBUTION,
    indicator=E.INDICATOR,
    indicator_gap=E.INDICATOR_GAP,
    indicator_report=E.INDICATOR_REPORT,
    # The quotations are Chinese: on an English page they would only make it a second answer to Chinese queries
    # that the In Chinese section and the Chinese edition already answer.
    sources_in_search=False,
)


@dataclass(frozen=True)
class EnglishEdition:
    english: English
    words: Words = WORDS

    def title(self, node: Node) -> str:
        return self.english.title(node.id)

    def summary(self, node: Node) -> str:
        return self.english.summary(node.id)

    def note(self, reason: str) -> str:
        return self.english.note(reason)

    def sentence_label(self, sentence_id: str) -> str:
        return E.sentence_label(sentence_id, question_number(sentence_id), sentence_number(sentence_id))

    def numbered(self, kind: str, number: int | None) -> str:
        return E.numbered(kind, number)

    def index_title(self, plan: Plan, node_type: type[Node]) -> str:
        return E.INDEX_TITLE[node_type.key].format(count=len(plan.of(node_type)))

    def section_ordinal(self, number: int) -> str:
        return E.QUESTION.format(number=number)

    def plan_citation(self, plan: Plan, part: str, url: str) -> Citation:
        return citing.plan_citation(plan, self.english, part, url)

    def citation_head(self, citation: Citation) -> str:
        return citing.head(citation)

    def description(self, plan: Plan, node: Node) -> str:
        kind = E.numbered(node.kind, node.number) or E.KIND[node.kind]
        return E.DESCRIPTION.format(kind=kind, plan=self.english.short_title.en, summary=self.english.summary(node.id))

    def index_description(self, plan: Plan, title: str, names: list[str]) -> str:
        return f"{title} of the {self.english.short_title.en}. {E.NOTICE_META}"

    def grouped_description(self, names: list[str]) -> str:
        return f"{E.LIST_SEPARATOR.join(names)}. {E.NOTICE_META}"

    def sentence_quote(self, plan: Plan, sentence_id: str, quotes: list[str], link: str) -> str:
        """The sentence in English, its Chinese original under it (the words that name the node cannot be
        marked in a translation)."""
        rendering = self.english.sentences[sentence_id]
        original = f'<span lang="zh-CN" data-search-exclude>{md_text(rendering.zh)}</span>'
        return f"> {md_text(rendering.en)}\n>\n> {original}\n{{: .quoted-original }}\n>\n> — {link}"

    def extra_sections(self, node: Node) -> list[str]:
        return [in_chinese(node)]

    def data_line(self, here: str) -> str:
        return ""  # the data files are the Chinese edition's


def in_chinese(node: Node) -> str:
    """The node's title and the site's summary as the Chinese edition has them: what the English renders, and
    what a Chinese query typed on an English page finds (its heading is a search result of its own)."""
    title = f'{E.IN_CHINESE}: <span lang="zh-CN">{html.escape(heading(node))}</span>'
    parts = [f"## {title} {{#{node.id.lower()}-zh .original-title }}"]
    if node.summary:
        badge = f'<span class="badge-editorial">{html.escape(ZH.SUMMARY_BADGE)}</span>'
        parts.append(f'<span lang="zh-CN">{badge}{md_text(node.summary)}</span>')
    return "\n\n".join(parts)
