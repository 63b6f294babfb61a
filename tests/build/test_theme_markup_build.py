"""The theme's part of every built page, trimmed (hooks/plansite/theme_markup.py), checked on the real strict
build of both editions: no inline icon is left, each icon the pages use is drawn by the stylesheet, and the
published pages keep the theme's scripts in the page (a file would be one more request online)."""

from __future__ import annotations

import re
from pathlib import Path

from plansite import material

ICON_ELEMENT = re.compile(r'<svg class="theme-icon (icon-[a-z0-9-]+)"></svg>')


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_carries_an_inline_theme_icon(built_site: Path) -> None:
    pages = _pages(built_site)
    assert any(p.is_relative_to(built_site / "en") for p in pages), "the English edition was not built"
    inline = [str(p.relative_to(built_site)) for p in pages if material.ICON_SHAPE.search(p.read_text("utf-8"))]
    assert not inline, f"pages with the theme's icons written inline: {inline[:5]}"


def test_every_icon_a_page_uses_is_drawn_by_the_stylesheet_of_its_edition(built_site: Path) -> None:
    stylesheets = {
        edition: (root / "assets" / "stylesheets" / "site.css").read_text("utf-8")
        for edition, root in (("zh", built_site), ("en", built_site / "en"))
    }
    assert stylesheets["zh"] == stylesheets["en"], "the editions draw the icons differently (the zip keeps one copy)"
    used: dict[str, str] = {}
    for page in _pages(built_site):
        for css_class in ICON_ELEMENT.findall(page.read_text("utf-8")):
            used.setdefault(css_class, str(page.relative_to(built_site)))
    # The header's menu, search and palette, the search dialog's, back to top, previous and next.
    assert len(used) >= 8, f"fewer icons than the theme's header and footer show: {sorted(used)}"
    undrawn = {c: page for c, page in used.items() if f"svg.{c} {{ --theme-icon: url(" not in stylesheets["zh"]}
    assert not undrawn, f"icons no rule draws: {undrawn}"
    assert "svg.theme-icon {" in stylesheets["zh"] and "mask: var(--theme-icon)" in stylesheets["zh"]


def test_the_published_pages_keep_the_theme_scripts_in_the_page(built_site: Path) -> None:
    for name in ("measures/m5/index.html", "en/measures/m5/index.html"):
        page = (built_site / name).read_text("utf-8")
        assert material.STORAGE_SCRIPT.search(page) and material.PALETTE_SCRIPT.search(page), name
        assert material.SETTINGS.search(page) and "assets/javascripts/theme/" not in page, name
        assert '<meta name="description"' in page and '<link rel="prev"' in page, name
    assert not (built_site / "assets" / "javascripts" / "theme").exists()


def test_one_share_script_carries_the_confirmations_of_both_editions(built_site: Path) -> None:
    scripts = [
        (root / "assets" / "javascripts" / "share.js").read_text("utf-8") for root in (built_site, built_site / "en")
    ]
    assert scripts[0] == scripts[1], "the editions' share.js differ (the zip keeps one copy)"
    assert "plan:share" not in scripts[0]
    assert '"zh-CN":{"link":"已复制链接"' in scripts[0] and '"en":{"link":"Link copied"' in scripts[0]
    for name in ("measures/m5/index.html", "en/measures/m5/index.html"):
        page = (built_site / name).read_text("utf-8")
        assert '<div class="share-status" role="status" aria-live="polite"></div>' in page, name
