"""Render the English edition into Markdown pages at the same paths as the Chinese ones (/en/measures/m5/
mirrors /measures/m5/), its navigation and its short links. Pure functions of the plan and its translation.

Every sentence of the interpretation is written with its Chinese original beside it (shown on hover and
focus, or side by side when the reader switches that on), and every text the site wrote is marked as such.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TypeAlias

from .. import labels as ZH
from ..ids import question_number, sentence_number
from ..interpretation import INDEX_PAGE, Sentence
from ..markup import attr, front_matter, md_link, md_text, relative
from ..model import (
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
    Principle,
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
from ..reference_files import INTERPRETATION_KEY
from ..urls import FULL_TEXT, GROUPED, HOME, OVERVIEW, index_of, page_of, public_url
from . import citing, mentions
from . import labels as E
from .translation import English

GLOSSARY = "glossary/index.md"  # the one page the Chinese edition does not have
DOWNLOAD_MARKER = "<!-- plan:download -->"  # on the home page: filled in by the build (the offline copy's link)
INDEXED_TYPES = tuple(t for t in NODE_TYPES if t is not Section)
EXCLUDE = "{ data-search-exclude }"  # a heading whose section stays out of the search index

NavEntry: TypeAlias = str | dict[str, "str | list[NavEntry]"]


def heading(plan: Plan, english: English, node: Node) -> str:
    """`M5 Accelerate the deployment …`, as the Chinese edition writes `M5 加快…`."""
    return f"{node.id.upper() if node.id_form.prefix else ''} {english.title(node.id)}".strip()


def _zh_heading(node: Node) -> str:
    return f"{node.id.upper() if node.id_form.prefix else ''} {node.title}".strip()


def link_to(plan: Plan, english: English, node: Node, here: str, text: str | None = None) -> str:
    return md_link(text or heading(plan, english, node), relative(here, page_of(node)))


def sentence_link(plan: Plan, sentence_id: str, here: str) -> str:
    sentence = plan.interpretation.sentences[sentence_id]
    label = E.sentence_label(sentence_id, question_number(sentence_id), sentence_number(sentence_id))
    return md_link(label, relative(here, f"{sentence.page}#{sentence_id}"))


def _badge(text: str) -> str:
    return f'<span class="badge-editorial">{html.escape(text, quote=False)}</span>'


def _summary(english: English, node: Node) -> str:
    """A node's summary wherever it is shown, with its mark: the site wrote it, and translated it."""
    text = english.summary(node.id)
    return f"{_badge(E.SUMMARY_MARK)} {md_text(text)}" if text else ""


# --- sentences ----------------------------------------------------------------------------------


def sentence_html(plan: Plan, english: English, sentence_id: str, here: str) -> str:
    """One sentence in English with its id, its link and its Chinese original (hidden until hover, focus or
    the side-by-side view). The Markdown paragraph around it keeps the text as text (md_text), but for the
    names of items that the Chinese sentence links too (english/mentions.py)."""
    rendering = english.sentences[sentence_id]
    label = attr(E.SENTENCE_ANCHOR.format(id=sentence_id))
    text = mentions.linked_sentence(plan, english, sentence_id, here)
    return (
        f'<span class="sentence" id="{sentence_id}"><span class="sentence-text">{text}</span>'
        f'<a class="sentence-anchor" href="#{sentence_id}" aria-label="{label}" title="{label}"></a>'
        f'<span class="sentence-original" role="note" aria-label="{attr(E.ORIGINAL)}" data-search-exclude>'
        f'<span lang="zh-CN">{md_text(rendering.zh)}</span></span></span>'
    )


def _paragraphs(plan: Plan, english: English, sentences: Iterable[Sentence], here: str) -> list[str]:
    """Sentences grouped into paragraphs as on their Chinese page: consecutive lines are one paragraph."""
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][-1].line + 1 == sentence.line and groups[-1][-1].page == sentence.page:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return [" ".join(sentence_html(plan, english, s.id, here) for s in group) for group in groups]


# --- whole edition ------------------------------------------------------------------------------


def page_paths(plan: Plan) -> list[str]:
    """Every page of the English edition, as docs paths: the same as the Chinese edition's, and the glossary."""
    paths = [HOME, INDEX_PAGE, *(page_of(s) for s in plan.of(Section)), FULL_TEXT, OVERVIEW, GLOSSARY]
    for node_type in INDEXED_TYPES:
        paths.append(index_of(node_type))
        if node_type not in GROUPED:
            paths += [page_of(n) for n in plan.of(node_type)]
    return paths


def english_pages(plan: Plan, english: English, site_url: str) -> dict[str, str]:
    """Every page of the English edition: docs path → Markdown. `site_url` is the edition's own (…/en/)."""
    pages = {
        HOME: home_page(plan, english),
        INDEX_PAGE: interpretation_index(plan, english, site_url),
        FULL_TEXT: full_text_page(plan, english, site_url),
        OVERVIEW: overview_page(plan, english),
        GLOSSARY: glossary_page(plan, english),
    }
    for section in plan.of(Section):
        pages[page_of(section)] = section_page(plan, english, section, site_url)
    for node_type in INDEXED_TYPES:
        nodes = plan.of(node_type)
        if node_type in GROUPED:
            pages[index_of(node_type)] = grouped_page(plan, english, node_type, nodes, site_url)
            continue
        pages[index_of(node_type)] = index_page(plan, english, node_type, nodes)
        for node in nodes:
            pages[page_of(node)] = node_page(plan, english, node, site_url)
    return pages


def navigation(plan: Plan, english: English) -> list[NavEntry]:
    def title(node: Node) -> str:
        return html.escape(heading(plan, english, node), quote=False)

    def entries(node_type: type[Node]) -> list[NavEntry]:
        items: list[NavEntry] = [{title(n): page_of(n)} for n in plan.of(node_type)]
        return [index_of(node_type), *items]

    tasks: list[NavEntry] = [index_of(Task)]
    for task in plan.of(Task):
        measures: list[NavEntry] = [{title(m): page_of(m)} for m in plan.targets(task.id, Relation.CONTAINS)]
        tasks.append({title(task): [page_of(task), *measures]})
    tasks.append(index_of(Measure))
    more: list[NavEntry] = [{index_title(plan, t): index_of(t)} for t in GROUPED]
    return [
        {E.NAV["home"]: HOME},
        {
            E.NAV["interpretation"]: [
                INDEX_PAGE,
                *(page_of(s) for s in plan.of(Section)),
                {E.NAV["full_text"]: FULL_TEXT},
            ]
        },
        {E.NAV["tasks"]: tasks},
        {E.NAV["projects"]: entries(Project)},
        {E.NAV["safeguards"]: entries(Safeguard)},
        {E.NAV["goals"]: entries(Goal)},
        {E.NAV["overview"]: OVERVIEW},
        {E.NAV["more"]: [*more, {E.NAV["glossary"]: GLOSSARY}]},
    ]


def index_title(plan: Plan, node_type: type[Node]) -> str:
    return E.INDEX_TITLE[node_type.key].format(count=len(plan.of(node_type)))


def _description(plan: Plan, english: English, node: Node) -> str:
    kind = E.numbered(node.kind, node.number) or E.KIND[node.kind]
    return E.DESCRIPTION.format(kind=kind, plan=english.short_title.en, summary=english.summary(node.id))


# --- the interpretation -------------------------------------------------------------------------


def _source_line(plan: Plan) -> str:
    return f'<p class="source-line">{html.escape(E.SOURCE_LINE.format(date=plan.document.announced))}</p>'


def interpretation_index(plan: Plan, english: English, site_url: str) -> str:
    here = INDEX_PAGE
    preamble = plan.interpretation.pages.get(INDEX_PAGE)
    parts = [f"# {md_text(english.titles['intro'].en)}", _source_line(plan)]
    parts += _paragraphs(plan, english, preamble.sentences if preamble else (), here)
    parts.append(f"## {E.QUESTIONS}")
    parts.append(
        "\n".join(
            f"{s.number}. {md_link(_question_title(english, s), relative(here, page_of(s)))}" for s in plan.of(Section)
        )
    )
    parts.append(f"{md_link(E.NAV['full_text'], relative(here, FULL_TEXT))}: {E.FULL_TEXT_NOTE.format(sections=7)}")
    parts += _interpretation_citing(english, here, site_url, INTERPRETATION_KEY)
    head = front_matter(E.NAV["interpretation"], english.titles["intro"].en + ". " + E.NOTICE_META)
    return head + "\n" + "\n\n".join(parts) + "\n"


def _question_title(english: English, section: Section) -> str:
    found = english.titles.get(section.id.lower())
    return found.en if found else english.title(section.id)


def section_page(plan: Plan, english: English, section: Section, site_url: str) -> str:
    here = page_of(section)
    page = plan.interpretation.section(section.id)
    title = _question_title(english, section)
    sentences = _paragraphs(plan, english, page.sentences if page else (), here)
    parts = [f"# {md_text(title)}", _source_line(plan), *sentences]
    nodes = plan.targets(section.id, Relation.DISCUSSES) + plan.targets(section.id, Relation.MENTIONS)
    if nodes:
        items = "\n".join(f"- {link_to(plan, english, n, here)}" for n in nodes)
        parts.append(f"## {E.TOPICS} {EXCLUDE}\n\n{items}\n{{: .section-topics }}")
    parts += _interpretation_citing(english, here, site_url, section.id.lower(), title)
    summary = E.SUMMARY_DESCRIPTION.format(summary=english.summary(section.id))
    head = front_matter(title, f"{summary} {E.NOTICE_META}")
    return head + "\n" + "\n\n".join(parts) + "\n"


def full_text_page(plan: Plan, english: English, site_url: str) -> str:
    here = FULL_TEXT
    sections = plan.of(Section)
    title = E.FULL_TEXT_TITLE.format(title=english.titles["intro"].en if "intro" in english.titles else "")
    # Search points at each sentence's own page: indexing this copy would show every hit twice.
    description = f"{E.FULL_TEXT_NOTE.format(sections=len(sections))} {E.NOTICE_META}"
    head = front_matter(E.NAV["full_text"], description, search={"exclude": True})
    parts = [f"# {md_text(title)}", _source_line(plan), E.FULL_TEXT_NOTE.format(sections=len(sections))]
    preamble = plan.interpretation.pages.get(INDEX_PAGE)
    parts += _paragraphs(plan, english, preamble.sentences if preamble else (), here)
    for section in sections:
        page = plan.interpretation.section(section.id)
        parts.append(f"## {md_text(_question_title(english, section))} {{#{section.id.lower()}}}")
        parts.append(md_link(E.FULL_TEXT_OWN_PAGE, relative(here, page_of(section))) + "\n{: .full-text-own }")
        parts += _paragraphs(plan, english, page.sentences if page else (), here)
    parts += _interpretation_citing(english, here, site_url, INTERPRETATION_KEY)
    return head + "\n" + "\n\n".join(parts) + "\n"


def _interpretation_citing(english: English, here: str, site_url: str, key: str, part: str = "") -> list[str]:
    """A page of the interpretation cites it (a Q&A page its question, with the copy buttons), and quotes a
    selection of its sentences."""
    cited = citing.interpretation_citation(english, part, public_url(here, site_url))
    section = citing.citation_section(cited, key)
    if part:
        title, rest = section.split("\n\n", 1)
        section = f"{title}\n\n{citing.cite_buttons(cited, part)}\n\n{rest}"
    return [section, citing.quote_control(english)]


# --- node pages ---------------------------------------------------------------------------------


def node_page(plan: Plan, english: English, node: Node, site_url: str) -> str:
    here = page_of(node)
    title = heading(plan, english, node)
    head = [
        front_matter(title, _description(plan, english, node)),
        f"# {md_text(title)}",
        _trail(plan, english, node, here),
    ]
    return "\n\n".join(p for p in head + node_sections(plan, english, node, here, site_url) if p) + "\n"


def grouped_page(plan: Plan, english: English, node_type: type[Node], nodes: list[Node], site_url: str) -> str:
    here = index_of(node_type)
    title = index_title(plan, node_type)
    names = ", ".join(heading(plan, english, n) for n in nodes)
    parts = [front_matter(title, f"{names}. {E.NOTICE_META}"), f"# {title}"]
    for node in nodes:
        parts.append(f"## {md_text(heading(plan, english, node))} {{#{node.id.lower()}}}")
        # As on the Chinese page: each item's Related items heading gets its own label in the contents, whose
        # nested lists screen readers announce by it (several lists all named Related items could not be told
        # apart).
        related = f"### {E.RELATED} {EXCLUDE}"
        label = attr(E.RELATED_OF.format(name=english.title(node.id)))
        unique = f'### {E.RELATED} {{ data-search-exclude data-toc-label="{label}" }}'
        parts += [_demote(p).replace(related, unique) for p in node_sections(plan, english, node, here, site_url) if p]
    return "\n\n".join(parts) + "\n"


def _demote(markdown: str) -> str:
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def node_sections(plan: Plan, english: English, node: Node, here: str, site_url: str) -> list[str]:
    parts = [_share(plan, english, node, site_url)]
    summary = english.summary(node.id)
    if summary:
        parts.append(f"## {E.SUMMARY}\n\n{_summary(english, node)}\n{{: .editorial-summary }}")
        basis = _summary_basis(plan, english, node, here)
        if basis:
            parts.append(basis)
    parts.append(_in_chinese(node))
    if isinstance(node, Goal):
        parts.append(_indicators(plan, english, node, here))
    parts.append(_interpretation(plan, english, node, here))
    parts.append(_related(plan, english, node, here))
    parts.append(_sources(plan, english, node.sources, here))
    parts.append(_citation(plan, english, node, site_url))
    return parts


def _summary_basis(plan: Plan, english: English, node: Node, here: str) -> str:
    """What the summary rests on, as the Chinese page says it: sentences, headings, reports, the site's reasons."""
    basis = []
    for source in node.summary_sources:
        if isinstance(source, SentenceQuote):
            basis.append(sentence_link(plan, source.sentence, here))
        elif isinstance(source, HeadingQuote):
            basis.append(_heading_link(plan, source.heading, here))
        elif isinstance(source, FactQuote):
            basis.append(E.FACTS_SOURCE + (f" ({E.REPORT}{md_text(source.report)})" if source.report else ""))
        elif isinstance(source, Editorial):
            basis.append(_reading(english, (source.note,)))
    return f"{E.SUMMARY_BASIS}{'; '.join(dict.fromkeys(basis))}\n{{: .summary-basis }}" if basis else ""


def _heading_link(plan: Plan, heading_id: str, here: str) -> str:
    section = next((s for s in plan.of(Section) if s.id.lower() == heading_id), None)
    label = E.HEADING_SOURCE.format(number=section.number if section else heading_id)
    return md_link(label, relative(here, page_of(section))) if section else md_text(label)


def _reading(english: English, notes: Iterable[str] = ()) -> str:
    """How the site's own reading is marked: a visible badge, then its reason in English when given."""
    return _badge(E.EDITORIAL) + (" " + md_text("; ".join(english.note(n) for n in notes)) if notes else "")


def _editorial(english: English, note: str) -> str:
    return f"{_reading(english, (note,))}\n{{: .editorial-note }}"


def _readings(edges: Iterable[Edge], end: Callable[[Edge], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The nodes at one end of these edges that the site links by its own reading, with the reasons."""
    found: dict[str, tuple[str, ...]] = {}
    for edge in edges:
        if edge.editorial:
            for node_id in end(edge):
                found[node_id] = tuple(dict.fromkeys((*found.get(node_id, ()), *edge.notes)))
    return found


def _in_chinese(node: Node) -> str:
    """The node's title and the site's summary as the Chinese edition has them: what the English renders, and
    what a Chinese query typed on an English page finds (its heading is a search result of its own)."""
    title = f'{E.IN_CHINESE}: <span lang="zh-CN">{html.escape(_zh_heading(node))}</span>'
    parts = [f"## {title} {{#{node.id.lower()}-zh .original-title }}"]
    if node.summary:
        badge = f'<span class="badge-editorial">{html.escape(ZH.SUMMARY_BADGE)}</span>'
        parts.append(f'<span lang="zh-CN">{badge}{md_text(node.summary)}</span>')
    return "\n\n".join(parts)


def _trail(plan: Plan, english: English, node: Node, here: str) -> str:
    steps = [md_link(index_title(plan, type(node)), relative(here, index_of(type(node))))]
    parent = plan.parent(node)
    if parent:
        steps.append(link_to(plan, english, parent, here))
    current = md_text(E.numbered(node.kind, node.number) or E.KIND[node.kind])
    steps.append(f'<span aria-current="page">{current}</span>')
    line = " › ".join(steps)
    siblings = [s.id for s in plan.siblings(node)]
    if node.id in siblings and len(siblings) > 1:
        position = siblings.index(node.id)
        moves = []
        if position > 0:
            moves.append(f"{E.PREVIOUS}: {link_to(plan, english, plan.nodes[siblings[position - 1]], here)}")
        if position + 1 < len(siblings):
            moves.append(f"{E.NEXT}: {link_to(plan, english, plan.nodes[siblings[position + 1]], here)}")
        line += "\n\n" + " · ".join(moves)
    return f'<nav class="node-trail" aria-label="{attr(E.TRAIL)}" data-search-exclude markdown>\n\n{line}\n\n</nav>'


def _interpretation(plan: Plan, english: English, node: Node, here: str) -> str:
    out = [f"## {E.FROM_INTERPRETATION}"]
    kind = E.KIND[node.kind].lower()
    if not plan.is_explained(node):
        sections = plan.origins(node.id, Relation.DISCUSSES)
        if sections:
            names = ", ".join(f"question {s.number}" for s in sections)
            out.append(f"{E.ONLY_LISTED.format(kind=kind, sections=names)}\n{{: .not-covered }}")
        elif not isinstance(node, (Technology, Issuer)):
            out.append(f"{E.NEVER_NAMED.format(kind=kind)}\n{{: .not-covered }}")
    seen: list[str] = []
    notes: list[str] = []
    for edge in plan.edges_to(node.id, Relation.DISCUSSES):
        for source in edge.sources:
            if isinstance(source, SentenceQuote) and source.sentence not in seen:
                seen.append(source.sentence)
        notes += [note for note in edge.notes if note not in notes]
    for sentence_id in seen:
        rendering = english.sentences[sentence_id]
        original = f'<span lang="zh-CN" data-search-exclude>{md_text(rendering.zh)}</span>'
        out.append(
            f"> {md_text(rendering.en)}\n>\n> {original}\n{{: .quoted-original }}"
            f"\n>\n> — {sentence_link(plan, sentence_id, here)}"
        )
    out += [_editorial(english, note) for note in notes]
    return "\n\n".join(out) if len(out) > 1 else ""


def _bullets(
    plan: Plan, english: English, nodes: Iterable[Node], here: str, readings: dict[str, tuple[str, ...]] | None = None
) -> str:
    """Items with their summaries, each marked as the site's; `readings`: the items whose relation to this page
    is the site's reading, with why (given once, after the list)."""
    lines, notes = [], []
    for node in nodes:
        reading = (readings or {}).get(node.id)
        mark = f" {_reading(english)}" if reading else ""
        notes += [note for note in reading or () if note not in notes]
        lines.append(f"- {link_to(plan, english, node, here)}{mark}: {_summary(english, node)}")
    return "\n".join(lines) + "".join(f"\n\n{_editorial(english, note)}" for note in notes)


def _related(plan: Plan, english: English, node: Node, here: str) -> str:
    groups: list[tuple[str, list[Node], str]] = []
    parent = plan.parent(node)
    if parent:
        groups.append((E.PARENT, [parent], ""))
    groups.append((E.CHILDREN, plan.targets(node.id, Relation.CONTAINS), ""))
    if isinstance(node, Task):
        edges = plan.edges_to(node.id, Relation.SUPPORTS)
        groups.append((E.SUPPORTED_BY, plan.origins(node.id, Relation.SUPPORTS), _jointly(plan, edges, here)))
    if isinstance(node, Project):
        edges = plan.edges_from(node.id, Relation.SUPPORTS)
        groups.append((E.SUPPORTS, plan.targets(node.id, Relation.SUPPORTS), _jointly(plan, edges, here)))
    groups.append((E.MENTIONS, plan.targets(node.id, Relation.MENTIONS), ""))
    groups.append((E.MENTIONED_BY, plan.origins(node.id, Relation.MENTIONS), ""))
    readings = {
        E.MENTIONS: _readings(plan.edges_from(node.id, Relation.MENTIONS), lambda e: e.objects),
        E.MENTIONED_BY: _readings(plan.edges_to(node.id, Relation.MENTIONS), lambda e: e.subjects),
    }
    out = [f"## {E.RELATED} {EXCLUDE}"]
    for title, nodes, note in groups:
        if nodes:
            out.append(f"### {title} {EXCLUDE}\n\n{_bullets(plan, english, nodes, here, readings.get(title))}")
            if note:
                out.append(note)
    items = []
    for edge in plan.edges_to(node.id, Relation.DISCUSSES):
        for section_id in edge.subjects:
            section = plan.nodes[section_id]
            role = E.ROLE[edge.role or Role.EXPLAINS]
            text = f"Q{section.number} {english.title(section.id)}"
            reading = f"; {_reading(english, edge.notes)}" if edge.editorial else ""
            items.append(f"- {link_to(plan, english, section, here, text)} ({role}{reading})")
    if items:
        out.append(f"### {E.DISCUSSED_IN} {EXCLUDE}\n\n" + "\n".join(dict.fromkeys(items)))
    return "\n\n".join(out) if len(out) > 1 else ""


def _jointly(plan: Plan, edges: list[Edge], here: str) -> str:
    notes = []
    for edge in edges:
        if len(edge.subjects) > 1:
            targets = ", ".join(E.numbered(Task.kind, plan.nodes[t].number) for t in edge.objects)
            cited = "".join(
                f" ({sentence_link(plan, s.sentence, here)})" for s in edge.sources if isinstance(s, SentenceQuote)
            )
            notes.append(md_text(E.JOINTLY.format(count=len(edge.subjects), targets=targets)) + cited)
    return "\n\n".join(f"{n}\n{{: .jointly }}" for n in dict.fromkeys(notes))


def _sources(plan: Plan, english: English, sources: Iterable[Source], here: str) -> str:
    lines = []
    for source in sources:
        if isinstance(source, SentenceQuote):
            quote = f'“<span lang="zh-CN">{md_text(source.quote)}</span>”'
            lines.append(f"- {quote} — {sentence_link(plan, source.sentence, here)}")
        elif isinstance(source, HeadingQuote):
            quote = f'“<span lang="zh-CN">{md_text(source.quote)}</span>”'
            lines.append(f"- {quote} — {_heading_link(plan, source.heading, here)}")
        elif isinstance(source, FactQuote):
            report = f" ({E.REPORT}{md_text(source.report)})" if source.report else ""
            lines.append(f'- “<span lang="zh-CN">{md_text(source.quote)}</span>” — {E.FACTS_SOURCE}{report}')
        elif isinstance(source, Editorial):
            lines.append(f"- {_reading(english, (source.note,))}")
    return f"## {E.SOURCES} {EXCLUDE}\n\n" + "\n".join(lines) if lines else ""


def _citation(plan: Plan, english: English, node: Node, site_url: str) -> str:
    cited = citing.plan_citation(plan, english, heading(plan, english, node), public_url(page_of(node), site_url))
    return citing.citation_section(cited, node.id.lower())


def _share(plan: Plan, english: English, node: Node, site_url: str) -> str:
    name = heading(plan, english, node)
    return citing.cite_buttons(citing.plan_citation(plan, english, name, public_url(page_of(node), site_url)), name)


def _indicators(plan: Plan, english: English, goal: Goal, here: str, level: str = "##") -> str:
    """As the Chinese page: the indicators the interpretation words, then apart the words only reports give,
    said to be fragments of the Plan's sentences rather than indicators of their own."""
    quoted, reported = [], []
    for source in goal.indicators:
        quote = f'<span lang="zh-CN" data-search-exclude>{md_text(source.quote)}</span>'
        if isinstance(source, SentenceQuote):
            quoted.append(f"- {quote} <small>{sentence_link(plan, source.sentence, here)}</small>")
        else:
            report = f" ({E.REPORT}{md_text(source.report)})" if source.report else ""
            reported.append(f"- “{quote}” <small>{E.FACTS_SOURCE}{report}</small>")
    title = E.INDICATORS.get(goal.term, E.INDICATORS["near"])
    out = [f"{level} {title}\n\n" + "\n".join(quoted)] if quoted else []
    if reported:
        note = f"{_badge(E.EDITORIAL)} {md_text(E.REPORTED_WORDING_NOTE)}\n{{: .editorial-note }}"
        out.append(f"{level}# {E.REPORTED_WORDING}\n\n{note}\n\n" + "\n".join(reported))
    return "\n\n".join(out)


# --- index pages, overview, home, glossary ------------------------------------------------------


def index_page(plan: Plan, english: English, node_type: type[Node], nodes: list[Node]) -> str:
    here = index_of(node_type)
    title = index_title(plan, node_type)
    parts = [front_matter(title, f"{title} of the {english.short_title.en}. {E.NOTICE_META}"), f"# {title}"]
    if node_type is Measure:
        for task in plan.of(Task):
            measures = plan.targets(task.id, Relation.CONTAINS)
            parts.append(f"## {link_to(plan, english, task, here)}\n\n{_bullets(plan, english, measures, here)}")
    elif node_type is Task:
        for item in nodes:
            children = plan.targets(item.id, Relation.CONTAINS)
            body = f"{_summary(english, item)}\n\n{_bullets(plan, english, children, here)}"
            parts.append(f"## {link_to(plan, english, item, here)}\n\n{body}")
    elif node_type is Goal:
        for goal in (n for n in nodes if isinstance(n, Goal)):
            indicators = _indicators(plan, english, goal, here, "###")
            parts.append(f"## {link_to(plan, english, goal, here)}\n\n{_summary(english, goal)}\n\n{indicators}")
    else:
        parts.append(_bullets(plan, english, nodes, here))
        statements = {e: None for n in nodes for e in plan.edges_from(n.id, Relation.SUPPORTS)}
        parts.append(_jointly(plan, list(statements), here))
    return "\n\n".join(p for p in parts if p) + "\n"


def overview_page(plan: Plan, english: English) -> str:
    here = OVERVIEW
    parts = [front_matter(E.NAV["overview"], f"{E.OVERVIEW_INTRO} {E.NOTICE_META}"), f"# {E.NAV['overview']}"]
    parts.append(E.OVERVIEW_INTRO)
    parts.append(
        f"## {E.INDEX_TITLE[Goal.key]}\n\n" + "\n".join(f"- {link_to(plan, english, g, here)}" for g in plan.of(Goal))
    )
    tasks = []
    for task in plan.of(Task):
        tasks.append(f"- {link_to(plan, english, task, here)}")
        tasks += [f"    - {link_to(plan, english, m, here)}" for m in plan.targets(task.id, Relation.CONTAINS)]
    parts.append(f"## {E.NAV['tasks']}\n\n" + "\n".join(tasks))
    for node_type in (Project, Safeguard, Principle):
        items = "\n".join(f"- {link_to(plan, english, n, here)}" for n in plan.of(node_type))
        parts.append(f"## {index_title(plan, node_type)}\n\n{items}")
    statements = {e: None for n in plan.of(Project) for e in plan.edges_from(n.id, Relation.SUPPORTS)}
    parts.append(_jointly(plan, list(statements), here))
    return "\n\n".join(p for p in parts if p) + "\n"


def home_page(plan: Plan, english: English) -> str:
    here = HOME
    counts = E.HOME_COUNTS.format(
        tasks=len(plan.of(Task)), measures=len(plan.of(Measure)),
        projects=len(plan.of(Project)), safeguards=len(plan.of(Safeguard)),
    )  # fmt: skip
    intro = E.HOME_INTRO.format(plan=english.document_title.en, date=plan.document.announced)
    start = [
        f"- {md_link(E.NAV['interpretation'], relative(here, INDEX_PAGE))}: {E.HOME_LINKS['interpretation']}",
        f"- {md_link(E.NAV['overview'], relative(here, OVERVIEW))}: {E.HOME_LINKS['overview']}",
        f"- {md_link(E.NAV['glossary'], relative(here, GLOSSARY))}: {E.HOME_LINKS['glossary']}",
    ]
    parts = [
        front_matter(E.NAV["home"], f"{english.document_title.en}: {counts}. {E.NOTICE_META}"),
        f"# {md_text(english.document_title.en)}",
        md_text(intro),
        md_link(counts, relative(here, OVERVIEW)),
        f"## {E.HOME_START}\n\n" + "\n".join(start),
        f"## {E.OFFLINE_HEADING}\n\n{DOWNLOAD_MARKER}",
    ]
    return "\n\n".join(parts) + "\n"


def glossary_page(plan: Plan, english: English) -> str:
    here = GLOSSARY
    texts: list[tuple[str, str, str]] = []  # (Chinese, link text, target)
    for sentence_id, rendering in english.sentences.items():
        sentence = plan.interpretation.sentences[sentence_id]
        texts.append((rendering.zh, sentence_id, relative(here, f"{sentence.page}#{sentence_id}")))
    for node in plan.nodes.values():
        texts.append((f"{node.title} {node.summary}", node.id, relative(here, page_of(node))))
    rows = [f"| {' | '.join(E.GLOSSARY_HEAD)} |", "| --- | --- | --- |"]
    for term in english.glossary:
        where = [f"[{md_text(name)}]({target})" for zh, name, target in texts if term.zh in zh]
        note = f"<br><small>{md_text(term.note)}</small>" if term.note else ""
        rows.append(
            f'| <span lang="zh-CN">{md_text(term.zh)}</span> | {md_text(term.en)}{note} '
            f"| {', '.join(where) or E.GLOSSARY_NOWHERE} |"
        )
    parts = [
        front_matter(E.GLOSSARY_TITLE, f"{E.GLOSSARY_INTRO} {E.NOTICE_META}"),
        f"# {E.GLOSSARY_TITLE}",
        E.GLOSSARY_INTRO,
        "\n".join(rows) + "\n{: .glossary }",
    ]
    return "\n\n".join(parts) + "\n"


def short_link_page(plan: Plan, english: English, node: Node, target: str, canonical: str) -> str:
    """A tiny page at /en/m5/ that sends the reader on to the node's English page; works without a server."""
    title, href = html.escape(heading(plan, english, node)), html.escape(target)
    return (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="canonical" href="{html.escape(canonical)}"><meta http-equiv="refresh" content="0; url={href}">'
        f'<p>{E.SHORT_LINK} <a href="{href}">{title}</a></html>\n'
    )
