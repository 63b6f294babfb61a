"""MkDocs hooks, search: the site's engine in the theme's worker slot, in both editions. The two scripts are
generated with what they need (the theme's protocol, the tables of plansite/search.py in the edition's
words), and every page's theme settings name the site's worker instead of the theme's."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import site_html
import site_state
from plansite import material, search

SEARCH_SCRIPT = "assets/javascripts/search.js"  # in the page: paste and input methods, the no-result hint
SEARCH_WORKER = "assets/javascripts/search-worker.js"  # the engine, run in the theme's worker slot
PLACEHOLDER = "/* plan:search */ null"  # in both scripts, where the build writes what they need
SEARCH_ENGINE = "PLAN_SEARCH"  # "theme": leave the theme's lunr search in place, to measure it beside the site's


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = site_state.current()
    state.theme_search = os.environ.get(SEARCH_ENGINE) == "theme"
    if state.theme_search:  # only to measure the theme's own search beside the site's (tests/search_eval.py)
        config.extra_javascript = [s for s in config.extra_javascript if str(s) != SEARCH_SCRIPT]
    return config


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = site_state.current()
    if state.theme_search:
        return files
    # The theme's lunr files and worker: no page loads them once the settings name the site's worker.
    for unused in [f for f in files if f.src_uri.startswith((material.LUNR_FOLDER, material.WORKER_FOLDER))]:
        files.remove(unused)

    def url_of(path: str) -> str:
        """This build's URL of a docs file as the search index writes it (the home page is "", not "./")."""
        found = files.get_file_from_path(path)
        if found is None:
            raise PluginError(f"docs/{path} 不在本次构建中")
        return "" if found.url == "./" else found.url

    texts = [page.content_string for page in files.documentation_pages()]
    places = search.node_locations(state.plan, url_of)
    lists = [url_of(path) for path in search.list_pages(state.plan)]
    tables = search.browser_tables(state.plan, texts, places, lists, state.edition.search_tables(state.plan))
    scripts = {
        SEARCH_WORKER: {"protocol": material.protocol().as_js(), "tables": tables},
        SEARCH_SCRIPT: {
            "selectors": material.SELECTORS,
            "event": material.QUERY_EVENT_NAME,
            "worker": SEARCH_WORKER,
            "nothing": state.edition.words.search_nothing,
        },
    }
    for path, value in scripts.items():
        site_html.fill_placeholder(files, config, path, PLACEHOLDER, value)
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _point_at_engine(output, page.file.src_uri)


@site_state.unless_failed
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) search the same way."""
    return _point_at_engine(output_content, template_name) if template_name.endswith(".html") else output_content


def _point_at_engine(output: str, name: str) -> str:
    """A page's theme settings, with search pointed at the site's own worker."""
    if site_state.current().theme_search:
        return output

    def point(settings: dict[str, object]) -> None:
        try:
            material.point_at_worker(settings, material.worker_path(), SEARCH_WORKER)
        except material.MaterialChanged as changed:
            raise PluginError(f"hooks/plansite/material.py: {name}: {changed}") from None

    return material.rewrite_settings(output, point)
