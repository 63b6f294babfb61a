"""MkDocs hooks, HTML: what every built page gets from the theme and how it is trimmed. Checks what the
site assumes about the theme, writes the one-icon SVG into the pages, draws the theme's icons from the
stylesheet, keeps compiled templates between builds, marks links to other sites, names the search dialog and
compacts the markup (plansite/theme_markup.py), in the words of the edition being built."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_state
from plansite import material, share, theme_markup
from plansite.edition import CHINESE
from plansite.english import alternates
from plansite.english.labels import WORDS as ENGLISH_WORDS
from plansite.markup import script_json
from plansite.theme_markup import PageScripts, Settings, ThemeIcons

STYLESHEET = "assets/stylesheets/site.css"  # the site's stylesheet, which also draws the theme's icons
SHARE_SCRIPT = "assets/javascripts/share.js"  # copy and quote, both editions; the build writes in its words
SHARE_PLACEHOLDER = "/* plan:share */ null"
# Theme features that serve only the published site: a search's link copied from a copy on disk leads to a
# file on the reader's own computer, of no use to whoever receives it.
ONLINE_ONLY_FEATURES = ("search.share",)
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"(?![^>]*\srel=)')


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    changed = material.check()
    if changed:  # the site's search and markup lean on these; see plansite/material.py
        raise PluginError(
            f"Material for MkDocs {material.material_version()} 与本站的假定不再相符"
            f"（hooks/plansite/material.py）：\n" + "\n".join(f"  - {problem}" for problem in changed)
        )
    state = site_state.current()
    if state.offline:
        offline_features(config)
    else:
        inline_logo(config)  # offline, a file costs no request, and the zip is smaller without the copies
        # The shim makes workers run from file://; online it would be one more blocking script.
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    state.icons = theme_icons(config)
    state.scripts = page_scripts(config)
    return config


def inline_logo(config: MkDocsConfig) -> None:
    """The logo and the tab icon are one small SVG: written into each page as a data: URL (about 250 bytes)
    instead of being fetched twice, once as the header image and once as the icon."""
    for key in ("logo", "favicon"):
        path = Path(config.docs_dir) / str(config.theme[key] or "")
        if path.suffix == ".svg" and path.is_file():
            svg = " ".join(path.read_text(encoding="utf-8").split())
            config.theme[key] = "data:image/svg+xml," + urllib.parse.quote(svg, safe="/=:;,'")


def theme_icons(config: MkDocsConfig) -> ThemeIcons:
    """The theme's icons for this configuration, drawn by the stylesheet (plansite/theme_markup.py)."""
    try:
        return theme_markup.theme_icons(material.theme_icons(config.theme["icon"], config.theme["palette"]))
    except material.MaterialChanged as changed:
        raise PluginError(f"hooks/plansite/material.py: {changed}") from None


def page_scripts(config: MkDocsConfig) -> PageScripts | None:
    """Offline, a collector for the theme's scripts that every page repeats (plansite/theme_markup.py)."""
    return PageScripts() if config.plugins["material/offline"].config.enabled else None


def draw_icons(files: Files, config: MkDocsConfig, icons: ThemeIcons) -> None:
    """The site's stylesheet, with the rules that draw the theme's icons added at its end."""
    rewrite_docs_file(files, config, STYLESHEET, lambda css: css + icons.stylesheet)


def rewrite_docs_file(files: Files, config: MkDocsConfig, path: str, change: Callable[[str], str]) -> None:
    """docs/`path` written as `change` makes it from its text: how the hooks put what a build knows into a
    script or stylesheet that every page loads."""
    found = files.get_file_from_path(path)
    if found is None:
        raise PluginError(f"docs/{path} 不见了：本站的页面需要它 / docs/{path} is missing: the pages need it")
    content = change(found.content_string)
    files.remove(found)
    files.append(File.generated(config, path, content=content))


def fill_placeholder(files: Files, config: MkDocsConfig, path: str, placeholder: str, value: object) -> None:
    """docs/`path` with its one `placeholder` replaced by `value` as JSON."""

    def fill(code: str) -> str:
        if code.count(placeholder) != 1:
            raise PluginError(f"docs/{path} 应当恰好含有一处占位 {placeholder}")
        return code.replace(placeholder, script_json(value))

    rewrite_docs_file(files, config, path, fill)


def finish(
    output: str,
    name: str,
    config: MkDocsConfig,
    *,
    dialog_label: str,
    icons: ThemeIcons,
    scripts: PageScripts | None,
    settings: Settings | None = None,
) -> str:
    """`theme_markup.finish_page`, reporting a theme that changed as a build error naming the page. Offline
    (`scripts`), the files of the theme's repeated scripts are written with the first page that gives them."""
    try:
        page = theme_markup.finish_page(
            output, dialog_label=dialog_label, icons=icons, settings=settings, scripts=scripts
        )
    except material.MaterialChanged as changed:
        raise PluginError(f"hooks/plansite/material.py: {name}: {changed}") from None
    for path, content in (scripts.files if scripts else {}).items():
        target = Path(config.site_dir) / path
        if not target.is_file():  # the site folder starts empty: each file is written once a build
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    return page


def offline_features(config: MkDocsConfig) -> None:
    """The copy on disk leaves out the theme features that serve only the published site."""
    features = config.theme["features"]
    config.theme["features"] = [feature for feature in features if feature not in ONLINE_ONLY_FEATURES]


def write_share_words(files: Files, config: MkDocsConfig) -> None:
    """share.js with the confirmations' words of both editions written in: one file for every page."""
    words = share.status_words({alternates.ZH: CHINESE.words.share, alternates.EN: ENGLISH_WORDS.share})
    fill_placeholder(files, config, SHARE_SCRIPT, SHARE_PLACEHOLDER, words)


@site_state.unless_failed
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    draw_icons(files, config, _icons())
    write_share_words(files, config)
    return files


def _icons() -> ThemeIcons:
    icons = site_state.current().icons
    if icons is None:
        raise PluginError("site_html.on_config has not run: list hooks/site_html.py in mkdocs.yml (site_state.ORDER)")
    return icons


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Keep the theme's compiled templates between builds (.cache/templates, checked against each template's
    source): compiling them is a third of a build, and they only change with the theme."""
    cache = Path(config.config_file_path).parent / ".cache" / "templates"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Links to other sites open without handing them this page (rel=noopener); the site's own are left
    alone. A page with share buttons gets the live region they report in."""
    own = site_state.current().root_url.rstrip("/") + "/"  # either edition's pages are the site's own

    def safe(match: re.Match[str]) -> str:
        url = match[1]
        return match[0] if own != "/" and url.startswith(own) else f'<a href="{url}" rel="noopener noreferrer"'

    html = _EXTERNAL_LINK.sub(safe, html)
    return html + share.status_region() if 'data-share="' in html else html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _finish_page(output, page.file.src_uri, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get what every other page gets."""
    return _finish_page(output_content, template_name, config) if template_name.endswith(".html") else output_content


def _finish_page(output: str, name: str, config: MkDocsConfig) -> str:
    if site_state.failure() is not None:  # the theme's 404 page, replaced by the problems (site_plan.py)
        return output
    state = site_state.current()
    return finish(
        output, name, config, dialog_label=state.edition.words.search_dialog, icons=_icons(), scripts=state.scripts
    )
