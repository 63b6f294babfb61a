"""The strict build: the public URLs exist, every internal link and anchor resolves, nothing loads from elsewhere."""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from support.html import classes, ids, lang, links, parse, text
from support.project import mkdocs_build, without_english

PUBLIC_URLS = [
    "",
    "interpretation/",
    *(f"interpretation/q{n}/" for n in range(1, 8)),
    "tasks/",
    *(f"tasks/t{n}/" for n in range(1, 6)),
    "measures/",
    *(f"measures/m{n}/" for n in range(1, 15)),
    "projects/",
    *(f"projects/p{n}/" for n in range(1, 5)),
    "safeguards/",
    *(f"safeguards/s{n}/" for n in range(1, 4)),
    "goals/",
    "overview/",
]
FOREIGN_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com")


@cache
def read(path: Path) -> BeautifulSoup:
    """A built page, parsed once per test session: the link check looks up each target's anchors."""
    return parse(path)


@cache
def anchors(path: Path) -> set[str]:
    return ids(read(path))


def loaded_links(path: Path) -> list[tuple[str, str, str]]:
    """(element, attribute, value) of each href and src; a <link> is named with its rel, as link:canonical."""
    return [
        (f"link:{link.rel}" if link.tag == "link" else link.tag, link.attribute, link.value)
        for link in links(read(path))
    ]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_public_url_is_built(built_site: Path) -> None:
    missing = [url for url in PUBLIC_URLS if not (built_site / url / "index.html").is_file()]
    assert not missing, f"public URLs missing from the build: {missing}"


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken: list[str] = []
    for path in html_pages(built_site):
        page_dir = path.parent.relative_to(built_site).as_posix()
        for _, _, value in loaded_links(path):
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//") or not value:
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root, wherever it is shown
                target = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
            else:
                target = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) if parts.path else None
            file = path if target is None else built_site / target
            if file.is_dir() or (parts.path.endswith("/") and not file.suffix):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(built_site)}: {value} (no file)")
            elif parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in anchors(file):
                broken.append(f"{path.relative_to(built_site)}: {value} (no anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """Static check of HTML and CSS; the theme's JavaScript names unpkg.com only for a Mermaid diagram (the site
    has none) and a ResizeObserver polyfill (every supported browser has it), which the browser tests watch."""
    offenders: list[str] = []
    for path in html_pages(built_site):
        for tag, attribute, value in loaded_links(path):
            loads = tag != "a" and not tag.startswith("link:canonical") and not tag.startswith("link:alternate")
            if loads and (value.startswith(("http:", "https:", "//"))):
                offenders.append(f"{path.relative_to(built_site)}: <{tag} {attribute}={value}>")
    for path in [*html_pages(built_site), *built_site.rglob("*.css")]:
        content = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{path.relative_to(built_site)}: names {host}" for host in FOREIGN_HOSTS if host in content]
        if path.suffix == ".css":
            offenders += [
                f"{path.relative_to(built_site)}: {m}"
                for m in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]+", content)
            ]
    assert not offenders, "\n".join(offenders)


def test_every_page_is_in_the_language_of_its_edition(built_site: Path) -> None:
    def expected(page: Path) -> str:
        return "en" if page.relative_to(built_site).parts[0] == "en" else "zh"

    pages = html_pages(built_site)
    wrong = [str(p.relative_to(built_site)) for p in pages if not lang(read(p)).startswith(expected(p))]
    assert not wrong, f"pages in the wrong language (zh, and en under en/): {wrong}"


def test_measure_pages_name_their_task_and_cite_their_sentences(built_site: Path) -> None:
    task_of = {m: (m - 1) // 3 + 1 if m <= 12 else 5 for m in range(1, 15)}
    uncovered = {5, 7, 8, 9, 13, 14}  # M5: 第五问 only names it
    for number in range(1, 15):
        page = built_site / "measures" / f"m{number}" / "index.html"
        h1 = text(read(page).find("h1"))
        assert h1.startswith(f"M{number} "), h1
        hrefs = [value for tag, _, value in loaded_links(page) if tag == "a"]
        assert f"../../tasks/t{task_of[number]}/" in hrefs, f"M{number} does not link to its task"
        cites = [h for h in hrefs if re.search(r"interpretation/q\d/#q\d-s\d+$", h)]
        assert bool(cites) == (number <= 6 or number in (10, 11, 12)), f"M{number}: sentence links {cites}"
        assert ("not-covered" in classes(read(page))) == (number in uncovered), f"M{number}: not-covered line"
    for task, covered in (("t1", True), ("t2", True), ("t3", False), ("t4", True), ("t5", False)):
        assert ("not-covered" in classes(read(built_site / "tasks" / task / "index.html"))) != covered


def test_names_in_the_interpretation_link_to_their_pages(built_site: Path) -> None:
    expected = {
        "q3": {"加强关键技术集成创新": "../../measures/m1/", "工业元宇宙赋能": "../../projects/p3/"},
        "q5": {"重点行业工业元宇宙布局": "../../measures/m5/"},
        "q7": {"强化统筹协调": "../../safeguards/s1/"},
    }
    for section, names in expected.items():
        html = (built_site / "interpretation" / section / "index.html").read_text(encoding="utf-8")
        for words, href in names.items():
            link = rf'<a (?:[^>]* )?href="{re.escape(href)}"[^>]*>{words}</a>'  # attributes in any order
            assert re.search(link, html), f"{section}: {words} → {href}"


def _markup_from_data(page: Path) -> list[str]:
    """Elements that only hostile data could have put into a page: event handlers, scripts, javascript: links."""
    found: list[str] = []
    for element in parse(page).find_all(True):
        for name, value in element.attrs.items():
            script_link = value.strip().lower().startswith("javascript:") and value != "javascript:void(0)"
            if name.startswith("on") or script_link:  # javascript:void(0) is the theme's own share button
                found.append(f"<{element.name} {name}={value}>")
        if element.name == "img" and element.get("src") == "x":
            found.append("<img src=x>")
        if element.name == "script" and "alert(" in element.get_text():
            # JSON-LD is data, not code: hostile text may be in it as a JSON string, with no `<` left to close it.
            if element.get("type") == "application/ld+json" and "<" not in element.get_text():
                json.loads(element.get_text())
                continue
            found.append(f"<script>{element.get_text()[:40]}")
    return found


def test_text_from_data_is_shown_as_text_everywhere(project_copy: Path, tmp_path: Path) -> None:
    hostile_title = (
        "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) *a* | # {{ config }}"
    )
    hostile_summary = "<b onmouseover=alert(4)>概述</b> & \" '"
    without_english(project_copy)  # the Chinese pages are under test
    tasks = project_copy / "data" / "tasks.yaml"
    data = tasks.read_text(encoding="utf-8")
    data = data.replace("    title: 打造沉浸交互数字生活应用\n", f"    title: {json.dumps(hostile_title)}\n", 1)
    data = data.replace(
        "    summary: 据公开报道，这一任务包括生活消费、公共服务、应急保障三类场景的措施。",
        f"    summary: {json.dumps(hostile_summary, ensure_ascii=False)}",
        1,
    )
    tasks.write_text(data, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    leaks = [f"{page.relative_to(site)}: {leak}" for page in html_pages(site) for leak in _markup_from_data(page)]
    assert not leaks, "data text was read as markup:\n" + "\n".join(leaks)
    page = (site / "tasks" / "t3" / "index.html").read_text(encoding="utf-8")
    shown = html.escape(f"T3 {hostile_title}", quote=False)
    assert f"<title>{shown} - " in page  # the browser tab
    heading = page.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert html.unescape(re.sub(r"<[^>]+>", "", heading.split(">", 1)[1])).startswith(f"T3 {hostile_title}")
    assert shown in (site / "tasks" / "t1" / "index.html").read_text(encoding="utf-8")  # the navigation
    assert html.escape(hostile_summary) in page  # <meta name="description">


def test_links_to_other_sites_open_with_noopener(project_copy: Path, tmp_path: Path) -> None:
    home = project_copy / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[工信部](https://www.miit.gov.cn/)\n", encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.miit.gov.cn/" rel="noopener noreferrer">工信部</a>' in page
    unsafe = re.findall(r'<a (?![^>]*rel="[^"]*noopener)[^>]*href="https?://(?!example\.org/)[^"]*"[^>]*>', page)
    assert not unsafe, unsafe


def test_every_page_has_a_link_preview(built_site: Path) -> None:
    missing: list[str] = []
    for page in html_pages(built_site):
        html_text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html_text or page.name == "404.html":
            continue
        for needed in ("og:title", "og:description", "og:url", "og:type", "og:site_name", 'name="description"'):
            if needed not in html_text:
                missing.append(f"{page.relative_to(built_site)}: {needed}")
        locale = "en_GB" if page.relative_to(built_site).parts[0] == "en" else "zh_CN"
        if f'<meta property="og:locale" content="{locale}">' not in html_text or 'rel="canonical"' not in html_text:
            missing.append(f"{page.relative_to(built_site)}: og:locale {locale} / canonical")
    assert not missing, "\n".join(missing)
    m5 = (built_site / "measures" / "m5" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="M5 加快重点行业工业元宇宙布局">' in m5
    summary = "《解读》第五问把“重点行业工业元宇宙布局”列为工业元宇宙的三个发力方向之一，没有展开。"
    assert f'<meta property="og:description" content="本站概述（非原文）：{summary}">' in m5
    assert '<meta property="og:url" content="https://example.org/measures/m5/">' in m5
    assert '<link rel="canonical" href="https://example.org/measures/m5/">' in m5
    assert "<title>M5 加快重点行业工业元宇宙布局 - " in m5
