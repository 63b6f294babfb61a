"""Both editions from one build and one set of hooks: every page kind carries the same features in Chinese and
in English, every <meta> says its text once escaped, and the English configuration is not built on its own."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite import load_plan, pages
from plansite.citation import page_citation
from plansite.edition import CHINESE, Edition
from plansite.english import load_english
from plansite.english.edition import EnglishEdition
from plansite.model import Node
from plansite.urls import page_of
from support.html import attribute, meta, parse
from support.project import BUILD_ENV, ROOT, edit, mkdocs_build

PLAN = load_plan(ROOT)
ENGLISH = EnglishEdition(load_english(ROOT, PLAN))

# One page of every kind the site has, by its path in either edition.
PAGE_KINDS = {
    "home": "",
    "overview": "overview/",
    "list of a kind": "measures/",
    "measure": "measures/m5/",
    "task": "tasks/t2/",
    "goal": "goals/g1/",
    "grouped items": "technologies/",
    "preamble": "interpretation/",
    "Q&A": "interpretation/q6/",
    "full text": "interpretation/full/",
}


def _has(selector: str) -> Callable[[BeautifulSoup], bool]:
    return lambda page: page.select_one(selector) is not None


def _meta(name: str) -> Callable[[BeautifulSoup], bool]:
    return lambda page: bool(meta(page).get(name))


def _searches_on_paste(page: BeautifulSoup) -> bool:
    """The site's engine in the theme's worker slot, and the script that searches a paste at once."""
    settings = page.select_one("script#__config")
    scripts = [attribute(s, "src") for s in page.select("script[src]")]
    worker = settings is not None and "search-worker.js" in settings.get_text()
    return worker and any(src.endswith("assets/javascripts/search.js") for src in scripts)


FEATURES: dict[str, Callable[[BeautifulSoup], bool]] = {
    "overview boxes": _has(".plan-overview .overview-tasks li"),
    "share buttons": _has('[data-share="link"]'),
    "citation button": _has('[data-share="cite"]'),
    "quoting a selection": _has('.quote-selection[data-source] [data-share="quote"]'),
    "sentence links (and ranges)": _has(".sentence[id] a.sentence-anchor"),
    "hover cards of name links": _has('a[aria-describedby^="hover-card-"]'),
    "status region for confirmations": _has('[role="status"][aria-live]'),
    "citation metadata (Highwire)": _meta("citation_title"),
    "citation metadata (Dublin Core)": _meta("DC.title"),
    "citation metadata (JSON-LD)": _has('script[type="application/ld+json"]'),
    "RIS and BibTeX downloads": _has(".cite-downloads a"),
    "link preview": _meta("og:title"),
    "link preview image": _meta("og:image"),
    "printed page's address and QR code": _has(".print-masthead svg.print-qr"),
    "link to the other edition": _has('a[hreflang][href*="measures"], a[hreflang]'),
    "facts box": _has(".plan-facts"),
    "search that answers a paste": _searches_on_paste,
}
# What the Chinese edition is known to have on each kind: the parity test below would pass on two bare sites.
EXPECTED = {
    "home": {"facts box", "link preview image", "search that answers a paste"},
    "overview": {"overview boxes"},
    "measure": {
        "share buttons",
        "citation button",
        "citation metadata (JSON-LD)",
        "printed page's address and QR code",
    },
    "Q&A": {"quoting a selection", "sentence links (and ranges)", "hover cards of name links"},
    "full text": {"sentence links (and ranges)", "facts box", "RIS and BibTeX downloads"},
}


def _features(page: Path) -> set[str]:
    tree = parse(page)
    return {name for name, present in FEATURES.items() if present(tree)}


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_has_the_same_features_in_both_editions(built_site: Path, kind: str) -> None:
    path = PAGE_KINDS[kind]
    chinese = _features(built_site / path / "index.html")
    english = _features(built_site / "en" / path / "index.html")
    assert EXPECTED.get(kind, set()) <= chinese, f"{kind}: the Chinese page lacks {EXPECTED[kind] - chinese}"
    assert chinese <= english, f"{kind}: the English page lacks {sorted(chinese - english)}"
    assert english <= chinese | {"link to the other edition"}, f"{kind}: only in English: {sorted(english - chinese)}"


def test_short_links_redirect_in_both_editions(built_site: Path) -> None:
    for edition in ("", "en/"):
        page = (built_site / edition / "m5" / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in page and "../measures/m5/" in page, edition


ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def test_no_meta_content_in_either_edition_is_escaped_twice(built_site: Path) -> None:
    """The parser unescapes a value once, as a link preview does: what is left must hold no entity."""
    found = []
    for page in sorted(built_site.rglob("*.html")):
        for name, content in meta(parse(page)).items():
            if ENTITY.search(content):
                found.append(f"{page.relative_to(built_site)}: {name}={content[:80]!r}")
    assert not found, "\n".join(found)


def _intended(edition: Edition, node: Node) -> dict[str, str]:
    """What a node page's metadata should say, unescaped: its heading, description and citation title."""
    title = pages.heading(node, edition)
    cited = edition.page_citation(PLAN, page_of(node), title, "https://example.org/")
    return {"og:title": title, "og:description": edition.description(PLAN, node), "citation_title": cited.title}


@pytest.mark.parametrize("node_id", ["M5", "T2", "G1", "P3", "S2"])
def test_node_metadata_says_the_intended_text_in_both_editions(built_site: Path, node_id: str) -> None:
    node = PLAN.nodes[node_id]
    path = page_of(node).removesuffix(".md") + "/index.html"
    for folder, edition in (("", CHINESE), ("en/", ENGLISH)):
        found = meta(parse(built_site / folder / path))
        intended = _intended(edition, node)
        assert {key: found.get(key) for key in intended} == intended, folder or "zh"
    assert page_citation(PLAN, page_of(node), pages.heading(node), "").title  # the Chinese model, as compared


def test_an_ampersand_and_markup_in_an_english_title_reach_the_metadata_as_text(
    project_copy: Path, tmp_path: Path
) -> None:
    title = 'Accelerate R&D <b>now</b> in "key" industries of the industrial metaverse, the world\'s'
    edit(
        project_copy,
        "data/en/nodes.yaml",
        "en: Accelerate the deployment of the industrial metaverse in key industries",
        f"en: {json.dumps(title)}",  # a JSON string is a YAML double-quoted scalar
    )
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    found = meta(parse(site / "en" / "measures" / "m5" / "index.html"))
    assert found["og:title"] == f"M5 {title}"
    assert found["citation_title"].endswith(f"M5 {title}")
    raw = (site / "en" / "measures" / "m5" / "index.html").read_text(encoding="utf-8")
    assert "R&amp;D &lt;b&gt;now&lt;/b&gt;" in raw and "&amp;amp;" not in raw  # escaped once, as HTML requires


def test_the_english_configuration_is_not_built_on_its_own(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, config="mkdocs.en.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.en.yml is the English edition's configuration" in result.stderr
    assert "Run `mkdocs build`" in result.stderr
    assert not site.exists() or not any(site.iterdir())


@pytest.mark.parametrize("editions", ["beside", "in-turn"])
def test_a_failure_of_the_english_build_fails_the_build_with_its_message(
    project_copy: Path, tmp_path: Path, editions: str
) -> None:
    """Built beside the Chinese pages in a child process or after them in this one, the English edition's
    error stops `mkdocs build` and is what it reports (here: a configuration warning, fatal in strict mode)."""
    config = project_copy / "mkdocs.en.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnot_a_setting: 1\n", encoding="utf-8")
    env = {**BUILD_ENV, "PLAN_EDITIONS": editions}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project_copy, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "not_a_setting" in said and "configuration warnings in 'strict' mode" in said
    assert "Traceback" not in said


def test_the_english_facts_box_says_everything_in_english(built_site: Path) -> None:
    for path in ("en/index.html", "en/interpretation/full/index.html"):
        box = parse(built_site / path).select_one(".plan-facts")
        assert box is not None, path
        assert "General Office of the Ministry of Education" in box.get_text(), path
        assert not re.search(r"[\u3400-\u9fff]", box.get_text()), f"{path}: Chinese in the English box"
