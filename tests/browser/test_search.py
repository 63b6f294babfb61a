"""Chinese search in the browser: the folding rules as the built engine applies them, and the search a reader
uses. (The rules in Python: tests/unit/test_search_rules.py.)

The quality figures come from tests/search_eval.py, the command anyone can run; here the same
evaluation runs online (served on 127.0.0.1) and offline (the unpacked bundle, from file://) and fails
below hit@5 0.95 on the project's queries and on the shared sample.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import search_eval
from plansite import labels, load_plan, search
from support.localsite import serve
from support.project import ROOT


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return search_eval.build(tmp_path_factory.mktemp("search"))


@pytest.fixture(scope="module")
def online(sites: tuple[Path, Path]) -> Iterator[str]:
    with serve(sites[0]) as base:
        yield base


@pytest.fixture
def reader(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    foreign: list[str] = []
    page = search_eval.new_page(browser, foreign)
    yield page, foreign
    page.context.close()


ENGINE = "assets/javascripts/search-worker.js"


def load_engine(page: Page, online: str) -> None:
    """The site's engine in a page, with the tables of the built index (the worker script runs as a plain
    script there: it only listens for messages inside a worker)."""
    page.goto(online)
    page.add_script_tag(url=online + ENGINE)
    page.evaluate(
        """async () => {
            const index = await (await fetch("search/search_index.json")).json()
            const engine = window.__planSearch
            window.__engine = new engine.Engine(index.docs, engine.tables, index.config.separator)
        }"""
    )


def test_browser_folds_text_exactly_as_the_build(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    samples = [
        "產業標準體系", "二〇二五年", "十四项措施", "第十二项措施", "ＡＩ与５Ｇ", "虛擬現實", "两个层面",
        "一百零五", "云边一体、算网一体", "关键流程的元宇宙化改造", "國際合作", " 算力 基础设施 ", "3—5家",
        "3 至 5 家", "AI  and  VR", "5G 物联网",
    ]  # fmt: skip
    browser_side = page.evaluate("s => s.map(t => window.__engine.folding.fold(t))", samples)
    assert browser_side == [search.fold(t) for t in samples]


def ranked(page: Page, query: str) -> list[dict]:
    """The engine's answer as the theme receives it: per page, its location, score and marked words."""
    return page.evaluate(
        """q => window.__engine.search(q).items.map(item => ({
            page: item.find(d => !d.location.includes("#")).location,
            score: item[0].score,
            terms: item[0].terms,
            text: item[0].text,
        }))""",
        query,
    )


def test_a_phrase_finds_pages_that_have_its_words_apart(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    # No page has 元宇宙标准体系 or 海外人才 in one piece: every word is there, not next to the others.
    assert {"measures/m10/", "interpretation/q6/"} <= {r["page"] for r in ranked(page, "元宇宙标准体系")[:3]}
    assert [r["page"] for r in ranked(page, "海外人才")[:2]] == ["safeguards/s2/", "interpretation/q7/"]


RANKING_DOCS = [  # one page each; every page has 产业 and 发展 so that those two count as common
    {"location": "a/", "title": "绿色算力中心", "text": "<p>产业发展。</p>"},
    {"location": "b/", "title": "乙", "text": "<p>产业发展，建设绿色算力中心。</p>"},
    {"location": "c/", "title": "丙", "text": "<p>产业发展，建设算力中心，走绿色道路。</p>"},
    {"location": "d/", "title": "丁", "text": "<p>产业发展，建设算力中心。</p><p>另一段。</p><p>坚持绿色。</p>"},
    {"location": "e/", "title": "戊", "text": "<p>产业发展，建设算力中心。</p>"},
    {"location": "f/", "title": "己", "text": "<p>产业发展，绿色。</p>"},
    {"location": "g/", "title": "庚", "text": "<p>产业发展。</p>"},
]


def test_ranking_puts_title_then_phrase_then_all_words_then_most(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    order = page.evaluate(
        """docs => new window.__planSearch.Engine(docs, {}).search("绿色算力中心").items.map(i => i[0].location)""",
        RANKING_DOCS,
    )
    # a: in the title; b: the whole phrase; c: every word, in one sentence; d: every word, apart;
    # e: most of it (算力中心); f: the rest (绿色); g has none of it and is not listed.
    assert order == ["a/", "b/", "c/", "d/", "e/", "f/"]
    common = page.evaluate(
        """docs => new window.__planSearch.Engine(docs, {}).search("产业发展算力中心").items.map(i => i[0].location)""",
        RANKING_DOCS,
    )
    assert common[-1] in {"a/", "g/", "f/"} and set(common[:4]) == {"b/", "c/", "d/", "e/"}


def test_one_common_pair_never_outranks_most_of_the_query(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    for query in ["元宇宙人才培养", "产业标准体系", "元宇宙供应链金融", "工业元宇宙营销平台"]:
        results = ranked(page, query)
        best = results[0]["terms"]
        found = [word for word, ok in best.items() if ok]
        assert found and all(ok for ok in best.values()), (query, best)
        for result in results[1:]:
            matched = [w for w, ok in result["terms"].items() if ok]
            if matched in (["元宇宙"], ["产业"], ["元宇"]):
                assert result["score"] < results[0]["score"] - 20, (query, result)


def test_partial_results_say_which_words_matched(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    results = ranked(page, "算力海外")  # two words no page has together
    assert results, "a query whose words occur on the site finds them"
    terms = {r["page"]: r["terms"] for r in results}
    assert terms["measures/m12/"] == {"算力": True, "海外": False}
    assert terms["safeguards/s2/"] == {"海外": True, "算力": False}
    assert "<mark>算力</mark>" in next(r["text"] for r in results if r["page"] == "measures/m12/")


def test_nothing_is_found_only_when_nothing_on_the_site_matches(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    assert ranked(page, "足球联赛") == [] and ranked(page, "房地产税") == []
    # Every two-character word of the interpretation finds at least one page.
    words = page.evaluate(
        """() => [...new Set(window.__engine.pages.flatMap(p => p.all.match(/[\u4e00-\u9fff]{2}/g) || []))]"""
    )
    empty = [w for w in words[::7] if not ranked(page, w)]
    assert not empty, empty


QUALITY = [(mode, path) for mode in ("online", "offline") for path in search_eval.QUERY_FILES]


@pytest.mark.parametrize(("mode", "queries"), QUALITY, ids=[f"{m}-{p.stem}" for m, p in QUALITY])
def test_search_finds_what_readers_type(
    mode: str, queries: Path, sites: tuple[Path, Path], online: str, reader: tuple[Page, list[str]]
) -> None:
    page, foreign = reader
    home = search_eval.edition_home(online if mode == "online" else sites[1].as_uri() + "/", queries)
    report = search_eval.evaluate(page, home, f"{mode} · {queries.name}", search_eval.read_queries(queries))
    search_eval.print_report(report)
    misses = [f"{o.query.text} → {o.pages[:5]}" for o in report.outcomes if o.rank is None]
    problems = search_eval.failures(search_eval.Run("site", 0, 0, [report]))
    assert not problems, "; ".join(problems) + "\nmisses:\n" + "\n".join(misses)
    assert not foreign


IDENTIFIERS = {
    "M1": "measures/m1/", "m14": "measures/m14/", "措施5": "measures/m5/", "第12项措施": "measures/m12/",
    "措施十": "measures/m10/", "任务二": "tasks/t2/", "第五项任务": "tasks/t5/", "T3": "tasks/t3/",
    "工程三": "projects/p3/", "P1": "projects/p1/", "保障措施一": "safeguards/s1/", "S2": "safeguards/s2/",
    "Q4": "interpretation/q4/", "第七问": "interpretation/q7/", "原则二": "principles/", "G2": "goals/g2/",
}  # fmt: skip


def test_identifiers_find_their_page_first(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    search_eval.open_search(page, online)
    first = {text: (search_eval.run_query(page, online, text).pages or [None])[0] for text in IDENTIFIERS}
    assert first == IDENTIFIERS


# How readers of the English edition name items, typed on its pages, and the page each must find first.
ENGLISH_NAMES = {
    "measure 5": "measures/m5/", "Measure 14": "measures/m14/", "task 2": "tasks/t2/", "key task 3": "tasks/t3/",
    "project 3": "projects/p3/", "safeguard 1": "safeguards/s1/", "goal 2": "goals/g2/",
    "question 4": "interpretation/q4/", "措施5": "measures/m5/", "M5": "measures/m5/",
}  # fmt: skip


def test_english_names_of_items_find_their_page_first(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    home = online + "en/"
    search_eval.open_search(page, home)
    first = {text: (search_eval.run_query(page, home, text).pages or [None])[0] for text in ENGLISH_NAMES}
    assert first == ENGLISH_NAMES


def test_short_names_of_the_issuers_find_the_issuers_page_first(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    search_eval.open_search(page, online)
    first = {text: (search_eval.run_query(page, online, text).pages or [None])[0] for text in ("工信部", "五部门")}
    assert first == {"工信部": "issuers/", "五部门": "issuers/"}


def test_traditional_characters_find_what_simplified_ones_find(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    search_eval.open_search(page, online)
    for traditional, simplified in [
        ("產業標準體系", "产业标准体系"),
        ("虛擬現實", "虚拟现实"),
        ("人才培養", "人才培养"),
    ]:
        found = search_eval.run_query(page, online, traditional).pages
        assert found and found == search_eval.run_query(page, online, simplified).pages, traditional


def test_results_show_title_and_snippet_with_the_words_marked(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    search_eval.open_search(page, online)
    search_eval.run_query(page, online, "實訓基地")
    first = page.locator("li.md-search-result__item").first
    expect(first.locator("h1")).not_to_be_empty()
    marks = first.locator("mark").all_inner_texts()
    assert "实训基地" in marks, marks
    shown = page.locator(".md-search-result").inner_text()
    assert not set(shown) & {"\u200b", "_", "<", ">", "&", "\ufffd"}, "stray characters in the results"
    link = first.locator("a").first.get_attribute("href") or ""
    assert "h=" in link, "a result carries the query to the page it opens"
    first.locator("a").first.click()
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text("实训基地")


def test_a_query_with_no_result_says_so_and_suggests_what_to_try(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    search_eval.open_search(page, online)
    outcome = search_eval.run_query(page, online, "足球联赛")
    assert outcome.pages == []
    expect(page.locator(".md-search-result__meta")).to_have_text("没有找到符合条件的结果")
    hint = page.locator(".search-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("M5")
    search_eval.run_query(page, online, "算力")
    expect(hint).to_be_hidden()


def test_a_shared_search_link_opens_with_the_search_run(online: str, reader: tuple[Page, list[str]]) -> None:
    page, foreign = reader
    page.goto(online + "measures/m5/?q=新型算力")
    expect(page.locator("input.md-search__input")).to_have_value("新型算力")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    pages = [
        search_eval.page_key(h, online)
        for h in page.locator("li.md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    ]
    assert {"measures/m12/", "interpretation/q6/"} & set(pages[:5]), pages
    assert not foreign


def test_a_pasted_phrase_is_searched_without_a_key_release(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    page.goto(online)
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.length > 0")
    box.fill("海外人才")  # as a paste with the mouse: an input event, no key
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    box.fill("")
    page.keyboard.insert_text("算力基础设施")  # as an input method commits text: no key release
    expect(page.locator("li.md-search-result__item >> nth=0")).to_contain_text("算力")


def test_a_pasted_query_is_searched_at_once_on_an_english_page(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    page.goto(online + "en/measures/m5/")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.length > 0")
    box.fill("measure 5")  # as a paste with the mouse: an input event, no key
    expect(page.locator("li.md-search-result__item a").first).to_have_attribute("href", re.compile(r"m5"))
    box.fill("")
    page.keyboard.insert_text("standards")  # as an input method commits text
    expect(page.locator("li.md-search-result__item").first).to_be_visible()


def test_search_scripts_log_an_error_when_the_theme_changes(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(online)
    page.locator("input.md-search__input").click()
    page.wait_for_timeout(300)
    assert not errors, errors
    # The worker, given a message the theme's protocol does not have.
    page.add_script_tag(url=online + ENGINE)
    page.evaluate("window.__planSearch.answer({type: 99})")
    assert any("unknown message type 99" in e for e in errors), errors
    # The page, when the theme's settings no longer name the site's worker (as if the setting moved).
    errors.clear()

    def theme_worker(route: Any) -> None:
        body = route.fetch().text().replace("search-worker.js", "workers/search.min.js")
        route.fulfill(body=body, content_type="text/html")

    page.route(online, theme_worker)
    page.goto(online)
    page.wait_for_timeout(300)
    assert any("do not name the site's search worker" in e for e in errors), errors


def test_the_index_holds_page_content_not_buttons_or_citations(sites: tuple[Path, Path]) -> None:
    index = json.loads((sites[0] / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {e["location"]: e["title"] + " " + e["text"] for e in index["docs"]}
    assert not [loc for loc, text in texts.items() if "[EB/OL]" in text or "复制链接引用" in text]
    assert not [loc for loc, text in texts.items() if "上一项" in text or "下一项" in text]
    pages = {loc.partition("#")[0] for loc, text in texts.items() if "工业和信息化部" in text}
    assert len(pages) <= 5, sorted(pages)  # the home page, the interpretation's preamble, the issuers


def test_the_keyboard_opens_a_result(online: str, reader: tuple[Page, list[str]]) -> None:
    page, _ = reader
    page.goto(online)
    page.keyboard.press("/")  # the theme's shortcut opens the search box
    page.keyboard.insert_text("海外人才")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/safeguards/s2/**")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    assert "海外" in page.locator("article mark[data-md-highlight]").all_inner_texts()


def test_results_fit_a_phone_screen(browser: Browser, online: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN", service_workers="block")
    page = context.new_page()
    page.goto(online + "?q=元宇宙标准体系")
    first = page.locator("li.md-search-result__item").first
    expect(first).to_be_visible()
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    box = first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    scroll = page.evaluate("document.querySelector('.md-search__scrollwrap').scrollWidth")
    assert scroll <= 375
    context.close()


def test_a_pasted_sentence_finds_its_page_and_ids_count_only_alone(reader: tuple[Page, list[str]], online: str) -> None:
    page, _ = reader
    load_engine(page, online)
    # A sentence of Q1 that names 5G, a technology's id: the page it comes from, not the technology, first.
    sentence = "元宇宙是人工智能、区块链、5G、物联网、虚拟现实等新一代信息技术的集大成应用"
    assert ranked(page, sentence)[0]["page"] == "interpretation/q1/"
    # A whole paragraph pasted: read by its start, found all the same (S1's page quotes that start, with
    # S1's title in it, so it may come first).
    paragraph = page.evaluate("() => window.__engine.pages.find(p => p.page === 'interpretation/q7/').entries[0].text")
    assert len(paragraph) > 200
    assert "interpretation/q7/" in [r["page"] for r in ranked(page, paragraph)[:2]]
    # Ids alone, several at once, in Latin or Chinese.
    assert [r["page"] for r in ranked(page, "措施5 任务2")] == ["tasks/t2/", "measures/m5/"]
    assert [r["page"] for r in ranked(page, "M5、M6")] == ["measures/m5/", "measures/m6/"]


def test_snippets_show_the_site_summaries_with_their_mark(reader: tuple[Page, list[str]], online: str) -> None:
    """A snippet that shows a summary's words (the site's own) also shows the mark that says so."""
    page, _ = reader
    load_engine(page, online)
    plan = load_plan(ROOT)
    # The interpretation's words, and the site's fixed sentences (labels), which are not summaries
    elsewhere = "".join(s.text for s in plan.interpretation.sentences.values())
    elsewhere += "|".join(re.sub(r"\{\w*\}", "|", v) for v in vars(labels).values() if isinstance(v, str))
    marks = (labels.SUMMARY_BADGE, labels.SUMMARY_MARK)
    checked = 0
    for node in plan.nodes.values():
        # A stretch of the summary that the interpretation does not have: shown, it can only be the summary.
        words = next(
            (
                node.summary[i : i + 8]
                for i in range(len(node.summary) - 8)
                if node.summary[i : i + 8] not in elsewhere and "，" not in node.summary[i : i + 8]
            ),
            None,
        )
        if words is None:
            continue
        snippets = page.evaluate(
            "q => window.__engine.search(q).items.flatMap(item => item.map(entry => entry.text))", words
        )
        for snippet in snippets:
            text = re.sub(r"<[^>]+>", "", snippet)
            if words in text:
                checked += 1
                assert any(mark in text for mark in marks), f"{node.id}: {text}"
    assert checked >= 20, "too few snippets showed a summary to judge"
