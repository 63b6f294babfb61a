"""Link-preview images: every node page has its own 1200×630 PNG, drawn from text that always fits, the same
bytes on every build, and a build without a CJK font still succeeds, with no images and no image tags."""

from __future__ import annotations

import io
import re
import shutil
import struct
from pathlib import Path

import pytest
from PIL import Image

import conftest
from conftest import ROOT, mkdocs_build
from plansite import labels, load_plan
from plansite import preview_image as preview
from plansite.urls import public_url

SITE_URL = "https://example.org/"
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')

FONTS = preview.find_fonts()
needs_font = pytest.mark.skipif(FONTS is None, reason="Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)")


def tags(page: Path) -> dict[str, str]:
    return dict(META.findall(page.read_text(encoding="utf-8")))


def node_pages() -> dict[str, str]:
    """Every page that has an image of its own (docs path → image name), from the plan itself."""
    plan = load_plan(ROOT)
    return {page: p.name for page, p in preview.previews(plan, "site").items()}


def built_page(site: Path, docs_path: str) -> Path:
    return site / public_url(docs_path, SITE_URL)[len(SITE_URL) :] / "index.html"


def png_chunks(data: bytes) -> list[str]:
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.append(kind.decode())
        at += 12 + length
    return chunks


@needs_font
def test_every_node_page_has_its_own_large_preview_image(built_site: Path) -> None:
    pages = node_pages()
    assert {"measures/m5.md", "tasks/t2.md", "projects/p1.md", "safeguards/s3.md", "goals/g1.md"} <= set(pages)
    assert "interpretation/q4.md" in pages
    problems: list[str] = []
    images: dict[str, bytes] = {}
    for docs_path, name in pages.items():
        found = tags(built_page(built_site, docs_path))
        url = found.get("og:image", "")
        if url != f"{SITE_URL}assets/previews/{name}.png":
            problems.append(f"{docs_path}: og:image {url!r}")
            continue
        file = built_site / url[len(SITE_URL) :]
        if not file.is_file():
            problems.append(f"{docs_path}: {url} is not in the build")
            continue
        images[name] = file.read_bytes()
        with Image.open(io.BytesIO(images[name])) as image:
            if (image.format, image.size) != ("PNG", (1200, 630)):
                problems.append(f"{docs_path}: {image.format} {image.size}")
        expected = {"og:image:width": "1200", "og:image:height": "630", "twitter:card": "summary_large_image"}
        problems += [f"{docs_path}: {k}={found.get(k)!r}" for k, v in expected.items() if found.get(k) != v]
        if not found.get("og:image:alt"):
            problems.append(f"{docs_path}: no og:image:alt")
    assert not problems, "\n".join(problems)
    assert images["m5"] != images["m4"] and images["t2"] != images["m5"]
    assert len(set(images.values())) == len(images), "two nodes share one picture"
    m5 = tags(built_site / "measures" / "m5" / "index.html")
    assert m5["og:image:alt"] == (
        "元宇宙产业创新发展三年行动计划：M5 加快重点行业工业元宇宙布局（具体措施·属于 T2 培育三维交互的工业元宇宙）"
    )


@needs_font
def test_pages_without_an_image_of_their_own_show_the_home_image(built_site: Path) -> None:
    for page in ("index.html", "overview/index.html", "technologies/index.html", "interpretation/full/index.html"):
        assert tags(built_site / page).get("og:image") == f"{SITE_URL}assets/previews/home.png", page
    assert (built_site / "assets" / "previews" / "home.png").is_file()
    assert not (built_site / "m5" / "index.html").read_text(encoding="utf-8").count("og:image")  # a redirect


HOSTILE = preview.PreviewText(
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
        preview.PreviewText("站", "M5 加快重点行业工业元宇宙布局", "", ""),
        preview.PreviewText("", "W" * 2000, "", "W" * 2000),
        preview.PreviewText("站", "", "", ""),
    ],
    ids=["hostile", "short", "one-long-word", "empty"],
)
def test_any_text_stays_inside_the_margins(text: preview.PreviewText) -> None:
    layout = preview.layout(text, FONTS)
    left, top, right, bottom = layout.text_area
    for line in layout.lines:
        x0, y0, x1, y1 = line.box
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, f"{line.role} {line.text!r}: {line.box}"
        if line.role != "site":
            assert y0 >= preview.BAND, f"{line.role} runs into the band: {line.box}"
    boxes = sorted((line.box for line in layout.lines), key=lambda box: box[1])
    assert all(a[3] <= b[1] for a, b in zip(boxes, boxes[1:], strict=False)), "lines overlap"
    if text is HOSTILE:
        heading = [line for line in layout.lines if line.role == "heading"]
        assert layout.heading_cut and heading[-1].text.endswith("…")
        assert heading[0].text.startswith("<script>"), "data text is drawn as written"
    with Image.open(io.BytesIO(preview.render(text, FONTS))) as image:
        assert image.size == (1200, 630)


@pytest.mark.parametrize("width", range(5, 16))  # 5: the longest piece, （XR）、
def test_lines_break_between_characters_but_never_before_closing_punctuation(width: int) -> None:
    text = "M5 加快重点行业工业元宇宙布局，形成可推广的应用。“三维交互”（XR）、数字孪生……到2025年。"
    lines, cut = preview.wrap(text, len, width, max_lines=100)
    assert not cut
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(len(line) <= width for line in lines), lines
    assert not [line for line in lines if line[0] in preview.NO_LINE_START], lines
    assert not [line for line in lines if line[-1] in preview.NO_LINE_END], lines
    assert not [line for line in lines if "2025" not in line and "202" in line], "a number is split"


def test_a_cut_text_ends_with_an_ellipsis_within_the_width() -> None:
    lines, cut = preview.wrap("加快重点行业工业元宇宙布局" * 10, len, 8, max_lines=2)
    assert cut and len(lines) == 2 and lines[-1].endswith("…") and len(lines[-1]) <= 8


@needs_font
def test_the_cache_key_follows_text_design_and_font() -> None:
    text = preview.PreviewText("站", "M5 标题", "具体措施", "概述")
    key = preview.cache_key(text, FONTS)
    assert key == preview.cache_key(preview.PreviewText("站", "M5 标题", "具体措施", "概述"), FONTS)
    assert key != preview.cache_key(preview.PreviewText("站", "M5 标题", "具体措施", "概述。"), FONTS)
    moved = preview.Fonts(FONTS.regular, FONTS.bold, ((FONTS.regular, 1, 2), (FONTS.bold, 3, 4)))
    assert key != preview.cache_key(text, moved)


@needs_font
def test_images_are_byte_identical_across_builds_and_a_warm_build_only_copies(
    project_copy: Path, tmp_path: Path
) -> None:
    cache = project_copy / ".cache" / "previews"
    first = mkdocs_build(project_copy, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    drawn = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.png")}
    assert len(drawn) == len(node_pages())

    warm = mkdocs_build(project_copy, tmp_path / "warm")
    assert warm.returncode == 0, warm.stderr
    assert {path.name: path.stat().st_mtime_ns for path in cache.glob("*.png")} == drawn, "a warm build drew again"

    shutil.rmtree(cache)
    again = mkdocs_build(project_copy, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    for name in ("first", "warm"):
        for png in sorted((tmp_path / name / "assets" / "previews").glob("*.png")):
            assert png.read_bytes() == (tmp_path / "again" / "assets" / "previews" / png.name).read_bytes(), png
    m5 = (tmp_path / "again" / "assets" / "previews" / "m5.png").read_bytes()
    assert png_chunks(m5) == ["IHDR", "PLTE", "IDAT", "IEND"], "no time, text or other metadata"


def test_a_build_without_a_cjk_font_succeeds_with_no_images(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setitem(conftest.BUILD_ENV, "PREVIEW_FONT_DIR", str(empty))
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "fonts-noto-cjk" in line]
    assert len(said) == 1 and said[0].startswith("INFO") and labels.PREVIEW_NO_FONT in said[0], result.stderr
    assert not (site / "assets" / "previews").exists()
    assert not (project_copy / ".cache" / "previews").exists()
    pages = list(site.rglob("*.html"))
    assert pages and not [p for p in pages if "og:image" in p.read_text(encoding="utf-8")]
    assert tags(site / "measures" / "m5" / "index.html")["twitter:card"] == "summary"
    assert tags(site / "measures" / "m5" / "index.html")["og:title"] == "M5 加快重点行业工业元宇宙布局"


def test_the_offline_copy_has_no_preview_images(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(conftest.BUILD_ENV, "OFFLINE", "true")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "assets" / "previews").exists() and not (project_copy / ".cache" / "previews").exists()
    pages = list(site.rglob("*.html"))
    assert pages and not [p for p in pages if "og:image" in p.read_text(encoding="utf-8")]
