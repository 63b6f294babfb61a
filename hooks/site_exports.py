"""MkDocs hooks, exports and link preview images: the data files (plan.json, measures.csv, with the English
where the site has it), the link preview images and tags of every page in both editions, and the offline copy the
online site offers for download."""

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
from plansite import exports, labels, link_images, pages
from plansite.english import exports as english_exports
from plansite.markup import attr, relative
from plansite.pdf import MARKER as PDF_MARKER
from plansite.pdf import download as pdf_download
from plansite.urls import DOWNLOADS, HOME, public_url

DOWNLOAD_MARKER = "<!-- plan:download -->"
BUNDLE = Path("dist/metaverse-action-plan-offline.zip")  # made by ./dev bundle, relative to mkdocs.yml
DOWNLOAD_URI = f"{DOWNLOADS}/{BUNDLE.name}"  # where the online site serves it
LINK_IMAGE_CACHE = Path(".cache/previews")  # link-preview PNGs by the hash of what they show, relative to mkdocs.yml
OFFLINE_BUNDLE = "OFFLINE_BUNDLE"  # set: the offline zip to offer, instead of BUNDLE
LINK_IMAGE_FONT_DIR = "LINK_IMAGE_FONT_DIR"  # set: the only folder to look for the CJK font in (tests: none)
log = logging.getLogger("mkdocs.hooks.site_exports")


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = site_state.current()
    # ./dev build names the zip it has just built beside this build, to be published with it.
    bundle = Path(os.environ.get(OFFLINE_BUNDLE) or Path(config.config_file_path).parent / BUNDLE)
    state.bundle = bundle if bundle.is_file() and not state.offline else None
    state.fonts = None if state.offline else _link_image_fonts()  # a link preview is made from the online page only
    state.link_images = state.edition.link_images(state.plan, config.site_name) if state.fonts else {}
    return config


def _link_image_fonts() -> link_images.Fonts | None:
    """The CJK font the link-preview images are drawn with; without one (said at INFO: strict mode stops at a
    warning) the site has no images rather than images of boxes."""
    only = os.environ.get(LINK_IMAGE_FONT_DIR)
    fonts = link_images.find_fonts([only], ask_fontconfig=False) if only is not None else link_images.find_fonts()
    if fonts is None and site_state.parent() is None:  # said once, by the Chinese build
        log.info(labels.LINK_IMAGE_NO_FONT)
    return fonts


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The Chinese edition serves the offline copy and the data files (with the English titles and summaries,
    when the site has them) for both editions; each edition has its own link-preview images."""
    state = site_state.current()
    if state.primary:
        if state.bundle:
            files.append(File.generated(config, DOWNLOAD_URI, abs_src_path=str(state.bundle)))
        for uri, pdf in pdf_download.served().items() if not state.offline else ():  # the PDFs (./dev build)
            files.append(File.generated(config, uri, abs_src_path=pdf))
        exported = exports.exported_files(state.plan, state.site_url)
        if state.english is not None:
            exported = english_exports.with_english(exported, state.plan, state.english, state.site_url, state.offline)
        for path, data in exported.items():
            files.append(File.generated(config, path, content=data))
    if state.link_images and state.fonts:  # drawn into the cache the first time, copied from it after that
        cache = Path(config.config_file_path).parent / LINK_IMAGE_CACHE
        images = link_images.cached_images(state.link_images.values(), state.fonts, cache)
        for image in state.link_images.values():
            files.append(File.generated(config, image.path, abs_src_path=str(images[image.name])))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if DOWNLOAD_MARKER in markdown:
        markdown = markdown.replace(DOWNLOAD_MARKER, _download_note(page.file.src_uri))
    if PDF_MARKER in markdown:  # the edition's PDF, which the Chinese edition serves from /downloads/
        state = site_state.current()
        language = "en" if state.edition.folder else "zh"
        note = pdf_download.note(
            language, page.file.src_uri, state.root_url, offline=state.offline, edition_folder=state.edition.folder
        )
        markdown = markdown.replace(PDF_MARKER, note)
    return markdown


def _download_note(here: str) -> str:
    """Where to get the offline copy: a link with its size and date online, the copy's date inside it."""
    state = site_state.current()
    words = state.edition.words
    if state.offline:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        day = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch else ""
        return words.offline_copy.format(date=day) if day else words.offline_copy_undated
    if state.bundle is None:
        return words.download_missing
    with zipfile.ZipFile(state.bundle) as archive:
        year, month, day_of_month = archive.infolist()[0].date_time[:3]
    day = f"{year:04d}-{month:02d}-{day_of_month:02d}"
    size = f"{state.bundle.stat().st_size / 1024:.0f} KB"
    link = "../" * state.edition.folder.count("/") + relative(here, DOWNLOAD_URI)  # the Chinese edition serves it
    return words.download.format(link=attr(link), size=size, date=day)


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    """What a link preview shows (Open Graph tags, written by hooks/theme/main.html): the online page only.
    The theme escapes what it writes, so every value here is plain text."""
    state = site_state.current()
    if state.offline:  # a link preview is made from the online page; the offline copy needs none
        return context
    here = page.file.src_uri
    node = state.nodes_by_page.get(here)
    if node is not None:
        title = pages.heading(node, state.edition)
        description, kind = state.edition.description(state.plan, node), "article"
    elif page.is_homepage:
        title, kind = config.site_name, "website"
        description = state.edition.described(config.site_description or "")
    else:
        title = html.unescape(re.sub(r"<[^>]+>", "", page.title or config.site_name))
        description = html.unescape(page.meta.get("description") or config.site_description or "")
        kind = "article"
    url = public_url(here, state.site_url)
    preview: dict[str, object] = {"title": title, "description": description, "url": url, "type": kind}
    preview["locale"] = state.edition.words.og_locale
    image = state.link_images.get(here) or state.link_images.get(HOME)
    if image is not None:
        preview["image"] = {
            "url": state.site_url.rstrip("/") + "/" + image.path,
            "alt": state.edition.link_image_alt(image),
            "width": link_images.WIDTH,
            "height": link_images.HEIGHT,
        }
    page.meta["link_preview"] = preview
    return context
