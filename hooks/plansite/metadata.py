"""Metadata for citation tools in every page's head: Highwire Press `citation_*` and Dublin Core `DC.*` tags,
and a schema.org JSON-LD description, all made from the page's `Citation` (plansite/citation.py).

schema.org types: the Plan and each of its parts (task, measure, project, safeguard, goal) is a `Legislation`
linked by `isPartOf`/`hasPart`, with the site's permanent id (T2, M5) as `legislationIdentifier`; the
interpretation and each of its Q&A sections is a `CreativeWork` by its author, `about` the Plan; a list or
overview page is a `CollectionPage` about the Plan. A summary is the site's, never the Plan's: it appears
only as a `description` that begins with 本站概述（非原文）：.
"""

from __future__ import annotations

from typing import Any

from . import labels as L
from .citation import Citation, Work, interpretation_title
from .interpretation import INDEX_PAGE
from .model import Goal, Measure, Node, Plan, Project, Relation, Safeguard, Section, Task
from .pages import heading
from .status import period
from .urls import FULL_TEXT, HOME, page_of, public_url

LANGUAGE = "zh-CN"
CONTEXT = "https://schema.org"
PARTS = (Task, Measure, Project, Safeguard, Goal)  # the kinds that are parts of the Plan's text


def site_summary(summary: str) -> str:
    """A summary as metadata may carry it: said to be the site's, since no badge can show there."""
    return L.SUMMARY_DESCRIPTION.format(summary=summary) if summary else ""


def meta_tags(citation: Citation, summary: str = "", language: str = LANGUAGE) -> list[tuple[str, str]]:
    """`<meta name content>` pairs, in order: Highwire Press (read by Zotero, Google Scholar), then Dublin Core.
    `summary` is already marked as the site's (see `site_summary`); `language` is the page's."""
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", author) for author in citation.authors]
    if citation.issued:
        tags.append(("citation_publication_date", citation.issued.replace("-", "/")))
    if citation.compiler:
        tags.append(("citation_publisher", citation.compiler))
    tags += [("citation_language", language), ("citation_public_url", citation.url)]
    tags.append(("DC.title", citation.title))
    tags += [("DC.creator", author) for author in citation.authors]
    if citation.compiler:
        tags.append(("DC.contributor", citation.compiler))
    if citation.issued:
        tags.append(("DC.date", citation.issued))
    tags += [("DC.language", language), ("DC.identifier", citation.url), ("DC.type", "Text")]
    if summary:
        tags.append(("DC.description", summary))
    return tags


def json_ld(plan: Plan, citation: Citation, docs_path: str, site_url: str, node: Node | None) -> dict[str, Any]:
    """The page's schema.org description, ready for `<script type="application/ld+json">`."""
    home = public_url(HOME, site_url)
    if citation.work is Work.INTERPRETATION:
        data = _interpretation(plan, citation, docs_path, site_url)
    elif docs_path == HOME:
        data = _the_plan(plan, citation, site_url)
        data["hasPart"] = [_ref(plan, n, site_url) for n in _top_parts(plan)]
    elif isinstance(node, PARTS):
        parent = plan.parent(node)
        data = {
            "@type": "Legislation",
            "@id": citation.url,
            "name": heading(node),
            "legislationIdentifier": node.id,
            "isPartOf": _ref(plan, parent, site_url) if parent else _plan_ref(plan, home),
            "description": site_summary(node.summary),
        }
        children = plan.targets(node.id, Relation.CONTAINS)
        if children:
            data["hasPart"] = [_ref(plan, child, site_url) for child in children]
    else:
        data = {"@type": "CollectionPage", "@id": citation.url, "name": citation.part, "about": _plan_ref(plan, home)}
    data = {"@context": CONTEXT, **data, "url": citation.url, "inLanguage": LANGUAGE}
    if citation.compiler:
        data["sdPublisher"] = {"@type": "Organization", "name": citation.compiler, "url": home}
    return {key: value for key, value in data.items() if value not in ("", None)}


def _top_parts(plan: Plan) -> list[Node]:
    """The Plan's parts that no other part contains: goals, tasks, projects, safeguards."""
    contained = {o for e in plan.edges if e.relation == Relation.CONTAINS for o in e.objects}
    return [n for t in PARTS for n in plan.of(t) if n.id not in contained]


def _the_plan(plan: Plan, citation: Citation, site_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Legislation",
        "@id": public_url(HOME, site_url),
        "name": plan.document.title,
        "alternateName": plan.document.short_title,
        "legislationPassedBy": [{"@type": "GovernmentOrganization", "name": a} for a in citation.authors],
    }
    if citation.issued:
        data["legislationDate"] = citation.issued
    years = period(plan.document.title)  # the plan period its title states, 2023—2025
    if years:
        data["temporalCoverage"] = f"{years[0]}/{years[1]}"
    return data


def _plan_ref(plan: Plan, home: str) -> dict[str, Any]:
    return {"@type": "Legislation", "@id": home, "name": plan.document.title}


def _ref(plan: Plan, node: Node, site_url: str) -> dict[str, Any]:
    if isinstance(node, Section):
        page = plan.interpretation.section(node.id)
        title = page.title if page else node.title
        return {"@type": "CreativeWork", "@id": public_url(page_of(node), site_url), "name": title}
    url = public_url(page_of(node), site_url)
    return {"@type": "Legislation", "@id": url, "name": heading(node), "legislationIdentifier": node.id}


def _interpretation(plan: Plan, citation: Citation, docs_path: str, site_url: str) -> dict[str, Any]:
    """The interpretation (its preamble page), one of its Q&A sections, or the full text, which is the
    whole work again on one page (`exampleOfWork`)."""
    whole = public_url(INDEX_PAGE, site_url)
    work = {"@type": "CreativeWork", "@id": whole, "name": interpretation_title(plan)}
    data: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": citation.url,
        "name": citation.part or citation.title,
        "author": [{"@type": "GovernmentOrganization", "name": a} for a in citation.authors],
        "datePublished": citation.issued,
        "about": _plan_ref(plan, public_url(HOME, site_url)),
    }
    sections = plan.of(Section)
    if docs_path == INDEX_PAGE:
        data["hasPart"] = [_ref(plan, s, site_url) for s in sections]
    elif docs_path == FULL_TEXT:
        data["exampleOfWork"] = work
    else:
        data["isPartOf"] = work
        data["position"] = next((s.number for s in sections if page_of(s) == docs_path), None)
    return data
