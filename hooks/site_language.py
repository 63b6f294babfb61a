"""MkDocs hooks, the Chinese edition's side of the English one: check the translation with the data (a
sentence or node without its English stops this build too; a rendering of an older Chinese text stops only
the English build), link every page to the same place in English, and give the sitemap its hreflang
alternates. The English edition itself is mkdocs.en.yml (hooks/site_english.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_english
import site_state
from plansite import PlanError, labels
from plansite.english import English, alternates, load_english
from plansite.english import exports as english_exports
from plansite.english import pages as english_pages
from plansite.english.translation import FOLDER
from plansite.markup import attr
from plansite.urls import MEASURES_CSV, PLAN_JSON

ENGLISH_ASSETS = "assets/en/"  # the English pages' own script and styles: not part of the Chinese copy
_english_paths: set[str] = set()  # docs paths of the English pages; empty: the site has no English edition
_english: English | None = None  # the translation, when the site has an English edition
log = logging.getLogger("mkdocs.hooks.site_language")


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A site whose data has no data/en/ has no English edition (the benchmark's generated plans): its pages
    get no link to one."""
    state = site_state.current()
    root = Path(config.config_file_path).parent
    _english_paths.clear()
    global _english
    _english = None
    if not (root / "data" / FOLDER).is_dir():
        log.info("data/%s/ is missing: this site has no English edition, and its pages do not link to one", FOLDER)
        return config
    try:
        _english = load_english(root, state.plan, require_current=False)
    except PlanError as error:
        raise PluginError(error.report()) from None
    _english_paths.update(english_pages.page_paths(state.plan))
    return config


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The English pages' own assets left out; the data files given the English (after site_exports)."""
    for file in list(files):
        if file.src_uri.startswith(ENGLISH_ASSETS):
            files.remove(file)
    if _english is None:
        return files
    english, plan, site_url = _english, site_state.current().plan, config.site_url or ""
    compact = site_state.current().offline  # the same data without indentation: 1.3 KB of the zip's budget

    def plan_json(data: bytes) -> bytes:
        text = english_exports.plan_json(data.decode("utf-8"), plan, english, site_url, compact=compact)
        return text.encode("utf-8")

    def measures_csv(data: bytes) -> bytes:
        return english_exports.measures_csv(data, plan, english, site_url)

    for path, make in ((PLAN_JSON, plan_json), (MEASURES_CSV, measures_csv)):
        found = files.get_file_from_path(path)
        if found is None:
            raise PluginError(f"{path} 不在本次构建中：mkdocs.yml 应当先列 site_exports.py，再列 site_language.py")
        content = make(found.content_bytes)
        files.remove(found)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A link to the same place in English under the title of every page (the theme's language menu links only
    to fixed addresses)."""
    if not _english_paths:
        return html
    counterpart = page.file.src_uri in _english_paths
    home = alternates.home(site_state.current().offline)
    link = alternates.other_edition(page.url, counterpart, home, english=False)
    switch = (
        f'<p class="language-switch" data-search-exclude><a href="{attr(link)}" hreflang="en" lang="en">'
        f"{labels.ENGLISH_EDITION}</a></p>"
    )
    return alternates.after_title(html, switch)


def on_post_build(*, config: MkDocsConfig) -> None:
    if not _english_paths or site_state.failure() is not None:
        return
    state = site_state.current()
    paths = (p for p in english_pages.page_paths(state.plan) if p != english_pages.GLOSSARY)
    site_english.write_sitemap(Path(config.site_dir), alternates.counterparts(paths, config.site_url or ""))
