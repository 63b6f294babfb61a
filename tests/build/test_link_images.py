"""Link preview images in the build: every node page has its own 1200×630 PNG, the same bytes on every build,
and a build without a CJK font still succeeds, with no images and no image tags. (That the text always fits:
tests/unit/test_link_image_layout.py.)"""

from __future__ import annotations

import io
import shutil
import struct
from pathlib import Path

import pytest
from PIL import Image

from plansite import labels, link_images, load_plan
from plansite.urls import public_url
from support import project
from support.html import meta, parse
from support.project import ROOT, mkdocs_build

SITE_URL = "https://example.org/"

FONTS = link_images.find_fonts()
needs_font = pytest.mark.skipif(FONTS is None, reason="Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)")


def tags(page: Path) -> dict[str, str]:
    return meta(parse(page))


def node_pages() -> dict[str, str]:
    """Every page that has an image of its own (docs path → image name), from the plan itself."""
    plan = load_plan(ROOT)
    return {page: p.name for page, p in link_images.link_images(plan, "site").items()}


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
def test_every_node_page_has_its_own_large_link_image(built_site: Path) -> None:
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


@needs_font
def test_images_are_byte_identical_across_builds_and_a_warm_build_only_copies(
    project_copy: Path, tmp_path: Path
) -> None:
    cache = project_copy / ".cache" / "previews"
    first = mkdocs_build(project_copy, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    drawn = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.png")}
    assert len(drawn) == 2 * len(node_pages()), "one image a page in each edition, all different"

    warm = mkdocs_build(project_copy, tmp_path / "warm")
    assert warm.returncode == 0, warm.stderr
    assert {path.name: path.stat().st_mtime_ns for path in cache.glob("*.png")} == drawn, "a warm build drew again"

    shutil.rmtree(cache)
    again = mkdocs_build(project_copy, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    for name in ("first", "warm"):
        for edition in ("", "en/"):
            images = sorted((tmp_path / name / edition / "assets" / "previews").glob("*.png"))
            assert len(images) == len(node_pages())
            for png in images:
                again_png = tmp_path / "again" / edition / "assets" / "previews" / png.name
                assert png.read_bytes() == again_png.read_bytes(), png
    m5 = (tmp_path / "again" / "assets" / "previews" / "m5.png").read_bytes()
    assert png_chunks(m5) == ["IHDR", "PLTE", "IDAT", "IEND"], "no time, text or other metadata"


def test_a_build_without_a_cjk_font_succeeds_with_no_images(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setitem(project.BUILD_ENV, "LINK_IMAGE_FONT_DIR", str(empty))
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "fonts-noto-cjk" in line]
    assert len(said) == 1 and said[0].startswith("INFO") and labels.LINK_IMAGE_NO_FONT in said[0], result.stderr
    assert not (site / "assets" / "previews").exists()
    assert not (project_copy / ".cache" / "previews").exists()
    pages = list(site.rglob("*.html"))
    assert pages and not [p for p in pages if "og:image" in p.read_text(encoding="utf-8")]
    assert tags(site / "measures" / "m5" / "index.html")["twitter:card"] == "summary"
    assert tags(site / "measures" / "m5" / "index.html")["og:title"] == "M5 加快重点行业工业元宇宙布局"


def test_the_offline_copy_has_no_link_images(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(project.BUILD_ENV, "OFFLINE", "true")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "assets" / "previews").exists() and not (project_copy / ".cache" / "previews").exists()
    pages = list(site.rglob("*.html"))
    assert pages and not [p for p in pages if "og:image" in p.read_text(encoding="utf-8")]
