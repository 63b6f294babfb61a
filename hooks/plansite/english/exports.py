"""The English edition in the machine-readable data: plan.json gains each node's English (marked as the site's
unofficial translation) and the English sentences; measures.csv gains English columns. Both are made from the
files the Chinese edition exports, so that they follow whatever those carry."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..exports import spreadsheet_safe
from ..model import Plan, Section
from ..urls import MEASURES_CSV, PLAN_JSON, page_of, public_url
from .alternates import EDITION
from .pages import heading
from .translation import English

MEASURE_COLUMNS = ("title_en", "site_summary_en", "task_title_en", "url_en")  # English: the site's translation


def with_english(
    files: dict[str, bytes], plan: Plan, english: English, site_url: str, compact: bool
) -> dict[str, bytes]:
    """The Chinese edition's data files (plansite.exports.exported_files) with the English added to plan.json
    and measures.csv; `compact`: plan.json without indentation (the offline copy's)."""
    text = plan_json(files[PLAN_JSON].decode("utf-8"), plan, english, site_url, compact=compact)
    return {
        **files,
        PLAN_JSON: text.encode("utf-8"),
        MEASURES_CSV: measures_csv(files[MEASURES_CSV], plan, english, site_url),
    }


def _english_site(site_url: str) -> str:
    return site_url.rstrip("/") + "/" + EDITION


def _source(english: English) -> dict[str, str]:
    return {"editorial": english.source.note}


def plan_json(text: str, plan: Plan, english: English, site_url: str, *, compact: bool = False) -> str:
    """plan.json with `en` on the document and every node, and the English sentences under `translation`;
    `compact`: without indentation or spaces (the offline copy's)."""
    data: dict[str, Any] = json.loads(text)
    en_site = _english_site(site_url)
    data["document"]["en"] = {
        "title": english.document_title.en,
        "short_title": english.short_title.en,
        "source": _source(english),
    }
    for node in data["nodes"]:
        found = plan.nodes[node["id"]]
        entry: dict[str, Any] = {
            "title": english.title(found.id),
            "heading": _heading(plan, english, found),
            "site_summary": english.summary(found.id),
            "url": public_url(page_of(found), en_site),
            "source": _source(english),
        }
        node["en"] = entry
    sentences = {}
    for sentence_id, rendering in english.sentences.items():
        page = plan.interpretation.sentences[sentence_id].page
        sentences[sentence_id] = {"text": rendering.en, "url": public_url(f"{page}#{sentence_id}", en_site)}
    data["translation"] = {
        "language": "en",
        "site": public_url("index.md", en_site),
        "authoritative": "zh-CN",
        "source": _source(english),
        "notes": {zh: rendering.en for zh, rendering in english.notes.items()},
        "sentences": sentences,
    }
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _heading(plan: Plan, english: English, node: Any) -> str:
    if isinstance(node, Section):
        found = english.titles.get(node.id.lower())
        return found.en if found else english.title(node.id)
    return heading(plan, english, node)


def measures_csv(data: bytes, plan: Plan, english: English, site_url: str) -> bytes:
    """measures.csv with English columns after the Chinese ones, row by row by the measure's id."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*rows[0], *MEASURE_COLUMNS])
    ids = rows[0].index("id")
    en_site = _english_site(site_url)
    for row in rows[1:]:
        measure = plan.nodes[row[ids]]
        task = plan.parent(measure)
        extra = (
            english.title(measure.id),
            english.summary(measure.id),
            english.title(task.id) if task else "",
            public_url(page_of(measure), en_site),
        )
        writer.writerow([*row, *(spreadsheet_safe(cell) for cell in extra)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
