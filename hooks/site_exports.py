"""MkDocs hooks, exports and previews: the data files (plan.json, measures.csv), the link-preview images
and tags of every page, and the offline copy the online site offers for download."""

from __future__ import annotations

import html
import logging
import os
import re
import time
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_state
from plansite import exports, labels, pages, preview_image
from plansite.markup import relative
from plansite.pdf import MARKER as PDF_MARKER
from plansite.pdf import download as pdf_download
from plansite.urls import DOWNLOADS, HOME, public_url

DOWNLOAD_MARKER = "<!-- plan:download -->"
BUNDLE = Path("dist/metaverse-action-plan-offline.zip")  # made by ./dev bundle, relative to mkdocs.yml
DOWNLOAD_URI = f"{DOWNLOADS}/{BUNDLE.name}"  # where the online site serves it
PREVIEW_CACHE = Path(".cache/previews")  # link-preview PNGs by the hash of what they show, relative to mkdocs.yml
OFFLINE_BUNDLE = "OFFLINE_BUNDLE"  # set: the offline zip to offer, instead of BUNDLE
PREVIEW_FONT_DIR = "PREVIEW_FONT_DIR"  # set: look for the CJK font only in this folder (tests point it at nothing)
log = logging.getLogger("mkdocs.hooks.site_exports")


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = site_state.current()
    # ./dev build names the zip it has just built beside this build, to be published with it.
    bundle = Path(os.environ.get(OFFLINE_BUNDLE) or Path(config.config_file_path).parent / BUNDLE)
    state.bundle = bundle if bundle.is_file() and not state.offline else None
    state.fonts = None if state.offline else _preview_fonts()  # a link preview is made from the online page only
    state.previews = preview_image.previews(state.plan, config.site_name) if state.fonts else {}
    return config


def _preview_fonts() -> preview_image.Fonts | None:
    """The CJK font the link-preview images are drawn with; without one (said at INFO: strict mode stops at a
    warning) the site has no images rather than images of boxes."""
    only = os.environ.get(PREVIEW_FONT_DIR)
    fonts = preview_image.find_fonts([only], ask_fontconfig=False) if only is not None else preview_image.find_fonts()
    if fonts is None:
        log.info(labels.PREVIEW_NO_FONT)
    return fonts


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = site_state.current()
    if state.bundle:
        files.append(File.generated(config, DOWNLOAD_URI, abs_src_path=str(state.bundle)))
    for uri, pdf in pdf_download.served().items() if not state.offline else ():  # the PDF editions (./dev build)
        files.append(File.generated(config, uri, abs_src_path=pdf))
    for path, data in exports.exported_files(state.plan, config.site_url or "").items():
        files.append(File.generated(config, path, content=data))
    if state.previews and state.fonts:  # drawn into the cache the first time, copied from it after that
        cache = Path(config.config_file_path).parent / PREVIEW_CACHE
        images = preview_image.cached_images(state.previews.values(), state.fonts, cache)
        for preview in state.previews.values():
            files.append(File.generated(config, preview.path, abs_src_path=str(images[preview.name])))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if DOWNLOAD_MARKER in markdown:
        markdown = markdown.replace(DOWNLOAD_MARKER, _download_note(page.file.src_uri))
    if PDF_MARKER in markdown:
        offline = site_state.current().offline
        note = pdf_download.note("zh", page.file.src_uri, config.site_url or "", offline=offline)
        markdown = markdown.replace(PDF_MARKER, note)
    return markdown


def _download_note(here: str) -> str:
    """Where to get the offline copy: a link with its size and date online, the copy's date inside it."""
    state = site_state.current()
    if state.offline:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        day = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch else ""
        return labels.OFFLINE_COPY.format(date=day) if day else labels.OFFLINE_COPY_UNDATED
    if state.bundle is None:
        return labels.DOWNLOAD_MISSING
    with zipfile.ZipFile(state.bundle) as archive:
        year, month, day_of_month = archive.infolist()[0].date_time[:3]
    day = f"{year:04d}-{month:02d}-{day_of_month:02d}"
    size = f"{state.bundle.stat().st_size / 1024:.0f} KB"
    link = relative(here, DOWNLOAD_URI)
    return labels.DOWNLOAD.format(link=link, size=size, date=day)


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    """What a link preview shows (Open Graph tags, written by hooks/theme/main.html): the online page only."""
    state = site_state.current()
    if state.offline:  # a link preview is made from the online page; the offline copy needs none
        return context
    here = page.file.src_uri
    node = state.nodes_by_page.get(here)
    if node is not None:
        title, description, kind = pages.heading(node), pages.description(node), "article"
    elif page.is_homepage:
        title, description, kind = config.site_name, config.site_description or "", "website"
    else:
        title = html.unescape(re.sub(r"<[^>]+>", "", page.title or config.site_name))
        description = html.unescape(page.meta.get("description") or config.site_description or "")
        kind = "article"
    url = public_url(here, config.site_url or "")
    preview: dict[str, object] = {"title": title, "description": description, "url": url, "type": kind}
    image = state.previews.get(here) or state.previews.get(HOME)
    if image is not None:
        preview["image"] = {
            "url": (config.site_url or "/").rstrip("/") + "/" + image.path,
            "alt": image.alt,
            "width": preview_image.WIDTH,
            "height": preview_image.HEIGHT,
        }
    page.meta["preview"] = preview
    return context
