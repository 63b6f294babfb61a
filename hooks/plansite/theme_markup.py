"""The theme's part of every built page, trimmed: what both editions do to a page after the theme wrote it.

A page of this site is mostly the theme's header, navigation and footer; only its article is its own. The
offline copy is a zip, whose entries are compressed one by one, so what every page repeats is paid once per
page and per edition. This module takes out what a page repeats without need:

- the template's indentation and blank lines (none of it is inside <pre> or <textarea>);
- the theme's icons, which it writes into every page as inline SVG (2.4 KB a page, nine icons): each becomes
  an empty <svg> drawn from the site's stylesheet as a mask in the text's colour, the way the theme draws its
  own navigation arrows, so the look, the sizes and the theme's rules for these elements stay as they were;
- the theme's script that opens the tab an address names, on a page without tabs;
- the theme's settings written as \\u escapes (compact UTF-8 JSON instead);
- offline only, the theme's scripts that every page repeats (its storage helpers, the palette restorer and
  its settings, 0.6 KB compressed a page): the pages load them as files under assets/javascripts/theme/,
  which from disk costs no request, and the zip carries each once (PageScripts). Online they stay in the
  page, where a file would be one more request before the page shows;
- offline only, what only search engines, link previews and site surveys read (the description, the
  generator, the previous and next page links in the head), which never see a copy opened from disk.

It also names the search dialog, which screen readers otherwise announce as a bare "dialog". What it assumes
about the theme's markup is in plansite/material.py, which stops the build when the theme changes.
"""

from __future__ import annotations

import json
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

from . import material

Settings: TypeAlias = Callable[[dict[str, object]], None]  # a change to a page's theme settings

ICON_CLASS = "theme-icon"
_INDENT = re.compile(r"\n\s+")
_PRE = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)


@dataclass(frozen=True)
class ThemeIcons:
    """The theme's icons as the site draws them: each inline SVG and the empty element standing for it, and
    the stylesheet rules that draw those elements."""

    replacements: Mapping[str, str]
    stylesheet: str


def icon_class(name: str) -> str:
    """`material/magnify` → `icon-material-magnify`."""
    return "icon-" + re.sub(r"[^a-z0-9-]", "-", name.lower())


def theme_icons(icons: Mapping[str, str]) -> ThemeIcons:
    """From the theme's icons (name → SVG, plansite.material.theme_icons) to what the pages and the stylesheet
    get. The data: URL is the SVG itself, percent-encoded where CSS or a URL needs it."""
    replacements, rules = {}, []
    for name, svg in icons.items():
        css_class = icon_class(name)
        replacements[svg] = f'<svg class="{ICON_CLASS} {css_class}"></svg>'
        url = "data:image/svg+xml;charset=utf-8," + urllib.parse.quote(svg.replace('"', "'"), safe="/=:;,' ")
        rules.append(f'svg.{css_class} {{ --theme-icon: url("{url}"); }}')
    stylesheet = (
        "\n/* ---- The theme's icons (hooks/plansite/theme_markup.py, written by the build) ----------------- */\n"
        f"svg.{ICON_CLASS} {{\n"
        "  background-color: currentcolor;\n"
        "  -webkit-mask: var(--theme-icon) center / contain no-repeat;\n"
        "  mask: var(--theme-icon) center / contain no-repeat;\n"
        "  forced-color-adjust: none;   /* in forced colours the icon keeps the text's system colour */\n"
        "}\n" + "\n".join(rules) + "\n"
    )
    return ThemeIcons(replacements, stylesheet)


@dataclass(frozen=True)
class PageScripts:
    """The offline copy's files for the theme's scripts that every page repeats, gathered while the pages are
    finished: site path → content. Every page must give the same content; the first one writes it."""

    folder: str = "assets/javascripts/theme"
    files: dict[str, str] = field(default_factory=dict)

    def take(self, output: str) -> str:
        """`output` loading the three scripts from files instead of carrying them; MaterialChanged when one
        of them is not there as plansite/material.py describes it."""
        found = material.SETTINGS.search(output)
        if not found:
            raise material.MaterialChanged('找不到主题的页面设置 <script id="__config">')
        settings = json.loads(found[2])
        base = settings.get("base")
        if not isinstance(base, str):
            raise material.MaterialChanged(f"页面设置的 base 不是地址：{base!r}")
        here = posixpath.normpath(base or ".")  # the site's root, from the page
        output = output.replace(found[0], self._load("settings.js", self._settings_script(settings, here), here), 1)
        storage = material.STORAGE_SCRIPT.search(output)
        if not storage:
            raise material.MaterialChanged(f"找不到主题的存储脚本（{material.STORAGE_PARTIAL}）")
        scope = f"<script>{storage[1]}</script>"  # the page's own part: the address its settings are kept under
        output = output.replace(storage[0], scope + self._load("storage.js", storage[3] + "\n", here), 1)
        palette = material.PALETTE_SCRIPT.search(output)
        if not palette:
            raise material.MaterialChanged(f"找不到主题的配色脚本（{material.PALETTE_PARTIAL}）")
        return output.replace(palette[0], self._load("palette.js", palette[1] + "\n", here), 1)

    def _load(self, name: str, content: str, here: str) -> str:
        path = f"{self.folder}/{name}"
        known = self.files.setdefault(path, content)
        if known != content:
            raise material.MaterialChanged(f"{path}: 主题在各页写入的脚本不同，不能共用一个文件")
        return f'<script src="{posixpath.join(here, path)}"></script>'

    def _settings_script(self, settings: dict[str, object], here: str) -> str:
        """A script that puts the settings where the theme reads them, in an element after itself, with the
        page-relative addresses (base, search worker) made absolute from the script's own address."""
        for key in material.SETTINGS_ADDRESSES:
            value = settings.get(key)
            if not isinstance(value, str):
                raise material.MaterialChanged(f"页面设置的 {key} 不是地址：{value!r}")
            settings[key] = posixpath.relpath(posixpath.normpath(value), here)  # from the site's root
        root = posixpath.relpath(".", self.folder) + "/"
        addresses = json.dumps(list(material.SETTINGS_ADDRESSES))
        return (
            "/* The theme's page settings (written by the build, hooks/plansite/theme_markup.py), the same for\n"
            " * every page of this copy: put where the theme reads them, after this script, its addresses made\n"
            " * absolute from this file's. */\n"
            "(function (script) {\n"
            f"  var settings = {json.dumps(settings, ensure_ascii=False, sort_keys=True)};\n"
            f'  var root = new URL("{root}", script.src);\n'
            f"  {addresses}.forEach(function (key) {{ settings[key] = new URL(settings[key], root).href; }});\n"
            '  var element = document.createElement("script");\n'
            '  element.id = "__config";\n'
            '  element.type = "application/json";\n'
            "  element.textContent = JSON.stringify(settings);\n"
            "  script.after(element);\n"
            "})(document.currentScript);\n"
        )


def finish_page(
    output: str,
    *,
    dialog_label: str,
    icons: ThemeIcons,
    settings: Settings | None = None,
    scripts: PageScripts | None = None,
) -> str:
    """A page as the theme wrote it, trimmed (see above), its search dialog named `dialog_label`, its theme
    settings passed through `settings`, and with `scripts` (offline) the theme's repeated scripts loaded from
    the files gathered there. Raises MaterialChanged when the page is not as plansite/material.py says."""
    if material.TABS_INPUT not in output:
        output = output.replace(material.tabs_script(), "", 1)
    parts = _PRE.split(output)
    output = "".join(part if index % 2 else _INDENT.sub("\n", part) for index, part in enumerate(parts))
    dialog = material.SEARCH_DIALOG  # the theme leaves it unnamed
    if dialog not in output:
        raise material.MaterialChanged(f"找不到搜索对话框的标记 {dialog}")
    output = output.replace(dialog, f'{dialog[:-1]} aria-label="{dialog_label}">', 1)
    for svg, element in icons.replacements.items():
        output = output.replace(svg, element)
    output = material.rewrite_settings(output, settings or (lambda unchanged: None))
    if scripts is None:
        return output
    return scripts.take(material.CRAWLER_TAGS.sub("", output))
