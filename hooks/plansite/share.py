"""What a reader takes away from a page: buttons that copy a node's link or citation, and the data links.

The buttons are plain HTML written at build time; their data attributes carry the canonical address and
the citation up to its access date, which docs/assets/javascripts/share.js adds at copy time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from . import labels as L
from .citation import Citation, gbt7714_head, plan_citation
from .markup import attr, md_link, relative
from .model import Measure, Node, Plan
from .typography import chinese_numeral
from .urls import MEASURES_CSV, PLAN_BIBTEX, PLAN_JSON, PLAN_RIS, PLAN_SCHEMA, page_of, public_url
from .words import ShareWords

CHINESE = L.WORDS.share


def share_buttons(plan: Plan, node: Node, name: str, site_url: str) -> str:
    """The buttons of a node named `name` (`M5 加快…`), as a raw HTML block for its page or its section.
    Kept out of the search index: their labels are not the page's content."""
    return cite_buttons(plan_citation(plan, name, public_url(page_of(node), site_url)), name)


def cite_buttons(
    citation: Citation,
    name: str,
    words: ShareWords = CHINESE,
    cited: Callable[[Citation], str] = gbt7714_head,
) -> str:
    """复制链接 and 引用 for any cited page (a node, a Q&A), named `name` for screen readers; `cited` writes the
    citation up to its access date, which share.js completes."""
    return (
        f'<div class="share" role="group" aria-label="{attr(words.share.format(name=name))}"'
        f' data-url="{attr(citation.url)}" data-cite="{attr(cited(citation))}"'
        f' data-markdown="{attr(markdown_link(name, citation.url))}" data-search-exclude>'
        f'<button type="button" data-share="link">{words.copy_link}</button>'
        f'<button type="button" data-share="cite" aria-label="{attr(words.copy_citation_name)}">'
        f"{words.copy_citation}</button>"
        f'<button type="button" data-share="markdown">{words.copy_markdown}</button></div>'
    )


# Backslash escapes for what Markdown reads as markup in a link's text (each holds in Python-Markdown and
# CommonMark alike); `<` and a `&` that starts a character reference as entities, which both read as text.
_MARKDOWN_LINK_TEXT = re.compile(r"([\\\[\]*_`])")
_MARKDOWN_ENTITIES = re.compile(r"<|&(?=#?\w+;)")
_MARKDOWN_URL = {"(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E"}


def markdown_link(name: str, url: str) -> str:
    """`[M5 加快重点行业工业元宇宙布局](https://…/measures/m5/)`, as a reader pastes it into Markdown: what
    Markdown would read as markup in the name escaped (brackets, backslashes, emphasis, code, HTML), and what
    would end the address early (brackets, spaces) encoded."""
    text = _MARKDOWN_LINK_TEXT.sub(r"\\\1", name)
    text = _MARKDOWN_ENTITIES.sub(lambda found: "&lt;" if found[0] == "<" else "&amp;", text)
    target = "".join(_MARKDOWN_URL.get(char, char) for char in url)
    return f"[{text}]({target})"


def status_region() -> str:
    """One live region per page: share.js writes its confirmation here, and screen readers announce it. The
    confirmations' words are in the script (status_words), once for every page of both editions."""
    return '<div class="share-status" role="status" aria-live="polite"></div>'


def status_words(editions: Mapping[str, ShareWords]) -> dict[str, dict[str, str]]:
    """What share.js says after copying, by the `lang` of the page's <html>: written into the script by the
    build (STATUS_PLACEHOLDER), the same script for both editions."""
    return {
        lang: {
            "link": words.copied_link,
            "cite": words.copied_citation,
            "markdown": words.copied_markdown,
            "quote": words.copied_quote,
            "failed": words.copy_failed,
        }
        for lang, words in editions.items()
    }


def data_line(here: str) -> str:
    """The small line at the end of a node page that leads to the machine-readable data."""
    links = _links(here)
    return L.DATA_LINE.format(json=links["json"], csv=links["csv"]) + "\n{: .data-links }"


def data_downloads(plan: Plan, here: str) -> str:
    """The home page's sentence about the data files."""
    links = _links(here)
    measures = chinese_numeral(len(plan.of(Measure)))
    return L.DATA_DOWNLOADS.format(
        json=links["json"], csv=links["csv"], schema=relative(here, PLAN_SCHEMA), measures=measures
    ) + L.DATA_CITATIONS.format(
        ris=md_link("plan.ris", relative(here, PLAN_RIS)), bibtex=md_link("plan.bib", relative(here, PLAN_BIBTEX))
    )


def _links(here: str) -> dict[str, str]:
    return {
        "json": md_link("plan.json", relative(here, PLAN_JSON)),
        "csv": md_link("measures.csv", relative(here, MEASURES_CSV)),
    }
