"""The copy buttons in a real browser: a node's link and citation, a sentence's link, by mouse and keyboard,
with the asynchronous clipboard and with the older copy command, read back from the clipboard."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from support.recording import RecordedPage

SITE_URL = "https://example.org/"  # mkdocs.yml's default when SITE_URL is not set
PLAN_TITLE = "元宇宙产业创新发展三年行动计划（2023—2025年）"
# Makes the asynchronous clipboard refuse, as some browsers do for file:// pages, so that the page falls back.
# The test keeps the real method to empty the clipboard between presses, and counts the copy commands.
REFUSE_ASYNC_CLIPBOARD = """
window.__realWriteText = navigator.clipboard.writeText.bind(navigator.clipboard);
navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused'));
window.__copyCommands = 0;
const execCommand = document.execCommand.bind(document);
document.execCommand = (name, ...rest) => (name === 'copy' && window.__copyCommands++, execCommand(name, ...rest));
"""


def allow_clipboard(page: Page, origin: str | None = None) -> None:
    """Let the test read what the page copied (and the page write it without a prompt)."""
    permissions = ["clipboard-read", "clipboard-write"]
    if origin:
        page.context.grant_permissions(permissions, origin=origin.rstrip("/"))
    else:
        page.context.grant_permissions(permissions)


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def reset_clipboard(page: Page) -> None:
    page.evaluate("(window.__realWriteText || navigator.clipboard.writeText.bind(navigator.clipboard))('')")


def copied_by(page: Page, press: object) -> str:
    """Empty the clipboard, press, and return what landed there once the page confirms it."""
    reset_clipboard(page)
    page.evaluate("document.querySelector('.share-status').textContent = ''")  # the last note, read already
    press()
    page.wait_for_function("document.querySelector('.share-status').textContent !== ''")
    return clipboard(page)


def citation_checks(citation: str, node_id: str, title: str, url: str) -> list[str]:
    today = datetime.date.today().isoformat()
    wanted = {
        "the issuing general offices": "工业和信息化部办公厅, 教育部办公厅, 文化和旅游部办公厅, 等. ",
        "the site as compiler": "元宇宙产业创新发展三年行动计划阅读站, 整理. ",
        "the plan's title": PLAN_TITLE,
        "the node": f"{node_id} {title}",
        "the type": "[EB/OL]",
        "the publication date": "(2023-09-08)",
        "today as access date": f"[{today}]",
        "the canonical URL at the end": f". {url}.",
    }
    problems = [f"no {what} ({text!r})" for what, text in wanted.items() if text not in citation]
    if not citation.endswith(f"{url}."):
        problems.append("does not end with the URL and a full stop")
    return problems


def check_measure_page(page: Page, url: str) -> None:
    """On /measures/m5/ (online or from disk): both buttons by click, by Enter and by Space."""
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == url, f"canonical is {canonical}"
    status = page.locator(".share-status")
    bar = page.get_by_role("group", name="M5 加快重点行业工业元宇宙布局：链接与引用")  # names what is copied
    link = bar.get_by_role("button", name="复制链接", exact=True)
    cite = bar.get_by_role("button", name="复制引用", exact=True)
    expect(link).to_have_text("复制链接")
    expect(cite).to_have_text("引用")

    assert copied_by(page, link.click) == url
    expect(status).to_have_text("已复制链接")
    expect(status).to_be_visible()
    citation = copied_by(page, cite.click)
    assert not citation_checks(citation, "M5", "加快重点行业工业元宇宙布局", url), (citation, citation_checks)
    expect(status).to_have_text("已复制引用")
    shown = page.locator("p.citation").inner_text()  # the page shows the same citation, the date left blank
    assert re.sub(r"\[\d{4}-\d{2}-\d{2}\]", "[引用日期]", citation) == shown, (citation, shown)

    link.focus()
    assert copied_by(page, lambda: page.keyboard.press("Enter")) == url
    expect(status).to_have_text("已复制链接")
    cite.focus()
    assert copied_by(page, lambda: page.keyboard.press("Space")) == citation
    expect(status).to_have_text("已复制引用")
    expect(cite).to_be_focused()  # the focus stays where the reader was, fallback or not


def check_sentence(page: Page, sentence_id: str, url: str) -> None:
    """A sentence's copy button, by click on hover and by keyboard."""
    button = page.locator(f"#{sentence_id} button.sentence-copy")
    expect(button).to_have_attribute("aria-label", f"复制本句链接（{sentence_id}）")
    page.locator(f"#{sentence_id}").hover()
    assert copied_by(page, button.click) == url
    expect(page.locator(".share-status")).to_have_text("已复制链接")
    page.mouse.move(0, 0)
    button.focus()
    assert copied_by(page, lambda: page.keyboard.press("Enter")) == url


def test_measure_page_copies_its_link_and_citation_by_mouse_and_keyboard(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "measures/m5/")
    check_measure_page(page, SITE_URL + "measures/m5/")
    assert not recorded.record.problems(), recorded.record.problems()


def test_sentence_copies_its_canonical_link_by_mouse_and_keyboard(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "interpretation/q6/")
    check_sentence(page, "q6-s2", SITE_URL + "interpretation/q6/#q6-s2")
    page.goto(base_url + "interpretation/")
    check_sentence(page, "intro-s1", SITE_URL + "interpretation/#intro-s1")
    page.goto(base_url + "interpretation/full/")  # the full text copies each sentence's own Q&A address
    check_sentence(page, "q6-s2", SITE_URL + "interpretation/q6/#q6-s2")
    check_sentence(page, "intro-s1", SITE_URL + "interpretation/#intro-s1")
    assert not recorded.record.problems(), recorded.record.problems()


def test_copying_falls_back_to_the_copy_command_when_the_clipboard_refuses(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.context.add_init_script(REFUSE_ASYNC_CLIPBOARD)
    page.goto(base_url + "measures/m5/")
    check_measure_page(page, SITE_URL + "measures/m5/")
    assert page.evaluate("window.__copyCommands") == 4
    page.goto(base_url + "interpretation/q6/")
    check_sentence(page, "q6-s1", SITE_URL + "interpretation/q6/#q6-s1")
    assert page.evaluate("window.__copyCommands") == 2
    assert not recorded.record.problems(), recorded.record.problems()


def test_grouped_pages_copy_the_link_of_each_section(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    allow_clipboard(page, base_url)
    page.goto(base_url + "technologies/")
    bar = page.get_by_role("group", name="人工智能：链接与引用")
    assert copied_by(page, bar.get_by_role("button", name="复制链接").click) == SITE_URL + "technologies/#ai"
    citation = copied_by(page, bar.get_by_role("button", name="复制引用").click)
    assert ": 人工智能[EB/OL]" in citation and citation.endswith(f"{SITE_URL}technologies/#ai.")


def test_copy_buttons_are_left_off_paper(recorded: RecordedPage, base_url: str) -> None:
    page = recorded.page
    page.goto(base_url + "measures/m5/")
    expect(page.locator(".share button").first).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".share")).to_be_hidden()
    expect(page.locator(".data-links")).to_be_hidden()
    page.goto(base_url + "interpretation/q6/")
    page.locator("#q6-s1").hover()
    expect(page.locator("#q6-s1 button.sentence-copy")).to_be_hidden()


def test_copy_buttons_add_nothing_to_a_sentences_text_or_the_search_index(built_site: Path) -> None:
    q6 = (built_site / "interpretation" / "q6" / "index.html").read_text(encoding="utf-8")
    assert q6.count('class="sentence-copy"') == q6.count('class="sentence"') > 0
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "复制本句链接" not in index and "已复制" not in index
