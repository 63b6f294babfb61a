"""The PDF edition of each language: the interpretation sentence by sentence with its ids, the Plan's structure
and the facts box, made from the plan (not from the built pages) by Typst, and the line that offers it.

`content.py` gathers what a PDF says, in one language (`PdfWords`, `Language`); `edition.typ` lays it out;
`render.py` runs the Typst compiler that the `typst` package bundles; `download.py` writes the line that
offers a PDF on the pages. `scripts/pdf.py` writes the files, and the
site serves them from /downloads/ (`PDF_DIR` names the folder they were written to).
"""

from __future__ import annotations

from ..urls import DOWNLOADS

PDF_DIR = "PLAN_PDF_DIR"  # set by ./dev build: the folder scripts/pdf.py wrote the PDFs into
MARKER = "<!-- plan:pdf -->"  # on the home page and the full text: replaced by the download line
FILES = {"zh": "metaverse-action-plan.pdf", "en": "metaverse-action-plan-en.pdf"}


def download_uri(language: str) -> str:
    """Where the site serves a language's PDF: `downloads/metaverse-action-plan.pdf`, for both editions."""
    return f"{DOWNLOADS}/{FILES[language]}"


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
