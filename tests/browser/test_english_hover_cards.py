"""The English edition's linked names in Chromium: on /en/interpretation/q5/ a name the Chinese sentence links
is linked in English, shows its English hover card with the site-summary badge on hover and on keyboard focus,
Esc closes it, and axe finds nothing with it open; the full text has them too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from test_accessibility import _axe_violations, _page

from plansite import load_plan
from plansite.english import load_english
from support.project import ROOT
from support.recording import RecordedPage

BADGE = "Site summary (not the original text)"
M5_WORDS = "deployment of the industrial metaverse in key industries"
M6_WORDS = "exploration of innovative application models for the industrial metaverse"
M5_SUMMARY = load_english(ROOT, load_plan(ROOT)).summary("M5")


def check_english_hover_cards(page: Page, q5: str) -> None:
    page.goto(q5)
    link = page.locator("#q5-s1").get_by_role("link", name=M5_WORDS)
    card = page.locator("#hover-card-m5")
    expect(card).to_be_hidden()
    # A screen reader reads the card on focus, with or without script.
    expect(link).to_have_accessible_description(re.compile(f"M5 Accelerate the deployment.*{re.escape(BADGE)}"))

    link.hover()
    expect(card).to_be_visible()
    expect(page.locator("#q5-s1 > .sentence-original")).to_be_hidden()  # the name's card instead of it
    expect(card.locator(".hover-card__kind")).to_have_text("Measure 5")
    expect(card.locator(".hover-card__title")).to_have_text(
        "M5 Accelerate the deployment of the industrial metaverse in key industries"
    )
    expect(card).to_contain_text("Part of: T2 Foster an industrial metaverse with three-dimensional interaction")
    expect(card.locator(".hover-card__badge")).to_have_text(BADGE)
    expect(card.locator(".hover-card__badge")).to_be_visible()
    expect(card).to_contain_text(M5_SUMMARY)
    assert link.get_attribute("title") is None  # no second box from the browser over the card
    # Under the line where the name begins (an English name may wrap onto the next line).
    box, first_line_end = card.bounding_box(), link.evaluate("a => a.getClientRects()[0].bottom")
    assert box and box["y"] >= first_line_end - 1, (box, first_line_end)
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert 0 <= box["x"] and box["x"] + box["width"] <= width, (box, width)
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    page.mouse.move(5, 5)
    page.locator("#q5-s1 > a.sentence-anchor").focus()  # elsewhere in the sentence, its original as before
    expect(page.locator("#q5-s1 > .sentence-original")).to_be_visible()

    link.focus()
    expect(card).to_be_visible()
    page.keyboard.press("Tab")  # on to the next name in the sentence: its card, and only its
    expect(page.locator("#hover-card-m6")).to_be_visible()
    expect(card).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator("#hover-card-m6")).to_be_hidden()
    expect(page.locator("#q5-s1").get_by_role("link", name=M6_WORDS)).to_be_focused()


def test_an_english_name_link_shows_its_hover_card_on_hover_and_focus_and_esc_closes_it(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    check_english_hover_cards(page, base_url + "en/interpretation/q5/")
    page.set_viewport_size({"width": 390, "height": 800})
    check_english_hover_cards(page, base_url + "en/interpretation/q5/")
    page.goto(base_url + "en/interpretation/full/")  # the full text has them too
    page.locator("#q5-s1").get_by_role("link", name=M5_WORDS).focus()
    expect(page.locator("#hover-card-m5")).to_be_visible()
    expect(page.locator("#hover-card-m5 .hover-card__badge")).to_have_text(BADGE)
    page.locator("#q5-s1").get_by_role("link", name=M5_WORDS).click()
    page.wait_for_load_state()
    assert page.url == base_url + "en/measures/m5/"  # the English page of the item
    assert not recorded.record.problems(), recorded.record.problems()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_an_english_hover_card_open(browser: Browser, base_url: str, scheme: str) -> None:
    page = _page(browser, scheme)
    try:
        page.goto(base_url + "en/interpretation/q5/", wait_until="load")
        page.locator("#q5-s1").get_by_role("link", name=M5_WORDS).focus()
        page.locator("#hover-card-m5").wait_for(state="visible")
        found = _axe_violations(page)
        shown = page.locator("#hover-card-m5").evaluate("e => e.checkVisibility()")
    finally:
        page.context.close()
    assert shown, "the hover card was on screen while axe ran"
    assert not found, "axe violations with an English hover card open:\n" + "\n".join(found)
