"""Link preview images are drawn from text that always fits: lines stay inside the margins, break only where
Chinese allows, end a cut text with an ellipsis, and the image cache follows the text, the design and the font."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from plansite import link_images

FONTS = link_images.find_fonts()
needs_font = pytest.mark.skipif(FONTS is None, reason="Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)")


HOSTILE = link_images.LinkImageText(
    site="<b>站点</b> & " * 20,
    heading="<script>alert('&amp;')</script> " + "元宇宙，产业。" * 60 + "A" * 400 + " x" * 50,
    context="具体措施·属于 " + "《很长的任务》" * 40,
    summary="“引号”（括号）" * 80,
)


@needs_font
@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        link_images.LinkImageText("站", "M5 加快重点行业工业元宇宙布局", "", ""),
        link_images.LinkImageText("", "W" * 2000, "", "W" * 2000),
        link_images.LinkImageText("站", "", "", ""),
    ],
    ids=["hostile", "short", "one-long-word", "empty"],
)
def test_any_text_stays_inside_the_margins(text: link_images.LinkImageText) -> None:
    layout = link_images.layout(text, FONTS)
    left, top, right, bottom = layout.text_area
    for line in layout.lines:
        x0, y0, x1, y1 = line.box
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, f"{line.role} {line.text!r}: {line.box}"
        if line.role != "site":
            assert y0 >= link_images.BAND, f"{line.role} runs into the band: {line.box}"
    boxes = sorted((line.box for line in layout.lines), key=lambda box: box[1])
    assert all(a[3] <= b[1] for a, b in zip(boxes, boxes[1:], strict=False)), "lines overlap"
    if text is HOSTILE:
        heading = [line for line in layout.lines if line.role == "heading"]
        assert layout.heading_cut and heading[-1].text.endswith("…")
        assert heading[0].text.startswith("<script>"), "data text is drawn as written"
    with Image.open(io.BytesIO(link_images.render(text, FONTS))) as image:
        assert image.size == (1200, 630)


@pytest.mark.parametrize("width", range(5, 16))  # 5: the longest piece, （XR）、
def test_lines_break_between_characters_but_never_before_closing_punctuation(width: int) -> None:
    text = "M5 加快重点行业工业元宇宙布局，形成可推广的应用。“三维交互”（XR）、数字孪生……到2025年。"
    lines, cut = link_images.wrap(text, len, width, max_lines=100)
    assert not cut
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(len(line) <= width for line in lines), lines
    assert not [line for line in lines if line[0] in link_images.NO_LINE_START], lines
    assert not [line for line in lines if line[-1] in link_images.NO_LINE_END], lines
    assert not [line for line in lines if "2025" not in line and "202" in line], "a number is split"


def test_a_cut_text_ends_with_an_ellipsis_within_the_width() -> None:
    lines, cut = link_images.wrap("加快重点行业工业元宇宙布局" * 10, len, 8, max_lines=2)
    assert cut and len(lines) == 2 and lines[-1].endswith("…") and len(lines[-1]) <= 8


@needs_font
def test_the_cache_key_follows_text_design_and_font() -> None:
    text = link_images.LinkImageText("站", "M5 标题", "具体措施", "概述")
    key = link_images.cache_key(text, FONTS)
    assert key == link_images.cache_key(link_images.LinkImageText("站", "M5 标题", "具体措施", "概述"), FONTS)
    assert key != link_images.cache_key(link_images.LinkImageText("站", "M5 标题", "具体措施", "概述。"), FONTS)
    moved = link_images.Fonts(FONTS.regular, FONTS.bold, ((FONTS.regular, 1, 2), (FONTS.bold, 3, 4)))
    assert key != link_images.cache_key(text, moved)
