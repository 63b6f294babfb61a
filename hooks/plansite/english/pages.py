"""Render the English edition into Markdown pages at the same paths as the Chinese ones (/en/measures/m5/
mirrors /measures/m5/), its navigation and its short links. Pure functions of the plan and its translation.

Every sentence of the interpretation is written with its Chinese original beside it (shown on hover and
focus, or side by side when the reader switches that on), and every text the site wrote is marked as such.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .. import pages as shared
from .. import status
from ..citation import INTERPRETATION_ISSUED
from ..facts_box import box_html
from ..interpretation import INDEX_PAGE, Sentence
from ..markup import attr, front_matter, md_link, md_text, relative
from ..model import Issuer, Measure, Node, Plan, Project, Safeguard, Section, Task
from ..overview import overview_page
from ..pdf import MARKER as PDF_MARKER
from ..reference_files import INTERPRETATION_KEY
from ..share import cite_buttons
from ..urls import FULL_TEXT, GROUPED, HOME, OVERVIEW, index_of, page_of, public_url
from . import citing
from . import labels as E
from .alternates import GLOSSARY
from .edition import EnglishEdition
from .name_links import linked_sentence
from .translation import English

DOWNLOAD_MARKER = "<!-- plan:download -->"  # on the home page: filled in by the build (the offline copy's link)
EXCLUDE = shared.EXCLUDE


def heading(plan: Plan, english: English, node: Node) -> str:
    """`M5 Accelerate the deployment …`, as the Chinese edition writes `M5 加快…`."""
    return shared.heading(node, EnglishEdition(english))


# --- sentences ----------------------------------------------------------------------------------


def sentence_html(plan: Plan, english: English, sentence_id: str, here: str) -> str:
    """One sentence in English with its id, its link and its Chinese original (hidden until hover, focus or
    the side-by-side view). The Markdown paragraph around it keeps the text as text (md_text), but for the
    name links the Chinese sentence has too (english/name_links.py)."""
    rendering = english.sentences[sentence_id]
    label = attr(E.SENTENCE_ANCHOR.format(id=sentence_id))
    text = linked_sentence(plan, english, sentence_id, here)
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
    for node_type in shared.INDEXED_TYPES:
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
        OVERVIEW: overview_page(plan, EnglishEdition(english)),
        GLOSSARY: glossary_page(plan, english),
    }
    for section in plan.of(Section):
        pages[page_of(section)] = section_page(plan, english, section, site_url)
    pages.update(shared.node_kind_pages(plan, site_url, EnglishEdition(english)))
    return pages


def navigation(plan: Plan, english: English) -> list[shared.NavEntry]:
    """The Chinese edition's navigation in English, with the glossary under More."""
    return shared.navigation(plan, EnglishEdition(english), [(E.NAV["glossary"], GLOSSARY)])


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
            f"{s.number}. {md_link(citing.question_title(english, s), relative(here, page_of(s)))}"
            for s in plan.of(Section)
        )
    )
    parts.append(f"{md_link(E.NAV['full_text'], relative(here, FULL_TEXT))}: {E.FULL_TEXT_NOTE.format(sections=7)}")
    parts += _interpretation_citing(english, here, site_url, INTERPRETATION_KEY)
    head = front_matter(E.NAV["interpretation"], english.titles["intro"].en + ". " + E.NOTICE_META)
    return head + "\n" + "\n\n".join(parts) + "\n"


def section_page(plan: Plan, english: English, section: Section, site_url: str) -> str:
    here = page_of(section)
    page = plan.interpretation.section(section.id)
    title = citing.question_title(english, section)
    sentences = _paragraphs(plan, english, page.sentences if page else (), here)
    parts = [f"# {md_text(title)}", _source_line(plan), *sentences]
    topics = shared.section_topics(plan, section, here, EnglishEdition(english))
    if topics:
        parts.append(topics)
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
    parts = [
        f"# {md_text(title)}",
        _source_line(plan),
        E.FULL_TEXT_NOTE.format(sections=len(sections)),
        facts_box(plan, english),
        PDF_MARKER,  # the PDF edition's download line, filled in by the build
    ]
    preamble = plan.interpretation.pages.get(INDEX_PAGE)
    parts += _paragraphs(plan, english, preamble.sentences if preamble else (), here)
    for section in sections:
        page = plan.interpretation.section(section.id)
        parts.append(f"## {md_text(citing.question_title(english, section))} {{#{section.id.lower()}}}")
        parts.append(md_link(E.FULL_TEXT_OWN_PAGE, relative(here, page_of(section))) + "\n{: .full-text-own }")
        parts += _paragraphs(plan, english, page.sentences if page else (), here)
    parts += _interpretation_citing(english, here, site_url, INTERPRETATION_KEY)
    return head + "\n" + "\n\n".join(parts) + "\n"


def _interpretation_citing(english: English, here: str, site_url: str, key: str, part: str = "") -> list[str]:
    """A page of the interpretation cites it (a Q&A page its question, with the copy buttons), and quotes a
    selection of its sentences."""
    cited = citing.interpretation_citation(english, part, public_url(here, site_url))
    section = shared.citation_section(cited, here, key, EnglishEdition(english))
    if part:
        title, rest = section.split("\n\n", 1)
        section = f"{title}\n\n{cite_buttons(cited, part, citing.WORDS, citing.head)}\n\n{rest}"
    return [section, citing.quote_control(english)]


# --- overview, home, glossary ------------------------------------------------------


def facts_box(plan: Plan, english: English) -> str:
    """The facts box (plansite/facts_box.py) in English: the home page and the full text show it."""
    issuers = [english.title(n.id) for n in plan.of(Issuer)]
    found = status.plan_status(plan, status.this_build(), INTERPRETATION_ISSUED, issuers)
    return box_html(found, english.document_title.en, E.INTERPRETATION_AUTHOR, E.FACTS)


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
        facts_box(plan, english),
        f"## {E.HOME_START}\n\n" + "\n".join(start),
        f"## {E.OFFLINE_HEADING}\n\n{DOWNLOAD_MARKER}\n\n{PDF_MARKER}",
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
