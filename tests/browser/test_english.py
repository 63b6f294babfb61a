"""The English edition in Chromium: the language link keeps the reader's place both ways, each sentence shows
its Chinese original on hover, on focus and side by side, and search answers English and Chinese queries."""

from __future__ import annotations

from playwright.sync_api import Page, expect

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
