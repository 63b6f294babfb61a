"""Citing a passage in a real browser: a link to a range of sentences, quoting a selection with its source and
link (by mouse and by keyboard), the hover card of a name link on hover and focus, and copying a node as a
Markdown link. The helpers take the page's own address, so that tests/browser/test_offline.py runs the same
checks from file://."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from test_share import REFUSE_ASYNC_CLIPBOARD, SITE_URL, allow_clipboard, clipboard, copied_by

from plansite import load_plan
from support.localsite import CHROMIUM, CHROMIUM_ARGS
from support.project import ROOT
from support.recording import RecordedPage

SOURCE = "——工业和信息化部《〈元宇宙产业创新发展三年行动计划（2023—2025年）〉解读》，"
# What chat apps link whole: an address of ASCII letters, digits, and / . : - in the path and the fragment.
CHAT_SAFE = re.compile(r"^https://example\.org/[a-z0-9/.-]*#[a-z0-9-]+$")
HINT = "已选中《解读》原文。按 Alt+Q 复制为引用，附出处和链接。"


def sentence_text(sentence_id: str) -> str:
    """The sentence as docs/interpretation/ stores it: what the page shows."""
    part = sentence_id.split("-")[0]
    name = "index" if part == "intro" else part
    source = (ROOT / "docs" / "interpretation" / f"{name}.md").read_text(encoding="utf-8")
    found = re.search(rf"^\{{#{sentence_id}\}} (.*)$", source, re.M)
    assert found, sentence_id
    return found[1]


def in_range(page: Page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.sentence--in-range')].map(s => s.id)")


def char_box(page: Page, sentence_id: str, at: int) -> dict[str, float]:
    """Where one character of a sentence's first words is on screen: its left and right edge, its middle."""
    return page.evaluate(
        """([id, at]) => { const r = document.createRange(); const t = document.getElementById(id).firstChild;
        r.setStart(t, at); r.setEnd(t, at + 1); const b = r.getClientRects()[0];
        return {left: b.left + 1, right: b.right - 1, y: b.top + b.height / 2}; }""",
        [sentence_id, at],
    )


def select(page: Page, start: str, start_at: int, end: str, end_at: int) -> None:
    """Select by mouse, as a reader drags: from the start of one character of a sentence's first words to the
    end of another, both included."""
    page.locator(f"#{start}").scroll_into_view_if_needed()
    a, b = char_box(page, start, start_at), char_box(page, end, end_at)
    page.mouse.click(a["left"], a["y"])  # a press inside an earlier selection would drag it: clear it first
    page.mouse.down()
    page.mouse.move(b["right"], b["y"], steps=10)
    page.mouse.up()


def natively_copied(page: Page) -> str:
    """What the browser itself copies of the selection (Ctrl+C): the text the quote must carry unchanged."""
    return copied_by(page, lambda: (page.keyboard.press("Control+C"), page.evaluate(_CONFIRM)))


_CONFIRM = "document.querySelector('.share-status').textContent = '-'"  # copied_by waits for a note


# ---- A range of sentences -------------------------------------------------------------------------


def check_ranges(page: Page, url_of: dict[str, str]) -> None:
    """`url_of` maps a page's address online ("interpretation/q6/") to where it is opened in this test."""
    page.goto(url_of["interpretation/q6/"] + "#q6-s2-s3")
    assert in_range(page) == ["q6-s2", "q6-s3"]
    expect(page.locator("#q6-s2")).to_have_css("background-color", re.compile(r"rgba\(255, 193, 7"))
    expect(page.locator("#q6-s1")).not_to_have_class(re.compile("sentence--in-range"))

    page.evaluate("location.hash = '#q6-s3-s1'")  # written backwards, and followed within the page
    expect(page.locator(".sentence--in-range")).to_have_count(3)
    page.evaluate("location.hash = '#q6-s2'")  # one sentence: the browser's own :target, exactly as before
    expect(page.locator(".sentence--in-range")).to_have_count(0)
    assert page.evaluate("document.getElementById('q6-s2').matches(':target')")
    page.evaluate("location.hash = '#q6-s2-s9'")  # past the last sentence: its first sentence still shows
    expect(page.locator(".sentence--in-range")).to_have_count(1)

    # The full text holds every part: a range is scrolled into view, and may run from one part into the next.
    page.goto(url_of["interpretation/full/"] + "#q6-s2-s3")
    assert in_range(page) == ["q6-s2", "q6-s3"]
    top = page.evaluate("document.getElementById('q6-s2').getBoundingClientRect().top")
    assert page.evaluate("scrollY") > 0 and 0 < top < page.viewport_size["height"] / 2, top
    page.goto(url_of["interpretation/full/"] + "#q5-s2-q6-s1")
    assert in_range(page) == ["q5-s2", "q6-s1"]


def test_a_range_link_marks_and_scrolls_to_its_sentences(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    check_ranges(page, {p: base_url + p for p in ("interpretation/q6/", "interpretation/full/")})
    page.emulate_media(media="print")  # on paper, as a single linked sentence, the range is not marked
    expect(page.locator("#q5-s2")).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    assert not recorded.record.problems(), recorded.record.problems()


def check_clicked_sentence_stays_in_the_address(page: Page, q6: str) -> None:
    """A sentence's link icon puts its fragment in the address, and the theme's heading tracking
    (navigation.tracking), a quarter of a second after the scroll, leaves it there. `q6` is
    /interpretation/q6/ where the test opens it."""
    page.goto(q6)
    page.locator("#q6-s2").hover()
    page.locator("#q6-s2 a.sentence-anchor").click()
    page.wait_for_timeout(1000)
    assert page.evaluate("location.hash") == "#q6-s2"


def check_opened_sentence_stays_in_the_address(page: Page, q6: str) -> None:
    """A page opened at a sentence or a range keeps it in the address when the reader scrolls, until another
    link is followed: then the theme tracks headings again."""
    for fragment in ("#q6-s2", "#q6-s2-s3"):
        page.goto(q6 + fragment)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, 30)
        page.wait_for_timeout(1000)
        assert page.evaluate("scrollY") > 0
        assert page.evaluate("location.hash") == fragment, fragment

    heading = page.evaluate("document.querySelector('article h2[id]').id")
    page.locator(f'a[href="#{heading}"]:visible').first.click()
    page.wait_for_timeout(300)
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(1000)
    assert not page.evaluate("/^#q6-s\\d/.test(location.hash)"), page.evaluate("location.hash")


def test_a_clicked_sentence_link_stays_in_the_address(recorded: RecordedPage, base_url: str) -> None:
    check_clicked_sentence_stays_in_the_address(recorded.page, base_url + "interpretation/q6/")
    assert not recorded.record.problems(), recorded.record.problems()


def test_a_page_opened_at_a_sentence_keeps_it_in_the_address_while_scrolling(
    recorded: RecordedPage, base_url: str
) -> None:
    check_opened_sentence_stays_in_the_address(recorded.page, base_url + "interpretation/q6/")
    assert not recorded.record.problems(), recorded.record.problems()


# ---- Quoting a selection ----------------------------------------------------------------------------


def check_quote_by_mouse(page: Page, q6: str, full: str) -> None:
    """Drag across two sentences, press the control: the selection as the browser copies it, in quotation
    marks, the source with both ids, and a link to exactly those two sentences."""
    page.goto(q6)
    control = page.get_by_role("button", name="引用所选文字")
    expect(control).to_be_hidden()
    select(page, "q6-s2", 3, "q6-s3", 6)
    selected = page.evaluate("getSelection().toString()")
    assert selected == sentence_text("q6-s2")[3:] + sentence_text("q6-s3")[:7], selected
    native = natively_copied(page)
    expect(control).to_be_visible()
    quote = copied_by(page, control.click)
    link = f"{SITE_URL}interpretation/q6/#q6-s2-s3"
    assert quote == f"“{native}”\n{SOURCE}q6-s2至q6-s3\n{link}", quote
    assert native == selected and CHAT_SAFE.match(link)
    expect(page.locator(".share-status")).to_have_text("已复制引文、出处和链接")
    assert page.evaluate("getSelection().toString()") == selected  # the reader's selection is left as it was

    select(page, "q6-s1", 1, "q6-s1", 5)  # one sentence: its own id and its own link
    quote = copied_by(page, control.click)
    assert quote == f"“{sentence_text('q6-s1')[1:6]}”\n{SOURCE}q6-s1\n{SITE_URL}interpretation/q6/#q6-s1", quote

    # On the full text a passage links to its Q&A page. One that runs on into the next part takes in the
    # question and the site's link to its page: that is not the interpretation's text alone, so no quote.
    page.goto(full)
    select(page, "q6-s1", 0, "q6-s2", 4)
    assert copied_by(page, control.click).endswith(f"，q6-s1至q6-s2\n{SITE_URL}interpretation/q6/#q6-s1-s2")
    select(page, "q5-s2", 0, "q6-s1", 4)
    assert "本问单独页面" in page.evaluate("getSelection().toString()")
    expect(control).to_be_hidden()


def test_selecting_sentences_offers_a_quote_with_source_and_range_link(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    check_quote_by_mouse(page, base_url + "interpretation/q6/", base_url + "interpretation/full/")
    assert not recorded.record.problems(), recorded.record.problems()


def test_quoting_keeps_the_selection_when_the_clipboard_refuses(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.context.add_init_script(REFUSE_ASYNC_CLIPBOARD)
    page.goto(base_url + "interpretation/q6/")
    select(page, "q6-s2", 0, "q6-s3", 3)
    selected = page.evaluate("getSelection().toString()")
    quote = copied_by(page, page.get_by_role("button", name="引用所选文字").click)
    assert quote.startswith(f"“{selected}”\n") and page.evaluate("window.__copyCommands") == 1
    assert page.evaluate("getSelection().toString()") == selected


def test_no_quote_is_offered_for_text_that_is_not_the_interpretations(recorded: RecordedPage, base_url: str) -> None:
    """The site's own list of topics under the sentences would be attributed to the interpretation."""
    page = recorded.page
    page.goto(base_url + "interpretation/q6/")
    select(page, "q6-s3", 2, "q6-s3", 8)
    expect(page.get_by_role("button", name="引用所选文字")).to_be_visible()
    topic = page.locator("article li a").first.bounding_box()
    assert topic
    page.mouse.move(topic["x"] - 30, topic["y"] - 40)
    page.mouse.down()
    page.mouse.move(topic["x"] + 40, topic["y"] + topic["height"] / 2, steps=5)
    page.mouse.up()
    assert "本问涉及" in page.evaluate("getSelection().toString()")
    expect(page.get_by_role("button", name="引用所选文字")).to_be_hidden()
    page.keyboard.press("Alt+q")  # nothing to quote: the shortcut copies nothing and says nothing
    page.wait_for_timeout(300)
    expect(page.locator(".share-status")).to_have_text("")


@pytest.fixture
def caret_browser(browser: Browser) -> Iterator[Browser]:
    """Chromium with caret browsing on (F7 in a desktop Chrome), the way a keyboard user selects page text."""
    caret = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, "--enable-caret-browsing"]
    )
    try:
        yield caret
    finally:
        caret.close()


def check_quote_by_keyboard(page: Page, q6: str) -> None:
    """Select with Shift+arrows: the shortcut is announced, Alt+Q copies, and Tab reaches the control."""
    page.goto(q6)
    third = char_box(page, "q6-s2", 2)
    page.mouse.click(third["left"], third["y"])  # the caret before the third character; the rest is keys
    for _ in range(6):
        page.keyboard.press("Shift+ArrowRight")
    expect(page.locator(".share-status")).to_have_text(HINT)
    expect(page.get_by_role("button", name="引用所选文字")).to_have_attribute("aria-keyshortcuts", "Alt+Q")
    quote = copied_by(page, lambda: page.keyboard.press("Alt+q"))
    words = sentence_text("q6-s2")[2:8]
    assert quote == f"“{words}”\n{SOURCE}q6-s2\n{SITE_URL}interpretation/q6/#q6-s2", quote
    for _ in range(8):  # past the links and copy buttons of the paragraph's sentences, then the control
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "引用所选文字":
            break
    expect(page.get_by_role("button", name="引用所选文字")).to_be_focused()
    assert copied_by(page, lambda: page.keyboard.press("Enter")) == quote


def test_a_keyboard_selection_is_announced_and_quoted_with_alt_q(caret_browser: Browser, base_url: str) -> None:
    context = caret_browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    allow_clipboard(context.new_page(), base_url)
    page = context.pages[0]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        check_quote_by_keyboard(page, base_url + "interpretation/q6/")
    finally:
        context.close()
    assert not errors, errors


# ---- Hover cards of a name link -------------------------------------------------------------------


M10_SUMMARY = load_plan(ROOT).nodes["M10"].summary


def check_hover_cards(page: Page, q6: str) -> None:
    page.goto(q6)
    link = page.locator("#q6-s1").get_by_role("link", name="完善产业标准体系")
    card = page.locator("#hover-card-m10")
    expect(card).to_be_hidden()
    # Read on focus by a screen reader, with or without script: id, title, kind, parent, the site's summary.
    expect(link).to_have_accessible_description(re.compile("M10 完善产业标准体系.*本站概述，非原文"))

    link.hover()
    expect(card).to_be_visible()
    expect(card).to_contain_text("具体措施")
    expect(card.locator(".hover-card__title")).to_have_text("M10 完善产业标准体系")
    expect(card).to_contain_text("所属：T4 构建系统完备产业支撑")
    expect(card.locator(".hover-card__badge")).to_have_text("本站概述，非原文")
    expect(card.locator(".hover-card__badge")).to_be_visible()
    expect(card).to_contain_text(M10_SUMMARY)
    assert link.get_attribute("title") is None  # no second box from the browser over the card
    box, anchor = card.bounding_box(), link.bounding_box()
    assert box and anchor and box["y"] >= anchor["y"] + anchor["height"] - 1, (box, anchor)
    width = page.viewport_size["width"]
    assert 0 <= box["x"] and box["x"] + box["width"] <= width, (box, width)

    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)  # onto the card
    page.wait_for_timeout(500)
    expect(card).to_be_visible()  # it stays while the pointer is on it
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    page.mouse.move(5, 5)

    link.focus()
    expect(card).to_be_visible()
    page.keyboard.press("Tab")  # on to the next name in the sentence: its card, and only its
    expect(page.locator("#hover-card-m11")).to_be_visible()
    expect(card).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.locator("#hover-card-m11")).to_be_hidden()
    expect(page.locator("#q6-s1").get_by_role("link", name="提升创新支撑能力")).to_be_focused()


def test_a_name_link_shows_its_hover_card_on_hover_and_focus_and_esc_closes_it(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    check_hover_cards(page, base_url + "interpretation/q6/")
    page.set_viewport_size({"width": 390, "height": 800})
    check_hover_cards(page, base_url + "interpretation/q6/")
    page.goto(base_url + "interpretation/full/")  # the full text has them too
    page.locator(".sentence").get_by_role("link", name="完善产业标准体系").first.focus()
    expect(page.locator("#hover-card-m10")).to_be_visible()
    assert not recorded.record.problems(), recorded.record.problems()


# ---- Copy as Markdown -------------------------------------------------------------------------------


def check_markdown(page: Page, name: str, url: str) -> None:
    bar = page.get_by_role("group", name=f"{name}：链接与引用")
    button = bar.get_by_role("button", name="复制为 Markdown", exact=True)
    assert copied_by(page, button.click) == f"[{name}]({url})"
    expect(page.locator(".share-status")).to_have_text("已复制 Markdown 链接")
    button.focus()
    assert copied_by(page, lambda: page.keyboard.press("Enter")) == f"[{name}]({url})"


def test_copy_as_markdown_copies_the_named_canonical_link(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "measures/m5/")
    check_markdown(page, "M5 加快重点行业工业元宇宙布局", SITE_URL + "measures/m5/")
    page.goto(base_url + "technologies/")
    check_markdown(page, "人工智能", SITE_URL + "technologies/#ai")
    assert clipboard(page) == f"[人工智能]({SITE_URL}technologies/#ai)"
    assert not recorded.record.problems(), recorded.record.problems()
