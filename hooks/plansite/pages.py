"""Render the plan into Markdown pages: one per node, one index per kind, the overview and the navigation.

Pure functions of the `Plan`: no MkDocs here. Every link is computed from the URL contract in `urls`
and written as a relative `.md` link, so that MkDocs resolves it (and, in strict mode, checks it) for
both the online and the offline build.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import TypeAlias

from . import labels as L
from . import share
from .citation import Citation, gbt7714_head, plan_citation
from .fulltext import full_text_page
from .interpretation import INDEX_PAGE, NameLink
from .markup import attr, front_matter, md_link, md_text, relative
from .mentions import preview_id
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
    Project,
    Relation,
    Role,
    Safeguard,
    Section,
    SentenceQuote,
    Source,
    Task,
    Technology,
)
from .overview import overview_page
from .urls import FULL_TEXT, GROUPED, HOME, OVERVIEW, index_of, page_of, public_url

INDEXED_TYPES = tuple(t for t in NODE_TYPES if t is not Section)


# On a heading, leaves its section out of the search index (Material's search plugin reads the attribute).
EXCLUDE = "{ data-search-exclude }"


def heading(node: Node) -> str:
    """The title a node carries everywhere: `M5 加快重点行业工业元宇宙布局`."""
    return f"{node.id.upper() if node.id_form.prefix else ''} {node.title}".strip()


def description(node: Node) -> str:
    """A node page's description (search engines, link previews): its summary, said to be the site's words."""
    return L.SUMMARY_DESCRIPTION.format(summary=node.summary)


def summary_mark() -> str:
    """The visible mark before a summary wherever one is shown: read out by screen readers, no hover needed."""
    return f'<span class="badge-editorial">{L.SUMMARY_MARK}</span>'


def link_to(node: Node, from_page: str, text: str | None = None) -> str:
    return md_link(text or heading(node), relative(from_page, page_of(node)))


def sentence_link(sentence_id: str, from_page: str, plan: Plan) -> str:
    sentence = plan.interpretation.sentences[sentence_id]
    return md_link(L.sentence_label(sentence_id), relative(from_page, f"{sentence.page}#{sentence_id}"))


# --- whole site ---------------------------------------------------------------------------------


def generated_pages(plan: Plan, site_url: str) -> dict[str, str]:
    """Every page the build adds to docs/: docs-relative path → Markdown."""
    pages: dict[str, str] = {}
    for node_type in INDEXED_TYPES:
        nodes = plan.of(node_type)
        if node_type in GROUPED:
            pages[index_of(node_type)] = grouped_page(plan, node_type, nodes, site_url)
            continue
        pages[index_of(node_type)] = index_page(plan, node_type, nodes)
        for node in nodes:
            pages[page_of(node)] = node_page(plan, node, site_url)
    pages[OVERVIEW] = overview_page(plan)
    pages[FULL_TEXT] = full_text_page(plan)
    return pages


NAV_GROUP = 20  # a list longer than this is shown in groups of this many (T1–T20, T21–T40 …)


# An entry of MkDocs' `nav`: a page, or a title with its page or its entries.
NavEntry: TypeAlias = str | dict[str, "str | list[NavEntry]"]


def _in_groups(nodes: list[Node], entry: Callable[[Node], NavEntry]) -> list[NavEntry]:
    """Navigation entries for `nodes`, in groups (T1–T20, T21–T40 …) when there are more than NAV_GROUP:
    the theme writes the whole open section into every page, so a flat list of a thousand items would put
    all of them into each of those thousand pages."""
    if len(nodes) <= NAV_GROUP:
        return [entry(n) for n in nodes]
    size = NAV_GROUP
    while len(nodes) > size * NAV_GROUP:  # at most NAV_GROUP groups, each grouped again if it is long
        size *= NAV_GROUP
    parts = [nodes[start : start + size] for start in range(0, len(nodes), size)]
    return [{f"{part[0].id}–{part[-1].id}": _in_groups(part, entry)} for part in parts]


def navigation(plan: Plan) -> list[NavEntry]:
    """The site's navigation, in MkDocs `nav` form: nothing structural is listed by hand."""

    def entries(node_type: type[Node]) -> list[NavEntry]:
        return [index_of(node_type), *_in_groups(plan.of(node_type), lambda n: {nav_title(n): page_of(n)})]

    def task_entry(task: Node) -> NavEntry:
        measures = _in_groups(plan.targets(task.id, Relation.CONTAINS), lambda m: {nav_title(m): page_of(m)})
        return {nav_title(task): [page_of(task), *measures]}

    tasks: list[NavEntry] = [index_of(Task), *_in_groups(plan.of(Task), task_entry), index_of(Measure)]
    full_text: NavEntry = {L.NAV["full_text"]: FULL_TEXT}
    return [
        {L.NAV["home"]: HOME},
        {L.NAV["interpretation"]: [INDEX_PAGE, *(page_of(s) for s in plan.of(Section)), full_text]},
        {L.NAV["tasks"]: tasks},
        {L.NAV["projects"]: entries(Project)},
        {L.NAV["safeguards"]: entries(Safeguard)},
        {L.NAV["goals"]: entries(Goal)},
        {L.NAV["overview"]: OVERVIEW},
        {L.NAV["more"]: [{L.index_title(plan, t): index_of(t)} for t in GROUPED]},
    ]


# --- node pages ---------------------------------------------------------------------------------


def nav_title(node: Node) -> str:
    """The theme prints navigation titles as HTML: data text goes in escaped, so it shows as written."""
    return html.escape(heading(node), quote=False)


def node_page(plan: Plan, node: Node, site_url: str) -> str:
    here = page_of(node)
    head = [front_matter(heading(node), description(node)), f"# {md_text(heading(node))}", _trail(plan, node, here)]
    tail = [share.data_line(here)]
    return "\n\n".join(p for p in head + node_sections(plan, node, here, site_url) + tail if p) + "\n"


def grouped_page(plan: Plan, node_type: type[Node], nodes: list[Node], site_url: str) -> str:
    """One page for a kind of short nodes (principles, technologies, issuers), a section per node."""
    here = index_of(node_type)
    title = L.index_title(plan, node_type)
    parts = [front_matter(title, "、".join(heading(n) for n in nodes)), f"# {title}"]
    for node in nodes:
        parts.append(f"## {md_text(heading(node))} {{#{node.id.lower()}}}")
        # Each item's 相关条目 heading gets its own label in the page's contents, whose nested lists screen
        # readers announce by that label: several lists all named 相关条目 could not be told apart.
        related = f"### {L.RELATED} {EXCLUDE}"
        unique = (
            f'### {L.RELATED} {{ data-search-exclude data-toc-label="{attr(L.RELATED_OF.format(name=node.title))}" }}'
        )
        parts += [_demote(part).replace(related, unique) for part in node_sections(plan, node, here, site_url) if part]
    parts.append(share.data_line(here))
    return "\n\n".join(parts) + "\n"


def _demote(markdown: str) -> str:
    return re.sub(r"^(#+) ", r"#\1 ", markdown, flags=re.M)


def node_sections(plan: Plan, node: Node, here: str, site_url: str) -> list[str]:
    """What is said about a node, section by section, on its own page or in its kind's page."""
    parts = [share.share_buttons(plan, node, heading(node), site_url)]
    parts.append(_summary(plan, node, here))
    if isinstance(node, Goal):
        parts.append(_indicators(plan, node, here))
    parts.append(_interpretation(plan, node, here))
    parts.append(_related(plan, node, here))
    parts.append(_sources(plan, node.sources, here))
    parts.append(_citation(plan, node, site_url))
    return parts


def _trail(plan: Plan, node: Node, here: str) -> str:
    """Where the item sits (its kind's list, its task, itself) and its neighbours, as a landmark."""
    steps = [md_link(L.index_title(plan, type(node)), relative(here, index_of(type(node))))]
    parent = plan.parent(node)
    if parent:
        steps.append(link_to(parent, here))
    current = md_text(L.numbered(node.kind, node.number) or L.KIND[node.kind])
    steps.append(f'<span aria-current="page">{current}</span>')
    line = " › ".join(steps)
    siblings = plan.siblings(node)
    ids = [s.id for s in siblings]  # ids, not nodes: comparing frozen nodes field by field is slow
    if node.id in ids and len(siblings) > 1:
        position = ids.index(node.id)
        moves = []
        if position > 0:
            moves.append(f"{L.PREVIOUS}：{link_to(siblings[position - 1], here)}")
        if position + 1 < len(siblings):
            moves.append(f"{L.NEXT}：{link_to(siblings[position + 1], here)}")
        line += "\n\n" + "　·　".join(moves)
    # Kept out of search: the neighbours' titles would make this page match queries about them.
    return f'<nav class="node-trail" aria-label="{attr(L.TRAIL)}" data-search-exclude markdown>\n\n{line}\n\n</nav>'


def _quoted_sentence(plan: Plan, sentence_id: str, quotes: list[str], here: str) -> str:
    """A whole sentence as a block quote, the words that concern this node marked, linked to its anchor."""
    text = plan.interpretation.sentences[sentence_id].text
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        start = text.find(quote)
        if start >= 0 and not any(start < e and start + len(quote) > b for b, e in spans):
            spans.append((start, start + len(quote)))
    marked, cursor = [], 0
    for start, end in sorted(spans):  # Markdown-escaped: a quoted `[…](javascript:…)` stays text
        marked += [md_text(text[cursor:start]), f"<mark>{md_text(text[start:end])}</mark>"]
        cursor = end
    marked.append(md_text(text[cursor:]))
    return f"> {''.join(marked)}\n>\n> — {sentence_link(sentence_id, here, plan)}"


def _interpretation(plan: Plan, node: Node, here: str) -> str:
    edges = plan.edges_to(node.id, Relation.DISCUSSES)
    out = [f"## {L.FROM_INTERPRETATION}"]
    kind = L.KIND_SHORT[node.kind]
    if not plan.is_explained(node):
        sections = plan.origins(node.id, Relation.DISCUSSES)
        if sections:
            names = "、".join(L.section_ordinal(s.number or 0) for s in sections)
            out.append(f"{L.ONLY_LISTED.format(kind=kind, sections=names)}\n{{: .not-covered }}")
        elif not isinstance(node, (Technology, Issuer)):
            out.append(f"{L.NEVER_NAMED.format(kind=kind)}\n{{: .not-covered }}")
    quotes: dict[str, list[str]] = {}  # sentence id → quoted words, in the order the data gives them
    notes: list[str] = []
    for edge in edges:
        for source in edge.sources:
            if isinstance(source, SentenceQuote):
                quotes.setdefault(source.sentence, []).append(source.quote)
        notes += [note for note in edge.notes if note not in notes]
    out += [_quoted_sentence(plan, sentence_id, words, here) for sentence_id, words in quotes.items()]
    out += [_editorial(note) for note in notes]
    return "\n\n".join(out) if len(out) > 1 else ""


def _summary(plan: Plan, node: Node, here: str) -> str:
    """The summary, marked as the site's in visible text, and what it rests on."""
    text = f'<span class="badge-editorial">{L.SUMMARY_BADGE}</span>{md_text(node.summary)}\n{{: .editorial-summary }}'
    basis = []
    for source in node.summary_sources:
        if isinstance(source, SentenceQuote):
            basis.append(sentence_link(source.sentence, here, plan))
        elif isinstance(source, HeadingQuote):
            basis.append(_heading_link(plan, source.heading, here))
        elif isinstance(source, FactQuote):
            basis.append(L.FACTS_SOURCE + (f"（{L.REPORT}{md_text(source.report)}）" if source.report else ""))
        elif isinstance(source, Editorial):
            basis.append(_reading((source.note,)))
    line = f"{L.SUMMARY_BASIS}{'、'.join(dict.fromkeys(basis))}\n{{: .summary-basis }}" if basis else ""
    return f"## {L.SUMMARY}\n\n{text}" + (f"\n\n{line}" if line else "")


def _heading_link(plan: Plan, heading_id: str, from_page: str) -> str:
    section = next((s for s in plan.of(Section) if s.id.lower() == heading_id), None)
    label = L.HEADING_SOURCE.format(section=L.section_ordinal(section.number or 0) if section else heading_id)
    return md_link(label, relative(from_page, page_of(section))) if section else md_text(label)


def _editorial(note: str) -> str:
    return f'<span class="badge-editorial">{L.EDITORIAL}</span>{md_text(note)}\n{{: .editorial-note }}'


def _bullets(plan: Plan, nodes: Iterable[Node], here: str, readings: dict[str, tuple[str, ...]] | None = None) -> str:
    """Items with their summaries, each marked as the site's; `readings`: the items whose relation to this page
    is the site's reading, with why."""
    lines, notes = [], []
    for node in nodes:
        reading = (readings or {}).get(node.id)
        mark = f" {_reading()}" if reading else ""
        notes += [note for note in reading or () if note not in notes]
        lines.append(f"- {link_to(node, here)}{mark}：{summary_mark()}{md_text(node.summary)}")
    return "\n".join(lines) + "".join(f"\n\n{_editorial(note)}" for note in notes)


def _reading(notes: tuple[str, ...] = ()) -> str:
    """How a list marks a relation that is the site's reading: a visible badge, with the reason when given
    (a list of several such items gives the reason once, after the list)."""
    return f'<span class="badge-editorial">{L.EDITORIAL}</span>{md_text("；".join(notes))}'


def _readings(edges: Iterable[Edge], end: Callable[[Edge], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The nodes at one end of these edges that the site links by its own reading, with the reasons."""
    found: dict[str, tuple[str, ...]] = {}
    for edge in edges:
        if edge.editorial:
            for node_id in end(edge):
                found[node_id] = tuple(dict.fromkeys((*found.get(node_id, ()), *edge.notes)))
    return found


def _related(plan: Plan, node: Node, here: str) -> str:
    groups: list[tuple[str, list[Node], str]] = []
    parent = plan.parent(node)
    if parent:
        groups.append((L.PARENT, [parent], ""))
    groups.append((L.CHILDREN, plan.targets(node.id, Relation.CONTAINS), ""))
    if isinstance(node, Task):
        groups.append(
            (
                L.SUPPORTED_BY,
                plan.origins(node.id, Relation.SUPPORTS),
                _jointly(plan, plan.edges_to(node.id, Relation.SUPPORTS), here),
            )
        )
    if isinstance(node, Project):
        groups.append(
            (
                L.SUPPORTS,
                plan.targets(node.id, Relation.SUPPORTS),
                _jointly(plan, plan.edges_from(node.id, Relation.SUPPORTS), here),
            )
        )
    groups.append((L.MENTIONS, plan.targets(node.id, Relation.MENTIONS), ""))
    groups.append((L.MENTIONED_BY, plan.origins(node.id, Relation.MENTIONS), ""))
    readings = {
        L.MENTIONS: _readings(plan.edges_from(node.id, Relation.MENTIONS), lambda e: e.objects),
        L.MENTIONED_BY: _readings(plan.edges_to(node.id, Relation.MENTIONS), lambda e: e.subjects),
    }
    # Kept out of search, like every list of other items' names: a page answers a query with its own words.
    out = [f"## {L.RELATED} {EXCLUDE}"]
    for title, nodes, note in groups:
        if nodes:
            out.append(f"### {title} {EXCLUDE}\n\n{_bullets(plan, nodes, here, readings.get(title))}")
            if note:
                out.append(note)
    sections = plan.edges_to(node.id, Relation.DISCUSSES)
    if sections:
        items = []
        for edge in sections:
            for section_id in edge.subjects:
                section = plan.nodes[section_id]
                role = L.ROLE[edge.role or Role.EXPLAINS]
                reading = f"；{_reading(edge.notes)}" if edge.editorial else ""
                items.append(f"- {link_to(section, here, f'{section.id} {section.title}')}（{role}{reading}）")
        out.append(f"### {L.DISCUSSED_IN} {EXCLUDE}\n\n" + "\n".join(dict.fromkeys(items)))
    return "\n\n".join(out) if len(out) > 1 else ""


def _jointly(plan: Plan, edges: list[Edge], here: str) -> str:
    """Say that a relation is stated jointly (four projects, four tasks) and cite where."""
    notes = []
    for edge in edges:
        if len(edge.subjects) > 1:
            targets = "、".join(L.numbered(Task.kind, plan.nodes[t].number) for t in edge.objects)
            cited = "".join(
                f"（{sentence_link(s.sentence, here, plan)}）" for s in edge.sources if isinstance(s, SentenceQuote)
            )
            notes.append(md_text(L.JOINTLY.format(count=len(edge.subjects), targets=targets)) + cited)
    return "\n\n".join(f"{n}\n{{: .jointly }}" for n in dict.fromkeys(notes))


def _sources(plan: Plan, sources: Iterable[Source], here: str) -> str:
    lines = []
    for source in sources:
        if isinstance(source, SentenceQuote):
            lines.append(f"- “{md_text(source.quote)}”— {sentence_link(source.sentence, here, plan)}")
        elif isinstance(source, HeadingQuote):
            lines.append(f"- “{md_text(source.quote)}”— {_heading_link(plan, source.heading, here)}")
        elif isinstance(source, FactQuote):
            report = f"（{L.REPORT}{md_text(source.report)}）" if source.report else ""
            lines.append(f"- “{md_text(source.quote)}”— {L.FACTS_SOURCE}{report}")
        elif isinstance(source, Editorial):
            lines.append(f"- {_editorial(source.note).splitlines()[0]}")
    return f"## {L.SOURCES}\n\n" + "\n".join(lines) if lines else ""


def _citation(plan: Plan, node: Node, site_url: str) -> str:
    """The same GB/T 7714 citation the 引用 button copies, and its RIS and BibTeX files."""
    here = page_of(node)
    cited = plan_citation(plan, heading(node), public_url(here, site_url))
    return citation_section(cited, here, node.id.lower())


def citation_section(cited: Citation, here: str, key: str) -> str:
    """引用本页: the citation with the access date left for the reader, then 下载引用 (RIS · BibTeX), which
    hooks/site_citing.py fills in for the page's files (`key`: m5, q6).
    Kept out of search: the same line on every page would make the issuers' names match all of them."""
    text = f"{md_text(gbt7714_head(cited))}[{L.ACCESS_DATE}]. <{cited.url}>."
    return f"## {L.CITE} {EXCLUDE}\n\n{text}\n{{: .citation }}\n\n{CITE_DOWNLOADS.format(key=key)}"


# Where a page's 下载引用 line goes: links to its files online, the files themselves in the offline copy.
CITE_DOWNLOADS = "<!-- plan:cite-downloads {key} -->"


def _indicators(plan: Plan, goal: Goal, here: str, level: str = "##") -> str:
    """The goal's indicators as the interpretation words them; words reported only from the Plan itself follow
    in their own list, said to be fragments of its sentences rather than indicators of their own."""
    quoted, reported = [], []
    for source in goal.indicators:
        if isinstance(source, SentenceQuote):
            quoted.append(f"- {md_text(source.quote)}　<small>{sentence_link(source.sentence, here, plan)}</small>")
        elif isinstance(source, FactQuote):
            report = f"，{source.report}" if source.report else ""
            reported.append(f"- “{md_text(source.quote)}”　<small>{L.FACTS_SOURCE}{md_text(report)}</small>")
    title = L.INDICATORS.get(goal.term, L.INDICATORS["near"])
    out = [f"{level} {title}\n\n" + "\n".join(quoted)] if quoted else []
    if reported:
        note = _editorial(L.REPORTED_WORDING_NOTE)
        out.append(f"{level}# {L.REPORTED_WORDING}\n\n{note}\n\n" + "\n".join(reported))
    return "\n\n".join(out)


# --- index pages and the overview ---------------------------------------------------------------


def index_page(plan: Plan, node_type: type[Node], nodes: list[Node]) -> str:
    here = index_of(node_type)
    title = L.index_title(plan, node_type)
    parts = [front_matter(title, "、".join(heading(n) for n in nodes)), f"# {title}"]
    if node_type is Measure:
        for parent in plan.of(Task):
            measures = plan.targets(parent.id, Relation.CONTAINS)
            parts.append(f"## {link_to(parent, here)}\n\n{_bullets(plan, measures, here)}")
    elif node_type is Task:
        for task in nodes:
            children = plan.targets(task.id, Relation.CONTAINS)
            summary = f"{summary_mark()}{md_text(task.summary)}\n{{: .editorial-summary }}"
            body = f"{summary}\n\n" + _bullets(plan, children, here)
            parts.append(f"## {link_to(task, here)}\n\n{body}")
    elif node_type is Goal:
        for goal in (node for node in nodes if isinstance(node, Goal)):
            summary = f"{summary_mark()}{md_text(goal.summary)}\n{{: .editorial-summary }}"
            parts.append(f"## {link_to(goal, here)}\n\n{summary}\n\n{_indicators(plan, goal, here, '###')}")
    else:
        parts.append(_bullets(plan, nodes, here))
        statements = {e: None for n in nodes for e in plan.edges_from(n.id, Relation.SUPPORTS)}
        parts.append(_jointly(plan, list(statements), here))
    return "\n\n".join(parts) + "\n"


def short_link_page(node: Node, target: str, canonical: str) -> str:
    """A tiny page at /m5/ that sends the reader on to the node's page; works without a server."""
    title, href = html.escape(heading(node)), html.escape(target)
    return (
        f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="canonical" href="{html.escape(canonical)}"><meta http-equiv="refresh" content="0; url={href}">'
        f'<p>{L.SHORT_LINK} <a href="{href}">{title}</a></html>\n'
    )


# --- additions to the hand-written pages --------------------------------------------------------


def questions_list(plan: Plan, here: str) -> str:
    """The Q&A sections, each by the title of its page (which `load_plan` makes sure there is)."""
    lines = []
    for section in plan.of(Section):
        page = plan.interpretation.section(section.id)
        title = page.title if page else section.title
        lines.append(f"{section.number}. {md_link(title, relative(here, page_of(section)))}")
    return "\n".join(lines)


def structure_summary(plan: Plan, here: str) -> str:
    counts = []
    for node_type in (Task, Measure, Project, Safeguard):
        nodes = plan.of(node_type)
        counts.append(
            md_link(
                f"{len(nodes)} 项{L.KIND_SHORT[node_type.kind]}",
                relative(here, index_of(node_type)),
            )
        )
    return " · ".join(counts) + " · " + md_link(L.NAV["overview"], relative(here, OVERVIEW))


def section_topics(plan: Plan, section: Section, here: str) -> str:
    nodes = plan.targets(section.id, Relation.DISCUSSES) + plan.targets(section.id, Relation.MENTIONS)
    if not nodes:
        return ""
    edges = plan.edges_from(section.id, Relation.DISCUSSES) + plan.edges_from(section.id, Relation.MENTIONS)
    readings = _readings(edges, lambda e: e.objects)
    lines = [f"- {link_to(n, here)}" + (f" {_reading()}" if n.id in readings else "") for n in nodes]
    notes = dict.fromkeys(note for found in readings.values() for note in found)
    after = "".join(f"\n\n{_editorial(note)}" for note in notes)
    listed = "\n".join(lines) + after
    return f'## {L.TOPICS} {EXCLUDE}\n\n<div class="section-topics" markdown>\n\n{listed}\n\n</div>'


def name_links(plan: Plan) -> list[NameLink]:
    """The names of nodes inside the interpretation's sentences that become links to their pages."""
    links = []
    for edge in plan.edges:
        if edge.relation != Relation.DISCUSSES:
            continue
        for node_id in edge.objects:
            node = plan.nodes[node_id]
            for source in edge.sources:
                if isinstance(source, SentenceQuote) and source.quote in node.names:
                    links.append(
                        NameLink(source.sentence, source.quote, page_of(node), heading(node), preview_id(node))
                    )
    return links
