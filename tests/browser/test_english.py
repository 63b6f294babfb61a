"""The English edition in Chromium: the language link keeps the reader's place both ways, each sentence shows
its Chinese original on hover, on focus and side by side, and search answers English and Chinese queries."""

from __future__ import annotations

import datetime

from playwright.sync_api import Page, expect
from test_share import SITE_URL, allow_clipboard, copied_by

from support.recording import RecordedPage

ORIGINAL = "二是构建可信元宇宙产品评估评测体系和健全元宇宙知识产权保护体系。"


def test_switching_language_on_a_measure_page_keeps_the_place(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "measures/m5/")
    page.locator('.language-switch a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.url == base_url + "en/measures/m5/"
    expect(page.locator("h1")).to_contain_text("M5 Accelerate the deployment of the industrial metaverse")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".translation-notice")).to_contain_text("Unofficial translation.")
    page.locator('a.language-switch[hreflang="zh-CN"]').click()
    page.wait_for_load_state()
    assert page.url == base_url + "measures/m5/"
    expect(page.locator("h1")).to_contain_text("M5 加快重点行业工业元宇宙布局")
    assert not recorded.record.problems(), recorded.record.problems()


def test_a_sentence_link_keeps_its_anchor_in_the_other_language(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "en/interpretation/q6/#q6-s2")
    assert page.evaluate("() => document.querySelector(':target')?.id") == "q6-s2"
    page.locator('a.language-switch[hreflang="zh-CN"]').click()
    page.wait_for_load_state()
    assert page.url == base_url + "interpretation/q6/"
    assert not recorded.record.problems(), recorded.record.problems()


def test_hover_and_focus_show_the_chinese_original_of_that_sentence(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "en/interpretation/q6/")
    original = page.locator("#q6-s2 > .sentence-original")
    expect(original).to_be_hidden()
    page.locator("#q6-s2").hover()
    expect(original).to_be_visible()
    expect(original).to_have_text(ORIGINAL)
    page.mouse.move(0, 0)
    expect(original).to_be_hidden()
    page.locator("#q6-s2 > a.sentence-anchor").focus()
    expect(original).to_be_visible()
    expect(page.locator("#q6-s1 > .sentence-original")).to_be_hidden()


def test_the_side_by_side_view_shows_each_sentence_beside_its_original(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "en/interpretation/q6/")
    toggle = page.locator("button[data-bilingual]")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    for sentence_id in ("q6-s1", "q6-s2", "q6-s3"):
        sentence, original = page.locator(f"#{sentence_id}"), page.locator(f"#{sentence_id} > .sentence-original")
        expect(original).to_be_visible()
        box, beside = sentence.bounding_box(), original.bounding_box()
        assert box and beside and beside["x"] > box["x"] + box["width"] / 3, "the original stands to the right"
    expect(page.locator("#q6-s2 > .sentence-original")).to_have_text(ORIGINAL)
    page.goto(base_url + "en/interpretation/q7/")  # the choice is kept from page to page
    expect(page.locator("#q7-s1 > .sentence-original")).to_be_visible()
    expect(page.locator("#q7-s1 > .sentence-original")).to_have_text("一是强化统筹协调。")
    page.locator("button[data-bilingual]").click()
    expect(page.locator("#q7-s1 > .sentence-original")).to_be_hidden()
    assert not recorded.record.problems(), recorded.record.problems()


def _search(page: Page, query: str) -> list[str]:
    """Open the search with its key, type the query and read the result links."""
    box = page.locator("input.md-search__input")
    page.keyboard.press("s")
    box.fill(query)
    box.press("End")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
    return page.locator("li.md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


def test_search_answers_english_with_stemming_and_chinese_on_an_english_page(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    page.goto(base_url + "en/")
    found = _search(page, "standard")
    assert found[0].startswith(base_url + "en/measures/m10/"), found[:3]
    page.goto(base_url + "en/")
    found = _search(page, "工业元宇宙布局")
    assert found[0].startswith(base_url + "en/measures/m5/"), found[:3]
    page.goto(base_url + "measures/m5/")  # and the Chinese edition keeps its own search
    found = _search(page, "工业元宇宙布局")
    assert any(href.startswith(base_url + "measures/m5/") for href in found[:5]), found[:5]
    assert not recorded.record.problems(), recorded.record.problems()


M5 = "M5 Accelerate the deployment of the industrial metaverse in key industries"
QUOTE_SOURCE = (
    "— Ministry of Industry and Information Technology, Interpretation of the Three-Year Action Plan for the "
    "Innovative Development of the Metaverse Industry (2023–2025) (unofficial English translation by this site), "
)


def test_an_english_page_copies_its_link_citation_and_markdown_link_in_english(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "en/measures/m5/")
    url = SITE_URL + "en/measures/m5/"
    status = page.locator(".share-status")
    bar = page.get_by_role("group", name=f"{M5}: link and citation")
    assert copied_by(page, bar.get_by_role("button", name="Copy link", exact=True).click) == url
    expect(status).to_have_text("Link copied")
    cite = copied_by(page, bar.get_by_role("button", name="Cite: copy the citation", exact=True).click)
    today = datetime.date.today().isoformat()
    assert cite.startswith("General Office of the Ministry of Industry and Information Technology, General Office")
    assert (
        f"et al. Three-Year Action Plan for the Innovative Development of the Metaverse Industry (2023–2025): {M5}"
        "[EB/OL]" in cite
    )
    assert cite.endswith(f"compiler and unofficial translator. (2023-09-08)[{today}]. {url}."), cite
    expect(status).to_have_text("Citation copied")
    assert copied_by(page, bar.get_by_role("button", name="Copy as Markdown").click) == f"[{M5}]({url})"
    expect(status).to_have_text("Markdown link copied")
    assert not recorded.record.problems(), recorded.record.problems()


def _select_english(page: Page, start: str, end: str) -> None:
    """Drag, as a reader does, from the third character of one English sentence to the sixth of another."""
    page.locator(f"#{start}").scroll_into_view_if_needed()
    box = """([id, at]) => { const r = document.createRange();
        const t = document.querySelector('#' + id + ' > .sentence-text').firstChild;
        r.setStart(t, at); r.setEnd(t, at + 1); const b = r.getClientRects()[0];
        return {x: b.left + b.width / 2, y: b.top + b.height / 2}; }"""
    a, b = page.evaluate(box, [start, 2]), page.evaluate(box, [end, 5])
    page.mouse.click(a["x"] - 2, a["y"])
    page.mouse.down()
    page.mouse.move(b["x"] + 2, b["y"], steps=10)
    page.mouse.up()


def test_a_selection_of_english_sentences_is_quoted_with_its_english_source_and_range_link(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "en/interpretation/q6/")
    control = page.get_by_role("button", name="Quote the selection")
    expect(control).to_be_hidden()
    _select_english(page, "q6-s2", "q6-s3")
    selected = page.evaluate("getSelection().toString()")
    expect(control).to_be_visible()
    quote = copied_by(page, control.click)
    link = SITE_URL + "en/interpretation/q6/#q6-s2-s3"
    assert quote == f"“{selected}”\n{QUOTE_SOURCE}q6-s2 to q6-s3\n{link}", quote
    expect(page.locator(".share-status")).to_have_text("Quotation, source and link copied")
    assert not recorded.record.problems(), recorded.record.problems()
