"""The English edition in a real strict build: the same pages at /en/, each marked as the site's unofficial
translation visibly and in its metadata, each linked to the same place in Chinese and back, hreflang
alternates in the sitemaps, and a build that stops when a sentence has no translation."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from pathlib import Path

from support.html import attribute, lang, meta, parse, text
from support.project import edit, mkdocs_build

NOTICE = "Unofficial translation."


def _pages(site: Path) -> list[str]:
    """Every page of a build (not the short links, which redirect), as site paths: `measures/m5/`."""
    found = []
    for page in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
            continue
        url = page.parent.relative_to(site).as_posix() + "/"
        found.append("" if url == "./" else url)
    return found


def test_every_chinese_page_has_its_english_page_at_the_same_path_and_a_glossary(built_site: Path) -> None:
    chinese = [p for p in _pages(built_site) if not p.startswith("en/")]
    english = [p.removeprefix("en/") for p in _pages(built_site) if p.startswith("en/")]
    assert set(english) == set(chinese) | {"glossary/"}
    assert {"measures/m5/", "interpretation/q6/", "tasks/t2/", "goals/g1/", "technologies/"} <= set(english)
    assert (built_site / "en" / "m5" / "index.html").is_file()  # short links too: /en/m5/
    assert "../measures/m5/" in (built_site / "en" / "m5" / "index.html").read_text(encoding="utf-8")


def test_every_english_page_says_it_is_the_sites_unofficial_translation_visibly_and_in_metadata(
    built_site: Path,
) -> None:
    for url in (p for p in _pages(built_site) if p.startswith("en/")):
        page = parse(built_site / url / "index.html")
        assert lang(page) == "en", url
        notice = page.select_one(".translation-notice")
        assert notice is not None and NOTICE in text(notice) and "Chinese text is authoritative" in text(notice), url
        tags = meta(page)
        assert "unofficial" in tags["dcterms.rights"].lower() and "authoritative" in tags["dcterms.rights"], url
        assert "Unofficial English translation" in tags["description"], url
        assert tags["dcterms.source"].startswith("https://example.org/") and "/en/" not in tags["dcterms.source"]


def test_the_language_links_lead_to_the_same_place_in_the_other_edition(built_site: Path) -> None:
    for url in ("measures/m5/", "interpretation/q6/", "", "technologies/"):
        chinese = parse(built_site / url / "index.html").select_one('.language-switch a[hreflang="en"]')
        assert chinese is not None, url
        target = posixpath.normpath(posixpath.join("/" + url, attribute(chinese, "href")))
        assert target.rstrip("/") == ("/en/" + url).rstrip("/"), url
        english = parse(built_site / "en" / url / "index.html").select_one('a.language-switch[hreflang="zh-CN"]')
        assert english is not None, url
        back = posixpath.normpath(posixpath.join("/en/" + url, attribute(english, "href")))
        assert back.rstrip("/") == ("/" + url).rstrip("/"), url


def test_each_english_sentence_carries_its_chinese_original(built_site: Path) -> None:
    page = parse(built_site / "en" / "interpretation" / "q6" / "index.html")
    sentence = page.select_one("#q6-s2")
    assert sentence is not None
    assert text(sentence).startswith("Second, building a system for assessing and testing trustworthy metaverse")
    original = sentence.select_one('.sentence-original [lang="zh-CN"]')
    assert original is not None and text(original) == "二是构建可信元宇宙产品评估评测体系和健全元宇宙知识产权保护体系。"
    assert page.select_one("button[data-bilingual][aria-pressed]") is not None


def test_the_english_pages_have_english_link_previews_and_a_glossary_linking_to_occurrences(built_site: Path) -> None:
    tags = meta(parse(built_site / "en" / "measures" / "m5" / "index.html"))
    assert tags["og:locale"] == "en_GB" and tags["og:url"] == "https://example.org/en/measures/m5/"
    assert tags["og:title"].startswith("M5 Accelerate")
    assert meta(parse(built_site / "measures" / "m5" / "index.html"))["og:locale"] == "zh_CN"
    glossary = parse(built_site / "en" / "glossary" / "index.html")
    row = next(tr for tr in glossary.select("tr") if "先导区" in text(tr))
    assert "pilot zone" in text(row)
    assert any(attribute(a, "href").endswith("interpretation/q4/#q4-s3") for a in row.select("a"))


def test_both_sitemaps_carry_hreflang_alternates(built_site: Path) -> None:
    for sitemap in (built_site / "sitemap.xml", built_site / "en" / "sitemap.xml"):
        xml = sitemap.read_text(encoding="utf-8")
        assert '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/measures/m5/"/>' in xml
        assert '<xhtml:link rel="alternate" hreflang="zh-CN" href="https://example.org/measures/m5/"/>' in xml


def test_a_sentence_without_translation_stops_the_build_naming_file_and_line(
    project_copy: Path, tmp_path: Path
) -> None:
    edit(project_copy, "data/en/interpretation.yaml", "  q6-s2: ", "  q6-s9: ")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/interpretation/q6.md:4: 句子 q6-s2 没有英文译文" in output
    assert "data/en/interpretation.yaml:" in output and "译文 q6-s9 没有对应的原句" in output
    assert not (site / "index.html").exists()


def test_the_data_files_carry_both_languages_marked_as_the_sites_translation(built_site: Path) -> None:
    plan = json.loads((built_site / "data" / "plan.json").read_text(encoding="utf-8"))
    m5 = next(node for node in plan["nodes"] if node["id"] == "M5")
    assert m5["title"] == "加快重点行业工业元宇宙布局"
    assert m5["en"]["title"] == "Accelerate the deployment of the industrial metaverse in key industries"
    assert m5["en"]["url"] == "https://example.org/en/measures/m5/" and "unofficial" in m5["en"]["source"]["editorial"]
    assert all(node["en"]["title"] for node in plan["nodes"])
    translation = plan["translation"]
    assert translation["authoritative"] == "zh-CN" and len(translation["sentences"]) == 31
    assert translation["sentences"]["q6-s2"]["url"] == "https://example.org/en/interpretation/q6/#q6-s2"
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "measures.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 14 and rows[4]["id"] == "M5"
    assert rows[4]["title_en"].startswith("Accelerate") and rows[4]["task_title_en"].startswith("Foster")
    assert rows[4]["site_summary_en"].startswith("Question 5") and rows[4]["url_en"].endswith("/en/measures/m5/")


def test_the_english_home_page_offers_the_offline_copy_the_chinese_edition_serves(built_site: Path) -> None:
    home = parse(built_site / "en" / "index.html")
    link = next((a for a in home.select("a") if text(a) == "Download the offline copy"), None)
    if link is None:  # no dist/ zip in this checkout: the page says how to make one
        assert "./dev bundle" in text(home)
        return
    target = posixpath.normpath(posixpath.join("/en/", attribute(link, "href")))
    assert target == "/downloads/metaverse-action-plan-offline.zip"
    assert (built_site / target.lstrip("/")).is_file()


def test_english_item_pages_have_english_link_images_marking_the_summary_as_the_sites(built_site: Path) -> None:
    checked = 0
    for page in sorted((built_site / "en" / "measures").glob("m*/index.html")):
        tags = meta(parse(page))
        image = tags["og:image"]
        assert image.startswith("https://example.org/en/assets/previews/"), image
        png = built_site / "en" / image.removeprefix("https://example.org/en/")
        assert png.read_bytes().startswith(b"\x89PNG") and tags["og:image:width"] == "1200"
        chinese = built_site / image.removeprefix("https://example.org/en/")  # the Chinese page's image
        assert png.read_bytes() != chinese.read_bytes()
        assert tags["og:image:alt"].startswith("Metaverse Industry Action Plan") and "Measure" in tags["og:image:alt"]
        assert tags["og:description"].startswith("Site summary (not the original text): ")
        checked += 1
    assert checked == 14
