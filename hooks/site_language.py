"""MkDocs hooks, the two editions: each page's link to the same place in the other language, what only the
English edition says of itself (that it is the site's unofficial translation, and the side-by-side view of
its sentences), the sitemaps' hreflang alternates, and the English edition's build.

The Chinese build (mkdocs.yml) builds the English edition into its en/ folder: the same hook modules with
mkdocs.en.yml, which gives only the English edition's words. So `mkdocs build`, `mkdocs serve` and every host
that runs them publish the whole site. On Linux the English edition is built beside the Chinese pages, in a
child process forked once the Chinese build has cleaned its folder and listed its files; the Chinese build
waits for it at its end and fails with the English edition's error, as strict as itself. Elsewhere, or with
PLAN_EDITIONS=in-turn (for a profile of the whole work in one process), it is built after the Chinese pages.
"""

from __future__ import annotations

import gzip
import html
import json
import logging
import os
import signal
import sys
import traceback
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp

import site_state
from plansite import labels
from plansite.english import alternates
from plansite.english import labels as E
from plansite.english import pages as english_pages
from plansite.markup import attr
from plansite.urls import public_url

ENGLISH_CONFIG = "mkdocs.en.yml"  # beside mkdocs.yml: the English edition's words
ENGLISH_ASSETS = "assets/en/"  # the English pages' own script: not part of the Chinese edition
EDITIONS = "PLAN_EDITIONS"  # "in-turn": build the English edition after the Chinese pages, in this process
log = logging.getLogger("mkdocs.hooks.site_language")


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The English pages' own script is left out of the Chinese edition."""
    state = site_state.current()
    if state.primary:
        for file in list(files):
            if file.src_uri.startswith(ENGLISH_ASSETS):
                files.remove(file)
        if state.english is not None and _beside():
            state.english_build = _start_english(config)
    return files


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Under the title of every page, the link to the same place in the other edition (the theme's language
    menu links only to fixed addresses); on an English page, in a notice that the English is the site's
    translation and the Chinese authoritative, with the side-by-side view on a page of sentences."""
    state = site_state.current()
    if state.english is None:  # a site without data/en/ has no other edition to link to
        return content
    here = page.file.src_uri
    home = alternates.home(state.offline)
    if state.primary:
        counterpart = here in english_pages.page_paths(state.plan)
        link = alternates.other_edition(page.url, counterpart, home, english=False)
        switch = (
            f'<p class="language-switch" data-search-exclude><a href="{attr(link)}" hreflang="en" lang="en">'
            f"{labels.ENGLISH_EDITION}</a></p>"
        )
        return alternates.after_title(content, switch)
    link = alternates.other_edition(page.url, here != alternates.GLOSSARY, home, english=True)
    toggle = ""
    if 'class="sentence"' in content:
        toggle = (
            f'<button type="button" class="bilingual-toggle md-button" data-bilingual aria-pressed="false">'
            f"{html.escape(E.BILINGUAL_SHOW)}</button>"
        )
    switch = (
        f'<a href="{attr(link)}" hreflang="zh-CN" lang="zh-CN" rel="alternate" '
        f'class="language-switch">{html.escape(E.NOTICE_LINK)}（中文）</a>'
    )
    notice = f'<div class="translation-notice" role="note" data-search-exclude><p>{E.NOTICE} {switch}</p>{toggle}</div>'
    return alternates.after_title(content, notice)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """An English page's metadata says what its notice says: a translation, derived from the Chinese page."""
    state = site_state.current()
    if state.primary:
        return output
    chinese = public_url(alternates.chinese_page(page.file.src_uri), state.root_url)
    meta = (
        f'<meta name="dcterms.language" content="en">'
        f'<meta name="dcterms.source" content="{attr(chinese)}">'
        f'<meta name="dcterms.rights" content="{attr(E.NOTICE_META)}">'
    )
    return output.replace("</head>", meta + "</head>", 1)


def on_post_build(*, config: MkDocsConfig) -> None:
    """hreflang alternates for every page in the sitemap (the theme's script reads the alternates in a page's
    <head> and fetches a sitemap for each, so they are given here instead); then, in the Chinese build, the
    English edition into en/."""
    if site_state.failure() is not None:
        return
    state = site_state.current()
    if state.english is None:
        return
    paths = [p for p in english_pages.page_paths(state.plan) if p != alternates.GLOSSARY]
    _write_sitemap(Path(config.site_dir), alternates.counterparts(paths, state.root_url))
    if state.primary:
        if state.english_build is not None:
            running, state.english_build = state.english_build, None
            _finish_english(running)
        else:
            build_english(config)


def on_build_error(*, error: Exception) -> None:
    """A Chinese build that fails stops the English one beside it, which would go on writing into en/."""
    try:
        state = site_state.current()
    except RuntimeError:  # the build failed before it began, or shows the data's problems: nothing started
        return
    running, state.english_build = state.english_build, None
    if running is not None:
        os.kill(running.pid, signal.SIGTERM)
        os.waitpid(running.pid, 0)
        os.close(running.report)


def _beside() -> bool:
    """Whether the English edition is built in a child process beside the Chinese pages (fork, on Linux)."""
    return os.environ.get(EDITIONS) != "in-turn" and sys.platform.startswith("linux") and hasattr(os, "fork")


def _start_english(config: MkDocsConfig) -> site_state.EditionBuild:
    """Fork a child that builds the English edition and leaves; it reports a failure as JSON on a pipe."""
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(write)
        return site_state.EditionBuild(pid, read)
    os.close(read)  # the child: the English edition, then nothing else of the Chinese build
    code = 0
    try:
        build_english(config)
    except BaseException as error:  # noqa: BLE001 - every failure is the parent's to report
        code = 1
        known = isinstance(error, (Abort, PluginError))
        report = {"abort": isinstance(error, Abort), "message": str(error) if known else traceback.format_exc()}
        with os.fdopen(write, "wb") as pipe:
            pipe.write(json.dumps(report).encode())
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _finish_english(running: site_state.EditionBuild) -> None:
    """Wait for the English edition's child; its failure is this build's."""
    with os.fdopen(running.report, "rb") as pipe:
        reported = pipe.read()
    _, status = os.waitpid(running.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        return
    report = json.loads(reported) if reported else {}
    message = str(report.get("message") or f"the English edition's build ended with status {code}")
    raise Abort(message) if report.get("abort") else PluginError(message)


def build_english(config: MkDocsConfig) -> None:
    """The English edition, built by the same hooks from mkdocs.en.yml into en/ of this build's folder, as
    strict as this build. A problem in it stops this build too (MkDocs counts its warnings in strict mode)."""
    english_config = Path(config.config_file_path).parent / ENGLISH_CONFIG
    with site_state.nested():
        site_dir = str(Path(config.site_dir) / alternates.EDITION)
        build(load_config(str(english_config), site_dir=site_dir, strict=config.strict))


def _write_sitemap(site: Path, pairs: dict[str, str]) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = alternates.with_alternates(sitemap.read_text(encoding="utf-8"), pairs)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=get_build_timestamp()) as packed:
        packed.write(text.encode("utf-8"))
