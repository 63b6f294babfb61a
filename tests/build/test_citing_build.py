"""What the strict build writes for citing a passage: each page of the interpretation carries the hover cards of
exactly the items it links and one quote control, neither reaches the search index, and every node's buttons
include the Markdown link."""

from __future__ import annotations

import json
from pathlib import Path

from support.html import attribute, parse, text

INTERPRETATION_PAGES = ["interpretation/", *(f"interpretation/q{n}/" for n in range(1, 8)), "interpretation/full/"]


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def test_each_interpretation_page_has_the_hover_cards_of_exactly_the_items_it_links(built_site: Path) -> None:
    any_cards = False
    for url in INTERPRETATION_PAGES:
        html = parse(page(built_site, url))
        named = {attribute(a, "aria-describedby") for a in html.select(".sentence a[aria-describedby]")}
        cards = {attribute(p, "id") for p in html.select(".hover-card")}
        assert named == cards, f"/{url}: links name {sorted(named)}, cards are {sorted(cards)}"
        assert all(p.has_attr("hidden") and attribute(p, "role") == "tooltip" for p in html.select(".hover-card"))
        any_cards |= bool(cards)
        controls = html.select(".quote-selection")
        assert len(controls) == 1 and controls[0].has_attr("hidden"), f"/{url}: one hidden quote control"
    assert any_cards
    q6 = parse(page(built_site, "interpretation/q6/"))
    assert {attribute(p, "id") for p in q6.select(".hover-card")} == {
        "hover-card-m10",
        "hover-card-m11",
        "hover-card-m12",
    }


def test_node_pages_have_no_quote_control_and_offer_the_markdown_link(built_site: Path) -> None:
    m5 = parse(page(built_site, "measures/m5"))
    assert not m5.select(".quote-selection, .hover-card")
    (bar,) = m5.select(".share")
    assert attribute(bar, "data-markdown") == "[M5 加快重点行业工业元宇宙布局](https://example.org/measures/m5/)"
    assert text(bar.select_one('button[data-share="markdown"]')) == "复制为 Markdown"
    assert m5.select_one(".share-status") is not None  # the confirmation's words are in share.js, for both editions
    script = (built_site / "assets" / "javascripts" / "share.js").read_text(encoding="utf-8")
    assert '"markdown":"已复制 Markdown 链接"' in script


def test_hover_cards_and_the_quote_control_stay_out_of_the_search_index(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    q6 = " ".join(d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("interpretation/q6/"))
    assert "二是构建可信元宇宙产品评估评测体系" in q6  # the page's own text is there
    for words in ("本站概述，非原文", "所属：", "引用所选文字", "Alt+Q"):
        assert words not in q6, words
