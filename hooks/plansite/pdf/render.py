"""Typst, bundled by the `typst` package, turns a PDF's data into the file: tagged (PDF/UA-1), with its
outline, links, subset-embedded Noto Sans CJK, and dated by the build's date so that one commit gives one file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import typst

from .. import link_images

TEMPLATE = Path(__file__).with_name("edition.typ")
# PDF/UA-1: the compiler refuses a document that breaks it (no title, an image without alt).
STANDARD: Literal["ua-1"] = "ua-1"


class NoFont(RuntimeError):
    """Noto Sans CJK SC is not installed (`./dev build` installs Debian's fonts-noto-cjk)."""


def font_folders() -> list[str]:
    """The folders of the CJK font the link preview images use; only these are searched, never the system's others,
    so that the PDF does not change with what else a machine has installed."""
    fonts = link_images.find_fonts()
    if fonts is None:
        raise NoFont("Noto Sans CJK SC not found: install Debian's fonts-noto-cjk (./dev build does)")
    return sorted({str(Path(fonts.regular).parent), str(Path(fonts.bold).parent)})


def render(document: dict[str, Any], epoch: int, fonts: list[str] | None = None) -> bytes:
    """The PDF of `document` (plansite.pdf.content), dated `epoch` (seconds since 1970, UTC)."""
    data = json.dumps(document, ensure_ascii=False, sort_keys=True)
    pdf = typst.compile(
        TEMPLATE,
        root=TEMPLATE.parent,
        font_paths=[Path(f) for f in (fonts if fonts is not None else font_folders())],
        ignore_system_fonts=True,
        sys_inputs={"document": data},
        pdf_standards=STANDARD,
        timestamp=epoch,
    )
    assert isinstance(pdf, bytes)
    return pdf
