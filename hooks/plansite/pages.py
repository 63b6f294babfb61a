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
from .fulltext import full_text_page
from .interpretation import INDEX_PAGE, NameLink
from .markup import attr, front_matter, md_link, md_text, relative
from .model import (
    NODE_TYPES,
    Edge,
    Editorial,
    FactQuote,
    Goal,
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
    head = [front_matter(heading(node), node.summary), f"# {md_text(heading(node))}", _trail(plan, node, here)]
    tail = [share.data_line(here)]
    return "\n\n".join(p for p in head + node_sections(plan, node, here, site_url) + tail if p) + "\n"


def grouped_page(plan: Plan, node_type: type[Node], nodes: list[Node], site_url: str) -> str:
    """One page for a kind of short nodes (principles, technologies, issuers), a section per node."""
    here = index_of(node_type)
    title = L.index_title(plan, node_type)
    parts = [front_matter(title, "、".join(heading(n) for n in nodes)), f"# {title}"]
    for node in nodes:
        parts.append(f"## {md_text(heading(node))} {{#{node.id.lower()}}}")
        parts += [_demote(part) for part in node_sections(plan, node, here, site_url) if part]
    parts.append(share.data_line(here))
    return "\n\n".join(parts) + "\n"


def _demote(markdown: str) -> str:
    return re.sub(r"^(#+) ", r"#\1 ", markdown, flags=re.M)


def node_sections(plan: Plan, node: Node, here: str, site_url: str) -> list[str]:
    """What is said about a node, section by section, on its own page or in its kind's page."""
    parts = [share.share_buttons(plan, node, heading(node), site_url)]
    parts += [f'## {L.SUMMARY}\n\n{md_text(node.summary)}\n{{: .editorial-summary title="{attr(L.SUMMARY_BADGE)}" }}']
    if isinstance(node, Goal):
        parts.append(_indicators(plan, node, here))
    parts.append(_interpretation(plan, node, here))
    parts.append(_related(plan, node, here))
    parts.append(_sources(plan, node.sources, here))
    parts.append(_citation(plan, node, site_url))
    return parts


def _trail(plan: Plan, node: Node, here: str) -> str:
    steps = [md_link(L.index_title(plan, type(node)), relative(here, index_of(type(node))))]
    parent = plan.parent(node)
    if parent:
        steps.append(link_to(parent, here))
    steps.append(md_text(L.numbered(node.kind, node.number) or L.KIND[node.kind]))
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
        line += "  \n" + "　·　".join(moves)
    # Kept out of search: the neighbours' titles would make this page match queries about them.
    return f'{line}\n{{: .node-trail aria-label="{attr(L.TRAIL)}" {EXCLUDE[2:-2]} }}'


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
        if edge.note and edge.note not in notes:
            notes.append(edge.note)
    out += [_quoted_sentence(plan, sentence_id, words, here) for sentence_id, words in quotes.items()]
    out += [_editorial(note) for note in notes]
    return "\n\n".join(out) if len(out) > 1 else ""


def _editorial(note: str) -> str:
    return f'<span class="badge-editorial">{L.EDITORIAL}</span>{md_text(note)}\n{{: .editorial-note }}'


def _bullets(plan: Plan, nodes: Iterable[Node], here: str) -> str:
    return "\n".join(f"- {link_to(n, here)}：{md_text(n.summary)}" for n in nodes)


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
    # Kept out of search, like every list of other items' names: a page answers a query with its own words.
    out = [f"## {L.RELATED} {EXCLUDE}"]
    for title, nodes, note in groups:
        if nodes:
            out.append(f"### {title} {EXCLUDE}\n\n{_bullets(plan, nodes, here)}")
            if note:
                out.append(note)
    sections = plan.edges_to(node.id, Relation.DISCUSSES)
    if sections:
        items = []
        for edge in sections:
            for section_id in edge.subjects:
                section = plan.nodes[section_id]
                role = L.ROLE[edge.role or Role.EXPLAINS]
                items.append(f"- {link_to(section, here, f'{section.id} {section.title}')}（{role}）")
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
        elif isinstance(source, FactQuote):
            report = f"（{L.REPORT}{md_text(source.report)}）" if source.report else ""
            lines.append(f"- “{md_text(source.quote)}”— {L.FACTS_SOURCE}{report}")
        elif isinstance(source, Editorial):
            lines.append(f"- {_editorial(source.note).splitlines()[0]}")
    return f"## {L.SOURCES}\n\n" + "\n".join(lines) if lines else ""


def _citation(plan: Plan, node: Node, site_url: str) -> str:
    """The same GB/T 7714 citation the 引用 button copies; on the page the access date is left for the reader."""
    url = public_url(page_of(node), site_url)
    head = share.citation_head(plan, heading(node))
    # Kept out of search: the same line on every page would make the issuers' names match all of them.
    return f"## {L.CITE} {EXCLUDE}\n\n{md_text(head)}[{L.ACCESS_DATE}]. <{url}>.\n{{: .citation }}"


def _indicators(plan: Plan, goal: Goal, here: str) -> str:
    lines = []
    for source in goal.indicators:
        if isinstance(source, SentenceQuote):
            lines.append(f"- {md_text(source.quote)}　<small>{sentence_link(source.sentence, here, plan)}</small>")
        else:
            report = f"，{source.report}" if source.report else ""
            lines.append(f"- {md_text(source.quote)}　<small>{L.FACTS_SOURCE}{md_text(report)}</small>")
    return f"## {L.INDICATORS}\n\n" + "\n".join(lines)


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
            body = f"{md_text(task.summary)}\n\n" + _bullets(plan, children, here)
            parts.append(f"## {link_to(task, here)}\n\n{body}")
    elif node_type is Goal:
        for goal in (node for node in nodes if isinstance(node, Goal)):
            indicators = _indicators(plan, goal, here).split("\n", 2)[2]
            parts.append(f"## {link_to(goal, here)}\n\n{md_text(goal.summary)}\n\n{indicators}")
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
    return f"## {L.TOPICS} {EXCLUDE}\n\n" + "\n".join(f"- {link_to(n, here)}" for n in nodes) + "\n{: .section-topics }"


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
                    links.append(NameLink(source.sentence, source.quote, page_of(node), heading(node)))
    return links
