"""The machine-readable data: /data/plan.json follows its published schema and agrees with the pages,
/data/measures.csv opens in a spreadsheet, both are linked from the pages and are the same on every build."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema

from plansite import load_plan
from plansite.english import exports as english_exports
from plansite.english import load_english
from plansite.exports import exported_files
from plansite.urls import MEASURES_CSV, PLAN_JSON
from support.html import attribute, parse, text
from support.project import ROOT

SITE_URL = "https://example.org/"  # mkdocs.yml's default when SITE_URL is not set


def _json(site: Path, name: str) -> dict:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def _page_of(site: Path, url: str) -> tuple[Path, str]:
    """The built file of a canonical URL, and its #fragment."""
    parts = urlsplit(url)
    assert url.startswith(SITE_URL), url
    return site / parts.path.lstrip("/") / "index.html", parts.fragment


PERMALINK = "a.headerlink"  # the ¶ beside a heading: not part of what a reader sees


@dataclass
class _Headings:
    """The text of the <h1> and of every <h1> or <h2> with an id, as a reader sees it (no ¶ permalink)."""

    h1: str
    by_id: dict[str, str]


def _headings(path: Path) -> _Headings:
    page = parse(path)
    h1 = "".join(text(heading, PERMALINK) for heading in page.find_all("h1"))
    with_id = [heading for heading in page.find_all(["h1", "h2"]) if attribute(heading, "id")]
    by_id = {attribute(heading, "id"): text(heading, PERMALINK) for heading in with_id}
    return _Headings(h1, by_id)


def test_plan_json_follows_its_published_schema(built_site: Path) -> None:
    plan, schema = _json(built_site, "plan.json"), _json(built_site, "plan.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert plan["schema"] == schema["$id"] == SITE_URL + "data/plan.schema.json"
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(plan)]
    assert not errors, "plan.json does not follow plan.schema.json:\n" + "\n".join(errors)


def test_plan_json_holds_every_node_and_edge_of_the_plan_and_the_documents_metadata(built_site: Path) -> None:
    exported = _json(built_site, "plan.json")
    plan = load_plan(ROOT)
    assert sorted(n["id"] for n in exported["nodes"]) == sorted(plan.nodes)
    assert len(exported["edges"]) == len(plan.edges)
    kinds = {n["id"]: n["kind"] for n in exported["nodes"]}
    assert sum(kind == "measure" for kind in kinds.values()) == 14
    document = exported["document"]
    assert document["title"] == plan.document.title and document["announced"] == plan.document.announced
    assert [i["title"] for i in document["issuers"]] == [n.title for n in plan.nodes.values() if n.kind == "issuer"]
    for edge in exported["edges"]:
        assert all(i in kinds for i in edge["from"] + edge["to"]), edge
    m1 = next(n for n in exported["nodes"] if n["id"] == "M1")
    assert m1["url"] == SITE_URL + "measures/m1/" and m1["title"] == "加强关键技术集成创新"
    assert {"sentence": "q3-s2", "quote": "加强关键技术集成创新", "url": SITE_URL + "interpretation/q3/#q3-s2"} in m1[
        "sources"
    ]


def test_every_node_in_plan_json_has_a_page_at_its_url_headed_with_its_title(built_site: Path) -> None:
    wrong: list[str] = []
    for node in _json(built_site, "plan.json")["nodes"]:
        path, fragment = _page_of(built_site, node["url"])
        if not path.is_file():
            wrong.append(f"{node['id']}: no page at {node['url']}")
            continue
        headings = _headings(path)
        shown = headings.by_id.get(fragment, "") if fragment else headings.h1
        # A Q&A section's page is headed with its question; every other node's with its id and title.
        titled = node["kind"] == "section" or node["title"] in shown
        if not titled or shown.strip() != node["heading"]:
            wrong.append(f"{node['id']}: {node['url']} is headed {shown.strip()!r}, expected {node['heading']!r}")
    assert not wrong, "\n".join(wrong)


def test_every_measures_task_in_plan_json_is_the_task_its_page_names(built_site: Path) -> None:
    exported = _json(built_site, "plan.json")
    urls = {n["id"]: n["url"] for n in exported["nodes"]}
    task_of = {m: e["from"][0] for e in exported["edges"] if e["kind"] == "contains" for m in e["to"]}
    assert sorted(task_of, key=lambda m: int(m[1:])) == [f"M{n}" for n in range(1, 15)]
    for measure, task in task_of.items():
        page, _ = _page_of(built_site, urls[measure])
        html = page.read_text(encoding="utf-8")
        trail = html.split('class="node-trail"', 1)[1].split("</p>", 1)[0]
        task_path = urlsplit(urls[task]).path  # /tasks/t2/
        assert f'href="../..{task_path}"' in trail, f"{measure}'s page does not name {task} in its trail"


def test_measures_csv_opens_in_a_spreadsheet_one_row_per_measure(built_site: Path) -> None:
    raw = (built_site / "data" / "measures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "measures.csv has no UTF-8 byte-order mark"
    assert raw.count(b"\r\n") == raw.count(b"\n") == 15, "every line of measures.csv ends with CRLF"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [f"M{n}" for n in range(1, 15)]
    nodes = {n["id"]: n for n in _json(built_site, "plan.json")["nodes"]}
    for row in rows:
        assert row["title"] == nodes[row["id"]]["title"] and row["url"] == nodes[row["id"]]["url"]
        assert row["site_summary"] == nodes[row["id"]]["site_summary"]["text"]
        assert row["task_title"] == nodes[row["task_id"]]["title"]
    assert rows[4]["task_id"] == "T2" and rows[4]["url"] == SITE_URL + "measures/m5/"


def test_exports_are_the_same_bytes_on_every_build(built_site: Path) -> None:
    plan = load_plan(ROOT)
    first, again = exported_files(plan, SITE_URL), exported_files(load_plan(ROOT), SITE_URL)
    assert first == again
    english = load_english(ROOT, plan)  # the build adds the English edition to both data files
    first[PLAN_JSON] = english_exports.plan_json(first[PLAN_JSON].decode("utf-8"), plan, english, SITE_URL).encode()
    first[MEASURES_CSV] = english_exports.measures_csv(first[MEASURES_CSV], plan, english, SITE_URL)
    for name, data in first.items():
        assert (built_site / name).read_bytes() == data, f"the build's {name} differs from the export"


def test_home_and_every_node_page_link_the_data_relatively(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for name in ("plan.json", "plan.schema.json", "measures.csv"):
        assert f'href="data/{name}"' in home, f"the home page does not link data/{name}"
    pages = [built_site / p / "index.html" for p in ("measures/m5", "tasks/t1", "goals/g1", "principles")]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        line = re.search(r'<p class="data-links">(.*?)</p>', html)
        assert line, f"{page.relative_to(built_site)} has no data line"
        depth = "../" * (len(page.relative_to(built_site).parts) - 1)
        assert f'href="{depth}data/plan.json"' in line[1] and f'href="{depth}data/measures.csv"' in line[1]
