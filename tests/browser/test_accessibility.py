"""Accessibility of the built site: axe-core finds nothing, the focus is always visible, the page language is
Chinese (zh-CN), English in the English edition, and headings never skip a level.

axe-core is a test-only asset: tests/vendor/axe-core-4.14.1/axe.min.js (npm package axe-core 4.14.1,
MPL-2.0, licence beside it), injected into the page under test. It is never shipped with the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from plansite import load_plan
from plansite.model import NODE_TYPES, Section
from plansite.urls import GROUPED, index_of, page_of, public_url
from support.html import lang, parse
from support.project import ROOT

AXE = ROOT / "tests" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _every_kind_of_page() -> dict[str, str]:
    """One page of every kind the site has: the fixed pages, and for each kind of item its list page and the
    page of its first item (from the plan, so that a new kind is checked without a change here)."""
    plan = load_plan(ROOT)

    def url_of(path: str) -> str:
        return public_url(path, "").lstrip("/")

    found = {
        "home": "",
        "the interpretation": "interpretation/",
        "the full text": "interpretation/full/",
        "the overview": "overview/",
        "the page for a missing address": "404.html",
    }
    for node_type in NODE_TYPES:
        nodes = plan.of(node_type)
        if node_type not in GROUPED and node_type is not Section:
            found[f"the {node_type.key} list"] = url_of(index_of(node_type))
        elif node_type in GROUPED:
            found[f"the {node_type.key} page"] = url_of(index_of(node_type))
        if nodes and node_type not in GROUPED:
            found[f"a {node_type.kind} page"] = url_of(page_of(nodes[0]))
    # The English edition has the same kinds of page under en/, and a glossary of its own.
    english = {f"{kind} (English)": f"en/{url}" for kind, url in found.items()}
    return found | english | {"the English glossary": "en/glossary/"}


AXE_PAGES = _every_kind_of_page()


def _axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(
            f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}" for node in v["nodes"][:5]
        )
        for v in result["violations"]
    ]


def _page(browser: Browser, scheme: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", color_scheme=scheme)
    context.route("**/*", lambda route: route.continue_() if "//127.0.0.1" in route.request.url else route.abort())
    return context.new_page()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_main_kinds_of_page(browser: Browser, base_url: str, scheme: str) -> None:
    page = _page(browser, scheme)
    found: list[str] = []
    try:
        for name, path in AXE_PAGES.items():
            page.goto(base_url + path, wait_until="load")
            found += [f"{name} (/{path}, {scheme}): {violation}" for violation in _axe_violations(page)]
    finally:
        page.context.close()
    assert not found, f"{len(found)} axe violation(s):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_a_hover_card_and_the_quote_control_open(
    browser: Browser, base_url: str, scheme: str
) -> None:
    """A named item's card (opened by keyboard focus) and the control that quotes a selection, on screen."""
    page = _page(browser, scheme)
    try:
        page.goto(base_url + "interpretation/q6/", wait_until="load")
        page.evaluate(
            "() => { const t = document.getElementById('q6-s2').firstChild;"
            " getSelection().setBaseAndExtent(t, 0, t, 6); }"
        )
        page.locator(".quote-selection button").wait_for(state="visible")
        page.locator("#q6-s1").get_by_role("link", name="完善产业标准体系").focus()
        page.locator("#hover-card-m10").wait_for(state="visible")
        found = _axe_violations(page)
        shown = page.locator(".quote-selection button, #hover-card-m10").evaluate_all(
            "all => all.map(e => e.checkVisibility())"
        )
    finally:
        page.context.close()
    assert shown == [True, True], "both were on screen while axe ran"
    assert not found, "axe violations with a hover card open:\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_search_results_open(browser: Browser, base_url: str, scheme: str) -> None:
    page = _page(browser, scheme)
    try:
        page.goto(base_url, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("算力")
        box.press("End")  # the theme reads the query on key-up
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
        # The results can arrive while the dialog still fades in; judge the colours it settles on.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        found = _axe_violations(page)
    finally:
        page.context.close()
    assert not found, "axe violations with the search results open:\n" + "\n".join(found)


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const own = getComputedStyle(el);
  const ring = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  // A control may draw its focus on an inner element, or, for Material's palette toggle (a hidden radio
  // button), on the label that follows it.
  const label = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL' ? el.nextElementSibling : null;
  const shown = ring(own) || (label && ring(getComputedStyle(label)))
    || [...el.querySelectorAll('*')].some(child => ring(getComputedStyle(child)));
  return {tag: el.tagName, cls: el.className && String(el.className), text: (el.innerText || el.ariaLabel
    || el.getAttribute('aria-label') || '').trim().slice(0, 30), inHeader: !!el.closest('.md-header'),
    inNav: !!el.closest('.md-nav'), inArticle: !!el.closest('article'), shown: !!shown};
}"""


def test_every_control_reached_by_tab_shows_a_visible_focus(browser: Browser, base_url: str) -> None:
    page = _page(browser, "light")
    seen: list[dict] = []
    try:
        page.goto(base_url + "measures/m5/", wait_until="load")
        page.mouse.move(0, 0)
        for _ in range(60):
            page.keyboard.press("Tab")
            page.wait_for_timeout(30)  # Material marks keyboard focus a moment after the key
            state = page.evaluate(FOCUS_STYLE)
            if state:
                seen.append(state)
    finally:
        page.context.close()
    assert any(s["inHeader"] for s in seen), "Tab never reached a header control"
    assert any(s["inNav"] for s in seen), "Tab never reached a navigation link"
    assert any(s["inArticle"] and s["tag"] == "A" for s in seen), "Tab never reached a link in the article"
    hidden = [s for s in seen if not s["shown"]]
    assert not hidden, "focused without a visible outline or shadow:\n" + "\n".join(map(str, hidden))


@dataclass
class _Outline:
    """The page language and the level of every heading in the page's article."""

    lang: str
    levels: list[int]


def _outlines(site: Path) -> dict[str, _Outline]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        page = parse(path)
        headings = page.select("article :is(h1, h2, h3, h4, h5, h6)")
        found[path.relative_to(site).as_posix()] = _Outline(lang(page), [int(h.name[1]) for h in headings])
    return found


def test_every_page_declares_simplified_chinese_or_english_under_en(built_site: Path) -> None:
    def wanted(path: str) -> tuple[str, ...]:
        return ("en",) if path.startswith("en/") else ("zh-CN", "zh-Hans")

    wrong = {path: o.lang for path, o in _outlines(built_site).items() if o.lang not in wanted(path)}
    assert not wrong, f"pages whose <html lang> is not zh-CN (en under en/): {wrong}"


def test_headings_never_skip_a_level(built_site: Path) -> None:
    skips = []
    for path, outline in _outlines(built_site).items():
        levels = outline.levels
        if levels and levels[0] != 1:
            skips.append(f"{path}: starts at h{levels[0]}")
        skips += [f"{path}: h{a} → h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, "headings that skip a level:\n" + "\n".join(skips)
