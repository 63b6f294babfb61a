"""The English interpretation pages of a real strict build link the names the Chinese pages link: each Chinese
name link has an English one in the same sentence of the same English page, to the same item's English page,
naming a hidden English hover card of it, which stays out of the search index."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from bs4 import BeautifulSoup

from support.html import attribute, parse, text

PAGES = [*(f"interpretation/q{n}/" for n in range(1, 8)), "interpretation/", "interpretation/full/"]
SUMMARY_MARK = "Site summary (not the original text)"


def _name_links(html: BeautifulSoup, url: str) -> dict[tuple[str, str], str]:
    """(sentence id, the site path the link leads to) → the hover card id it names, for every name link."""
    found = {}
    for link in html.select(".sentence a[aria-describedby]"):
        sentence = link.find_parent(class_="sentence")
        assert sentence is not None
        target = posixpath.normpath(posixpath.join("/" + url, attribute(link, "href"))).strip("/") + "/"
        found[(attribute(sentence, "id"), target)] = attribute(link, "aria-describedby")
    return found


def test_every_chinese_name_link_has_an_english_link_to_the_same_item_naming_a_hidden_hover_card(
    built_site: Path,
) -> None:
    counted = {}
    for url in PAGES:
        chinese = _name_links(parse(built_site / url / "index.html"), url)
        english_page = parse(built_site / "en" / url / "index.html")
        english = _name_links(english_page, "en/" + url)
        assert set(english) == {(sentence, "en/" + target) for sentence, target in chinese}, url
        for (sentence, target), hover_card_id in english.items():
            assert hover_card_id == chinese[(sentence, target.removeprefix("en/"))], (url, sentence)
            card = english_page.select_one(f"#{hover_card_id}")
            assert card is not None and "hover-card" in attribute(card, "class"), (url, hover_card_id)
            assert card.has_attr("hidden") and card.has_attr("data-search-exclude"), (url, hover_card_id)
            assert (built_site / target / "index.html").is_file(), target
        cards = {attribute(p, "id") for p in english_page.select(".hover-card")}
        assert cards == set(english.values()), f"/en/{url}: cards only of the items the page links"
        counted[url] = len(chinese)
    assert sum(n for url, n in counted.items() if url != "interpretation/full/") == 22
    assert counted["interpretation/full/"] == 22  # the full text links every one, as the Chinese full text does


def test_the_english_hover_card_is_in_english_with_the_site_summary_badge(built_site: Path) -> None:
    q5 = parse(built_site / "en" / "interpretation" / "q5" / "index.html")
    link = q5.select_one('#q5-s1 a[aria-describedby="hover-card-m5"]')
    assert text(link) == "deployment of the industrial metaverse in key industries"
    assert attribute(link, "href") == "../../measures/m5/"
    card = q5.select_one("#hover-card-m5")
    assert card is not None
    assert text(card.select_one(".hover-card__title")).startswith("M5 Accelerate the deployment")
    assert text(card.select_one(".hover-card__badge")) == SUMMARY_MARK
    assert "本站" not in text(card)


def test_english_hover_cards_stay_out_of_the_search_index(built_site: Path) -> None:
    index = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    q5 = " ".join(d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("interpretation/q5/"))
    assert "deployment of the industrial metaverse in key industries" in q5  # the sentence itself is there
    for words in (SUMMARY_MARK, "Part of:", "Measure 5", "without going into it further"):  # M5's summary
        assert words not in q5, words
