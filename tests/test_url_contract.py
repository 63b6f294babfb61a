"""Published URLs and anchors are a contract: none may disappear or change meaning without a redirect.

The committed inventory is tests/published-urls.tsv (URL, then what it is). After adding pages or anchors
on purpose, refresh it with `.venv/bin/python tests/test_url_contract.py --update` and commit the diff.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

INVENTORY = Path(__file__).with_name("published-urls.tsv")
ROOT = Path(__file__).resolve().parent.parent
GROUPED_PAGES = ("principles/", "technologies/", "issuers/")
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
        if url in GROUPED_PAGES:  # one section per node, each with the node's id as its anchor
            for anchor, title in re.findall(r'<h2 id="([a-z0-9-]+)">(.*?)</h2>', html):
                found[f"{url}#{anchor}"] = _text(title)
    for data in sorted((site / "data").glob("*.*")):  # the machine-readable data the pages link to
        found[f"data/{data.name}"] = f"data ({data.suffix[1:]})"
    return found


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("¶", "").strip()


def read_inventory() -> dict[str, str]:
    lines = INVENTORY.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def test_no_published_url_or_anchor_disappears_or_changes_meaning(built_site: Path) -> None:
    published, current = read_inventory(), inventory(built_site)
    broken = [
        f"{url}: was “{meaning}”, now “{current.get(url, 'missing')}”"
        for url, meaning in published.items()
        if current.get(url) != meaning
    ]
    assert not broken, "published URLs that broke (add a redirect, or restore them):\n" + "\n".join(broken)


def test_every_url_of_the_site_is_in_the_committed_inventory(built_site: Path) -> None:
    new = sorted(set(inventory(built_site)) - set(read_inventory()))
    assert not new, "URLs not yet in tests/published-urls.tsv (run this file with --update):\n" + "\n".join(new)


def test_inventory_covers_every_node_and_every_sentence() -> None:
    published = read_inventory()
    for url in ("measures/m14/", "tasks/t5/", "projects/p4/", "safeguards/s3/", "goals/", "overview/", "m5/"):
        assert url in published, url
    sentences = [u for u in published if "#q" in u or "#intro-" in u]
    assert len(sentences) >= 30


def _update() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", f"{tmp}/site"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        found = inventory(Path(tmp) / "site")
    head = "# Published URLs (relative to the site root) and what each means. See tests/test_url_contract.py.\n"
    INVENTORY.write_text(head + "".join(f"{url}\t{meaning}\n" for url, meaning in sorted(found.items())), "utf-8")
    print(f"{INVENTORY}: {len(found)} URLs")


if __name__ == "__main__" and "--update" in sys.argv:
    _update()
