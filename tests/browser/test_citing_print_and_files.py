"""Citing in a real browser: a printed page carries a QR code that a barcode reader (zxing-cpp) reads as the
page's canonical address, never shown on screen; a Q&A page's 引用 button copies the interpretation's citation;
the offline copy saves a page's RIS and BibTeX from disk."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import rispy
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, expect
from test_offline import Bundle, bundle  # noqa: F401 - the offline copy as a fixture here too
from test_share import SITE_URL, allow_clipboard, copied_by

from plansite import load_plan
from plansite.reference_files import reference_files
from support.project import ROOT
from support.recording import RecordedPage

PAGES = ("", "measures/m5/", "tasks/t2/", "interpretation/q6/", "interpretation/full/", "overview/", "technologies/")


def test_a_printed_page_carries_a_qr_code_of_its_canonical_address_that_the_screen_never_shows(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path in PAGES:
            page.goto(base_url + path, wait_until="load")
            page.emulate_media(media="screen")
            qr = page.locator(".print-masthead svg.print-qr")
            expect(qr).to_have_count(1)
            assert not qr.is_visible(), f"/{path}: the QR code shows on screen"
            page.emulate_media(media="print")
            assert qr.is_visible(), f"/{path}: no QR code in print"
            box = qr.bounding_box()
            assert box and 70 <= box["width"] <= 120 and abs(box["width"] - box["height"]) < 1, f"/{path}: {box}"
            image = Image.open(io.BytesIO(qr.screenshot(scale="device"))).convert("L")
            read = [code.text for code in zxingcpp.read_barcodes(image)]
            canonical = page.evaluate("() => document.querySelector('link[rel=canonical]').href")
            assert read == [canonical] == [SITE_URL + path], f"/{path}: the QR code reads {read}"
            assert qr.locator("title").text_content() == "本页网址的二维码"
    finally:
        context.close()


def test_a_qa_page_copies_the_interpretations_citation_and_shows_the_same_text(
    recorded: RecordedPage, base_url: str
) -> None:
    page = recorded.page
    allow_clipboard(page)
    page.goto(base_url + "interpretation/q6/")
    question = "六、《行动计划》如何构建系统完备产业支撑？"
    bar = page.get_by_role("group", name=f"{question}：链接与引用")
    url = f"{SITE_URL}interpretation/q6/"
    assert copied_by(page, bar.get_by_role("button", name="复制链接", exact=True).click) == url
    citation = copied_by(page, bar.get_by_role("button", name="复制引用", exact=True).click)
    today = datetime.date.today().isoformat()
    assert citation == (
        f"工业和信息化部. 《元宇宙产业创新发展三年行动计划（2023—2025年）》解读: {question}[EB/OL]. "
        f"(2023-09-08)[{today}]. {url}."
    )
    assert page.locator("p.citation").inner_text() == citation.replace(f"[{today}]", "[引用日期]")
    downloads = page.locator("p.cite-downloads")
    expect(downloads.get_by_role("link", name="RIS")).to_have_attribute("href", "../../data/cite/q6.ris")
    expect(downloads.get_by_role("link", name="BibTeX")).to_have_attribute("href", "../../data/cite/q6.bib")
    assert not recorded.record.problems(), recorded.record.problems()


def test_the_offline_copy_saves_a_pages_ris_and_bibtex_from_disk(
    bundle: Bundle,  # noqa: F811 - the fixture imported above
    recorded: RecordedPage,
) -> None:
    """From file://, with no /data/cite/ folder: 下载引用 saves the same files the online site serves."""
    files = reference_files(load_plan(ROOT), SITE_URL)
    assert not (bundle.root / "data" / "cite").exists(), "the offline copy carries the files inside the pages"
    page = recorded.page
    for path, key in (("measures/m5.html", "m5"), ("interpretation/q6.html", "q6")):
        page.goto(bundle.root.as_uri() + "/" + path)
        downloads = page.locator("p.cite-downloads")
        for name, extension in (("RIS", "ris"), ("BibTeX", "bib")):
            with page.expect_download() as saving:
                downloads.get_by_role("link", name=name).click()
            saved = saving.value
            assert saved.suggested_filename == f"{key}.{extension}"
            content = Path(saved.path()).read_bytes()
            assert content == files[f"data/cite/{key}.{extension}"], f"{path}: {name} differs from the online file"
        (entry,) = rispy.loads(files[f"data/cite/{key}.ris"].decode("utf-8"))
        assert entry["urls"] == [f"{SITE_URL}{path.removesuffix('.html')}/"]
    assert not recorded.record.problems(), "\n".join(recorded.record.problems())
