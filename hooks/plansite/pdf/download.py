"""The line on the home page and the full text that offers the edition's PDF."""

from __future__ import annotations

import os
from pathlib import Path

from .. import labels as L
from ..english import labels as E
from ..status import build_day
from ..urls import public_url
from . import FILES, PDF_DIR, attr, download_uri, size_text


def note(language: str, here: str, site_url: str, *, offline: bool, edition_folder: str = "") -> str:
    """The download line of a page: online a relative link with the file's size and date, in the offline copy a
    link to the online file (the zip does not carry the PDFs), and a note when there is none to offer.

    `site_url` is the site's own address (not an edition's), `edition_folder` where the page's edition lives
    in the site (`en/`), so that its pages reach the one /downloads/ folder; the files are looked for in the
    folder `PDF_DIR` names, and dated by the build's date."""
    with_size, online, missing = (
        (E.PDF_DOWNLOAD, E.PDF_ONLINE, E.PDF_MISSING)
        if language == "en"
        else (
            L.PDF_DOWNLOAD,
            L.PDF_ONLINE,
            L.PDF_MISSING,
        )
    )
    uri = download_uri(language)
    if offline:
        return online.format(link=attr(public_url("index.md", site_url) + uri)) if site_url else missing
    folder = os.environ.get(PDF_DIR)
    file = Path(folder) / FILES[language] if folder else None
    if file is None or not file.is_file():
        return missing
    up = len([part for part in (edition_folder + public_url(here, "/")).split("/") if part])
    return with_size.format(link=attr("../" * up + uri), size=size_text(file.stat().st_size), date=build_day())


def served() -> dict[str, str]:
    """The PDFs to publish, site path → file: those `PDF_DIR` holds (none when it is not set)."""
    folder = os.environ.get(PDF_DIR)
    found = {download_uri(lang): Path(folder) / name for lang, name in FILES.items()} if folder else {}
    return {uri: str(path) for uri, path in found.items() if path.is_file()}
