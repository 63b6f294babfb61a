"""MkDocs hooks, citing: the reference-manager files (RIS, BibTeX), the 引用本页 section of the interpretation's
pages, every page's citation metadata (Highwire, Dublin Core, JSON-LD) and the QR code of its address that
only a printed page shows. What is cited and how it is written is decided in `plansite.citation`."""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path
from typing import Any

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_state
from plansite import labels, pages, reference_files, share
from plansite.citation import interpretation_citation
from plansite.interpretation import INDEX_PAGE
from plansite.markup import script_json
from plansite.model import Section
from plansite.urls import CITE_FOLDER, FULL_TEXT, public_url


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The whole Plan's RIS and BibTeX, and each page's pair; the offline copy carries each page's pair inside
    the page instead (see `reference_files.downloads_line`)."""
    state = site_state.current()
    state.reference_files = state.edition.reference_files(state.plan, state.site_url)
    for path, data in state.reference_files.items():
        if not (state.offline and path.startswith(CITE_FOLDER + "/")):
            files.append(File.generated(config, path, content=data))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The interpretation's pages cite the interpretation: a Q&A page its section, with the two buttons and
    its files; the preamble and the full text the whole interpretation. Then every line that offers a page's
    citation files is filled in."""
    state = site_state.current()
    here = page.file.src_uri
    if state.edition.docs_pages:  # the pages made from data carry their citation section already
        markdown += _interpretation_citation(here, state.site_url)
    marker = re.compile(re.escape(state.edition.words.cite_downloads).replace(r"\{key\}", "([a-z0-9-]+)"))
    return marker.sub(
        lambda m: state.edition.downloads_line(m[1], here, state.reference_files, state.offline), markdown
    )


def _interpretation_citation(here: str, site_url: str) -> str:
    state = site_state.current()
    section: Section | None = state.sections.get(here)
    if section is not None:
        shown = state.plan.interpretation.pages[here]
        cited = interpretation_citation(state.plan, shown.title, public_url(here, site_url))
        heading, rest = pages.citation_section(cited, here, section.id.lower()).split("\n\n", 1)
        return f"\n\n{heading}\n\n{share.cite_buttons(cited, shown.title)}\n\n{rest}\n"
    if here in (INDEX_PAGE, FULL_TEXT):
        cited = interpretation_citation(state.plan, "", public_url(here, site_url))
        return f"\n\n{pages.citation_section(cited, here, reference_files.INTERPRETATION_KEY)}\n"
    return ""


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    """Every page's citation metadata (hooks/theme/main.html writes it) and the QR code for its masthead.

    Both are for the published pages: the metadata for the tools that save a web page, the QR code to lead a
    printed page back to it. The offline copy leaves them out (about 32 KB of its zip, which its 400 KB budget
    has no room for; its printed pages still give the address as text) and keeps the citations and their files."""
    state = site_state.current()
    if state.offline:
        return context
    here = page.file.src_uri
    node = state.nodes_by_page.get(here)
    if node is not None:
        title = pages.heading(node, state.edition)
    else:
        title = html.unescape(re.sub(r"<[^>]+>", "", page.title or ""))
    cited = state.edition.page_citation(state.plan, here, title, state.site_url)
    tags, described = state.edition.page_metadata(state.plan, cited, here, node, state.site_url, state.root_url)
    page.meta["citing"] = {"tags": tags, "json_ld": script_json(described)}
    masthead = page.meta.get("masthead")
    if isinstance(masthead, dict):
        masthead["qr"] = _cached_qr(config, public_url(here, state.site_url), state.edition.words.print_qr)
    return context


QR_CACHE = Path(".cache/qr")  # the QR codes by the hash of what they encode and how, relative to mkdocs.yml


def qr_svg(url: str, title: str = labels.PRINT_QR) -> str:
    """The address as a QR code, inline SVG sized by the stylesheet (print only). Medium error correction:
    a printed page survives a fold or a smudge."""
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="print-qr", lineclass=None, title=title))


def _cached_qr(config: MkDocsConfig, url: str, title: str) -> str:
    """`qr_svg`, kept in .cache/qr between builds: choosing the best of the eight masks takes segno about
    5 ms a page, a fifth of a warm build, and the result only changes with the address, the label or segno."""
    key = hashlib.sha256(f"{segno.__version__}\n{title}\n{url}".encode()).hexdigest()
    path = Path(config.config_file_path).parent / QR_CACHE / f"{key}.svg"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    svg = qr_svg(url, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(svg, encoding="utf-8")
    partial.replace(path)
    return svg
