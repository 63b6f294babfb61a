"""The PDF edition of each language: the interpretation sentence by sentence with its ids, the Plan's structure
and the facts box, made from the plan (not from the built pages) by Typst, and the line that offers it.

`content.py` gathers what a PDF says, in one language (`PdfWords`, `Language`); `edition.typ` lays it out;
`render.py` runs the Typst compiler that the `typst` package bundles. `scripts/pdf.py` writes the files, and the
site serves them from /downloads/ (`PDF_DIR` names the folder they were written to).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..urls import DOWNLOADS, public_url

PDF_DIR = "PLAN_PDF_DIR"  # set by ./dev build: the folder scripts/pdf.py wrote the PDFs into
MARKER = "<!-- plan:pdf -->"  # on the home page and the full text: replaced by the download line
FILES = {"zh": "metaverse-action-plan.pdf", "en": "metaverse-action-plan-en.pdf"}


def download_uri(language: str) -> str:
    """Where the site serves a language's PDF: `downloads/metaverse-action-plan.pdf`, for both editions."""
    return f"{DOWNLOADS}/{FILES[language]}"


def download_note(
    language: str,
    here: str,
    site_url: str,
    *,
    offline: bool,
    folder: str | None,
    templates: tuple[str, str, str],
    day: str,
    edition_folder: str = "",
) -> str:
    """The download line: online a relative link with the file's size and date, in the offline copy a link to
    the online file (the zip does not carry the PDFs), and a note when there is none to offer.

    `templates` are the edition's (link with size and date, online link, missing); `edition_folder` is where
    the edition lives in the site (`en/`), so that its pages reach the one /downloads/ folder."""
    with_size, online, missing = templates
    uri = download_uri(language)
    if offline:
        return online.format(link=_attr(public_url("index.md", site_url) + uri)) if site_url else missing
    file = Path(folder) / FILES[language] if folder else None
    if file is None or not file.is_file():
        return missing
    depth = public_url(here, "/").strip("/").count("/") + (1 if public_url(here, "/").strip("/") else 0)
    depth += edition_folder.strip("/").count("/") + (1 if edition_folder.strip("/") else 0)
    return with_size.format(link=_attr("../" * depth + uri), size=size_text(file.stat().st_size), date=day)


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def folder_from_environment() -> str | None:
    return os.environ.get(PDF_DIR) or None


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
