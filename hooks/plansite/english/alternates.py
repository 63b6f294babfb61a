"""The two editions as alternates of each other: the link from a page to the same place in the other
language, and the hreflang alternates of the sitemaps. The English edition lives in en/ of the Chinese
site, at the same paths (/measures/m5/ and /en/measures/m5/)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

from ..urls import HOME, public_url

EDITION = "en/"  # the English edition's folder in the site
ZH, EN = "zh-CN", "en"
GLOSSARY = "glossary/index.md"  # the one page the Chinese edition does not have


def chinese_page(docs_path: str) -> str:
    """The Chinese page an English one translates: the same path, or the home page for the glossary."""
    return HOME if docs_path == GLOSSARY else docs_path


def relative_url(target: str, current: str) -> str:
    """The link from the page at `current` to `target`, both site paths as MkDocs writes page URLs
    (`measures/m5/`, `` for the home page, `measures/m5.html` offline)."""
    start = current.rstrip("/") if current.endswith("/") or not current else posixpath.dirname(current)
    link = posixpath.relpath(target.rstrip("/") or ".", start or ".")
    return link.rstrip("/") + "/" if target.endswith("/") or not target else link


def other_edition(current_url: str, counterpart: bool, home_url: str, *, english: bool) -> str:
    """From a page of one edition (its URL within that edition) to the same page of the other one, or to
    the other edition's home page when it has no such page (the glossary is English only)."""
    target = current_url if counterpart else home_url
    if english:
        return relative_url(target, EDITION + current_url)
    return relative_url(EDITION + target, current_url)


def counterparts(docs_paths: Iterable[str], site_url: str) -> dict[str, str]:
    """Chinese public URL → English public URL of every page both editions have."""
    english = site_url.rstrip("/") + "/" + EDITION
    return {public_url(path, site_url): public_url(path, english) for path in docs_paths}


_URL = re.compile(r"(<url>\s*<loc>([^<]+)</loc>)")


def with_alternates(sitemap: str, pairs: Mapping[str, str]) -> str:
    """The sitemap with `xhtml:link` hreflang alternates for every page that has a counterpart (`pairs` goes
    from one URL to the other, in either direction: Chinese → English or English → Chinese)."""
    reverse = {v: k for k, v in pairs.items()}

    def add(match: re.Match[str]) -> str:
        url = match[2].strip()
        zh, en = (url, pairs.get(url)) if url in pairs else (reverse.get(url), url)
        if not zh or not en:
            return match[0]
        links = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
            for lang, href in ((ZH, zh), (EN, en))
        )
        return match[1] + links

    sitemap = _URL.sub(add, sitemap)
    if "xmlns:xhtml" not in sitemap:
        sitemap = sitemap.replace("<urlset ", '<urlset xmlns:xhtml="http://www.w3.org/1999/xhtml" ', 1)
    return sitemap


def home(offline: bool) -> str:
    """The home page's URL within an edition."""
    return "index.html" if offline else ""


def after_title(content: str, insert: str) -> str:
    """A page's HTML with `insert` right after its <h1>: placed before it, the theme's search would index the
    page's opening words as a section of their own."""
    end = content.find("</h1>")
    return content[: end + len("</h1>")] + insert + content[end + len("</h1>") :] if end >= 0 else insert + content
