"""The English edition as the page renderer (`plansite/pages.py`) sees it: its words and ASCII punctuation,
titles and summaries from the translation, its citations, each quoted sentence in English over its Chinese
original, and the In Chinese section that only its node pages have."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import labels as ZH
from ..citation import Citation
from ..edition import CHINESE
from ..ids import question_number, sentence_number
from ..markup import md_text
from ..model import Node, Plan
from ..pages import heading
from ..search import Language
from ..words import Words
from . import citing
from . import labels as E
from .translation import English

if TYPE_CHECKING:  # the modules that render the English pages import this one
    from ..link_images import LinkImage
    from ..pages import NavEntry


@dataclass(frozen=True)
class EnglishEdition:
    english: English
    words: Words = E.WORDS
    folder: str = "en/"  # the Chinese site's en/ folder, at the Chinese pages' paths
    docs_pages: bool = False  # docs/ holds the Chinese text: every English page is made from data/en/

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

    def count(self, number: int) -> str:
        return str(number)

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

    # The modules below render with this edition themselves, so they are imported when first needed.

    def pages(self, plan: Plan, site_url: str) -> dict[str, str]:
        from .pages import english_pages

        return english_pages(plan, self.english, site_url)

    def navigation(self, plan: Plan) -> list[NavEntry]:
        from .pages import navigation

        return navigation(plan, self.english)

    def link_images(self, plan: Plan, site_name: str) -> dict[str, LinkImage]:
        from .link_images import link_images

        return link_images(plan, self.english)

    def link_image_alt(self, image: LinkImage) -> str:
        from .link_images import alt

        return alt(image)

    def described(self, description: str) -> str:
        """Every description says that the page is the site's translation, as the page itself does."""
        return description if E.NOTICE_META in description else f"{description} {E.NOTICE_META}".strip()

    def page_citation(self, plan: Plan, docs_path: str, title: str, site_url: str) -> Citation:
        return citing.page_citation(plan, self.english, docs_path, title, site_url)

    def page_metadata(
        self, plan: Plan, cited: Citation, docs_path: str, node: Node | None, site_url: str, root_url: str
    ) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        return citing.page_metadata(plan, self.english, cited, docs_path, node, site_url, root_url)

    def reference_files(self, plan: Plan, site_url: str) -> dict[str, bytes]:
        cited = citing.cited_pages(plan, self.english, site_url, lambda node: heading(node, self))
        return citing.reference_files(plan, self.english, cited)

    def downloads_line(self, key: str, here: str, files: dict[str, bytes], offline: bool) -> str:
        return citing.downloads_line(key, here, offline)

    def reading_aids(self, plan: Plan, markdown: str) -> str:
        from ..hover_cards import page_hover_cards
        from .hover_cards import wording

        # the quoting control is on the page already
        return page_hover_cards(plan, markdown, wording(plan, self.english))

    def search_tables(self, plan: Plan) -> Language:
        """The English words, and the Chinese edition's: a reader of the English pages may type 工信部 or 措施5,
        which the pages' Chinese titles and originals answer."""
        chinese = CHINESE.search_tables(plan)
        names = {kind: (*E.SEARCH_NAMES.get(kind, ()), *chinese.names.get(kind, ())) for kind in E.KIND}
        return Language(
            names,
            (*E.SEARCH_FILLERS, *chinese.fillers),
            {**chinese.synonyms, **E.SEARCH_SYNONYMS},
            (E.SUMMARY_MARK, E.EDITORIAL),
        )


def in_chinese(node: Node) -> str:
    """The node's title and the site's summary as the Chinese edition has them: what the English renders, and
    what a Chinese query typed on an English page finds (its heading is a search result of its own)."""
    title = f'{E.IN_CHINESE}: <span lang="zh-CN">{html.escape(heading(node))}</span>'
    parts = [f"## {title} {{#{node.id.lower()}-zh .original-title }}"]
    if node.summary:
        badge = f'<span class="badge-editorial">{html.escape(ZH.SUMMARY_BADGE)}</span>'
        parts.append(f'<span lang="zh-CN">{badge}{md_text(node.summary)}</span>')
    return "\n\n".join(parts)
