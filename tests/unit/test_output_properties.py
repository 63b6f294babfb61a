"""Every output format, read back by the tool that reads it, on hostile input: a title and SITE_URL either
come back intact, or are refused before anything is written with a report that names them. The formats are
made by the plansite functions the build calls; the citation metadata through the theme template's own block,
rendered as MkDocs renders it. (The whole build, with a few examples: tests/build/test_output_properties_build.py.)"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from functools import cache
from types import SimpleNamespace

import extruct
import jinja2
import jsonschema
import rispy
import segno
import zxingcpp
from hypothesis import event, given
from PIL import Image

from plansite import load_plan
from plansite.citation import Citation, plan_citation
from plansite.exports import measures_csv, plan_json, schema_json
from plansite.markup import script_json
from plansite.metadata import json_ld, meta_tags, site_summary
from plansite.model import Measure, Plan
from plansite.pages import heading
from plansite.reference_files import KEY_PREFIX, bibtex, ris
from plansite.urls import public_url
from support.bibtex import bibtexparser_entries, latex_text, names, pybtex_entries
from support.hostile import examples, one_line, site_url_refusal, site_urls, title_refusal, titles
from support.html import parse
from support.project import ROOT

PAGE = "measures/m5.md"
FORMULA_START = tuple("=+-@\t\r＝＋－＠")  # cells measures.csv prefixes with ' (OWASP's CSV injection advice)


@cache
def real_plan() -> Plan:
    return load_plan(ROOT)


def plan_titled(title: str) -> Plan:
    """The real plan with M5's title replaced."""
    plan = real_plan()
    m5 = dataclasses.replace(plan.nodes["M5"], title=title)
    return dataclasses.replace(plan, nodes={**plan.nodes, "M5": m5})


def accepted(title: str | None, site_url: str) -> bool:
    """Whether the build goes ahead with this input; when it does not, the refusal has named it."""
    refused_title = title_refusal(title) if title is not None else ""
    refused_site_url = site_url_refusal(site_url)
    event(
        f"title {'refused' if refused_title else 'accepted'}, SITE_URL {'refused' if refused_site_url else 'accepted'}"
    )
    return not (refused_site_url or refused_title)


def m5_citation(plan: Plan, site_url: str) -> Citation:
    return plan_citation(plan, heading(plan.nodes["M5"]), public_url(PAGE, site_url))


@examples(150)
@given(title=titles, site_url=site_urls)
def test_bibtex_values_survive_pybtex_and_bibtexparser(title: str, site_url: str) -> None:
    if not accepted(title, site_url):
        return
    cited = m5_citation(plan_titled(title), site_url)
    text = bibtex([("m5", cited)])
    for read in (pybtex_entries, bibtexparser_entries):
        entry = read(text)[f"{KEY_PREFIX}-m5"]
        assert latex_text(entry["title"]) == one_line(cited.title), read.__name__
        assert names(entry["author"]) == list(cited.authors) and names(entry["editor"]) == [cited.compiler]
        assert entry["url"] == cited.url and entry["date"] == cited.issued and entry["langid"] == "chinese"


@examples(150)
@given(title=titles, site_url=site_urls)
def test_ris_values_survive_rispy(title: str, site_url: str) -> None:
    if not accepted(title, site_url):
        return
    cited = m5_citation(plan_titled(title), site_url)
    (entry,) = rispy.loads(ris([cited]))
    assert entry["title"] == one_line(cited.title)
    assert entry["authors"] == list(cited.authors) and entry["secondary_authors"] == [cited.compiler]
    assert entry["urls"] == [cited.url] and entry["secondary_title"] == cited.work_title


@examples(100)
@given(title=titles, site_url=site_urls)
def test_measures_csv_cells_survive_the_csv_reader(title: str, site_url: str) -> None:
    if not accepted(title, site_url):
        return
    rows = list(csv.DictReader(io.StringIO(measures_csv(plan_titled(title), site_url).decode("utf-8-sig"))))
    (m5,) = [row for row in rows if row["id"] == "M5"]
    assert m5["title"] == ("'" + title if title.startswith(FORMULA_START) else title)
    assert m5["url"] == public_url(PAGE, site_url)
    assert len(rows) == len(real_plan().of(Measure))


@examples(60)
@given(title=titles, site_url=site_urls)
def test_plan_json_survives_json_and_its_schema(title: str, site_url: str) -> None:
    if not accepted(title, site_url):
        return
    exported = json.loads(plan_json(plan_titled(title), site_url))
    schema = json.loads(schema_json(site_url))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(exported)
    (m5,) = [node for node in exported["nodes"] if node["id"] == "M5"]
    assert m5["title"] == title and m5["heading"] == f"M5 {title}".rstrip()
    assert m5["url"] == public_url(PAGE, site_url) and exported["site"] == public_url("index.md", site_url)


# The theme's <head> additions, rendered as MkDocs renders a theme: Jinja2 without autoescaping.
_MAIN = (ROOT / "hooks" / "theme" / "main.html").read_text(encoding="utf-8")
_EXTRAHEAD = jinja2.Environment().from_string(
    re.search(r"{% block extrahead %}(.*?){% endblock %}", _MAIN, re.S)[1]  # type: ignore[index]
)


@examples(60)
@given(title=titles, site_url=site_urls)
def test_citation_metadata_survives_extruct_and_the_html_parser(title: str, site_url: str) -> None:
    if not accepted(title, site_url):
        return
    plan = plan_titled(title)
    node, cited = plan.nodes["M5"], m5_citation(plan, site_url)
    citing = {
        "tags": meta_tags(cited, site_summary(node.summary)),
        "json_ld": script_json(json_ld(plan, cited, PAGE, site_url, node)),
    }
    link_preview = {"type": "article", "title": heading(node), "description": node.summary, "url": cited.url}
    page = SimpleNamespace(meta={"citing": citing, "link_preview": link_preview})
    head = _EXTRAHEAD.render(page=page, config={"site_name": "站"})
    markup = f"<!doctype html><html><head>{head}</head><body></body></html>"

    # extruct trims the white space around a tag's content, as the tools that read these tags do.
    found = extruct.extract(markup, base_url=cited.url, syntaxes=["json-ld", "dublincore", "opengraph"])
    (ld,) = found["json-ld"]
    assert ld["name"] == f"M5 {title}".rstrip() and ld["url"] == ld["@id"] == cited.url
    dublin_core = {e["name"]: e["content"] for e in found["dublincore"][0]["elements"] if "content" in e}
    assert dublin_core["DC.title"] == cited.title.strip() and dublin_core["DC.identifier"] == cited.url
    (graph,) = found["opengraph"]
    assert dict(graph["properties"])["og:title"] == heading(node).strip()

    tree = parse(markup)
    assert [e.name for e in tree.head.find_all(True)] == ["meta"] * len(citing["tags"]) + ["script"] + ["meta"] * 7
    assert {m["name"]: m["content"] for m in tree.select("meta[name^=citation_]")}["citation_title"] == cited.title
    (script,) = tree.find_all("script")
    assert script["type"] == "application/ld+json" and json.loads(script.string) == json.loads(citing["json_ld"])


@examples(25)
@given(site_url=site_urls)
def test_the_printed_pages_qr_code_reads_back_the_address(site_url: str) -> None:
    if not accepted(None, site_url):
        return
    url = public_url(PAGE, site_url)
    png = io.BytesIO()
    segno.make(url, error="m", micro=False).save(png, kind="png", scale=4, border=4)  # as site_citing.qr_svg
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.getvalue())))
    assert code.text == url


def test_the_hostile_alphabet_reaches_both_outcomes() -> None:
    """The strategies are worth running: they make input that is refused and input that goes through."""
    assert title_refusal("加快\u202e布局") and not title_refusal("{加快} <&> \\ `` ''")
    assert site_url_refusal('https://example.org/"><script>/') and not site_url_refusal("https://example.org/p/")
