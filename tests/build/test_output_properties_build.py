"""The property of tests/unit/test_output_properties.py through the whole strict build, for the formats that only
exist once the theme has rendered a page: a hostile title of M5 in data/measures.yaml and a hostile SITE_URL
either reach the page's <title>, heading, canonical link and citation link intact, with no script or event
handler of their own, or the build stops, writes nothing, and names them. A few examples: each is a build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rispy
import yaml
from hypothesis import Phase, event, example, given, settings
from hypothesis import strategies as st

from plansite import input_rules
from plansite.urls import public_url
from support.bibtex import latex_text, pybtex_entries
from support.hostile import (
    WHERE,
    examples,
    one_line,
    plain_site_urls,
    site_url_refusal,
    site_urls,
    title_refusal,
    titles,
)
from support.html import parse
from support.project import BUILD_ENV, ROOT, copy_project, edit, mkdocs_build, without_english

TITLE = "    title: 加快重点行业工业元宇宙布局"  # M5's title line in data/measures.yaml
PAGE = "measures/m5.md"


# Half the examples are titles the data rules accept, so that most examples build.
accepted_titles = titles.filter(lambda title: not input_rules.text_problems(title, WHERE))


# What an environment variable can hold: anything but a NUL.
environment_values = site_urls.filter(lambda site_url: "\x00" not in site_url)


def yaml_string(text: str) -> str:
    """`text` as one double-quoted YAML scalar on one line, every character it cannot hold as it is escaped."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=10**9).removesuffix("\n")


def page_shape(page: Path) -> list[tuple[str, str]]:
    """What code a page carries: its scripts (type and source) and every event-handler attribute."""
    tree = parse(page)
    shape = [("script", f"{s.get('type', '')} {s.get('src', '') and 'src'}") for s in tree.find_all("script")]
    return shape + [(e.name, a) for e in tree.find_all(True) for a in e.attrs if a.lower().startswith("on")]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    without_english(copy)  # the title changes in Chinese alone; the translation would otherwise have to follow
    return copy


# Each example is a build (a few seconds): a handful, and a failure is reported as found, not shrunk further.
@settings(examples(6), phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(title=st.one_of(titles, accepted_titles), site_url=st.one_of(plain_site_urls, environment_values))
@example(title='{ "<script>alert(1)</script>" &amp; \\ `` -- ]]> <!-- }', site_url="https://example.org/a~b/")
@example(title="加快\u202e布局", site_url="https://example.org/")
@example(title="加快", site_url='https://example.org/"><script>alert(document.domain)</script>/')
def test_a_hostile_title_and_site_url_reach_the_built_pages_intact_or_stop_the_build(
    project: Path, tmp_path_factory: pytest.TempPathFactory, title: str, site_url: str
) -> None:
    measures = project / "data" / "measures.yaml"
    measures.write_bytes((ROOT / "data" / "measures.yaml").read_bytes())
    line = edit(project, "data/measures.yaml", TITLE, f"    title: {yaml_string(title)}")
    site = tmp_path_factory.mktemp("site") / "site"
    saved, BUILD_ENV["SITE_URL"] = BUILD_ENV.get("SITE_URL"), site_url
    try:
        result = mkdocs_build(project, site)
    finally:
        if saved is None:
            del BUILD_ENV["SITE_URL"]
        else:
            BUILD_ENV["SITE_URL"] = saved

    refused_url, refused_title = site_url_refusal(site_url), title_refusal(title)
    event("refused" if refused_url or refused_title else "built")
    if refused_url or refused_title:
        assert result.returncode != 0, f"built with SITE_URL={site_url!r} and title {title!r}"
        assert not site.exists()
        # MkDocs 1.6 parses site_url before any hook runs, and a ] in the host makes its parser raise: that
        # build stops too, with MkDocs' own traceback naming the address as an invalid IPv6 URL.
        mkdocs_crash = refused_url and "ValueError: Invalid IPv6 URL" in result.stderr
        assert "Traceback" not in result.stderr or mkdocs_crash, result.stderr
        if refused_url:
            # As MkDocs hands it over: its URL parser drops tabs and line breaks, as WHATWG's does; some
            # addresses it refuses itself, naming site_url, before the hooks run.
            seen = site_url.translate({ord(c): None for c in "\t\n\r"})
            named = f"SITE_URL: {seen!r}" in result.stderr or "'site_url'" in result.stderr
            assert named or mkdocs_crash, result.stderr
        else:
            assert f"data/measures.yaml:{line}:" in result.stderr, result.stderr
        return
    assert result.returncode == 0, result.stderr

    canonical = public_url(PAGE, site_url)
    page = site / "measures" / "m5" / "index.html"
    tree = parse(page)
    assert tree.title.string.startswith(f"M5 {title}".rstrip()), tree.title.string
    for permalink in tree.h1.select("a.headerlink"):
        permalink.decompose()
    assert " ".join(tree.h1.get_text().split()) == one_line(f"M5 {title}")
    assert tree.select_one("link[rel=canonical]")["href"] == canonical
    assert canonical in [a["href"] for a in tree.select("a[href]")], "the citation's link to the page"
    assert page_shape(page) == page_shape(site / "measures" / "m6" / "index.html"), "a script or handler of its own"

    (m5,) = [n for n in json.loads((site / "data" / "plan.json").read_text("utf-8"))["nodes"] if n["id"] == "M5"]
    assert m5["title"] == title and m5["url"] == canonical
    rows = csv.DictReader(io.StringIO((site / "data" / "measures.csv").read_text(encoding="utf-8-sig")))
    assert [row["url"] for row in rows if row["id"] == "M5"] == [canonical]
    (ris,) = rispy.loads((site / "data" / "cite" / "m5.ris").read_text("utf-8"))
    assert ris["title"].endswith(one_line(f"M5 {title}")) and ris["urls"] == [canonical]
    (bib,) = pybtex_entries((site / "data" / "cite" / "m5.bib").read_text("utf-8")).values()
    assert latex_text(bib["title"]) == ris["title"] and bib["url"] == canonical
