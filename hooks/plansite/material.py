"""Everything the site assumes about Material for MkDocs' internals, in one place, checked on every build.

Material documents its configuration, not its worker protocol, its result markup or its templates. The
site leans on a few of those to give Chinese readers a search that works (assets/javascripts/search.js
and search-worker.js) and to name the search dialog. Each assumption is listed here once; `check` reads
the installed theme (its templates, and the TypeScript sources in the source maps it ships) and stops the
build with a message that names what changed. At run time both scripts log a console error when what
they meet does not match, instead of quietly searching badly.

To upgrade Material: bump the pin, build. If this module stops the build, read the named source in the
new release, adjust the constant (and the script that uses it), and run the browser tests.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import material

from .markup import script_json

THEME = Path(material.__file__).parent / "templates"
SCRIPTS = THEME / "assets" / "javascripts"

# The worker protocol: message types in the order of Material's `SearchMessageType` enum.
MESSAGES = ("SETUP", "READY", "QUERY", "RESULT")
MESSAGE_SOURCE = "integrations/search/worker/message/index.ts"
# The setup message carries the index as {config, docs, options}; a result is {items: SearchItem[][]}
# whose items are documents with `score` and `terms`, grouped by page, the page's own entry among them.
SETUP_SOURCE = "integrations/search/worker/_/index.ts"
SETUP_SHAPE = re.compile(
    r"\.subscribe\(\(\{\s*config,\s*docs\s*\}\)\s*=>\s*worker\$\.next\(\{\s*type:\s*SearchMessageType\.SETUP"
)
RESULT_SOURCE = "templates/search/index.tsx"
RESULT_SHAPE = ("document.terms", "result[0].score", 'url.searchParams.set("h"')
# The query box is read on key-up only: a pasted phrase or an input method's text must raise one.
QUERY_SOURCE = "components/search/query/index.ts"
QUERY_EVENT_NAME = "keyup"
QUERY_EVENT = f'fromEvent(el, "{QUERY_EVENT_NAME}")'
# The page's settings name the worker script; the site points them at its own.
WORKER_SETTING = "search"
WORKER_TEMPLATE = re.compile(r'"search": "(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)" \| url')
WORKER_FOLDER = "assets/javascripts/workers/"
LUNR_FOLDER = "assets/javascripts/lunr/"
# Markup the scripts read and the dialog the site names (partials/search.html and the result template).
SEARCH_PARTIAL = "partials/search.html"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SELECTORS = {
    "input": "input.md-search__input",
    "output": ".md-search-result",
    "meta": ".md-search-result__meta",
    "list": ".md-search-result__list",
    "item": ".md-search-result__item",  # written by the result template, the others by the partial
}
# The search plugin's index: search/search_index.json with {config, docs: [{location, title, text}]};
# offline, the offline plugin copies it into search/search_index.js after every other post-build step.
INDEX_FILE = "search/search_index.json"
# The folders the theme writes at the top of every site (its scripts, styles and fonts; the search index):
# no short link of a node may take one of these addresses.
SITE_FOLDERS = ("assets", INDEX_FILE.split("/", 1)[0])
# Every page carries the theme's settings as JSON in this element (base.html, block `config`).
SETTINGS = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
INDEX_KEYS = ("location", "title", "text")

# Icons: the theme writes each one into every page as its SVG file (`{% include ".icons/" ~ icon ~ ".svg" %}`),
# chosen in these templates as `config.theme.icon.<key> or "<default>"`, and the palette's from its toggles.
# The site draws them from its stylesheet instead (plansite/theme_markup.py).
ICON_TEMPLATES = (
    "base.html",
    "partials/header.html",
    "partials/search.html",
    "partials/top.html",
    "partials/footer.html",
)
ICON_CHOICE = re.compile(r'config\.theme\.icon\.(\w+) or "([^"]+)"')
ICON_FOLDER = THEME / ".icons"
ICON_SHAPE = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="0 0 24 24"><path d="[^"<>]+"/></svg>')
# The script that opens a tab of a tabbed block named by the address: does nothing on a page without one.
TABS_PARTIAL = "partials/javascripts/content.html"
TABS_SCRIPT = re.compile(r"<script>[^<]*__tabbed_[^<]*</script>")
TABS_INPUT = 'name="__tabbed_'

# The theme's scripts that every page repeats: the storage helpers at the top (partials/javascripts/base.html,
# the first assignment names the page's base address), the palette restorer in the header
# (partials/javascripts/palette.html) and the settings (SETTINGS). The offline copy loads them as files.
STORAGE_PARTIAL = "partials/javascripts/base.html"
STORAGE_SCRIPT = re.compile(r'<script>(__md_scope=new URL\("([^"<]*)",location\)),(__md_hash=.*?)</script>')
STORAGE_TEMPLATE = re.compile(r'<script>__md_scope=new URL\("\{\{[^}]*\}\}",location\),__md_hash=.*?</script>')
PALETTE_PARTIAL = "partials/javascripts/palette.html"
PALETTE_SCRIPT = re.compile(r'<script>(var palette=__md_get\("__palette"\);.*?)</script>')
# What only search engines, link previews and site surveys read (base.html, block `site_meta`): a copy on
# disk drops it.
CRAWLER_TAGS = re.compile(
    r'<meta name="(?:description|generator)" content="[^"]*">\n?|<link rel="(?:prev|next)" href="[^"]*">\n?'
)
CRAWLER_TEMPLATE = (
    '<meta name="description" content="{{',
    '<meta name="generator" content="',
    '<link rel="prev" href="{{',
    '<link rel="next" href="{{',
)
# The settings name two addresses relative to the page: the site's base and the search worker.
SETTINGS_ADDRESSES = ("base", WORKER_SETTING)


class MaterialChanged(Exception):
    """The installed Material no longer matches what the site assumes."""


@dataclass(frozen=True)
class Protocol:
    setup: int
    ready: int
    query: int
    result: int

    def as_js(self) -> dict[str, object]:
        return {"setup": self.setup, "ready": self.ready, "query": self.query, "result": self.result}


@functools.cache
def _sources() -> dict[str, str]:
    """Material's TypeScript sources, from the source maps it ships beside its scripts."""
    found: dict[str, str] = {}
    for map_file in sorted(SCRIPTS.glob("**/*.min.js.map")):
        data = json.loads(map_file.read_text(encoding="utf-8"))
        for name, text in zip(data.get("sources", []), data.get("sourcesContent") or [], strict=False):
            marker = "src/templates/assets/javascripts/"
            if marker in name and text:
                found[name.split(marker, 1)[1]] = text
    return found


def _source(name: str) -> str:
    text = _sources().get(name)
    if text is None:
        raise MaterialChanged(f"Material {material_version()} 不再带有 {name}（源映射中找不到）")
    return text


def material_version() -> str:
    from material import __version__

    return str(__version__)


@functools.cache
def protocol() -> Protocol:
    """The message numbers of the installed theme's search worker."""
    text = _source(MESSAGE_SOURCE)
    match = re.search(r"enum SearchMessageType\s*\{(.*?)\}", text, re.S)
    if not match:
        raise MaterialChanged(f"{MESSAGE_SOURCE}: 找不到 enum SearchMessageType")
    names = [re.sub(r"/\*.*?\*/", "", part).strip() for part in match[1].split(",")]
    names = [name for name in names if name]
    if tuple(names) != MESSAGES:
        raise MaterialChanged(f"{MESSAGE_SOURCE}: 搜索消息类型变为 {names}，本站假定 {list(MESSAGES)}")
    return Protocol(*range(len(MESSAGES)))


def worker_path() -> str:
    """Where the theme's own worker script is, as the page settings name it."""
    match = WORKER_TEMPLATE.search((THEME / "base.html").read_text(encoding="utf-8"))
    if not match:
        raise MaterialChanged('base.html: 页面设置 "search" 不再指向 assets/javascripts/workers/search.*.min.js')
    return match[1]


def check() -> list[str]:
    """Every assumption above, against the installed theme: a list of what changed (empty when all hold)."""
    problems: list[str] = []

    def expect(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    try:
        protocol()
        worker_path()
        expect(bool(SETUP_SHAPE.search(_source(SETUP_SOURCE))), f"{SETUP_SOURCE}: 初始化消息不再是 {{config, docs}}")
        result = _source(RESULT_SOURCE)
        for needle in RESULT_SHAPE:
            expect(needle in result, f"{RESULT_SOURCE}: 结果模板不再使用 {needle}")
        expect(QUERY_EVENT in _source(QUERY_SOURCE), f"{QUERY_SOURCE}: 搜索框不再在 keyup 时读取（{QUERY_EVENT}）")
    except MaterialChanged as changed:
        problems.append(str(changed))
    base = (THEME / "base.html").read_text(encoding="utf-8")
    expect(
        '<script id="__config" type="application/json">' in base,
        'base.html: 页面设置不再写在 <script id="__config"> 中',
    )
    try:
        theme_icons(None, None)
        tabs_script()
    except (MaterialChanged, OSError) as changed:
        problems.append(str(changed))
    for needle in CRAWLER_TEMPLATE:
        expect(needle in base, f"base.html: 找不到 {needle}")
    for template, shape in ((STORAGE_PARTIAL, STORAGE_TEMPLATE), (PALETTE_PARTIAL, PALETTE_SCRIPT)):
        expect(bool(shape.search((THEME / template).read_text(encoding="utf-8"))), f"{template}: 脚本的形状变了")
    partial = (THEME / SEARCH_PARTIAL).read_text(encoding="utf-8")
    expect(SEARCH_DIALOG in partial, f"{SEARCH_PARTIAL}: 搜索对话框的标记变了（本站假定 {SEARCH_DIALOG}）")
    try:
        markup = partial + _source(RESULT_SOURCE)
    except MaterialChanged:
        markup = partial
    for name, selector in SELECTORS.items():
        css_class = selector.rsplit(".", 1)[-1]
        expect(f'"{css_class}"' in markup, f"{SEARCH_PARTIAL}: 找不到 {name} 的 class {css_class}")
    return problems


def theme_icons(icon_settings: object, palette: object) -> dict[str, str]:
    """The icons the theme writes into every page: name (`material/magnify`) → the SVG as the page has it.
    `icon_settings` and `palette` are the theme's `icon` and `palette` settings."""
    chosen = icon_settings if isinstance(icon_settings, dict) else {}
    names: list[str] = []
    for template in ICON_TEMPLATES:
        for key, default in ICON_CHOICE.findall((THEME / template).read_text(encoding="utf-8")):
            names.append(str(chosen.get(key) or default))
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for option in options:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("icon"), str):
            names.append(toggle["icon"])
    icons: dict[str, str] = {}
    for name in dict.fromkeys(names):
        svg = (ICON_FOLDER / f"{name}.svg").read_text(encoding="utf-8").rstrip("\n")
        if not ICON_SHAPE.fullmatch(svg):
            raise MaterialChanged(f".icons/{name}.svg: 图标不再是一个 24×24 的 <path>")
        icons[name] = svg
    if not names:
        raise MaterialChanged(f"{', '.join(ICON_TEMPLATES)}: 找不到图标的选择（{ICON_CHOICE.pattern}）")
    return icons


@functools.cache
def tabs_script() -> str:
    """The theme's script that opens the tab an address names, as every page has it."""
    match = TABS_SCRIPT.search((THEME / TABS_PARTIAL).read_text(encoding="utf-8"))
    if not match:
        raise MaterialChanged(f"{TABS_PARTIAL}: 找不到打开标签页的脚本（含 __tabbed_）")
    return match[0]


def check_index(index: object) -> list[str]:
    """The search plugin's output, as the site's worker reads it."""
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list) or "config" not in index:
        return [f"{INDEX_FILE}: 不再是 {{config, docs}}"]
    missing = {key for entry in index["docs"] for key in INDEX_KEYS if key not in entry}
    return [f"{INDEX_FILE}: 条目缺少 {', '.join(sorted(missing))}"] if missing else []


def point_at_worker(settings: dict[str, object], theme_worker_url: str, site_worker: str) -> None:
    """Point a page's theme settings (the `__config` JSON) at the site's worker script instead of the
    theme's. The setting is a URL relative to the page: only its file part changes."""
    url = settings.get(WORKER_SETTING)
    if not isinstance(url, str) or not url.endswith(theme_worker_url):
        raise MaterialChanged(f'页面设置 "{WORKER_SETTING}" 不是 {theme_worker_url}：{url!r}')
    settings[WORKER_SETTING] = url[: -len(theme_worker_url)] + site_worker


def rewrite_settings(page: str, change: Callable[[dict[str, object]], None]) -> str:
    """A page with its theme settings passed through `change` and written back as compact JSON."""

    def rewrite(match: re.Match[str]) -> str:
        settings = json.loads(match[2])
        change(settings)
        return match[1] + script_json(settings) + match[3]

    return SETTINGS.sub(rewrite, page, count=1)
