"""Citing the built site as reference managers do: every page's metadata read by extruct (Dublin Core, JSON-LD,
expanded as linked data by pyld) and the Highwire tags, and the RIS and BibTeX downloads parsed by rispy and
bibtexparser. None of these readers was written here."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import bibtexparser
import extruct
import pytest
import rispy
from pyld import jsonld

from plansite import load_plan
from plansite.citation import Citation, gbt7714_head
from plansite.model import Plan
from plansite.reference_files import KEY_PREFIX, cited_pages
from support.html import attribute, parse
from support.project import ROOT

SITE = "https://example.org/"
SCHEMA = "https://schema.org/"
PLAN = "元宇宙产业创新发展三年行动计划（2023—2025年）"
INTERPRETATION = "《元宇宙产业创新发展三年行动计划（2023—2025年）》解读"
OFFICES = ["工业和信息化部办公厅", "教育部办公厅", "文化和旅游部办公厅", "国务院国资委办公厅", "国家广播电视总局办公厅"]
SITE_SUMMARY = "本站概述（非原文）："
SITE_SUMMARY_EN = "Site summary (not the original text): "  # the English edition's mark, under en/


@cache
def plan() -> Plan:
    return load_plan(ROOT)


def _schema_org_context(url: str, options: object = None) -> dict[str, Any]:
    """pyld's document loader: schema.org's context as its vocabulary, without the network. Any other address
    fails the test, since a page's JSON-LD must need nothing else."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD asks for {url}")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


class Metadata:
    """What citation tools read from one built page."""

    def __init__(self, path: Path) -> None:
        markup = path.read_text(encoding="utf-8")
        page = parse(markup)
        self.canonical = attribute(page.find("link", rel="canonical"), "href")
        self.highwire: dict[str, list[str]] = {}
        for meta in page.find_all("meta", attrs={"name": True}):
            if attribute(meta, "name").startswith("citation_"):
                self.highwire.setdefault(attribute(meta, "name"), []).append(attribute(meta, "content"))
        found = extruct.extract(markup, base_url=self.canonical, syntaxes=["json-ld", "dublincore"], uniform=False)
        self.dublin_core: dict[str, list[str]] = {}
        for group in found["dublincore"]:
            for element in group["elements"]:
                if element["name"].startswith("DC."):
                    self.dublin_core.setdefault(element["name"], []).append(element["content"])
        self.json_ld: list[dict[str, Any]] = found["json-ld"]
        self.expanded = jsonld.expand(self.json_ld, {"documentLoader": _schema_org_context})

    @property
    def item(self) -> dict[str, Any]:
        (item,) = self.expanded
        return item


def values(item: dict[str, Any], name: str) -> list[Any]:
    """The values of a schema.org property of an expanded node: strings, or the @id of a node."""
    return [v.get("@value", v.get("@id")) for v in item.get(SCHEMA + name, [])]


def node(item: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = item[SCHEMA + name]
    return found


def _pages(site: Path) -> list[Path]:
    """Every page a reader opens: not the short links (/m5/, a redirect) and not the 404 page."""
    found = []
    for path in sorted(site.rglob("*.html")):
        markup = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in markup or path.name == "404.html":
            continue
        found.append(path)
    return found


def test_every_page_carries_highwire_dublin_core_and_json_ld_that_agree(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 40
    problems = []
    for path in pages:
        meta = Metadata(path)
        where = path.relative_to(built_site).as_posix()
        title = meta.highwire.get("citation_title", [""])[0]
        if not title or not meta.highwire.get("citation_author"):
            problems.append(f"{where}: no citation_title or citation_author")
        if meta.highwire.get("citation_public_url") != [meta.canonical] or meta.dublin_core.get("DC.identifier") != [
            meta.canonical
        ]:
            problems.append(f"{where}: the address is not the canonical {meta.canonical}")
        language = "en" if where.startswith("en/") else "zh-CN"
        if meta.dublin_core.get("DC.title") != [title] or meta.dublin_core.get("DC.language") != [language]:
            problems.append(f"{where}: Dublin Core title or language differs: {meta.dublin_core}")
        if meta.dublin_core.get("DC.creator") != meta.highwire.get("citation_author"):
            problems.append(f"{where}: DC.creator and citation_author differ")
        if len(meta.expanded) != 1 or values(meta.item, "url") != [meta.canonical]:
            problems.append(f"{where}: one JSON-LD node with the canonical url, not {meta.json_ld}")
    assert not problems, "\n".join(problems)


def test_home_task_measure_qa_and_full_text_have_the_right_title_date_url_and_parent(built_site: Path) -> None:
    home = Metadata(built_site / "index.html")
    assert (home.highwire["citation_title"], home.highwire["citation_author"]) == ([PLAN], OFFICES)
    assert home.highwire["citation_publication_date"] == ["2023/09/08"] and home.dublin_core["DC.date"] == [
        "2023-09-08"
    ]
    assert home.item["@type"] == [SCHEMA + "Legislation"] and home.item["@id"] == SITE
    assert values(home.item, "name") == [PLAN] and values(home.item, "legislationDate") == ["2023-09-08"]
    passed_by = [values(o, "name")[0] for o in home.item[SCHEMA + "legislationPassedBy"]]
    assert passed_by == OFFICES
    assert f"{SITE}tasks/t2/" in values(home.item, "hasPart") and SCHEMA + "isPartOf" not in home.item

    task = Metadata(built_site / "tasks/t2/index.html")
    assert task.highwire["citation_title"] == [f"{PLAN}: T2 培育三维交互的工业元宇宙"]
    assert task.item["@id"] == f"{SITE}tasks/t2/" and values(task.item, "legislationIdentifier") == ["T2"]
    assert values(task.item, "isPartOf") == [SITE]
    assert values(task.item, "hasPart") == [f"{SITE}measures/m{n}/" for n in (4, 5, 6)]

    measure = Metadata(built_site / "measures/m5/index.html")
    assert measure.highwire["citation_title"] == [f"{PLAN}: M5 加快重点行业工业元宇宙布局"]
    assert measure.highwire["citation_author"] == OFFICES and measure.dublin_core["DC.date"] == ["2023-09-08"]
    assert measure.highwire["citation_publisher"] == ["元宇宙产业创新发展三年行动计划阅读站"]
    assert values(measure.item, "name") == ["M5 加快重点行业工业元宇宙布局"]
    assert values(measure.item, "isPartOf") == [f"{SITE}tasks/t2/"]
    assert values(node(measure.item, "isPartOf"), "name") == ["T2 培育三维交互的工业元宇宙"]

    question = Metadata(built_site / "interpretation/q6/index.html")
    q6 = "六、《行动计划》如何构建系统完备产业支撑？"
    assert question.highwire["citation_title"] == [f"{INTERPRETATION}: {q6}"]
    assert question.highwire["citation_author"] == ["工业和信息化部"] and "citation_publisher" not in question.highwire
    assert question.highwire["citation_publication_date"] == ["2023/09/08"]
    assert question.item["@type"] == [SCHEMA + "CreativeWork"] and question.item["@id"] == f"{SITE}interpretation/q6/"
    assert values(question.item, "name") == [q6] and values(question.item, "datePublished") == ["2023-09-08"]
    assert [values(a, "name") for a in question.item[SCHEMA + "author"]] == [["工业和信息化部"]]
    assert values(question.item, "isPartOf") == [f"{SITE}interpretation/"]
    assert values(question.item, "about") == [SITE]

    full = Metadata(built_site / "interpretation/full/index.html")
    assert full.highwire["citation_title"] == [INTERPRETATION] and full.highwire["citation_author"] == [
        "工业和信息化部"
    ]
    assert full.item["@id"] == f"{SITE}interpretation/full/" and values(full.item, "datePublished") == ["2023-09-08"]
    assert values(full.item, "exampleOfWork") == [f"{SITE}interpretation/"]


def _descriptions(value: Any) -> list[str]:
    """Every schema.org description anywhere in an expanded JSON-LD tree."""
    if isinstance(value, list):
        return [d for v in value for d in _descriptions(v)]
    if not isinstance(value, dict):
        return []
    found = [v["@value"] for v in value.get(SCHEMA + "description", [])]
    return found + [d for key, v in value.items() if key != SCHEMA + "description" for d in _descriptions(v)]


def test_metadata_never_presents_the_sites_summary_as_the_plans_text(built_site: Path) -> None:
    summaries = {n.summary for n in plan().nodes.values() if n.summary}
    problems = []
    for path in _pages(built_site):
        meta = Metadata(path)
        where = path.relative_to(built_site).as_posix()
        described = meta.dublin_core.get("DC.description", []) + _descriptions(meta.expanded)
        mark = SITE_SUMMARY_EN if where.startswith("en/") else SITE_SUMMARY
        problems += [f"{where}: {d!r}" for d in described if not d.startswith(mark)]
        others = [
            v for name, vs in {**meta.highwire, **meta.dublin_core}.items() if name != "DC.description" for v in vs
        ]
        problems += [f"{where}: a summary in {v!r}" for v in others for s in summaries if s in v]
    assert not problems, "\n".join(problems)
    m5 = Metadata(built_site / "measures/m5/index.html")
    assert m5.dublin_core["DC.description"] == [SITE_SUMMARY + plan().nodes["M5"].summary]


# --- RIS and BibTeX -----------------------------------------------------------------------------


def _ris(path: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = rispy.loads(path.read_text(encoding="utf-8"))
    return entries


def _bib(path: Path) -> list[Any]:
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    assert not library.failed_blocks, f"{path.name}: {[b.error for b in library.failed_blocks]}"
    return list(library.entries)


def _title_and_url(path: Path) -> tuple[str, str]:
    if path.suffix == ".ris":
        (ris,) = _ris(path)
        return ris["title"], ris["urls"][0]
    (bib,) = _bib(path)
    return bib.fields_dict["title"].value, bib.fields_dict["url"].value


def _unbraced_names(field: str) -> list[str]:
    return [name.strip().removeprefix("{").removesuffix("}") for name in field.split(" and ")]


def _check_ris(entry: dict[str, Any], cited: Citation) -> list[str]:
    got = {
        "type": entry.get("type_of_reference"),
        "authors": entry.get("authors"),
        "title": entry.get("title"),
        "work": entry.get("secondary_title", cited.work_title if not cited.part else None),
        "compiler": entry.get("secondary_authors", []),
        "date": entry.get("date"),
        "year": entry.get("year"),
        "url": entry.get("urls"),
        "language": entry.get("language"),
    }
    wanted = {
        "type": "ELEC",
        "authors": list(cited.authors),
        "title": cited.title,
        "work": cited.work_title,
        "compiler": [cited.compiler] if cited.compiler else [],
        "date": cited.issued.replace("-", "/"),
        "year": cited.year,
        "url": [cited.url],
        "language": "zh-CN",
    }
    return [f"RIS {k}: {got[k]!r} ≠ {wanted[k]!r}" for k in wanted if got[k] != wanted[k]]


def _check_bib(entry: Any, key: str, cited: Citation) -> list[str]:
    fields = {f.key: f.value for f in entry.fields}
    got = {
        "type": entry.entry_type,
        "key": entry.key,
        "authors": _unbraced_names(fields.get("author", "")),
        "title": fields.get("title"),
        "editor": _unbraced_names(fields["editor"]) if "editor" in fields else [],
        "editortype": fields.get("editortype"),
        "date": fields.get("date"),
        "url": fields.get("url"),
    }
    wanted = {
        "type": "online",
        "key": f"{KEY_PREFIX}-{key}" if key else KEY_PREFIX,
        "authors": list(cited.authors),
        "title": cited.title,
        "editor": [cited.compiler] if cited.compiler else [],
        "editortype": "compiler" if cited.compiler else None,
        "date": cited.issued,
        "url": cited.url,
    }
    return [f"BibTeX {k}: {got[k]!r} ≠ {wanted[k]!r}" for k in wanted if got[k] != wanted[k]]


def test_each_pages_ris_and_bibtex_parse_and_round_trip_the_citation(built_site: Path) -> None:
    cited = cited_pages(plan(), SITE)
    assert {"m5", "t2", "q6", "interpretation"} <= set(cited)
    problems = []
    for key, citation in cited.items():
        (ris,) = _ris(built_site / f"data/cite/{key}.ris")
        (bib,) = _bib(built_site / f"data/cite/{key}.bib")
        problems += [f"{key}: {p}" for p in _check_ris(ris, citation) + _check_bib(bib, key, citation)]
    assert not problems, "\n".join(problems)
    (m5,) = _ris(built_site / "data/cite/m5.ris")  # and by hand, once
    assert m5["authors"] == OFFICES and m5["title"] == f"{PLAN}: M5 加快重点行业工业元宇宙布局"
    assert m5["secondary_authors"] == ["元宇宙产业创新发展三年行动计划阅读站"] and m5["urls"] == [f"{SITE}measures/m5/"]
    (q6,) = _bib(built_site / "data/cite/q6.bib")
    assert q6.fields_dict["author"].value == "{工业和信息化部}" and "editor" not in q6.fields_dict


def test_the_whole_plans_ris_and_bibtex_hold_the_plan_and_every_cited_page(built_site: Path) -> None:
    home = {attribute(a, "href") for a in parse(built_site / "index.html").find_all("a")}
    assert {"data/plan.ris", "data/plan.bib"} <= home, "the home page does not offer the whole Plan's files"
    cited = cited_pages(plan(), SITE)
    ris, bib = _ris(built_site / "data/plan.ris"), _bib(built_site / "data/plan.bib")
    assert len(ris) == len(bib) == len(cited) + 1
    assert [e["urls"][0] for e in ris] == [e.fields_dict["url"].value for e in bib]
    assert ris[0]["title"] == PLAN and ris[0]["authors"] == OFFICES and ris[0]["urls"] == [SITE]
    assert len({e.key for e in bib}) == len(bib), "two entries share a key"
    for entry, (key, citation) in zip(bib[1:], cited.items(), strict=True):
        assert not _check_bib(entry, key, citation)


@pytest.mark.parametrize("page", ["measures/m5/", "tasks/t2/", "technologies/", "interpretation/q6/"])
def test_item_and_qa_pages_link_their_downloads_next_to_the_same_citation(built_site: Path, page: str) -> None:
    html = parse(built_site / page / "index.html")
    blocks = html.select("p.cite-downloads")
    assert blocks, f"/{page}: no 下载引用 links"
    for block in blocks:
        shown = block.find_previous_sibling("p", class_="citation")
        assert shown is not None, f"/{page}: 下载引用 without the citation it belongs to"
        for link in block.find_all("a"):
            target = (built_site / page / attribute(link, "href")).resolve()
            assert target.is_file(), f"/{page}: {attribute(link, 'href')} is missing"
            (title, url) = _title_and_url(target)
            assert f"{title}[EB/OL]" in shown.get_text() and f"{url}." in shown.get_text(), f"/{page}: {target.name}"
    if page == "interpretation/q6/":  # the button copies what the page shows
        share = html.select_one("[data-cite]")
        assert share is not None and attribute(share, "data-url") == f"{SITE}interpretation/q6/"
        cited = cited_pages(plan(), SITE)["q6"]
        assert attribute(share, "data-cite") == gbt7714_head(cited)


def test_the_json_ld_is_one_script_of_valid_json_on_every_page(built_site: Path) -> None:
    for path in _pages(built_site):
        scripts = parse(path).find_all("script", type="application/ld+json")
        assert len(scripts) == 1, path
        assert json.loads(scripts[0].string or "")["@context"] == "https://schema.org"
