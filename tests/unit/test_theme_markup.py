"""The theme's part of a page, trimmed (hooks/plansite/theme_markup.py), on the installed theme's own icons and
scripts: what is taken out, what stands in for it, and what stops the build instead of trimming wrongly."""

from __future__ import annotations

import re

import pytest

from plansite import material, theme_markup
from plansite.theme_markup import PageScripts

PALETTE = [{"toggle": {"icon": "material/brightness-4"}}, {"toggle": {"icon": "material/brightness-7"}}]
DIALOG = material.SEARCH_DIALOG


def _icons() -> theme_markup.ThemeIcons:
    return theme_markup.theme_icons(material.theme_icons(None, PALETTE))


def _page(body: str, base: str = "..") -> str:
    """A page shaped as the theme writes it: its storage helpers, palette restorer, search dialog, settings."""
    storage = (material.THEME / material.STORAGE_PARTIAL).read_text(encoding="utf-8")
    storage_script = re.search(r"<script>.*</script>", storage)
    assert storage_script
    palette = (material.THEME / material.PALETTE_PARTIAL).read_text(encoding="utf-8")
    palette_script = re.search(r"<script>.*</script>", palette)
    assert palette_script
    settings = f'{{"base":"{base}","search":"{base}/assets/javascripts/search-worker.js","translations":{{}}}}'
    return (
        '<html><head><meta name="description" content="站点概述">\n<meta name="generator" content="mkdocs-1.6.1">\n'
        f'<link rel="prev" href="m4.html">\n{storage_script[0].replace("{{ config.extra.scope | d(base_url) }}", base)}'
        f"</head><body><header>{palette_script[0]}{DIALOG}</div></header>\n    {body}\n"
        f"{material.tabs_script()}\n"
        f'<script id="__config" type="application/json">{settings}</script></body></html>'
    )


def test_every_theme_icon_becomes_an_element_the_stylesheet_draws() -> None:
    icons = material.theme_icons(None, PALETTE)
    assert {"material/magnify", "material/menu", "material/close", "material/brightness-7"} <= set(icons)
    drawn = theme_markup.theme_icons(icons)
    page = _page("".join(icons.values()))
    finished = theme_markup.finish_page(page, dialog_label="搜索", icons=drawn)
    assert "<path" not in finished, "an inline icon is left"
    for name in icons:
        css_class = theme_markup.icon_class(name)
        assert f'<svg class="theme-icon {css_class}"></svg>' in finished
        rule = re.search(rf'svg\.{css_class} \{{ --theme-icon: url\("([^"]+)"\); \}}', drawn.stylesheet)
        assert rule, f"no rule draws {name}"
        assert rule[1].startswith("data:image/svg+xml") and "%3Cpath d='" in rule[1]
    assert "mask: var(--theme-icon)" in drawn.stylesheet and "background-color: currentcolor" in drawn.stylesheet


def test_a_choice_in_the_theme_settings_is_the_icon_drawn() -> None:
    icons = material.theme_icons({"search": "material/book-search"}, PALETTE)
    assert "material/book-search" in icons and "material/magnify" not in icons


def test_the_tab_script_goes_only_from_pages_without_tabs() -> None:
    script = material.tabs_script()
    plain = theme_markup.finish_page(_page("<p>正文</p>"), dialog_label="搜索", icons=_icons())
    assert script not in plain
    tabs = '<input type="radio" name="__tabbed_1" id="__tabbed_1_1">'
    tabbed = theme_markup.finish_page(_page(tabs), dialog_label="搜索", icons=_icons())
    assert script in tabbed


def test_the_page_keeps_no_indentation_and_names_its_search_dialog() -> None:
    finished = theme_markup.finish_page(
        _page("<p>正文</p>\n\n  <pre>  缩进\n\n  保留</pre>"), dialog_label="搜索", icons=_icons()
    )
    assert "\n    <p>" not in finished and "\n\n" not in finished.replace("<pre>  缩进\n\n  保留</pre>", "<pre/>")
    assert "<pre>  缩进\n\n  保留</pre>" in finished
    assert f'{DIALOG[:-1]} aria-label="搜索">' in finished


def test_a_page_without_the_search_dialog_stops_the_build() -> None:
    with pytest.raises(material.MaterialChanged, match="搜索对话框"):
        theme_markup.finish_page("<html><body></body></html>", dialog_label="搜索", icons=_icons())


def test_offline_the_repeated_scripts_are_files_and_crawler_tags_are_gone() -> None:
    scripts = PageScripts()
    deep = theme_markup.finish_page(_page("<p>一</p>", base=".."), dialog_label="搜索", icons=_icons(), scripts=scripts)
    top = theme_markup.finish_page(_page("<p>二</p>", base="."), dialog_label="搜索", icons=_icons(), scripts=scripts)
    assert set(scripts.files) == {f"{scripts.folder}/{name}" for name in ("storage.js", "palette.js", "settings.js")}
    for page, base in ((deep, ".."), (top, ".")):
        assert "__md_hash" not in page and "var palette" not in page and 'id="__config"' not in page
        assert f'<script>__md_scope=new URL("{base}",location)</script>' in page  # the page's own part stays
        for name in scripts.files:
            assert f'<script src="{base}/{name}"></script>' in page
        assert 'name="description"' not in page and 'rel="prev"' not in page and 'name="generator"' not in page
    settings = scripts.files[f"{scripts.folder}/settings.js"]
    # Addresses from the site's root, made absolute from the script's own address (three folders down).
    assert '"base": "."' in settings and '"search": "assets/javascripts/search-worker.js"' in settings
    assert 'new URL("../../../", script.src)' in settings
    assert "__md_hash=" in scripts.files[f"{scripts.folder}/storage.js"]


def test_pages_that_disagree_on_a_repeated_script_stop_the_build() -> None:
    scripts = PageScripts()
    theme_markup.finish_page(_page("<p>一</p>"), dialog_label="搜索", icons=_icons(), scripts=scripts)
    other = _page("<p>二</p>").replace('"translations":{}', '"translations":{"search.result.none":"无"}')
    with pytest.raises(material.MaterialChanged, match="settings.js"):
        theme_markup.finish_page(other, dialog_label="搜索", icons=_icons(), scripts=scripts)


def test_offline_a_page_whose_scripts_changed_shape_stops_the_build() -> None:
    page = _page("<p>一</p>").replace("__md_hash=", "__md_digest=")
    with pytest.raises(material.MaterialChanged, match="存储脚本"):
        theme_markup.finish_page(page, dialog_label="搜索", icons=_icons(), scripts=PageScripts())
