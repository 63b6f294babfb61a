"""What one language's PDF says, as the plain data `edition.typ` lays out: the cover and its facts box, the
interpretation's parts with every sentence, its id and canonical address, and the Plan's structure with the
site's summaries marked as the site's. One function for both languages; each supplies its words (`PdfWords`)
and its text (`Language`)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import segno

from .. import facts_box, status
from ..citation import INTERPRETATION_ISSUED
from ..edition import Edition
from ..interpretation import INDEX_PAGE, Sentence, paragraphs
from ..model import Goal, Issuer, Measure, Node, Plan, Project, Relation, Safeguard, Section, Task
from ..pages import heading
from ..urls import HOME, page_of, public_url
from ..words import FactsWords


@dataclass(frozen=True)
class PdfWords:
    """Every word a PDF writes itself, in one language."""

    lang: str  # the document's language, as Typst names it (zh, en)
    region: str  # and its region (cn), or ""
    subtitle: str
    issued: str  # `{offices}`: who issued the Plan
    lines: tuple[str, ...]  # more cover lines: `{announced}`, `{publisher}`, `{date}`, `{source}`
    statement: str  # the site compiled this file; the departments did not publish it
    site_label: str
    subject: str  # the document's subject (metadata)
    keywords: tuple[str, ...]
    contents: str
    interpretation: str
    interpretation_note: str
    preamble: str  # the heading of the interpretation's opening sentences
    structure: str
    structure_note: str
    summary_mark: str  # the mark before a summary, as on the pages
    address_label: str  # before a section's short address
    qr_alt: str  # `{url}`: what the QR code says, for a screen reader
    title_suffix: str  # `{title}`: the document title (metadata)
    facts: FactsWords
    publisher: str  # the interpretation's publisher, in this language
    source: str  # the interpretation's source line


@dataclass(frozen=True)
class Language:
    """One language's text of the plan, and where its pages live."""

    words: PdfWords
    edition: Edition  # node titles and summaries, index titles
    site_url: str  # the edition's own address: the site's, or …/en/ for English
    document_title: str
    part_title: Callable[[str], str]  # `intro`, `q6` → the part's heading in this language
    sentence: Callable[[Sentence], str]  # the sentence's text in this language


def document(plan: Plan, language: Language, build: status.Build, author: str) -> dict[str, Any]:
    """The whole PDF as data (`sys.inputs.document` of edition.typ)."""
    words = language.words
    plan_status = status.plan_status(plan, build, INTERPRETATION_ISSUED, _issuers(plan, language))
    offices = words.facts.separator.join(words.facts.issuer.format(issuer=t) for t in _issuers(plan, language))
    facts_rows = (
        facts_box.rows(plan_status, language.document_title, words.publisher, words.facts) if plan_status else []
    )
    return {
        "font": ["Noto Sans CJK SC"],
        "lang": words.lang,
        "region": words.region or None,
        "title": words.title_suffix.format(title=language.document_title),
        "author": author,
        "subject": words.subject,
        "keywords": list(words.keywords),
        "words": {
            "contents": words.contents,
            "interpretation": words.interpretation,
            "interpretation_note": words.interpretation_note,
            "structure": words.structure,
            "structure_note": words.structure_note,
            "summary_mark": words.summary_mark,
        },
        "cover": {
            "title": language.document_title,
            "subtitle": words.subtitle,
            "issued": words.issued.format(offices=offices),
            "lines": [
                line.format(announced=plan.document.announced, publisher=words.publisher, source=words.source)
                for line in words.lines
            ],
            "statement": words.statement,
            "site_label": words.site_label,
            "site_url": public_url(HOME, language.site_url),
        },
        "facts": {
            "heading": words.facts.heading,
            "rows": [list(row) for row in facts_rows],
            "note": words.facts.note if plan_status else "",
        },
        "parts": _parts(plan, language),
        "structure": _structure(plan, language),
    }


def _issuers(plan: Plan, language: Language) -> list[str]:
    return [language.edition.title(n) for n in plan.of(Issuer)]


def _parts(plan: Plan, language: Language) -> list[dict[str, Any]]:
    """The preamble and each Q&A: heading, address and QR code, and the sentences in their paragraphs."""
    interpretation = plan.interpretation
    parts: list[dict[str, Any]] = []
    preamble = interpretation.pages.get(INDEX_PAGE)
    if preamble:
        url = public_url(INDEX_PAGE, language.site_url)
        parts.append(
            {
                "key": "intro",
                "title": language.words.preamble,
                "address": _address(language, url, url),
                "paragraphs": _paragraphs(preamble.sentences, language),
            }
        )
    for section in plan.of(Section):
        page = interpretation.section(section.id)
        if page is None:
            continue
        key = section.id.lower()
        canonical = public_url(page_of(section), language.site_url)
        parts.append(
            {
                "key": key,
                "title": language.part_title(key),
                "address": _address(language, _short(section, language), canonical),
                "paragraphs": _paragraphs(page.sentences, language),
            }
        )
    return parts


def _paragraphs(sentences: tuple[Sentence, ...], language: Language) -> list[list[dict[str, str]]]:
    """Sentences in their paragraphs, as on their page."""
    return [
        [
            {
                "id": s.id,
                "text": language.sentence(s),
                "url": public_url(f"{s.page}#{s.id}", language.site_url),
            }
            for s in group
        ]
        for group in paragraphs(sentences)
    ]


def _structure(plan: Plan, language: Language) -> list[dict[str, Any]]:
    """Goals, the tasks with their measures, the projects and the safeguards, each with the site's summary."""
    groups = []
    for node_type in (Goal, Task, Project, Safeguard):
        nodes = plan.of(node_type)
        if nodes:
            groups.append(
                {
                    "title": language.edition.index_title(plan, node_type),
                    "nodes": [_node(plan, n, language) for n in nodes],
                }
            )
    return groups


def _node(plan: Plan, node: Node, language: Language) -> dict[str, Any]:
    children = plan.targets(node.id, Relation.CONTAINS) if isinstance(node, Task) else []
    data: dict[str, Any] = {
        "key": node.id.lower(),
        "heading": heading(node, language.edition),
        "summary": language.edition.summary(node),
        "children": [_node(plan, c, language) for c in children if isinstance(c, Measure)],
    }
    if isinstance(node, Task):
        data["address"] = _address(language, _short(node, language), public_url(page_of(node), language.site_url))
    return data


def _short(node: Node, language: Language) -> str:
    """The node's short link, /t2/ or /en/q6/, which the published site redirects to its page."""
    return public_url(f"{node.id.lower()}.md", language.site_url)


def _address(language: Language, short: str, canonical: str) -> dict[str, str]:
    return {
        "label": language.words.address_label,
        "short": short,
        "url": canonical,
        "qr": qr_svg(canonical),
        "alt": language.words.qr_alt.format(url=canonical),
    }


def qr_svg(url: str) -> str:
    """The address as a QR code, one SVG path (segno, as the printed pages' masthead draws it)."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="svg", border=2, xmldecl=False, svgclass=None)
    return out.getvalue().decode("ascii")
