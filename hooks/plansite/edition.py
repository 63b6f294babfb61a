"""What an edition of the site (Chinese, or the English translation) supplies to the one page renderer in
`plansite/pages.py`: its words and punctuation, each node's title and summary in its language, how it cites,
and what only its pages carry. The Chinese edition is here; the English one is `plansite/english/edition.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import labels as L
from . import share
from .citation import Citation, gbt7714_head, plan_citation
from .markup import md_text
from .model import Node, Plan
from .search import Language
from .typography import chinese_numeral
from .words import Words

if TYPE_CHECKING:  # the modules that render with an edition import this one
    from .link_images import LinkImage
    from .pages import NavEntry


class Edition(Protocol):
    """One language of the site's pages: the renderer and the build's hooks ask it for everything that is
    not the same in both."""

    @property
    def words(self) -> Words: ...

    @property
    def folder(self) -> str:
        """Where the edition is in the site: "" (the root) or "en/"."""
        ...

    @property
    def docs_pages(self) -> bool:
        """Whether the hand-written pages of docs/ are this edition's; if not, `pages` gives every page."""
        ...

    def pages(self, plan: Plan, site_url: str) -> dict[str, str]:
        """Every page made from the plan: docs path → Markdown. `site_url` is the edition's own address."""
        ...

    def navigation(self, plan: Plan) -> list[NavEntry]: ...

    def link_images(self, plan: Plan, site_name: str) -> dict[str, LinkImage]:
        """docs path → what its link-preview image shows."""
        ...

    def link_image_alt(self, image: LinkImage) -> str:
        """A link-preview image's text alternative."""
        ...

    def described(self, description: str) -> str:
        """A page's description as its metadata carries it."""
        ...

    def page_citation(self, plan: Plan, docs_path: str, title: str, site_url: str) -> Citation:
        """What a page cites, by its docs path and title."""
        ...

    def page_metadata(
        self, plan: Plan, cited: Citation, docs_path: str, node: Node | None, site_url: str, root_url: str
    ) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        """A page's citation metadata: the Highwire and Dublin Core tags, and the schema.org description."""
        ...

    def reference_files(self, plan: Plan, site_url: str) -> dict[str, bytes]:
        """The RIS and BibTeX files, by their path in the edition."""
        ...

    def downloads_line(self, key: str, here: str, files: dict[str, bytes], offline: bool) -> str:
        """Where a citation section offers its RIS and BibTeX (`words.cite_downloads` marks the place)."""
        ...

    def reading_aids(self, plan: Plan, markdown: str) -> str:
        """What a page of the interpretation's sentences adds at its end: the hover cards of the items its
        name links point to (and, where the page does not carry it, the control that quotes a selection)."""
        ...

    def search_tables(self, plan: Plan) -> Language:
        """How readers name items in this language, for the search engine (plansite/search.py)."""
        ...

    def title(self, node: Node) -> str:
        """The node's title, without its id: 加快重点行业工业元宇宙布局."""
        ...

    def summary(self, node: Node) -> str:
        """The site's summary of the node; "" when this edition has none."""
        ...

    def note(self, reason: str) -> str:
        """One of the site's reasons (editorial), given in Chinese in the data, in this edition's language."""
        ...

    def sentence_label(self, sentence_id: str) -> str: ...

    def numbered(self, kind: str, number: int | None) -> str:
        """How the Plan counts an item: 措施5, Measure 5; "" for an item without a number."""
        ...

    def index_title(self, plan: Plan, node_type: type[Node]) -> str: ...

    def section_ordinal(self, number: int) -> str:
        """A Q&A by its number inside a sentence: 第三问, question 3."""
        ...

    def count(self, number: int) -> str:
        """A number as a sentence of this edition writes it: 四, 4."""
        ...

    def plan_citation(self, plan: Plan, part: str, url: str) -> Citation: ...

    def citation_head(self, citation: Citation) -> str:
        """The citation up to its access date, which the page leaves to the reader and the button fills in."""
        ...

    def description(self, plan: Plan, node: Node) -> str:
        """A node page's description (search engines, link previews)."""
        ...

    def index_description(self, plan: Plan, title: str, names: list[str]) -> str: ...

    def grouped_description(self, names: list[str]) -> str: ...

    def sentence_quote(self, plan: Plan, sentence_id: str, quotes: list[str], link: str) -> str:
        """A sentence of the interpretation that discusses a node, as a block quote ending in `link`;
        `quotes` are the words of it that name the node."""
        ...

    def extra_sections(self, node: Node) -> list[str]:
        """Sections only this edition's node pages have, after the summary."""
        ...

    def data_line(self, here: str) -> str:
        """The end of a node page or a grouped page: the links to the data files, or ""."""
        ...


@dataclass(frozen=True)
class Chinese:
    """The Chinese edition: the data's own titles and summaries, GB/T 7714 citations, the interpretation's
    sentences with the words that name the node marked."""

    words: Words = L.WORDS
    folder: str = ""
    docs_pages: bool = True

    def title(self, node: Node) -> str:
        return node.title

    def summary(self, node: Node) -> str:
        return node.summary

    def note(self, reason: str) -> str:
        return reason

    def sentence_label(self, sentence_id: str) -> str:
        return L.sentence_label(sentence_id)

    def numbered(self, kind: str, number: int | None) -> str:
        return L.numbered(kind, number)

    def index_title(self, plan: Plan, node_type: type[Node]) -> str:
        return L.index_title(plan, node_type)

    def section_ordinal(self, number: int) -> str:
        return L.section_ordinal(number)

    def count(self, number: int) -> str:
        return chinese_numeral(number)

    def plan_citation(self, plan: Plan, part: str, url: str) -> Citation:
        return plan_citation(plan, part, url)

    def citation_head(self, citation: Citation) -> str:
        return gbt7714_head(citation)

    def description(self, plan: Plan, node: Node) -> str:
        return L.SUMMARY_DESCRIPTION.format(summary=node.summary)

    def index_description(self, plan: Plan, title: str, names: list[str]) -> str:
        return L.LIST_SEPARATOR.join(names)

    def grouped_description(self, names: list[str]) -> str:
        return L.LIST_SEPARATOR.join(names)

    def sentence_quote(self, plan: Plan, sentence_id: str, quotes: list[str], link: str) -> str:
        text = plan.interpretation.sentences[sentence_id].text
        spans: list[tuple[int, int]] = []
        for quote in quotes:
            start = text.find(quote)
            if start >= 0 and not any(start < e and start + len(quote) > b for b, e in spans):
                spans.append((start, start + len(quote)))
        marked, cursor = [], 0
        for start, end in sorted(spans):  # Markdown-escaped: a quoted `[…](javascript:…)` stays text
            marked += [md_text(text[cursor:start]), f"<mark>{md_text(text[start:end])}</mark>"]
            cursor = end
        marked.append(md_text(text[cursor:]))
        return f"> {''.join(marked)}\n>\n> — {link}"

    def extra_sections(self, node: Node) -> list[str]:
        return []

    def data_line(self, here: str) -> str:
        return share.data_line(here)

    # The modules below render with an edition themselves, so they are imported when first needed.

    def pages(self, plan: Plan, site_url: str) -> dict[str, str]:
        from .pages import generated_pages

        return generated_pages(plan, site_url)

    def navigation(self, plan: Plan) -> list[NavEntry]:
        from .pages import navigation

        return navigation(plan)

    def link_images(self, plan: Plan, site_name: str) -> dict[str, LinkImage]:
        from .link_images import link_images

        return link_images(plan, site_name)

    def link_image_alt(self, image: LinkImage) -> str:
        return image.alt

    def described(self, description: str) -> str:
        return description

    def page_citation(self, plan: Plan, docs_path: str, title: str, site_url: str) -> Citation:
        from .citation import page_citation

        return page_citation(plan, docs_path, title, site_url)

    def page_metadata(
        self, plan: Plan, cited: Citation, docs_path: str, node: Node | None, site_url: str, root_url: str
    ) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        from .metadata import json_ld, meta_tags, site_summary

        summary = site_summary(node.summary if node is not None else "")
        return meta_tags(cited, summary), json_ld(plan, cited, docs_path, site_url, node)

    def reference_files(self, plan: Plan, site_url: str) -> dict[str, bytes]:
        from .reference_files import reference_files

        return reference_files(plan, site_url)

    def downloads_line(self, key: str, here: str, files: dict[str, bytes], offline: bool) -> str:
        from .reference_files import downloads_line

        return downloads_line(key, here, files, offline)

    def reading_aids(self, plan: Plan, markdown: str) -> str:
        from .hover_cards import page_hover_cards
        from .quoting import quote_control

        cards = page_hover_cards(plan, markdown)
        return quote_control(plan) + ("\n\n" + cards if cards else "")

    def search_tables(self, plan: Plan) -> Language:
        marks = (L.SUMMARY_BADGE, L.SUMMARY_MARK, L.EDITORIAL)
        return Language(L.SEARCH_NAMES, L.SEARCH_FILLERS, L.search_synonyms(plan), marks)


CHINESE = Chinese()
