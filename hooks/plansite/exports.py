"""The plan as machine-readable files: /data/plan.json (with its JSON Schema) and /data/measures.csv.

Pure functions of the `Plan` and the public address, like the pages: the same plan and site URL give
byte-identical files, so two builds of one commit publish the same data.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import status
from .citation import INTERPRETATION_ISSUED
from .model import (
    NODE_TYPES,
    Edge,
    Editorial,
    FactQuote,
    Goal,
    HeadingQuote,
    Issuer,
    Measure,
    Node,
    Plan,
    Relation,
    Section,
    Source,
)
from .pages import heading
from .urls import HOME, MEASURES_CSV, PLAN_JSON, PLAN_SCHEMA, page_of, public_url

SCHEMA_FILE = Path(__file__).with_name("plan.schema.json")  # the documented format of plan.json
# `site_summary`: the site's own summary of the measure, not the Plan's words (its pages say so too).
MEASURE_COLUMNS = ("id", "task_id", "task_title", "title", "site_summary", "url")
_KIND_ORDER = {node_type.kind: index for index, node_type in enumerate(NODE_TYPES)}
_RELATION_ORDER = {relation: index for index, relation in enumerate(Relation)}


def exported_files(plan: Plan, site_url: str) -> dict[str, bytes]:
    """Every data file the build adds: site-relative path → bytes."""
    return {
        PLAN_JSON: plan_json(plan, site_url).encode("utf-8"),
        PLAN_SCHEMA: schema_json(site_url).encode("utf-8"),
        MEASURES_CSV: measures_csv(plan, site_url),
    }


# --- plan.json ----------------------------------------------------------------------------------


def plan_json(plan: Plan, site_url: str) -> str:
    nodes = sorted(plan.nodes.values(), key=lambda n: (_KIND_ORDER[n.kind], n.number or 0, n.id))
    edges = sorted(plan.edges, key=lambda e: (_RELATION_ORDER[e.relation], e.subjects, e.objects, e.role or ""))
    data = {
        "schema": file_url(PLAN_SCHEMA, site_url),
        "site": public_url(HOME, site_url),
        "document": _document(plan, site_url),
        "nodes": [_node(plan, node, site_url) for node in nodes],
        "edges": [_edge(plan, edge, site_url) for edge in edges],
    }
    found = _status(plan)
    if found:
        data["status"] = found
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _document(plan: Plan, site_url: str) -> dict[str, Any]:
    document = plan.document
    issuers = plan.of(Issuer)
    return {
        "title": document.title,
        "short_title": document.short_title,
        "announced": document.announced,
        "issuers": [{"id": n.id, "title": n.title, "url": _url(n, site_url)} for n in issuers],
        "sources": [_source(plan, s, site_url) for s in document.sources],
    }


def _status(plan: Plan) -> dict[str, object] | None:
    """The facts box's facts (plansite/status.py): the plan period, where it stands on the build date, the
    interpretation's date and this edition's build date and commit."""
    found = status.plan_status(plan, status.this_build(), INTERPRETATION_ISSUED)
    return status.status_json(found) if found else None


def _node(plan: Plan, node: Node, site_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind,
        "number": node.number,
        "title": node.title,
        "heading": page_heading(plan, node),
        "aliases": list(node.aliases),
        "site_summary": {
            "text": node.summary,
            "sources": [_source(plan, s, site_url) for s in node.summary_sources],
        },
        "url": _url(node, site_url),
        "sources": [_source(plan, s, site_url) for s in node.sources],
    }
    if isinstance(node, Goal):
        data["term"] = node.term
        data["indicators"] = [_source(plan, s, site_url) for s in node.indicators]
    return data


def page_heading(plan: Plan, node: Node) -> str:
    """The words a node's page (or section of a page) is headed with: `M5 加快…`, or a question's title."""
    if isinstance(node, Section):
        page = plan.interpretation.section(node.id)
        return page.title if page else node.title
    return heading(node)


def _edge(plan: Plan, edge: Edge, site_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": edge.relation,
        "from": list(edge.subjects),
        "to": list(edge.objects),
        "sources": [_source(plan, s, site_url) for s in edge.sources],
    }
    if edge.role:
        data["role"] = edge.role
    data["editorial"] = edge.editorial
    return data


def _source(plan: Plan, source: Source, site_url: str) -> dict[str, str]:
    """The forms a source takes in data/, and for a sentence or a question heading also its public address."""
    if isinstance(source, Editorial):
        return {"editorial": source.note}
    if isinstance(source, FactQuote):
        data = {"facts": source.facts, "quote": source.quote}
        if source.report:
            data["report"] = source.report
        return data
    if isinstance(source, HeadingQuote):
        section = next(s for s in plan.of(Section) if s.id.lower() == source.heading)
        return {"heading": source.heading, "quote": source.quote, "url": _url(section, site_url)}
    sentence = plan.interpretation.sentences[source.sentence]
    url = public_url(f"{sentence.page}#{sentence.id}", site_url)
    return {"sentence": source.sentence, "quote": source.quote, "url": url}


def _url(node: Node, site_url: str) -> str:
    return public_url(page_of(node), site_url)


def file_url(path: str, site_url: str) -> str:
    """The public address of a file the site serves as it is: `data/plan.json` → `{site}/data/plan.json`."""
    return site_url.rstrip("/") + "/" + path


# --- plan.schema.json ---------------------------------------------------------------------------


def schema_json(site_url: str) -> str:
    """The schema as published: the file in this folder, given its public address as `$id`."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    published = {"$schema": schema.pop("$schema"), "$id": file_url(PLAN_SCHEMA, site_url), **schema}
    return json.dumps(published, ensure_ascii=False, indent=2) + "\n"


# --- measures.csv -------------------------------------------------------------------------------


def measures_csv(plan: Plan, site_url: str) -> bytes:
    """One row per measure, in the Plan's numbering. UTF-8 with a byte-order mark, so that spreadsheet
    programs read the Chinese correctly; CRLF line ends as RFC 4180 has them."""
    out = io.StringIO(newline="")
    writer = _SpreadsheetSafeWriter(csv.writer(out, lineterminator="\r\n"))
    writer.writerow(MEASURE_COLUMNS)
    for measure in sorted(plan.of(Measure), key=lambda m: (m.number or 0, m.id)):
        task = plan.parent(measure)
        writer.writerow(
            (
                measure.id,
                task.id if task else "",
                task.title if task else "",
                measure.title,
                measure.summary,
                _url(measure, site_url),
            )
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# What a spreadsheet program may take for the start of a formula (OWASP, "CSV Injection"), with the
# full-width forms a Chinese input method types, which some programs read the same way.
_FORMULA_START = tuple("=+-@\t\r＝＋－＠")


class _SpreadsheetSafeWriter:
    """A CSV writer whose every cell goes through `spreadsheet_safe`."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: Iterable[object]) -> None:
        # Only text can start a formula; numbers and empty cells are written as the csv module writes them.
        self.writer.writerow([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])


def spreadsheet_safe(cell: str) -> str:
    """A cell that Excel, LibreOffice or Numbers show as text, never run as a formula: one that starts like
    a formula gets a leading apostrophe, as OWASP recommends (the apostrophe shows in the cell)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
