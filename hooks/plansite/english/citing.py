"""What a reader cites from an English page, and the tools that copy it: the same `Citation` model as the
Chinese pages (plansite/citation.py) with English names, its English text, the words of the copy buttons and
the quoting control (their markup is plansite/share.py's and plansite/quoting.py's), the reference-manager files
and the page's citation metadata.

The English text follows the Chinese citation's structure (GB/T 7714—2015, itself modelled on ISO 690):
responsible bodies, title: part[EB/OL], the site as the one who compiled and translated the page, the date
of issue, then the access date and address that the reader's day of copying completes. The same order in
both editions lets a reader check one against the other; the words are English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .. import metadata
from ..citation import INTERPRETATION_ISSUED, MAX_AUTHORS, MEDIUM, Citation, Work
from ..interpretation import INDEX_PAGE
from ..markup import md_link, relative
from ..model import Issuer, Node, Plan, Section
from ..quoting import control
from ..reference_files import INTERPRETATION_KEY, bibtex, ris
from ..urls import FULL_TEXT, HOME, PLAN_BIBTEX, PLAN_RIS, cite_file, page_of, public_url
from . import labels as E
from .alternates import chinese_page
from .translation import English

LANGUAGE = "en"
_ABBREVIATION = re.compile(r"\s*\([A-Z]+\)$")  # "Ministry of … (MIIT)" → the name without its abbreviation


def plan_citation(plan: Plan, english: English, part: str, url: str) -> Citation:
    """A page the site compiled about the Plan and translated: the five general offices are its authors."""
    offices = tuple(E.ISSUING_OFFICE.format(issuer=_ABBREVIATION.sub("", english.title(n.id))) for n in plan.of(Issuer))
    return Citation(Work.PLAN, offices, english.document_title.en, part, plan.document.announced, url, E.SITE_NAME)


def interpretation_citation(english: English, part: str, url: str) -> Citation:
    """The interpretation, by MIIT, in the site's translation (the site is named as translator)."""
    title = english.titles["intro"].en if "intro" in english.titles else E.NAV["interpretation"]
    return Citation(
        Work.INTERPRETATION, (E.INTERPRETATION_AUTHOR,), title, part, INTERPRETATION_ISSUED, url, E.SITE_NAME
    )


def page_citation(plan: Plan, english: English, docs_path: str, title: str, site_url: str) -> Citation:
    """What an English page cites, by its docs path and title: as plansite.citation.page_citation decides."""
    url = public_url(docs_path, site_url)
    if docs_path in (INDEX_PAGE, FULL_TEXT):
        return interpretation_citation(english, "", url)
    section = section_of(plan, docs_path)
    if section is not None:
        return interpretation_citation(english, question_title(english, section), url)
    return plan_citation(plan, english, "" if docs_path == HOME else title, url)


def cited_pages(plan: Plan, english: English, site_url: str, heading: Callable[[Node], str]) -> dict[str, Citation]:
    """Every English page that offers RIS and BibTeX, by its file key (m5, q6, interpretation); `heading` is
    a node's English heading."""
    from ..pages import INDEXED_TYPES  # renders with the English edition, which cites with this module

    cited = {}
    for node_type in INDEXED_TYPES:
        for node in plan.of(node_type):
            cited[node.id.lower()] = plan_citation(plan, english, heading(node), public_url(page_of(node), site_url))
    cited[INTERPRETATION_KEY] = interpretation_citation(english, "", public_url(INDEX_PAGE, site_url))
    for section in plan.of(Section):
        title, url = question_title(english, section), public_url(page_of(section), site_url)
        cited[section.id.lower()] = interpretation_citation(english, title, url)
    return cited


def page_metadata(
    plan: Plan, english: English, cited: Citation, docs_path: str, node: Node | None, site_url: str, root_url: str
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """Citation metadata as the Chinese pages carry it (Highwire, Dublin Core), in English, and a schema.org
    description saying that the page translates its Chinese counterpart."""
    summary = E.SUMMARY_DESCRIPTION.format(summary=english.summary(node.id)) if node and node.summary else ""
    url = public_url(docs_path, site_url)
    described: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "name": cited.title,
        "url": url,
        "inLanguage": LANGUAGE,
        "translationOfWork": {"@id": public_url(chinese_page(docs_path), root_url)},
        "translator": {"@type": "Organization", "name": E.SITE_NAME, "url": public_url(HOME, site_url)},
    }
    if summary:
        described["description"] = summary
    return metadata.meta_tags(cited, summary, LANGUAGE), described


def section_of(plan: Plan, docs_path: str) -> Section | None:
    return next((s for s in plan.of(Section) if page_of(s) == docs_path), None)


def question_title(english: English, section: Section) -> str:
    found = english.titles.get(section.id.lower())
    return found.en if found else english.title(section.id)


def head(citation: Citation) -> str:
    """The citation up to its access date: `Authors. Title: part[EB/OL]. Site, role. (2023-09-08)`."""
    authors = list(citation.authors)
    if len(authors) > MAX_AUTHORS:
        authors = [*authors[:MAX_AUTHORS], E.CITATION_MORE_AUTHORS]
    role = E.COMPILED if citation.work is Work.PLAN else E.TRANSLATED
    compiler = f"{citation.compiler}, {role}. " if citation.compiler else ""
    date = f"({citation.issued})" if citation.issued else ""
    return f"{', '.join(authors).removesuffix('.')}. {citation.title}[{MEDIUM}]. {compiler}{date}"


def full(citation: Citation, accessed: str) -> str:
    """The whole English reference, as the Cite button copies it on `accessed`."""
    return f"{head(citation)}[{accessed}]. {citation.url}."


# --- on the page --------------------------------------------------------------------------------


WORDS = E.WORDS.share
QUOTE_WORDS = E.WORDS.quote


def quote_control(english: English) -> str:
    """The hidden control that quotes a selection of English sentences with its source line and link."""
    title = english.titles["intro"].en if "intro" in english.titles else E.NAV["interpretation"]
    return control(E.QUOTE_SOURCE.format(author=E.INTERPRETATION_AUTHOR, title=title, ids="{ids}"), QUOTE_WORDS)


# Where a page's citation section (plansite/pages.py) offers its RIS and BibTeX: filled in by hooks/site_citing.py.
DOWNLOADS = E.WORDS.cite_downloads


def downloads_line(key: str, here: str, offline: bool) -> str:
    """Download the citation: RIS · BibTeX. Online, the page's own files; in the offline copy, the one pair
    that holds every English page's record (a pair per page, as files or as `data:` links in each page,
    would cost the zip about 20 KB it has no room for)."""
    if offline:
        links = {ext: md_link(name, relative(here, path)) for ext, name, path in _WHOLE}
        return E.DOWNLOAD_CITATIONS.format(ris=links["ris"], bibtex=links["bib"]) + "\n{: .cite-downloads }"
    links = {
        ext: md_link(name, relative(here, cite_file(key, ext))) for ext, name in (("ris", "RIS"), ("bib", "BibTeX"))
    }
    return E.DOWNLOAD_CITATION.format(ris=links["ris"], bibtex=links["bib"]) + "\n{: .cite-downloads }"


_WHOLE = (("ris", "RIS", PLAN_RIS), ("bib", "BibTeX", PLAN_BIBTEX))


def reference_files(plan: Plan, english: English, cited: dict[str, Citation]) -> dict[str, bytes]:
    """Each cited page's RIS and BibTeX under the English edition's /data/cite/, in English, and one pair
    with all of them in its /data/ (as the Chinese edition's plan.ris and plan.bib)."""
    files: dict[str, bytes] = {}
    for key, citation in cited.items():
        files[cite_file(key, "ris")] = ris([citation], language=LANGUAGE).encode("utf-8")
        files[cite_file(key, "bib")] = _bibtex([(key, citation)]).encode("utf-8")
    files[PLAN_RIS] = ris(cited.values(), language=LANGUAGE).encode("utf-8")
    files[PLAN_BIBTEX] = _bibtex(list(cited.items())).encode("utf-8")
    return files


def _bibtex(entries: list[tuple[str, Citation]]) -> str:
    out = []
    for key, citation in entries:
        entry = bibtex([(f"{key}-en", citation)], langid="english")
        if citation.work is Work.INTERPRETATION:  # the site translated the interpretation; it compiled nothing
            entry = _COMPILER.sub(r"translator = {\1},\n", entry)
        out.append(entry)
    return "\n".join(out)


_COMPILER = re.compile(r"editor = \{(.*)\},\n  editortype = \{compiler\},\n")
