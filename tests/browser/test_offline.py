"""The offline bundle: small, reproducible, self-contained, and fully working from file:// in Chromium."""

from __future__ import annotations

import posixpath
import re
import socket
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from plansite import material
from support.html import links, parse
from support.localsite import serve
from support.project import BUILD_ENV, ROOT, mkdocs_build
from support.recording import RecordedPage

EPOCH = "1700000000"  # any fixed date: the bundle must depend on it, not on the clock
SHIM = ROOT / "docs" / "assets" / "vendor" / "iframe-worker-1.0.4" / "shim.js"
MAX_BYTES = 400 * 1024
MAX_BILINGUAL_BYTES = 600 * 1024
CANONICAL = ("link", "canonical")  # <link rel="canonical">


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Bundle:
    zip: Path
    root: Path  # the unpacked folder holding index.html


def make_bundle(workdir: Path) -> Path:
    """What `./dev bundle` does: a strict offline build, then scripts/bundle.py."""
    env = {**BUILD_ENV, "OFFLINE": "true", "SOURCE_DATE_EPOCH": EPOCH}
    site, target = workdir / "site", workdir / "bundle.zip"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    subprocess.run(build, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)  # both editions
    pack = [sys.executable, str(ROOT / "scripts" / "bundle.py"), str(site), str(target)]
    listing = subprocess.run(pack, cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300)
    assert "index.html" in listing.stdout and "KB" in listing.stdout, "the bundle command prints its file list"
    return target


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    workdir = tmp_path_factory.mktemp("offline")
    target = make_bundle(workdir)
    unpacked = workdir / "unpacked"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    (root,) = [p.parent for p in unpacked.glob("*/index.html")]
    return Bundle(target, root)


# ---- the zip ------------------------------------------------------------------------------------


def _chinese_share(archive: Path) -> int:
    """The bytes the Chinese edition takes in the bilingual zip: its entries, headers and names included."""
    with zipfile.ZipFile(archive) as opened:
        entries = [e for e in opened.infolist() if not e.filename.split("/", 2)[1] == "en"]
    return sum(e.compress_size + 30 + 46 + 2 * len(e.filename.encode()) for e in entries) + 22


def test_bundle_is_small_and_carries_nothing_unused(bundle: Bundle) -> None:
    # The bilingual copy keeps its 600 KB budget, and the Chinese edition its 400 KB inside it (sizes, not
    # timings: the same build gives the same bytes on any machine).
    whole = bundle.zip.stat().st_size
    assert whole <= MAX_BILINGUAL_BYTES, f"the bilingual bundle is {whole / 1024:.1f} KB, over 600 KB"
    size = _chinese_share(bundle.zip)
    assert size <= MAX_BYTES, f"the Chinese edition takes {size / 1024:.1f} KB of the bundle, over 400 KB"
    names = [p.relative_to(bundle.root).as_posix() for p in bundle.root.rglob("*") if p.is_file()]
    unused = [
        n
        for n in names
        if n.endswith(".map")
        or n.removeprefix("en/") in ("sitemap.xml", "sitemap.xml.gz", "404.html", "search/search_index.json")
        or n.removeprefix("en/").startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/"))
    ]
    assert not unused, f"files no offline page uses: {unused}"
    assert "index.html" in names and "search/search_index.js" in names
    assert "en/index.html" in names and "en/search/search_index.js" in names  # both languages
    redirects = [n for n in names if n.endswith("index.html") and "http-equiv" in (bundle.root / n).read_text("utf-8")]
    assert not redirects, f"short links have no place in a copy opened from disk: {redirects}"
    twins = [(bundle.root / n, bundle.root / n.removeprefix("en/")) for n in names if n.startswith("en/assets/")]
    shared = [str(en) for en, zh in twins if zh.is_file() and zh.read_bytes() == en.read_bytes()]
    assert not shared, f"files the zip carries twice: {shared}"


def test_the_offline_copy_switches_language_in_place_from_disk(bundle: Bundle, recorded: RecordedPage) -> None:
    page, record = recorded.page, recorded.record
    home = bundle.root.as_uri() + "/"
    page.goto(home + "measures/m5.html")
    page.locator('.language-switch a[hreflang="en"]').click()
    assert page.url == home + "en/measures/m5.html"
    expect(page.locator("h1")).to_contain_text("M5 Accelerate")
    found = [page_key(u, home + "en/") for u in search(page, "standards")][:5]
    assert "measures/m10" in found, found  # the English search works from disk, stemming included
    page.keyboard.press("Escape")
    page.locator('a.language-switch[hreflang="zh-CN"]').click()
    assert page.url == home + "measures/m5.html"
    assert not record.problems(), "\n".join(record.problems())
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in record.requests)


def test_offline_pages_load_the_theme_repeated_scripts_from_files(bundle: Bundle) -> None:
    # A zip compresses page by page: what every page repeats is in one file, read from disk at no cost.
    for page in sorted(bundle.root.rglob("*.html")):
        text, name = page.read_text("utf-8"), str(page.relative_to(bundle.root))
        assert not material.PALETTE_SCRIPT.search(text) and not material.SETTINGS.search(text), name
        assert "__md_hash" not in text and '<meta name="description"' not in text, name
        assert "theme/settings.js" in text and "theme/storage.js" in text and "theme/palette.js" in text, name
    zh, en = (root / "assets" / "javascripts" / "theme" / "settings.js" for root in (bundle.root, bundle.root / "en"))
    assert '"search.result.none": "没有找到符合条件的结果"' in zh.read_text("utf-8")
    assert '"search.result.none": "No matching documents"' in en.read_text("utf-8")


def test_offline_the_colour_scheme_chosen_on_one_page_holds_on_the_next(bundle: Bundle, recorded: RecordedPage) -> None:
    # The theme keeps the reader's choice with its storage helpers and restores it with its palette script:
    # both are files in the offline copy, in each edition.
    page, record = recorded.page, recorded.record
    home = bundle.root.as_uri() + "/"
    for edition in ("", "en/"):
        page.goto(home + edition + "measures/m5.html")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        changed = "slate" if scheme == "default" else "default"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", changed)
        page.goto(home + edition + "tasks/t2.html")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", changed)
        icon = page.locator("label.md-header__button[for=__drawer] svg.theme-icon")
        assert icon.evaluate("e => getComputedStyle(e).maskImage.startsWith('url(')"), "the menu icon is not drawn"
        found = search(page, "标准" if not edition else "standards")
        assert found, f"{edition or 'zh'}: search found nothing with the settings loaded from a file"
        page.keyboard.press("Escape")
    assert not record.problems(), "\n".join(record.problems())


def test_bundle_is_byte_identical_when_built_twice(bundle: Bundle, tmp_path: Path) -> None:
    again = make_bundle(tmp_path)
    assert again.read_bytes() == bundle.zip.read_bytes()
    with zipfile.ZipFile(again) as archive:
        entries = archive.infolist()
    assert [e.filename for e in entries] == sorted(e.filename for e in entries)
    assert {e.date_time for e in entries} == {(2023, 11, 14, 22, 13, 20)}  # SOURCE_DATE_EPOCH=1700000000


def test_every_offline_link_points_at_a_file_inside_the_bundle(bundle: Bundle) -> None:
    broken: list[str] = []
    for page in sorted(bundle.root.rglob("*.html")):
        here = page.parent.relative_to(bundle.root).as_posix()
        # The canonical <link> names the public page: not something the offline copy opens.
        opened = [link.value for link in links(parse(page)) if link.value and (link.tag, link.rel) != CANONICAL]
        for link in opened:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto", "data", "javascript") or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            where = f"{page.relative_to(bundle.root)}: {link}"
            if parts.scheme or target.startswith(".."):
                broken.append(f"{where} (leaves the bundle)")
            elif not (bundle.root / target).is_file():
                broken.append(
                    f"{where} (not a file{' — a folder link does not open from disk' if link.endswith('/') else ''})"
                )
    assert not broken, "\n".join(broken)


def test_no_offline_page_names_unpkg(bundle: Bundle) -> None:
    assert not [p.name for p in bundle.root.rglob("*.html") if "unpkg.com" in p.read_text(encoding="utf-8")]
    shim = bundle.root / "assets" / "vendor" / "iframe-worker-1.0.4" / "shim.js"
    assert shim.read_bytes() == SHIM.read_bytes()


# ---- in the browser, from file:// ---------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type a query into the search box as a reader does; return the result pages, without fragments."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")  # the theme reads the query on key-up, as after a reader's IME commits the words
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0", timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    hrefs = page.locator("li.md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    return [h.split("#")[0].split("?")[0] for h in hrefs]


def page_key(url: str, base: str) -> str:
    """`…/measures/m10.html` offline and `…/measures/m10/` online are the same page."""
    path = url[len(base) :]
    path = path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    return path or "/"


QUERIES = ["实训基地", "产业生态", "新型算力", "标准"]


def test_offline_site_works_from_disk_with_no_request_elsewhere(
    bundle: Bundle, recorded: RecordedPage, base_url: str
) -> None:
    page, record = recorded.page, recorded.record
    home = bundle.root.as_uri() + "/"
    page.goto(home + "index.html")
    assert "离线版" in page.locator("article").inner_text()

    page.locator(".md-nav--primary").get_by_role("link", name="解读", exact=True).first.click()
    assert page.url.endswith("interpretation/index.html")
    page.locator("article").get_by_role("link", name="六、《行动计划》如何构建系统完备产业支撑？").click()
    assert page.url.endswith("interpretation/q6.html")
    page.locator("#q6-s2").hover()  # the permalink shows on hover, then takes the click
    page.locator("#q6-s2 a.sentence-anchor").click()
    assert page.url.endswith("interpretation/q6.html#q6-s2")
    assert page.evaluate("document.querySelector('#q6-s2').matches(':target')")

    page.locator("#q6-s1").get_by_role("link", name="完善产业标准体系").click()
    assert page.url.endswith("measures/m10.html")
    expect(page.locator("h1")).to_contain_text("M10")
    page.locator(".node-trail").get_by_role("link", name="T4 构建系统完备产业支撑").click()
    assert page.url.endswith("tasks/t4.html")

    page.locator(".md-nav--primary").get_by_role("link", name="结构总览").first.click()
    assert page.url.endswith("overview/index.html")
    boxes = page.locator(".overview-tasks > ul > li")
    expect(boxes).to_have_count(5)
    expect(boxes.first).to_be_visible()
    page.locator(".overview-tasks").get_by_role("link", name="M5 加快重点行业工业元宇宙布局").click()
    assert page.url.endswith("measures/m5.html")

    offline = {q: [page_key(u, home) for u in search(page, q)][:5] for q in QUERIES}
    assert all(offline.values()), offline
    assert not record.problems(), "\n".join(record.problems())
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in record.requests)

    page.goto(base_url)
    online = {q: [page_key(u, base_url) for u in search(page, q)][:5] for q in QUERIES}
    assert offline == online, f"offline search differs from online:\n{offline}\n{online}"


def test_the_search_shim_page_is_in_standards_mode_from_disk(bundle: Bundle, recorded: RecordedPage) -> None:
    """The vendored iframe-worker shim runs the search worker in an iframe page it writes itself; without a
    doctype that page is in Quirks Mode (Firefox says so in its console)."""
    page = recorded.page
    page.goto(bundle.root.as_uri() + "/index.html")
    assert search(page, "标准")
    modes = page.evaluate("[...document.querySelectorAll('iframe')].map(f => f.contentDocument?.compatMode)")
    assert modes == ["CSS1Compat"], modes


def test_site_works_under_a_sub_path(tmp_path: Path, recorded: RecordedPage) -> None:
    """Published at https://example.org/plan/: canonical links follow SITE_URL, pages and assets still load."""
    port = _free_port()
    site_url = f"http://127.0.0.1:{port}/plan/"
    env = {**BUILD_ENV, "SITE_URL": site_url}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "plan")]
    subprocess.run(build, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    measure = (tmp_path / "plan" / "measures" / "m5" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_url}measures/m5/">' in measure
    assert f"{site_url}measures/m5/" in measure.split('class="citation"', 1)[1]

    with serve(tmp_path, port):
        page, record = recorded.page, recorded.record
        page.goto(site_url + "measures/m5/")
        page.locator(".node-trail").get_by_role("link", name="T2 培育三维交互的工业元宇宙").click()
        expect(page).to_have_url(site_url + "tasks/t2/")
        page.goto(site_url + "404.html")  # what the host shows for a missing page links from the sub-path too
        expect(page.locator("link[rel=stylesheet]").first).to_have_attribute("href", re.compile("^/plan/"))
        page.locator("a.md-logo").first.click()
        expect(page).to_have_url(site_url)
        assert not record.problems(), "\n".join(record.problems())


def test_online_site_offers_the_bundle_with_its_size_and_date(
    bundle: Bundle, project_copy: Path, tmp_path: Path
) -> None:
    shipped = project_copy / "dist" / "metaverse-action-plan-offline.zip"
    shipped.parent.mkdir()
    shipped.write_bytes(bundle.zip.read_bytes())
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert (site / "downloads" / shipped.name).read_bytes() == shipped.read_bytes()
    home = (site / "index.html").read_text(encoding="utf-8")
    size = f"{shipped.stat().st_size / 1024:.0f} KB"
    assert f'<a href="downloads/{shipped.name}">' in home
    assert size in home and "2023-11-14" in home  # the bundle's SOURCE_DATE_EPOCH


def test_offline_copy_says_it_is_the_offline_copy_and_when_it_was_made(bundle: Bundle) -> None:
    home = (bundle.root / "index.html").read_text(encoding="utf-8")
    assert "离线版（2023-11-14 生成）" in home
    # It offers no copy of itself, and nothing under downloads/ on disk: the PDF is linked at its online address.
    assert "offline.zip" not in home and 'href="downloads/' not in home
    assert 'href="https://example.org/downloads/metaverse-action-plan.pdf"' in home


def test_offline_pages_name_their_online_address(bundle: Bundle) -> None:
    m5 = (bundle.root / "measures" / "m5.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/measures/m5/">' in m5
    # Short links are addresses to type or paste: the published site has them, the copy on disk does not.
    assert not (bundle.root / "m5").exists()


def test_copy_buttons_and_data_work_from_disk(bundle: Bundle, recorded: RecordedPage) -> None:
    """From file://: the buttons copy the online address and citation, with the clipboard and without it."""
    from test_share import REFUSE_ASYNC_CLIPBOARD, SITE_URL, allow_clipboard, check_measure_page, check_sentence

    for name in ("plan.json", "plan.schema.json", "measures.csv"):
        assert (bundle.root / "data" / name).is_file(), f"the bundle lacks data/{name}"
    m5 = (bundle.root / "measures" / "m5.html").read_text(encoding="utf-8")
    assert '<a href="../data/plan.json">' in m5 and '<a href="../data/measures.csv">' in m5

    page = recorded.page
    allow_clipboard(page)
    home = bundle.root.as_uri() + "/"
    for refuse in (False, True):  # file:// is not a secure context in every browser: the fallback must work too
        if refuse:
            page.context.add_init_script(REFUSE_ASYNC_CLIPBOARD)
        page.goto(home + "measures/m5.html")
        check_measure_page(page, SITE_URL + "measures/m5/")
        page.goto(home + "interpretation/q6.html")
        check_sentence(page, "q6-s2", SITE_URL + "interpretation/q6/#q6-s2")
        if refuse:
            assert page.evaluate("window.__copyCommands") == 2
    assert not recorded.record.problems(), "\n".join(recorded.record.problems())


def test_citing_a_passage_works_from_disk_with_no_request(bundle: Bundle, recorded: RecordedPage) -> None:
    """From file://: range links, quoting a selection, the hover cards and the Markdown link, all with the online
    addresses, and nothing fetched but the bundle's own files."""
    from test_citing import (
        check_clicked_sentence_stays_in_the_address,
        check_hover_cards,
        check_markdown,
        check_opened_sentence_stays_in_the_address,
        check_quote_by_mouse,
        check_ranges,
    )
    from test_share import SITE_URL, allow_clipboard

    page, record = recorded.page, recorded.record
    allow_clipboard(page)
    home = bundle.root.as_uri() + "/"
    q6, full = home + "interpretation/q6.html", home + "interpretation/full.html"
    check_ranges(page, {"interpretation/q6/": q6, "interpretation/full/": full})
    check_quote_by_mouse(page, q6, full)
    check_hover_cards(page, q6)
    check_clicked_sentence_stays_in_the_address(page, q6)
    check_opened_sentence_stays_in_the_address(page, q6)
    page.goto(home + "measures/m5.html")
    check_markdown(page, "M5 加快重点行业工业元宇宙布局", SITE_URL + "measures/m5/")
    assert not record.problems(), "\n".join(record.problems())
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in record.requests), record.requests
