"""The site's own words are marked as its own wherever they appear, and the interpretation's source and the
site's readings are shown as such (the data rules behind this: tests/unit/test_plan_data.py)."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

from plansite import labels, load_plan
from plansite.english import labels as E
from plansite.link_images import link_images
from plansite.model import Section
from support.html import parse
from support.project import ROOT

MARKS = (labels.SUMMARY_MARK, labels.SUMMARY_BADGE)


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def test_every_summary_shown_on_a_page_is_preceded_by_its_visible_mark(built_site: Path) -> None:
    plan = load_plan(ROOT)
    # A summary made only of the interpretation's words is, on the interpretation's pages, its text.
    sentences = "".join(sentence.text for sentence in plan.interpretation.sentences.values())
    summaries = {node.summary for node in plan.nodes.values() if node.summary.rstrip("。") not in sentences}
    unmarked, shown = [], 0
    for path in _pages(built_site):
        soup = parse(path)
        for element in soup.find_all(string=True):
            text = str(element)
            for summary in summaries:
                if summary not in text or element.find_parent(["script", "title", "head"]):
                    continue
                shown += 1
                badge = element.find_previous_sibling(class_=lambda names: "badge-editorial" in (names or "").split())
                if badge is None or badge.get_text() not in MARKS:
                    unmarked.append(f"{path.relative_to(built_site)}: {summary[:30]}…")
    assert shown > 100, f"only {shown} summaries found on the pages: is the test reading the right text?"
    assert not unmarked, "summaries shown without 本站概述 before them:\n" + "\n".join(sorted(set(unmarked)))


def test_page_descriptions_and_link_previews_say_a_summary_is_the_sites(built_site: Path) -> None:
    plan = load_plan(ROOT)
    prefix = labels.SUMMARY_DESCRIPTION.split("{", 1)[0]
    summaries = {node.summary for node in plan.nodes.values()}
    wrong = []
    for path in _pages(built_site):
        for meta in parse(path).find_all("meta", attrs={"content": True}):
            content = meta["content"]
            if any(summary in content for summary in summaries) and not content.startswith(prefix):
                wrong.append(f"{path.relative_to(built_site)}: {meta.get('name') or meta.get('property')}={content}")
    assert not wrong, "a description gives the site's summary as the page's text:\n" + "\n".join(wrong)
    m5 = parse(built_site / "measures" / "m5" / "index.html")
    assert m5.find("meta", property="og:description")["content"].startswith(prefix)


def test_link_images_print_the_summary_as_the_sites() -> None:
    plan = load_plan(ROOT)
    prefix = labels.SUMMARY_DESCRIPTION.split("{", 1)[0]
    drawn = [p.text.summary for name, p in link_images(plan, "site").items() if name != "index.md"]
    assert drawn and all(summary.startswith(prefix) for summary in drawn)


def test_exports_name_the_summary_as_the_sites_and_flag_editorial_relations(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "plan.json").read_text(encoding="utf-8"))
    for node in data["nodes"]:
        assert "summary" not in node and node["site_summary"]["text"] and node["site_summary"]["sources"], node["id"]
    readings = [e for e in data["edges"] if e["editorial"]]
    assert readings and all(any("editorial" in s for s in e["sources"]) for e in readings)
    assert all(not any("editorial" in s for s in e["sources"]) for e in data["edges"] if not e["editorial"])
    raw = (built_site / "data" / "measures.csv").read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(raw)))  # the English edition's columns follow the Chinese ones
    assert header[:6] == ["id", "task_id", "task_title", "title", "site_summary", "url"]
    assert header[6:] == ["title_en", "site_summary_en", "task_title_en", "url_en"]


def test_site_readings_are_marked_on_the_pages_that_show_them(built_site: Path) -> None:
    m1 = parse(built_site / "measures" / "m1" / "index.html")
    discussed = m1.find(id=lambda i: i and i.startswith("论及本条的问答")) or m1.find(string="论及本条的问答").parent
    items = {li.get_text(" ", strip=True) for li in discussed.find_next("ul").find_all("li")}
    assert any("Q4" in item and labels.EDITORIAL in item for item in items), items
    assert any("Q3" in item and labels.ROLE["lists"] in item and labels.EDITORIAL not in item for item in items)
    technologies = parse(built_site / "technologies" / "index.html").get_text()
    assert labels.EDITORIAL in technologies
    q4 = parse(built_site / "interpretation" / "q4" / "index.html")
    topics = q4.find(class_="section-topics")
    marked = [li.get_text(" ", strip=True) for li in topics.find_all("li") if labels.EDITORIAL in li.get_text()]
    assert [item.split()[0] for item in marked] == ["M1", "M2", "M3"]


def test_each_q_and_a_page_marks_the_same_readings_in_both_editions(built_site: Path) -> None:
    # What a question covers, where that is the site's reading: the English page marks it as the Chinese does.
    plan = load_plan(ROOT)
    checked = 0
    for section in (s.id for s in plan.of(Section)):
        marked = {}
        for root, mark in ((built_site, labels.EDITORIAL), (built_site / "en", E.EDITORIAL)):
            topics = parse(root / "interpretation" / section.lower() / "index.html").find(class_="section-topics")
            items = topics.find_all("li") if topics else []
            marked[mark] = [li.a["href"] for li in items if mark in li.get_text()]
            notes = topics.find_all(class_="editorial-note") if topics else []
            assert bool(marked[mark]) == bool(notes), f"{section}: readings without their reason, or the reverse"
        assert marked[labels.EDITORIAL] == marked[E.EDITORIAL], section
        checked += bool(marked[labels.EDITORIAL])
    assert checked >= 3, "fewer Q&A pages with readings than the data has (Q4, Q5, Q6)"


def test_every_page_of_the_interpretation_says_where_it_comes_from(built_site: Path) -> None:
    pages = ["interpretation/", "interpretation/full/", *(f"interpretation/q{n}/" for n in range(1, 8))]
    for page in pages:
        soup = parse(built_site / page / "index.html")
        line = soup.find(class_="source-line")
        assert line is not None and line.get_text() == labels.SOURCE_LINE, page
        assert line.find_previous("h1") is not None, f"{page}: the source line comes after the title"


def test_the_item_trail_is_a_navigation_landmark_naming_the_current_item(built_site: Path) -> None:
    m5 = parse(built_site / "measures" / "m5" / "index.html")
    trail = m5.find("nav", class_="node-trail")
    assert trail is not None and trail["aria-label"] == labels.TRAIL
    assert trail.find(attrs={"aria-current": "page"}).get_text() == "措施5"
    assert html.unescape(str(trail)).count("T2 培育三维交互的工业元宇宙") == 1
