"""Render the plan into Markdown pages: one per node, one index per kind, the overview and the navigation.

Pure functions of the `Plan`: no MkDocs here. Every link is computed from the URL contract in `urls`
and written as a relative `.md` link, so that MkDocs resolves it (and, in strict mode, checks it) for
both the online and the offline build.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeAlias

from . import labels as L
from . import share
from .citation import Citation
from .edition import CHINESE, Edition
from .full_text_page import full_text_page
from .hover_cards import hover_card_id
from .interpretation import INDEX_PAGE, NameLink
from .markup import attr, front_matter, md_link, md_text, relative
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
# Where a page's 下载引用 line goes: links to its files online, the files themselves in the offline copy.
CITE_DOWNLOADS = CHINESE.words.cite_downloads


def heading(node: Node, edition: Edition = CHINESE) -> str:
    """The title a node carries everywhere: `M5 加快重点行业工业元宇宙布局`."""
    return f"{node.id.upper() if node.id_form.prefix else ''} {edition.title(node)}".strip()


def description(node: Node) -> str:
    """A node page's description (search engines, link previews): its summary, said to be the site's words."""
    return L.SUMMARY_DESCRIPTION.format(summary=node.summary)


def summary_mark() -> str:
    """The visible mark before a summary wherever one is shown: read out by screen readers, no hover needed."""
    return _badge(L.SUMMARY_MARK)


def link_to(node: Node, from_page: str, text: str | None = None, edition: Edition = CHINESE) -> str:
    return md_link(text or heading(node, edition), relative(from_page, page_of(node)))


def sentence_link(sentence_id: str, from_page: str, plan: Plan, edition: Edition = CHINESE) -> str:
    sentence = plan.interpretation.sentences[sentence_id]
    return md_link(edition.sentence_label(sentence_id), relative(from_page, f"{sentence.page}#{sentence_id}"))


def _badge(text: str) -> str:
    return f'<span class="badge-editorial">{html.escape(text, quote=False)}</span>'


def _marked_summary(edition: Edition, node: Node) -> str:
    """A node's summary in a list, after the mark that says the site wrote it; "" when there is none."""
    summary = edition.summary(node)
    return f"{_badge(edition.words.summary_mark)}{edition.words.badge_gap}{md_text(summary)}" if summary else ""


# --- whole site ---------------------------------------------------------------------------------


def generated_pages(plan: Plan, site_url: str) -> dict[str, str]:
    """Every page the build adds to docs/: docs-relative path → Markdown."""
    pages = node_kind_pages(plan, site_url, CHINESE)
    pages[OVERVIEW] = overview_page(plan)
    pages[FULL_TEXT] = full_text_page(plan)
    return pages


def node_kind_pages(plan: Plan, site_url: str, edition: Edition) -> dict[str, str]:
    """Each kind's index page and each node's page (or its kind's one grouped page), in `edition`'s words."""
    pages: dict[str, str] = {}
    for node_type in INDEXED_TYPES:
        nodes = plan.of(node_type)
        if node_type in GROUPED:
            pages[index_of(node_type)] = grouped_page(plan, node_type, nodes, site_url, edition)
            continue
        pages[index_of(node_type)] = index_page(plan, node_type, nodes, edition)
        for node in nodes:
            pages[page_of(node)] = node_page(plan, node, site_url, edition)
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


def navigation(plan: Plan, edition: Edition = CHINESE, more: Sequence[tuple[str, str]] = ()) -> list[NavEntry]:
    """The site's navigation, in MkDocs `nav` form: nothing structural is listed by hand. `more`: the
    edition's own pages under 更多 (title, docs path)."""
    nav = edition.words.nav

    def item(node: Node) -> NavEntry:
        return {nav_title(node, edition): page_of(node)}

    def entries(node_type: type[Node]) -> list[NavEntry]:
        return [index_of(node_type), *_in_groups(plan.of(node_type), item)]

    def task_entry(task: Node) -> NavEntry:
        measures = _in_groups(plan.targets(task.id, Relation.CONTAINS), item)
        return {nav_title(task, edition): [page_of(task), *measures]}

    tasks: list[NavEntry] = [index_of(Task), *_in_groups(plan.of(Task), task_entry), index_of(Measure)]
    full_text: NavEntry = {nav["full_text"]: FULL_TEXT}
    grouped: list[NavEntry] = [{edition.index_title(plan, t): index_of(t)} for t in GROUPED]
    grouped += [{title: path} for title, path in more]
    return [
        {nav["home"]: HOME},
        {nav["interpretation"]: [INDEX_PAGE, *(page_of(s) for s in plan.of(Section)), full_text]},
        {nav["tasks"]: tasks},
        {nav["projects"]: entries(Project)},
        {nav["safeguards"]: entries(Safeguard)},
        {nav["goals"]: entries(Goal)},
        {nav["overview"]: OVERVIEW},
        {nav["more"]: grouped},
    ]


# --- node pages ---------------------------------------------------------------------------------


def nav_title(node: Node, edition: Edition = CHINESE) -> str:
    """The theme prints navigation titles as HTML: data text goes in escaped, so it shows as written."""
    return html.escape(heading(node, edition), quote=False)


def node_page(plan: Plan, node: Node, site_url: str, edition: Edition = CHINESE) -> str:
    here = page_of(node)
    title = heading(node, edition)
    head = [front_matter(title, edition.description(plan, node)), f"# {md_text(title)}"]
    head.append(_trail(edition, plan, node, here))
    tail = [edition.data_line(here)]
    return "\n\n".join(p for p in head + node_sections(plan, node, here, site_url, edition) + tail if p) + "\n"


def grouped_page(
    plan: Plan, node_type: type[Node], nodes: list[Node], site_url: str, edition: Edition = CHINESE
) -> str:
    """One page for a kind of short nodes (principles, technologies, issuers), a section per node."""
    here = index_of(node_type)
    title = edition.index_title(plan, node_type)
    names = [heading(n, edition) for n in nodes]
    parts = [front_matter(title, edition.grouped_description(names)), f"# {title}"]
    related_title = edition.words.related
    for node in nodes:
        parts.append(f"## {md_text(heading(node, edition))} {{#{node.id.lower()}}}")
        # Each item's 相关条目 heading gets its own label in the page's contents, whose nested lists screen
        # readers announce by that label: several lists all named 相关条目 could not be told apart.
        related = f"### {related_title} {EXCLUDE}"
        label = attr(edition.words.related_of.format(name=edition.title(node)))
        unique = f'### {related_title} {{ data-search-exclude data-toc-label="{label}" }}'
        sections = node_sections(plan, node, here, site_url, edition)
        parts += [_demote(part).replace(related, unique) for part in sections if part]
    parts.append(edition.data_line(here))
    return "\n\n".join(p for p in parts if p) + "\n"


def _demote(markdown: str) -> str:
    return re.sub(r"^(#+) ", r"#\1 ", markdown, flags=re.M)


def node_sections(plan: Plan, node: Node, here: str, site_url: str, edition: Edition = CHINESE) -> list[str]:
    """What is said about a node, section by section, on its own page or in its kind's page."""
    name = heading(node, edition)
    cited = edition.plan_citation(plan, name, public_url(page_of(node), site_url))
    parts = [share.cite_buttons(cited, name, edition.words.share, edition.citation_head)]
    parts += [_summary(edition, plan, node, here), *edition.extra_sections(node)]
    if isinstance(node, Goal):
        parts.append(_indicators(edition, plan, node, here))
    parts.append(_interpretation(edition, plan, node, here))
    parts.append(_related(edition, plan, node, here))
    parts.append(_sources(edition, plan, node.sources, here))
    parts.append(citation_section(cited, page_of(node), node.id.lower(), edition))
    return parts


def _trail(edition: Edition, plan: Plan, node: Node, here: str) -> str:
    """Where the item sits (its kind's list, its task, itself) and its neighbours, as a landmark."""
    words = edition.words
    steps = [md_link(edition.index_title(plan, type(node)), relative(here, index_of(type(node))))]
    parent = plan.parent(node)
    if parent:
        steps.append(link_to(parent, here, edition=edition))
    current = md_text(edition.numbered(node.kind, node.number) or words.kind[node.kind])
    steps.append(f'<span aria-current="page">{current}</span>')
    line = " › ".join(steps)
    siblings = plan.siblings(node)
    ids = [s.id for s in siblings]  # ids, not nodes: comparing frozen nodes field by field is slow
    if node.id in ids and len(siblings) > 1:
        position = ids.index(node.id)
        moves = []
        if position > 0:
            moves.append(f"{words.previous}{words.colon}{link_to(siblings[position - 1], here, edition=edition)}")
        if position + 1 < len(siblings):
            moves.append(f"{words.next}{words.colon}{link_to(siblings[position + 1], here, edition=edition)}")
        line += "\n\n" + words.moves_separator.join(moves)
    # Kept out of search: the neighbours' titles would make this page match queries about them.
    return f'<nav class="node-trail" aria-label="{attr(words.trail)}" data-search-exclude markdown>\n\n{line}\n\n</nav>'


def _interpretation(edition: Edition, plan: Plan, node: Node, here: str) -> str:
    words = edition.words
    edges = plan.edges_to(node.id, Relation.DISCUSSES)
    out = [f"## {words.from_interpretation}"]
    kind = words.kind_in_sentence[node.kind]
    if not plan.is_explained(node):
        sections = plan.origins(node.id, Relation.DISCUSSES)
        if sections:
            names = words.list_separator.join(edition.section_ordinal(s.number or 0) for s in sections)
            out.append(f"{words.only_listed.format(kind=kind, sections=names)}\n{{: .not-covered }}")
        elif not isinstance(node, (Technology, Issuer)):
            out.append(f"{words.never_named.format(kind=kind)}\n{{: .not-covered }}")
    quotes: dict[str, list[str]] = {}  # sentence id → quoted words, in the order the data gives them
    notes: list[str] = []
    for edge in edges:
        for source in edge.sources:
            if isinstance(source, SentenceQuote):
                quotes.setdefault(source.sentence, []).append(source.quote)
        notes += [note for note in edge.notes if note not in notes]
    for sentence_id, quoted in quotes.items():
        link = sentence_link(sentence_id, here, plan, edition)
        out.append(edition.sentence_quote(plan, sentence_id, quoted, link))
    out += [_editorial(edition, note) for note in notes]
    return "\n\n".join(out) if len(out) > 1 else ""


def _summary(edition: Edition, plan: Plan, node: Node, here: str) -> str:
    """The summary, marked as the site's in visible text, and what it rests on."""
    words, summary = edition.words, edition.summary(node)
    if not summary:
        return ""
    text = f"{_badge(words.summary_badge)}{words.badge_gap}{md_text(summary)}\n{{: .editorial-summary }}"
    basis = []
    for source in node.summary_sources:
        if isinstance(source, SentenceQuote):
            basis.append(sentence_link(source.sentence, here, plan, edition))
        elif isinstance(source, HeadingQuote):
            basis.append(_heading_link(edition, plan, source.heading, here))
        elif isinstance(source, FactQuote):
            basis.append(words.facts_source + _report(edition, source))
        elif isinstance(source, Editorial):
            basis.append(_reading(edition, (source.note,)))
    joined = words.basis_separator.join(dict.fromkeys(basis))
    line = f"{words.summary_basis}{joined}\n{{: .summary-basis }}" if basis else ""
    return f"## {words.summary}\n\n{text}" + (f"\n\n{line}" if line else "")


def _report(edition: Edition, source: FactQuote) -> str:
    """Which report a fact is quoted from, in brackets after the reports' name; "" when it does not say."""
    return edition.words.aside.format(edition.words.report + md_text(source.report)) if source.report else ""


def _heading_link(edition: Edition, plan: Plan, heading_id: str, from_page: str) -> str:
    section = next((s for s in plan.of(Section) if s.id.lower() == heading_id), None)
    label = edition.words.heading_source.format(
        section=edition.section_ordinal(section.number or 0) if section else heading_id
    )
    return md_link(label, relative(from_page, page_of(section))) if section else md_text(label)


def _editorial(edition: Edition, note: str) -> str:
    """One of the site's reasons (as the data gives it, in Chinese) as a paragraph of its own."""
    return _editorial_text(edition, edition.note(note))


def _editorial_text(edition: Edition, text: str) -> str:
    return f"{_badge(edition.words.editorial)}{edition.words.badge_gap}{md_text(text)}\n{{: .editorial-note }}"


def _bullets(
    edition: Edition, plan: Plan, nodes: Iterable[Node], here: str, readings: dict[str, tuple[str, ...]] | None = None
) -> str:
    """Items with their summaries, each marked as the site's; `readings`: the items whose relation to this page
    is the site's reading, with why."""
    lines, notes = [], []
    for node in nodes:
        reading = (readings or {}).get(node.id)
        mark = f" {_reading(edition)}" if reading else ""
        notes += [note for note in reading or () if note not in notes]
        summary = _marked_summary(edition, node)
        lines.append(f"- {link_to(node, here, edition=edition)}{mark}{edition.words.colon}{summary}")
    return "\n".join(lines) + "".join(f"\n\n{_editorial(edition, note)}" for note in notes)


def _reading(edition: Edition, notes: tuple[str, ...] = ()) -> str:
    """How a list marks a relation that is the site's reading: a visible badge, with the reason when given
    (a list of several such items gives the reason once, after the list)."""
    words = edition.words
    reasons = words.reason_separator.join(edition.note(note) for note in notes)
    return _badge(words.editorial) + (f"{words.badge_gap}{md_text(reasons)}" if notes else "")


def _readings(edges: Iterable[Edge], end: Callable[[Edge], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The nodes at one end of these edges that the site links by its own reading, with the reasons."""
    found: dict[str, tuple[str, ...]] = {}
    for edge in edges:
        if edge.editorial:
            for node_id in end(edge):
                found[node_id] = tuple(dict.fromkeys((*found.get(node_id, ()), *edge.notes)))
    return found


def _related(edition: Edition, plan: Plan, node: Node, here: str) -> str:
    words = edition.words
    groups: list[tuple[str, list[Node], str]] = []
    parent = plan.parent(node)
    if parent:
        groups.append((words.parent, [parent], ""))
    groups.append((words.children, plan.targets(node.id, Relation.CONTAINS), ""))
    if isinstance(node, Task):
        edges = plan.edges_to(node.id, Relation.SUPPORTS)
        groups.append(
            (words.supported_by, plan.origins(node.id, Relation.SUPPORTS), jointly(edition, plan, edges, here))
        )
    if isinstance(node, Project):
        edges = plan.edges_from(node.id, Relation.SUPPORTS)
        groups.append((words.supports, plan.targets(node.id, Relation.SUPPORTS), jointly(edition, plan, edges, here)))
    groups.append((words.mentions, plan.targets(node.id, Relation.MENTIONS), ""))
    groups.append((words.mentioned_by, plan.origins(node.id, Relation.MENTIONS), ""))
    readings = {
        words.mentions: _readings(plan.edges_from(node.id, Relation.MENTIONS), lambda e: e.objects),
        words.mentioned_by: _readings(plan.edges_to(node.id, Relation.MENTIONS), lambda e: e.subjects),
    }
    # Kept out of search, like every list of other items' names: a page answers a query with its own words.
    out = [f"## {words.related} {EXCLUDE}"]
    for title, nodes, note in groups:
        if nodes:
            out.append(f"### {title} {EXCLUDE}\n\n{_bullets(edition, plan, nodes, here, readings.get(title))}")
            if note:
                out.append(note)
    items = []
    for edge in plan.edges_to(node.id, Relation.DISCUSSES):
        for section_id in edge.subjects:
            section = plan.nodes[section_id]
            role = words.role[edge.role or Role.EXPLAINS]
            reading = f"{words.reason_separator}{_reading(edition, edge.notes)}" if edge.editorial else ""
            name = link_to(section, here, f"{section.id} {edition.title(section)}", edition)
            items.append(f"- {name}{words.aside.format(role + reading)}")
    if items:
        out.append(f"### {words.discussed_in} {EXCLUDE}\n\n" + "\n".join(dict.fromkeys(items)))
    return "\n\n".join(out) if len(out) > 1 else ""


def jointly(edition: Edition, plan: Plan, edges: list[Edge], here: str) -> str:
    """Say that a relation is stated jointly (four projects, four tasks) and cite where."""
    words = edition.words
    notes = []
    for edge in edges:
        if len(edge.subjects) > 1:
            targets = words.list_separator.join(edition.numbered(Task.kind, plan.nodes[t].number) for t in edge.objects)
            cited = "".join(
                words.aside.format(sentence_link(s.sentence, here, plan, edition))
                for s in edge.sources
                if isinstance(s, SentenceQuote)
            )
            notes.append(md_text(words.jointly.format(count=len(edge.subjects), targets=targets)) + cited)
    return "\n\n".join(f"{n}\n{{: .jointly }}" for n in dict.fromkeys(notes))


def _sources(edition: Edition, plan: Plan, sources: Iterable[Source], here: str) -> str:
    words = edition.words
    lines = []
    for source in sources:
        if isinstance(source, Editorial):
            lines.append(f"- {_reading(edition, (source.note,))}")
            continue
        if isinstance(source, SentenceQuote):
            where = sentence_link(source.sentence, here, plan, edition)
        elif isinstance(source, HeadingQuote):
            where = _heading_link(edition, plan, source.heading, here)
        else:
            where = words.facts_source + _report(edition, source)
        lines.append(f"- {words.quoted.format(md_text(source.quote))}{words.attribution}{where}")
    title = words.sources if words.sources_in_search else f"{words.sources} {EXCLUDE}"
    return f"## {title}\n\n" + "\n".join(lines) if lines else ""


def citation_section(cited: Citation, here: str, key: str, edition: Edition = CHINESE) -> str:
    """引用本页: the citation with the access date left for the reader, then 下载引用 (RIS · BibTeX), which
    the edition's hook (hooks/site_citing.py) fills in for the page's files (`key`: m5, q6).
    Kept out of search: the same line on every page would make the issuers' names match all of them."""
    words = edition.words
    text = f"{md_text(edition.citation_head(cited))}[{words.access_date}]. <{cited.url}>."
    return f"## {words.cite} {EXCLUDE}\n\n{text}\n{{: .citation }}\n\n{words.cite_downloads.format(key=key)}"


def _indicators(edition: Edition, plan: Plan, goal: Goal, here: str, level: str = "##") -> str:
    """The goal's indicators as the interpretation words them; words reported only from the Plan itself follow
    in their own list, said to be fragments of its sentences rather than indicators of their own."""
    words = edition.words
    quoted, reported = [], []
    for source in goal.indicators:
        quote, gap = words.indicator.format(md_text(source.quote)), words.indicator_gap
        if isinstance(source, SentenceQuote):
            quoted.append(f"- {quote}{gap}<small>{sentence_link(source.sentence, here, plan, edition)}</small>")
        elif isinstance(source, FactQuote):
            report = words.indicator_report.format(report=md_text(source.report)) if source.report else ""
            reported.append(f"- “{quote}”{gap}<small>{words.facts_source}{report}</small>")
    title = words.indicators.get(goal.term, words.indicators["near"])
    out = [f"{level} {title}\n\n" + "\n".join(quoted)] if quoted else []
    if reported:
        note = _editorial_text(edition, words.reported_wording_note)
        out.append(f"{level}# {words.reported_wording}\n\n{note}\n\n" + "\n".join(reported))
    return "\n\n".join(out)


# --- index pages and the overview ---------------------------------------------------------------


def index_page(plan: Plan, node_type: type[Node], nodes: list[Node], edition: Edition = CHINESE) -> str:
    here = index_of(node_type)
    title = edition.index_title(plan, node_type)
    names = [heading(n, edition) for n in nodes]
    parts = [front_matter(title, edition.index_description(plan, title, names)), f"# {title}"]
    styled = "\n{: .editorial-summary }"
    if node_type is Measure:
        for parent in plan.of(Task):
            measures = plan.targets(parent.id, Relation.CONTAINS)
            parts.append(f"## {link_to(parent, here, edition=edition)}\n\n{_bullets(edition, plan, measures, here)}")
    elif node_type is Task:
        for task in nodes:
            children = plan.targets(task.id, Relation.CONTAINS)
            body = f"{_marked_summary(edition, task)}{styled}\n\n" + _bullets(edition, plan, children, here)
            parts.append(f"## {link_to(task, here, edition=edition)}\n\n{body}")
    elif node_type is Goal:
        for goal in (node for node in nodes if isinstance(node, Goal)):
            summary = f"{_marked_summary(edition, goal)}{styled}"
            indicators = _indicators(edition, plan, goal, here, "###")
            parts.append(f"## {link_to(goal, here, edition=edition)}\n\n{summary}\n\n{indicators}")
    else:
        parts.append(_bullets(edition, plan, nodes, here))
        statements = {e: None for n in nodes for e in plan.edges_from(n.id, Relation.SUPPORTS)}
        parts.append(jointly(edition, plan, list(statements), here))
    return "\n\n".join(p for p in parts if p) + "\n"


def short_link_page(node: Node, target: str, canonical: str, edition: Edition = CHINESE) -> str:
    """A tiny page at /m5/ that sends the reader on to the node's page; works without a server."""
    title, href = html.escape(heading(node, edition)), html.escape(target)
    return (
        f'<!doctype html><html lang="{edition.words.html_lang}"><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="canonical" href="{html.escape(canonical)}"><meta http-equiv="refresh" content="0; url={href}">'
        f'<p>{edition.words.short_link} <a href="{href}">{title}</a></html>\n'
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


def section_topics(plan: Plan, section: Section, here: str, edition: Edition = CHINESE) -> str:
    """What a Q&A page covers: the items it discusses or names, each relation that is the site's reading
    marked as such, with its reason."""
    nodes = plan.targets(section.id, Relation.DISCUSSES) + plan.targets(section.id, Relation.MENTIONS)
    if not nodes:
        return ""
    edges = plan.edges_from(section.id, Relation.DISCUSSES) + plan.edges_from(section.id, Relation.MENTIONS)
    readings = _readings(edges, lambda e: e.objects)
    reading = f" {_reading(edition)}"
    lines = [f"- {link_to(n, here, edition=edition)}" + (reading if n.id in readings else "") for n in nodes]
    notes = dict.fromkeys(note for found in readings.values() for note in found)
    after = "".join(f"\n\n{_editorial(edition, note)}" for note in notes)
    listed = "\n".join(lines) + after
    return f'## {edition.words.topics} {EXCLUDE}\n\n<div class="section-topics" markdown>\n\n{listed}\n\n</div>'


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
                        NameLink(source.sentence, source.quote, page_of(node), heading(node), hover_card_id(node))
                    )
    return links
