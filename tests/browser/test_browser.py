"""The built site in a real browser (Debian's Chromium driven by Playwright).

The site is served from the strict build over HTTP on 127.0.0.1; every request to any other host is
blocked and counted, and console errors, page errors and failed requests are recorded per page.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from support.localsite import serve
from support.project import ROOT, mkdocs_build, without_english
from support.recording import RecordedPage, Recorder

# ---- Serving the built site ----------------------------------------------------------------------


# ---- Helpers -------------------------------------------------------------------------------------


def _open(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response.status if response else 'nothing'}"


def _assert_clean(record: Recorder, where: str) -> None:
    problems = record.problems()
    assert not problems, f"{where}: {len(problems)} problem(s):\n" + "\n".join(problems)


def _poll(read: Callable[[], Any], good: Callable[[Any], bool], seconds: float = 2.0) -> Any:
    """Read a value until it is good or time runs out (CSS transitions take a moment); return the last read."""
    deadline = time.monotonic() + seconds
    value = read()
    while not good(value) and time.monotonic() < deadline:
        time.sleep(0.05)
        value = read()
    return value


def _path(url: str) -> str:
    return urlsplit(url).path


def _sentence_source(question: str, sentence_id: str) -> str:
    """The sentence's text as written in docs/interpretation/<question>.md (`{#id} text`)."""
    text = (ROOT / "docs" / "interpretation" / f"{question}.md").read_text(encoding="utf-8")
    match = re.search(r"^\{#" + re.escape(sentence_id) + r"\}\s*(.+?)\s*$", text, re.MULTILINE)
    assert match, f"sentence {sentence_id} not found in docs/interpretation/{question}.md"
    return match.group(1)


def _background(page: Page, selector: str) -> str:
    return page.evaluate("s => getComputedStyle(document.querySelector(s)).backgroundColor", selector)


def _tab_until(page: Page, selector: str, limit: int = 200) -> int:
    """Press Tab until `selector` has the focus; return the number of presses (or fail after `limit`)."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return presses
    active = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{limit} Tab presses never focused {selector}; the focus ended on {active}")


ANCHOR_ICON_STYLE = """s => {
  const el = document.querySelector(s);
  const own = getComputedStyle(el);
  const after = getComputedStyle(el, '::after');
  return {
    opacity: own.opacity, visibility: own.visibility, display: own.display,
    afterContent: after.content, afterOpacity: after.opacity, afterVisibility: after.visibility,
    afterDisplay: after.display, afterWidth: after.width, afterHeight: after.height,
  };
}"""


def _icon_visible(style: dict[str, str]) -> bool:
    return (
        style["visibility"] == "visible"
        and style["display"] != "none"
        and style["opacity"] == "1"
        and style["afterContent"] not in ("none", "normal")
        and style["afterDisplay"] != "none"
        and style["afterVisibility"] == "visible"
        and style["afterOpacity"] == "1"
        and style["afterWidth"] not in ("0px", "auto")
        and style["afterHeight"] not in ("0px", "auto")
    )


def _icon_hidden(style: dict[str, str]) -> bool:
    return (
        style["afterContent"] in ("none", "normal")
        or style["afterOpacity"] == "0"
        or style["afterVisibility"] == "hidden"
        or style["afterDisplay"] == "none"
        or style["opacity"] == "0"
        or style["visibility"] == "hidden"
    )


# ---- Tests ---------------------------------------------------------------------------------------


def test_home_page_loads_in_chinese_with_a_visible_title_and_no_foreign_requests_or_errors(
    recorded: RecordedPage, base_url: str
) -> None:
    page, record = recorded.page, recorded.record
    _open(page, base_url)
    h1 = page.locator("article h1").first
    assert h1.is_visible(), "the home page has no visible <h1>"
    assert h1.inner_text().strip(), "the home page's <h1> is empty"
    lang = page.evaluate("() => document.documentElement.lang")
    assert lang.lower().startswith("zh"), f"<html lang> is {lang!r}, expected zh…"
    assert any(_path(url) == "/" for url in record.requests), f"the page itself was not requested: {record.requests}"
    _assert_clean(record, "home page")


def test_measure_page_names_its_measure_and_links_to_its_task(recorded: RecordedPage, base_url: str) -> None:
    page, record = recorded.page, recorded.record
    _open(page, base_url + "measures/m5/")
    h1 = page.locator("article h1").first
    assert "M5" in h1.inner_text(), f"/measures/m5/ <h1> is {h1.inner_text()!r}, expected it to name M5"
    task_link = page.locator("article a[href$='tasks/t2/']").first
    assert task_link.is_visible(), "/measures/m5/ shows no link to its task T2"
    assert "T2" in task_link.inner_text(), f"the task link reads {task_link.inner_text()!r}, expected T2 …"
    _assert_clean(record, "/measures/m5/")

    task_link.click()
    page.wait_for_url(re.compile(r"/tasks/t2/$"))
    assert "T2" in page.locator("article h1").first.inner_text(), "the T2 page's <h1> does not name T2"
    _assert_clean(record, "/measures/m5/ → /tasks/t2/")


def test_a_name_link_in_a_sentence_leads_to_its_measure_and_back(recorded: RecordedPage, base_url: str) -> None:
    page, record = recorded.page, recorded.record
    name = "加强关键技术集成创新"
    _open(page, base_url + "interpretation/q3/")

    sentence = page.locator("span.sentence#q3-s2")
    link = sentence.get_by_role("link", name=name, exact=True)
    assert link.count() == 1, f"q3-s2 should hold exactly one link named {name}, found {link.count()}"
    visible_text = sentence.inner_text().strip()
    assert visible_text == _sentence_source("q3", "q3-s2"), (
        "the sentence's visible text differs from its source text (links or the anchor add characters):\n"
        f"shown:  {visible_text!r}\nsource: {_sentence_source('q3', 'q3-s2')!r}"
    )
    assert name in visible_text

    link.click()
    page.wait_for_url(re.compile(r"/measures/m1/$"))
    assert _path(page.url).endswith("/measures/m1/"), f"the name link led to {page.url}"
    heading = page.locator("article h1").first.inner_text()
    assert name in heading, f"/measures/m1/ <h1> is {heading!r}, expected it to contain {name}"

    page.go_back(wait_until="load")
    assert _path(page.url).endswith("/interpretation/q3/"), f"going back landed on {page.url}"
    assert page.locator("span.sentence#q3-s2").is_visible(), "after going back, sentence q3-s2 is not shown"
    _assert_clean(record, "/interpretation/q3/ → /measures/m1/ → back")


def test_sentence_anchor_target_is_highlighted_and_its_permalink_icon_shows_on_keyboard_focus(
    recorded: RecordedPage, base_url: str
) -> None:
    page, record = recorded.page, recorded.record
    _open(page, base_url + "interpretation/q6/#q6-s2")
    page.mouse.move(0, 0)  # nothing hovered: only :target may colour a sentence

    plain = _background(page, "#q6-s1")
    target = _poll(lambda: _background(page, "#q6-s2"), lambda value: value != plain)
    assert target != plain, (
        f"the targeted sentence #q6-s2 is not highlighted: its background {target!r} equals #q6-s1's {plain!r}"
    )

    anchor = "#q6-s1 a.sentence-anchor"
    before = page.evaluate(ANCHOR_ICON_STYLE, anchor)
    assert _icon_hidden(before), f"the permalink icon of #q6-s1 shows without hover or focus: {before}"

    _tab_until(page, anchor)
    after = _poll(lambda: page.evaluate(ANCHOR_ICON_STYLE, anchor), _icon_visible)
    assert _icon_visible(after), f"the permalink icon of #q6-s1 does not show on keyboard focus: {after}"
    _assert_clean(record, "/interpretation/q6/#q6-s2")


def test_overview_links_every_task_and_every_measure(recorded: RecordedPage, base_url: str) -> None:
    page, record = recorded.page, recorded.record
    _open(page, base_url + "overview/")
    links: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('article a[href]')]
                 .filter(a => a.offsetParent !== null)
                 .map(a => ({href: a.href, text: a.innerText.trim()}))"""
    )
    expected = {f"T{n}": f"/tasks/t{n}/" for n in range(1, 6)} | {f"M{n}": f"/measures/m{n}/" for n in range(1, 15)}
    missing = [
        f"{label} → {path}"
        for label, path in expected.items()
        if not any(_path(link["href"]) == path and link["text"].split()[:1] == [label] for link in links)
    ]
    assert not missing, "the overview lacks a visible link for:\n" + "\n".join(missing)
    _assert_clean(record, "/overview/")


def test_every_page_loads_without_foreign_requests_or_errors(
    recorded: RecordedPage, base_url: str, built_site: Path
) -> None:
    page, record = recorded.page, recorded.record
    pages = sorted(
        path.relative_to(built_site).parent.as_posix()
        for path in built_site.rglob("index.html")
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")  # short links: tested on their own
    )
    assert len(pages) >= 40, f"only {len(pages)} pages were built"
    offenders: list[str] = []
    for rel in pages:
        url = base_url + ("" if rel == "." else rel + "/")
        record.clear()
        _open(page, url)
        offenders += [f"/{'' if rel == '.' else rel + '/'}: {problem}" for problem in record.problems()]
    assert not offenders, f"{len(offenders)} problem(s) across {len(pages)} pages:\n" + "\n".join(offenders)


def test_short_links_lead_to_their_pages(recorded: RecordedPage, base_url: str) -> None:
    page, record = recorded.page, recorded.record
    for short, target in (
        ("m5/", "measures/m5/"),
        ("t2/", "tasks/t2/"),
        ("p3/", "projects/p3/"),
        ("s1/", "safeguards/s1/"),
        ("q4/", "interpretation/q4/"),
        ("ai/", "technologies/#ai"),
    ):
        page.goto(base_url + short)
        page.wait_for_url(base_url + target)
        expect(page.locator("article h1").first).to_be_visible()
    _assert_clean(record, "short links")


def test_hostile_text_in_data_runs_nowhere_in_the_browser(
    project_copy: Path, tmp_path: Path, recorded: RecordedPage
) -> None:
    """Titles and summaries holding HTML, Markdown and template syntax show as text; nothing runs, no dialog."""
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3)) {{ 7*7 }}"
    without_english(project_copy)  # the Chinese pages are under test
    tasks = project_copy / "data" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    text = text.replace("    title: 打造沉浸交互数字生活应用\n", f"    title: {json.dumps(hostile)}\n", 1)
    summary = "据公开报道，这一任务包括生活消费、公共服务、应急保障三类场景的措施。"
    text = text.replace(
        f"    summary: {summary}", f"    summary: {json.dumps(hostile + summary, ensure_ascii=False)}", 1
    )
    tasks.write_text(text, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page, record = recorded.page, recorded.record
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(tmp_path / "site") as base:
        for path in ("", "tasks/t3/", "tasks/", "measures/m7/", "overview/", "interpretation/q3/"):
            _open(page, base + path)
            for link in page.locator("article a:visible, .md-nav a:visible").all()[:40]:
                link.hover(force=True, timeout=2000)
        expect(page.locator("h1")).to_be_visible()
        _open(page, base + "tasks/t3/")
        assert page.locator("h1").inner_text().startswith(f"T3 {hostile}")
        assert "<script>" in page.title()
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("alert")
        box.press("End")
        page.wait_for_timeout(1500)
        for item in page.locator(".md-search-result__item").all()[:5]:
            item.hover(force=True, timeout=2000)
    assert not dialogs, f"a dialog opened: {dialogs}"
    assert page.evaluate("typeof window.__hostile") == "undefined"
    _assert_clean(record, "hostile build")
