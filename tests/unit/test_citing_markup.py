"""What the build writes for citing a passage: the Markdown link a node's button copies, the hover cards of the
items the interpretation names, and the control that quotes a selection. (In a browser:
tests/browser/test_citing.py.)"""

from __future__ import annotations

import dataclasses
from functools import cache

import markdown
import pytest

from plansite import load_plan
from plansite.hover_cards import hover_card_block, hover_card_id
from plansite.interpretation import render_sentences
from plansite.model import Plan
from plansite.pages import name_links
from plansite.quoting import quote_control
from plansite.share import markdown_link, share_buttons
from support.html import attribute, parse, text
from support.project import ROOT


@cache
def plan() -> Plan:
    return load_plan(ROOT)


def test_markdown_link_is_the_name_and_the_canonical_address() -> None:
    m5 = plan().nodes["M5"]
    bar = parse(share_buttons(plan(), m5, "M5 加快重点行业工业元宇宙布局", "https://example.org/")).div
    assert bar is not None
    assert attribute(bar, "data-markdown") == "[M5 加快重点行业工业元宇宙布局](https://example.org/measures/m5/)"
    assert [text(b) for b in bar.find_all("button")] == ["复制链接", "引用", "复制为 Markdown"]


def test_markdown_link_escapes_brackets_in_the_name_and_encodes_what_would_end_the_address() -> None:
    assert markdown_link(r"M5 [试点]\示范", "https://example.org/a b/(c)/") == (
        r"[M5 \[试点\]\\示范](https://example.org/a%20b/%28c%29/)"
    )


@pytest.mark.parametrize(
    "name",
    [
        "M5 <b>加粗</b> 与 <https://example.org/>",
        "M5 *强调* 与 **加粗**",
        "M5 _下划线_ 与 snake_case_name",
        "M5 `代码` 与 ``两个``",
        "M5 &amp; 与 &#60; 与 A&B",
        r"M5 [试点]\示范 ![图](x)",
    ],
)
def test_markdown_link_text_renders_as_the_name_itself(name: str) -> None:
    """Whatever the data's title holds, the copied link shows it as written, not as emphasis, code or HTML
    (rendered by Python-Markdown, the site's own; its escapes also hold in CommonMark)."""
    rendered = parse(markdown.markdown(markdown_link(name, "https://example.org/measures/m5/")))
    links = rendered.find_all("a")
    assert len(links) == 1 and attribute(links[0], "href") == "https://example.org/measures/m5/"
    assert [child.name for child in links[0].children if child.name] == []  # no <em>, <code>, <b> inside
    assert text(links[0]) == name


def test_a_hover_card_gives_kind_id_title_parent_and_the_summary_marked_as_the_sites() -> None:
    m10 = plan().nodes["M10"]
    card = parse(hover_card_block(plan(), [m10])).find(id="hover-card-m10")
    assert card is not None and attribute(card, "role") == "tooltip" and card.has_attr("hidden")
    lines = [text(p) for p in card.find_all("p")]
    assert lines == [
        "具体措施 · 措施10",
        "M10 完善产业标准体系",
        "所属：T4 构建系统完备产业支撑",
        f"本站概述，非原文{m10.summary}",
    ]
    assert text(card.select_one(".hover-card__badge")) == "本站概述，非原文"


def test_an_item_without_a_task_belongs_to_the_plan_in_its_hover_card() -> None:
    card = parse(hover_card_block(plan(), [plan().nodes["T4"]])).find(id="hover-card-t4")
    assert card is not None
    assert "所属：《元宇宙产业创新发展三年行动计划（2023—2025年）》" in text(card)


def test_a_hover_card_shows_data_text_as_text_and_each_item_once() -> None:
    m10 = dataclasses.replace(plan().nodes["M10"], title="<b>标准</b> & 体系", summary='"引号" <i>')
    html = hover_card_block(plan(), [m10, m10])
    assert "<b>" not in html and "<i>" not in html and html.count('id="hover-card-m10"') == 1
    assert "<b>标准</b> & 体系" in text(parse(html))
    assert hover_card_block(plan(), []) == ""


def test_a_name_link_points_at_its_hover_card() -> None:
    links = name_links(plan())
    assert links and all(link.describedby.startswith("hover-card-") for link in links)
    line = "{#q6-s1} " + plan().interpretation.sentences["q6-s1"].text
    # Rendered as the build renders it: Python-Markdown with attr_list, which puts the attribute on the link.
    page = parse(
        markdown.markdown(render_sentences(line, "interpretation/q6.md", links, "{id}"), extensions=["attr_list"])
    )
    named = {text(a): attribute(a, "aria-describedby") for a in page.select(".sentence a[href$='.md']")}
    assert named == {
        "完善产业标准体系": hover_card_id(plan().nodes["M10"]),
        "提升创新支撑能力": hover_card_id(plan().nodes["M11"]),
        "打造一流基础设施": hover_card_id(plan().nodes["M12"]),
    }


def test_the_quote_control_carries_the_interpretations_source_and_the_form_of_a_range() -> None:
    control = parse(quote_control(plan())).div
    assert control is not None and control.has_attr("hidden") and control.has_attr("data-search-exclude")
    assert attribute(control, "data-source") == (
        "——工业和信息化部《〈元宇宙产业创新发展三年行动计划（2023—2025年）〉解读》，{ids}"
    )
    assert attribute(control, "data-range") == "{first}至{last}"
    button = control.button
    assert button is not None and text(button) == "引用所选文字"
    assert attribute(button, "aria-keyshortcuts") == "Alt+Q" and attribute(button, "type") == "button"
