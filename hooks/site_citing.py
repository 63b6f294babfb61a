"""MkDocs hooks, citing: the reference-manager files (RIS, BibTeX), the 引用本页 section of the interpretation's
pages, every page's citation metadata (Highwire, Dublin Core, JSON-LD) and the QR code of its address that
only a printed page shows. What is cited and how it is written is decided in `plansite.citation`."""

from __future__ import annotations

import html
import re
from typing import Any

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_state
from plansite import labels, metadata, pages, reference_files, share
from plansite.citation import interpretation_citation, page_citation
from plansite.interpretation import INDEX_PAGE
from plansite.markup import script_json
from plansite.model import Section
from plansite.urls import FULL_TEXT, public_url


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = site_state.current()
    for path, data in reference_files.reference_files(state.plan, config.site_url or "").items():
        files.append(File.generated(config, path, content=data))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The interpretation's pages cite the interpretation: a Q&A page its section, with the two buttons and
    its files; the preamble and the full text the whole interpretation."""
    state = site_state.current()
    here = page.file.src_uri
    site_url = config.site_url or ""
    section: Section | None = state.sections.get(here)
    if section is not None:
        shown = state.plan.interpretation.pages[here]
        cited = interpretation_citation(state.plan, shown.title, public_url(here, site_url))
        buttons = share.cite_buttons(cited, shown.title)
        key = section.id.lower()
    elif here in (INDEX_PAGE, FULL_TEXT):
        cited = interpretation_citation(state.plan, "", public_url(here, site_url))
        buttons, key = "", reference_files.INTERPRETATION_KEY
    else:
        return markdown
    block = pages.citation_section(cited, here, key)
    if buttons:
        heading, rest = block.split("\n\n", 1)
        block = f"{heading}\n\n{buttons}\n\n{rest}"
    return f"{markdown}\n\n{block}\n"


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    """Every page's citation metadata (hooks/theme/main.html writes it) and the QR code for its masthead."""
    state = site_state.current()
    here = page.file.src_uri
    site_url = config.site_url or ""
    node = state.nodes_by_page.get(here)
    title = pages.heading(node) if node is not None else html.unescape(re.sub(r"<[^>]+>", "", page.title or ""))
    cited = page_citation(state.plan, here, title, site_url)
    summary = node.summary if node is not None else ""
    page.meta["citing"] = {
        "tags": metadata.meta_tags(cited, summary),
        "json_ld": script_json(metadata.json_ld(state.plan, cited, here, site_url, node)),
    }
    masthead = page.meta.get("masthead")
    if isinstance(masthead, dict):
        masthead["qr"] = qr_svg(public_url(here, site_url))
    return context


def qr_svg(url: str) -> str:
    """The address as a QR code, inline SVG sized by the stylesheet (print only). Medium error correction:
    a printed page survives a fold or a smudge."""
    code = segno.make(url, error="m", micro=False)
    return str(
        code.svg_inline(scale=1, border=2, omitsize=True, svgclass="print-qr", lineclass=None, title=labels.PRINT_QR)
    )
