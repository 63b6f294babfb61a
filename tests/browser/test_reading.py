"""Reading the site: the whole interpretation on one page, printing, phones, Chinese typography, the overview."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser, Page

from support.project import ROOT
from support.recording import RecordedPage
from support.url_inventory import inventory

PHONE = {"width": 390, "height": 844}


def _sentence_ids(markdown: str) -> list[str]:
    return re.findall(r"^\{#([a-z0-9]+-s[0-9]+)\}", markdown, re.M)


def _pages(site: Path) -> list[str]:
    """Every page of the build, short-link redirects left out."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )


# ---- the full text ----------------------------------------------------------------------------------


def test_full_text_holds_every_sentence_once_in_order_with_the_ids_of_its_question_pages(built_site: Path) -> None:
    sources = ["index", *(f"q{n}" for n in range(1, 8))]
    expected = [i for name in sources for i in _sentence_ids((ROOT / f"docs/interpretation/{name}.md").read_text())]
    html = (built_site / "interpretation" / "full" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="sentence" id="([^"]+)">', html)
    assert shown == expected, "the full text's sentences differ from the preamble and q1–q7, in order"
    found = inventory(built_site)
    for sentence_id in expected:
        own = "interpretation/" if sentence_id.startswith("intro") else f"interpretation/{sentence_id.split('-')[0]}/"
        assert found[f"interpretation/full/#{sentence_id}"] == found[f"{own}#{sentence_id}"], sentence_id
    headings = re.findall(r'<h2 id="(q[1-7])">', html)
    assert headings == [f"q{n}" for n in range(1, 8)], f"one heading per question, got {headings}"


def test_full_text_is_in_the_navigation_and_left_out_of_search(built_site: Path) -> None:
    q1 = (built_site / "interpretation" / "q1" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./full/" class="md-nav__link">\s*<span class="md-ellipsis">\s*解读全文', q1)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [x for x in locations if x.startswith("interpretation/full/")], "the full text is in the search index"
    assert any(x.startswith("interpretation/q6/") for x in locations)


def test_a_sentence_link_into_the_full_text_lands_on_that_sentence(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "interpretation/full/#q6-s2", wait_until="load")
    assert page.evaluate("() => document.querySelector(':target')?.id") == "q6-s2"
    top = page.evaluate("() => document.getElementById('q6-s2').getBoundingClientRect().top")
    assert 0 <= top < 900, f"#q6-s2 is not scrolled into view (top {top})"
    assert not recorded.record.problems(), recorded.record.problems()


# ---- print ------------------------------------------------------------------------------------------

HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".md-content__button",
    ".md-typeset .headerlink",
    "a.sentence-anchor",
    "[data-share]",
]


def test_print_shows_the_article_with_its_title_address_and_source(browser: Browser, base_url: str) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        for path in ("interpretation/full/", "measures/m5/", "overview/"):
            page.goto(base_url + path, wait_until="load")
            page.emulate_media(media="print")
            shown = page.evaluate(
                """selectors => selectors.filter(s => [...document.querySelectorAll(s)]
                     .some(el => getComputedStyle(el).display !== 'none' && el.getClientRects().length))""",
                HIDDEN_IN_PRINT,
            )
            assert not shown, f"/{path} prints {shown}"
            masthead = page.locator(".print-masthead")
            assert masthead.is_visible(), f"/{path}: no masthead in print"
            canonical = page.evaluate("() => document.querySelector('link[rel=canonical]').href")
            text = masthead.inner_text()
            assert canonical in text and "原文来源" in text, f"/{path} masthead: {text!r}"
            first = page.evaluate(
                "() => [...document.querySelectorAll('article > *')].filter(e => e.getClientRects().length)"
                ".slice(0, 2).map(e => e.tagName + '.' + e.className)"
            )
            assert first[0] == "DIV.print-masthead" and first[1].startswith("H1"), f"/{path} prints first {first}"
            pdf = page.pdf(format="A4")
            assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
            page.emulate_media(media="screen")
            assert not masthead.is_visible(), f"/{path}: the masthead shows on screen"
    finally:
        context.close()


# ---- phones -----------------------------------------------------------------------------------------


def _phone(browser: Browser, scheme: str = "light") -> Page:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN", color_scheme=scheme
    )
    context.route("**/*", lambda route: route.continue_() if "//127.0.0.1" in route.request.url else route.abort())
    return context.new_page()


def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, base_url: str, built_site: Path) -> None:
    page = _phone(browser)
    wide = []
    try:
        for path in _pages(built_site):
            page.goto(base_url + path, wait_until="load")
            # A phone widens its layout viewport to fit a wide page: innerWidth grows with it, so compare with
            # the screen's own width.
            width = page.evaluate("() => document.scrollingElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append(f"/{path}: {width}px wide on a {PHONE['width']}px screen")
    finally:
        page.context.close()
    assert not wide, "\n".join(wide)


def test_the_menu_opens_on_a_phone_and_leads_to_a_page(browser: Browser, base_url: str) -> None:
    page = _phone(browser)
    try:
        page.goto(base_url + "interpretation/q6/", wait_until="load")
        drawer = page.locator(".md-sidebar--primary")
        edge = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right"
        assert page.evaluate(edge) <= 0, "the drawer is open before the menu button is pressed"
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_function(f"({edge})() > 200")
        # The drawer opens on the current page's section; its other pages are one tap away.
        link = drawer.get_by_role("link", name=re.compile("^七、"))
        link.click()
        page.wait_for_url(re.compile(r"/interpretation/q7/$"))
    finally:
        page.context.close()


def test_the_overview_on_a_phone_shows_every_box_as_a_link(browser: Browser, base_url: str) -> None:
    for scheme in ("light", "dark"):
        page = _phone(browser, scheme)
        try:
            page.goto(base_url + "overview/", wait_until="load")
            links = page.evaluate(
                """() => [...document.querySelectorAll('.plan-overview li > a')].map(a => {
                     const r = a.getBoundingClientRect();
                     return {text: a.innerText.trim(), left: r.left, right: r.right, height: r.height};
                   })"""
            )
        finally:
            page.context.close()
        ids = [link["text"].split()[0] for link in links]
        assert ids == ["G1", "G2", "T1", *(f"M{n}" for n in range(1, 4)), "T2", *(f"M{n}" for n in range(4, 7))] + [
            "T3",
            *(f"M{n}" for n in range(7, 10)),
            "T4",
            *(f"M{n}" for n in range(10, 13)),
            "T5",
            "M13",
            "M14",
            "P1",
            "P2",
            "P3",
            "P4",
            "S1",
            "S2",
            "S3",
        ], ids
        off = [link for link in links if link["left"] < 0 or link["right"] > PHONE["width"] or link["height"] < 16]
        assert not off, f"{scheme}: boxes off screen or too small to tap: {off}"


# ---- the overview's structure ----------------------------------------------------------------------


def test_overview_is_a_tree_of_headed_lists_that_shows_which_projects_support_which_tasks(built_site: Path) -> None:
    html = (built_site / "overview" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", article)
    assert len(headings) == 4 and all("<a href=" in h for h in headings), headings
    for task in range(1, 6):
        box = article.split(f'<a href="../tasks/t{task}/">', 1)[1].split("</ul>", 1)[0]
        assert ("overview-support" in box) == (task <= 4), f"T{task}: the note on its supporting projects"
    assert 'id="projects"' in article and "共同支撑任务一至任务四" in article


# ---- Chinese typography -----------------------------------------------------------------------------


def test_chinese_text_is_set_without_faux_italics_and_with_strict_line_breaking(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    page.goto(base_url + "interpretation/q6/", wait_until="load")
    style = page.evaluate(
        """() => {
          const article = document.querySelector('article');
          const em = document.createElement('em');
          em.textContent = '强调';
          article.querySelector('p').appendChild(em);
          const s = getComputedStyle(article), e = getComputedStyle(em);
          return {lineBreak: s.lineBreak, lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
                  emStyle: e.fontStyle, emMark: e.textEmphasisStyle || e.webkitTextEmphasisStyle};
        }"""
    )
    assert style["lineBreak"] == "strict", style
    assert style["lineHeight"] >= 1.7, style
    assert style["emStyle"] == "normal" and style["emMark"] not in ("", "none"), style
