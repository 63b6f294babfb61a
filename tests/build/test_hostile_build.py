"""What a real strict build makes of odd and hostile input: every item of the data reaches every output, text
from the data and the interpretation never becomes a link or markup, and a warm build (with .cache/plan) fails
exactly as a cold one does. (The messages themselves: tests/unit/test_hostile_data.py.)"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from plansite import load_plan
from plansite.model import NODE_TYPES, Measure
from plansite.urls import GROUPED, page_of
from support.html import attribute, links, parse
from support.project import ROOT, edit, mkdocs_build, without_english

SCHEMES = ("javascript:", "data:", "vbscript:")


# ---- nothing disappears ------------------------------------------------------------------------


def data_ids(data: Path) -> dict[str, list[str]]:
    """The ids every list of data/ defines, read straight from the YAML files, not through the loader."""
    found: dict[str, list[str]] = {}
    keys = {node_type.key for node_type in NODE_TYPES}
    for path in sorted(data.glob("*.yaml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if key in keys:
                found[key] = [item["id"] for item in value]
    return found


def test_every_item_of_the_data_is_in_the_pages_plan_json_and_measures_csv(built_site: Path) -> None:
    in_data = data_ids(ROOT / "data")
    plan = load_plan(ROOT)
    exported = json.loads((built_site / "data" / "plan.json").read_text(encoding="utf-8"))
    for node_type in NODE_TYPES:
        expected = in_data[node_type.key]
        exported_ids = [n["id"] for n in exported["nodes"] if n["kind"] == node_type.kind]
        assert sorted(exported_ids) == sorted(expected) and len(set(expected)) == len(expected), node_type.key
        for node_id in expected:
            node = plan.nodes[node_id]
            page, _, anchor = page_of(node).partition("#")
            html_file = built_site / (page.removesuffix("index.md").removesuffix(".md") + "/index.html").lstrip("/")
            assert html_file.is_file(), f"{node_id}: no page {html_file}"
            if isinstance(node, GROUPED):
                assert anchor in {attribute(e, "id") for e in parse(html_file).select("[id]")}, node_id
            assert (built_site / node_id.lower() / "index.html").is_file(), f"{node_id}: no short link"
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "measures.csv").read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == in_data[Measure.key]
    statements = sum(len(v) for k, v in yaml.safe_load((ROOT / "data" / "edges.yaml").read_text("utf-8")).items())
    assert len(exported["edges"]) == statements


def test_an_item_numbered_with_a_point_stops_the_build_instead_of_vanishing(project_copy: Path, tmp_path: Path) -> None:
    line = edit(project_copy, "data/measures.yaml", "    number: 5\n", "    number: 5.0\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"data/measures.yaml:{line}:" in result.stderr and "应当是整数" in result.stderr
    assert not (tmp_path / "site").exists()


# ---- text never becomes code -------------------------------------------------------------------

# Markdown, attribute lists, HTML comments, entities and template syntax: all of it must show as typed.
MARKUP = "**粗** _斜_ # 井 {: .evil } <!-- c --> &amp; {{ x }} `code` 1. "
HOSTILE = (
    " [点我](javascript:alert(1)) <img src=x onerror=alert(1)> ![图](data:image/png;base64,AA==)"
    ' <a href="vbscript:msgbox(1)">v</a> <javascript:alert(5)>'
)


def test_hostile_text_in_the_data_and_the_interpretation_reaches_every_page_as_text(
    project_copy: Path, tmp_path: Path, built_site: Path
) -> None:
    without_english(project_copy)  # the Chinese pages are under test
    page = project_copy / "docs" / "interpretation" / "q4.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    quoted = next(i for i, line in enumerate(lines) if line.startswith("{#q4-s1} "))
    lines[quoted] += HOSTILE  # q4-s1 is quoted whole on the page of M1
    page.write_text("\n".join(lines), encoding="utf-8")
    edit(
        project_copy,
        "data/edges.yaml",
        "      - editorial: 《解读》第四问",
        "      - editorial: '[e](javascript:alert(2)) <script>alert(3)</script>'\n      # ",
    )
    edit(
        project_copy,
        "data/measures.yaml",
        "    summary: 围绕社交",
        "    summary: '[x](data:text/html;base64,PHNjcmlwdD4=) 围绕社交",
    )
    edit(
        project_copy,
        "data/measures.yaml",
        "社交、文娱、办公等现实需求，在元宇宙入口、虚拟空间应用工具和平台上着重发力。",
        "…'",
    )
    edit(
        project_copy,
        "data/measures.yaml",
        "    title: 构筑协同发展产业生态",
        "    title: \"构筑协同发展产业生态 <a href='vbscript:x'>v</a>\"",
    )
    edit(
        project_copy,
        "data/measures.yaml",
        "    summary: 建设工业元宇宙基础",
        f"    summary: '{MARKUP}建设工业元宇宙基础",
    )
    edit(project_copy, "data/measures.yaml", "打造工业虚拟映射空间。", "打造工业虚拟映射空间。'")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr

    own_icon = {link.value for link in links(parse(built_site / "index.html")) if link.value.startswith("data:")}
    assert len(own_icon) == 1, "the site's one SVG icon is its only data: address"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for html_file in pages:
        document = parse(html_file)
        for link in links(document):
            if not link.value.strip().lower().startswith(SCHEMES) or link.value in own_icon:
                continue
            share = document.select_one('[data-md-component="search-share"]')
            assert share is not None and attribute(share, "href") == link.value == "javascript:void(0)", (
                f"{html_file.relative_to(site)}: {link}"
            )
        assert not document.select("script:not([src]):-soup-contains('alert(3)')"), html_file
        assert not [e for e in document.find_all(True) if any(a.startswith("on") for a in e.attrs)], html_file
    measure = parse(site / "measures" / "m1" / "index.html").get_text()
    assert "[点我](javascript:alert(1))" in measure and "<img src=x onerror=alert(1)>" in measure
    assert "[e](javascript:alert(2))" in measure
    m3 = parse(site / "measures" / "m3" / "index.html")
    assert "构筑协同发展产业生态 <a href='vbscript:x'>v</a>" in m3.h1.get_text()  # type: ignore[union-attr]
    m4 = parse(site / "measures" / "m4" / "index.html")
    assert MARKUP in m4.select_one(".editorial-summary").get_text()  # type: ignore[union-attr]
    exported = json.loads((site / "data" / "plan.json").read_text(encoding="utf-8"))
    assert [n["site_summary"]["text"] for n in exported["nodes"] if n["id"] == "M4"][0].startswith(MARKUP)


# ---- warm and cold builds agree ----------------------------------------------------------------


def _break_with_folder(project: Path) -> None:
    (project / "data" / "extra.yaml").mkdir()


def _break_with_dead_link(project: Path) -> None:
    (project / "data" / "gone.yaml").symlink_to(project / "nowhere.yaml")


def _break_with_pipe(project: Path) -> None:
    os.mkfifo(project / "data" / "pipe.yaml")


def _break_with_docs_folder(project: Path) -> None:
    (project / "docs" / "ai").mkdir()  # the technology `ai` would lose its short link to this folder
    (project / "docs" / "ai" / "index.md").write_text("# AI\n", encoding="utf-8")


def _break_schema(project: Path) -> None:
    (project / "data" / "schema.json").unlink()


def _break_facts(project: Path) -> None:
    facts = project / "data" / "sources" / "action-plan-facts.md"
    facts.write_bytes(facts.read_text(encoding="utf-8").encode("gb18030"))


def _break_sentence_line(project: Path) -> None:
    edit(project, "docs/interpretation/q3.md", "{#q3-s2} ", "{#Q3-s2} ")


@pytest.mark.parametrize(
    "breaking",
    [_break_with_folder, _break_with_dead_link, _break_with_pipe, _break_with_docs_folder, _break_schema,
     _break_facts, _break_sentence_line],
)  # fmt: skip
def test_a_warm_build_fails_exactly_as_a_cold_build(project_copy: Path, tmp_path: Path, breaking) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(project_copy, site).returncode == 0  # leaves the checked plan in .cache/plan
    breaking(project_copy)
    warm = mkdocs_build(project_copy, tmp_path / "warm")
    shutil.rmtree(project_copy / ".cache")
    cold = mkdocs_build(project_copy, tmp_path / "cold")
    assert warm.returncode != 0 and cold.returncode != 0, warm.stderr
    assert "Traceback" not in warm.stderr + cold.stderr
    problems = [line for line in cold.stderr.splitlines() if line.startswith(("data/", "docs/"))]
    assert problems and problems == [line for line in warm.stderr.splitlines() if line.startswith(("data/", "docs/"))]
    assert not (tmp_path / "warm").exists() and not (tmp_path / "cold").exists()


def test_a_change_inside_a_linked_folder_of_data_is_seen_by_a_warm_build(project_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "sources"
    shutil.move(project_copy / "data" / "sources", elsewhere)
    (project_copy / "data" / "sources").symlink_to(elsewhere, target_is_directory=True)
    assert mkdocs_build(project_copy, tmp_path / "site").returncode == 0
    _break_facts(project_copy)  # writes through the link, into the folder elsewhere
    warm = mkdocs_build(project_copy, tmp_path / "warm")
    assert warm.returncode != 0 and "data/sources/action-plan-facts.md:" in warm.stderr, warm.stderr
