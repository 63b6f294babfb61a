"""The published URLs and anchors of the site, each with what it means: read from a build, and the committed
inventory (tests/data/published-urls.tsv) that tests/build/test_url_contract.py holds every build to."""

from __future__ import annotations

import hashlib
import re
from html import unescape
from pathlib import Path

from support.project import ROOT

INVENTORY = ROOT / "tests" / "data" / "published-urls.tsv"
GROUPED_PAGES = ("principles/", "technologies/", "issuers/")
ENGLISH = "en/"  # the English edition, at the same paths
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def inventory(site: Path) -> dict[str, str]:
    """URL (relative to the site root) → what it means: a page's title, a redirect's target, a sentence's text."""
    found: dict[str, str] = {}
    for page in sorted(site.rglob("index.html")):
        url = page.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        html = page.read_text(encoding="utf-8")
        redirect = REFRESH.search(html)
        if redirect:
            found[url] = "→ " + unescape(redirect[1])
            continue
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        found[url] = _text(heading[1] if heading else "")
        for sentence_id, text in re.findall(
            r'<span class="sentence" id="([^"]+)">(.*?)<a class="sentence-anchor"', html
        ):
            words = unescape(re.sub(r"<[^>]+>", "", text))
            found[f"{url}#{sentence_id}"] = "sentence " + hashlib.sha256(words.encode()).hexdigest()[:16]
        if url.removeprefix(ENGLISH) in GROUPED_PAGES:  # one section per node, the node's id its anchor
            for anchor, title in re.findall(r'<h2 id="([a-z0-9-]+)">(.*?)</h2>', html):
                found[f"{url}#{anchor}"] = _text(title)
    # The machine-readable data the pages link to, and each page's reference-manager files (data/cite/m5.ris).
    for data in sorted((site / "data").rglob("*.*")):
        found[data.relative_to(site).as_posix()] = f"data ({data.suffix[1:]})"
    return found


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("¶", "").strip()


def read_inventory() -> dict[str, str]:
    lines = INVENTORY.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))
