"""What a reader cites from a page: one model of the cited work, and its GB/T 7714—2015 form.

A page of the site is either the interpretation reproduced (its Q&A pages, the preamble, the full text),
which cites the interpretation and its author, or a page the site compiled about the Plan (the home page,
every item, list and overview page), which cites the Plan, issued by the five departments' general offices,
and names the site as its compiler. The 引用 button, the 引用本页 text, the RIS and BibTeX downloads and
the pages' citation metadata are all made from the `Citation` this module returns for a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from . import labels as L
from .interpretation import INDEX_PAGE
from .model import Issuer, Plan
from .urls import FULL_TEXT, HOME, public_url

MAX_AUTHORS = 3  # GB/T 7714—2015 8.1.2: up to three authors in full, otherwise the first three and 等
# The date line of the interpretation as reposted ("来源:工信部 … 2023-09-08", data/sources/interpretation-zh.txt):
# the only date the sources give for it.
INTERPRETATION_ISSUED = "2023-09-08"
MEDIUM = "EB/OL"  # GB/T 7714—2015: an electronic bulletin (EB) read online (OL)


class Work(StrEnum):
    """What a page reproduces or describes."""

    PLAN = "plan"  # the Plan itself; the page is the site's compilation of (a part of) it
    INTERPRETATION = "interpretation"  # the official interpretation, reproduced word for word


@dataclass(frozen=True)
class Citation:
    """One cited page: the work, the part of it the page is about, who is responsible, when and where."""

    work: Work
    authors: tuple[str, ...]  # every responsible body in the source's order; the formats shorten the list
    work_title: str  # 元宇宙产业创新发展三年行动计划（2023—2025年）, or the interpretation's title
    part: str  # the page's part of the work (`M5 加快…`, a Q&A's heading); "" for the whole work
    issued: str  # YYYY-MM-DD, or "" when the sources give no date
    url: str  # the canonical address, with the sentence's #id for a sentence
    compiler: str = ""  # who compiled the page from the work; "" for a page that reproduces it

    @property
    def title(self) -> str:
        """题名: 其他题名信息 — the work's title, then the page's part of it."""
        return f"{self.work_title}: {self.part}" if self.part else self.work_title

    @property
    def year(self) -> str:
        return self.issued[:4]


def plan_citation(plan: Plan, part: str, url: str) -> Citation:
    """A page the site compiled about the Plan (or a part of it named `part`)."""
    offices = tuple(L.ISSUING_OFFICE.format(issuer=n.title) for n in plan.of(Issuer))
    document = plan.document
    return Citation(Work.PLAN, offices, document.title, part, document.announced, url, L.COMPILER)


def interpretation_citation(plan: Plan, part: str, url: str) -> Citation:
    """The interpretation (or its part named `part`) as the site reproduces it."""
    return Citation(
        Work.INTERPRETATION, (L.INTERPRETATION_AUTHOR,), interpretation_title(plan), part, INTERPRETATION_ISSUED, url
    )


def interpretation_title(plan: Plan) -> str:
    preamble = plan.interpretation.pages.get(INDEX_PAGE)
    return preamble.title if preamble and preamble.title else L.INTERPRETATION_TITLE.format(plan=plan.document.title)


def page_citation(plan: Plan, docs_path: str, title: str, site_url: str) -> Citation:
    """What a page cites, by its docs path and its title (`M5 加快…`, `十四项措施`)."""
    url = public_url(docs_path, site_url)
    if docs_path in (INDEX_PAGE, FULL_TEXT):
        return interpretation_citation(plan, "", url)
    page = plan.interpretation.pages.get(docs_path)
    if page is not None:
        return interpretation_citation(plan, page.title, url)
    return plan_citation(plan, "" if docs_path == HOME else title, url)


def sentence_citation(plan: Plan, sentence_id: str, site_url: str) -> Citation:
    """One sentence of the interpretation: its Q&A (or the preamble), at the sentence's own address."""
    sentence = plan.interpretation.sentences[sentence_id]
    page = plan.interpretation.pages.get(sentence.page)
    part = page.title if page and sentence.page != INDEX_PAGE else ""
    return interpretation_citation(plan, part, public_url(f"{sentence.page}#{sentence_id}", site_url))


# --- GB/T 7714—2015 -----------------------------------------------------------------------------


def gbt7714_head(citation: Citation) -> str:
    """An electronic resource up to its access date, which the reader's day of copying completes:
    `主要责任者. 题名: 其他题名信息[EB/OL]. 其他责任者, 整理. (发布日期)`. The button and the page add
    `[引用日期]. 网址.` (see `gbt7714`)."""
    authors = list(citation.authors)
    if len(authors) > MAX_AUTHORS:
        authors = [*authors[:MAX_AUTHORS], L.CITATION_MORE_AUTHORS]
    compiler = f"{citation.compiler}, {L.COMPILED}. " if citation.compiler else ""
    date = f"({citation.issued})" if citation.issued else ""
    return f"{', '.join(authors)}. {citation.title}[{MEDIUM}]. {compiler}{date}"


def gbt7714(citation: Citation, accessed: str) -> str:
    """The whole reference: `…(2023-09-08)[2026-11-30]. https://…/measures/m5/.`"""
    return f"{gbt7714_head(citation)}[{accessed}]. {citation.url}."
