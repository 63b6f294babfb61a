"""MkDocs hooks, HTML: what every built page gets from the theme and how it is trimmed. Checks what the
site assumes about the theme, writes the one-icon SVG into the pages, keeps compiled templates between
builds, marks links to other sites, names the search dialog and compacts the markup."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import site_state
from plansite import labels, material, share

_INDENT = re.compile(r"\n[ \t]+")
_PRE = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"(?![^>]*\srel=)')


@site_state.unless_failed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    changed = material.check()
    if changed:  # the site's search and markup lean on these; see plansite/material.py
        raise PluginError(
            f"Material for MkDocs {material.material_version()} 与本站的假定不再相符"
            f"（hooks/plansite/material.py）：\n" + "\n".join(f"  - {problem}" for problem in changed)
        )
    if not site_state.current().offline:
        _inline_icon(config)  # offline, a file costs no request, and the zip is smaller without the copies
        # The shim makes workers run from file://; online it would be one more blocking script.
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    return config


def _inline_icon(config: MkDocsConfig) -> None:
    """The logo and the tab icon are one small SVG: written into each page as a data: URL (about 250 bytes)
    instead of being fetched twice, once as the header image and once as the icon."""
    for key in ("logo", "favicon"):
        path = Path(config.docs_dir) / str(config.theme[key] or "")
        if path.suffix == ".svg" and path.is_file():
            svg = " ".join(path.read_text(encoding="utf-8").split())
            config.theme[key] = "data:image/svg+xml," + urllib.parse.quote(svg, safe="/=:;,'")


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
    own = (config.site_url or "").rstrip("/") + "/"

    def safe(match: re.Match[str]) -> str:
        url = match[1]
        return match[0] if own != "/" and url.startswith(own) else f'<a href="{url}" rel="noopener noreferrer"'

    html = _EXTERNAL_LINK.sub(safe, html)
    return html + share.status_region() if 'data-share="' in html else html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _finish_page(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get what every other page gets."""
    return _finish_page(output_content, template_name) if template_name.endswith(".html") else output_content


def _finish_page(output: str, name: str) -> str:
    """Trim what every page repeats: the template's indentation (none of it is in <pre>) and the theme's
    settings written as \\u escapes. The page renders the same; it is about a tenth smaller. Also name the
    search dialog, which screen readers otherwise announce as a bare "dialog"."""
    parts = _PRE.split(output)
    output = "".join(part if index % 2 else _INDENT.sub("\n", part) for index, part in enumerate(parts))
    dialog = material.SEARCH_DIALOG  # the theme leaves it unnamed
    if dialog not in output:
        raise PluginError(f"hooks/plansite/material.py: {name} 中找不到搜索对话框的标记 {dialog}")
    output = output.replace(dialog, f'{dialog[:-1]} aria-label="{labels.SEARCH_DIALOG}">', 1)
    return material.rewrite_settings(output, lambda settings: None)
