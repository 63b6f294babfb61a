"""The English edition's labels: every label and template its pages use, in one place."""

from __future__ import annotations

from .. import labels as ZH
from ..model import Goal, Issuer, Measure, Principle, Project, Role, Safeguard, Section, Task, Technology
from ..status import Stage
from ..words import FactsWords, QuoteWords, ShareWords, Words

SITE_NAME = "Metaverse Industry Action Plan (2023–2025): a reader"
LANGUAGE = "en"
KIND = {
    Section.kind: "Question",
    Goal.kind: "Goal",
    Principle.kind: "Basic principle",
    Task.kind: "Key task",
    Measure.kind: "Measure",
    Project.kind: "Project",
    Safeguard.kind: "Safeguard",
    Technology.kind: "Technology",
    Issuer.kind: "Issuing department",
}
# The title of each kind's list page; `{count}` is how many items the plan has.
INDEX_TITLE = {
    Goal.key: "Goals",
    Principle.key: "Basic principles",
    Task.key: "{count} key tasks",
    Measure.key: "{count} measures",
    Project.key: "{count} projects",
    Safeguard.key: "Safeguards",
    Technology.key: "Technologies",
    Issuer.key: "Issuing departments",
}
NAV = {
    "home": "Home",
    "interpretation": "Interpretation",
    "tasks": "Tasks and measures",
    "projects": "Projects",
    "safeguards": "Safeguards",
    "goals": "Goals",
    "overview": "Overview",
    "full_text": "Full text",
    "glossary": "Glossary",
    "more": "Principles, technologies, issuers, glossary",  # not "More": a link that says where it leads
}
TERM = {"near": "Near term (to 2025)", "long": "Long term"}

# Every English page says this, visibly and in its metadata.
NOTICE = (
    "<strong>Unofficial translation.</strong> This English edition is this site's own translation, not an "
    "official one; the Chinese text is authoritative."
)
NOTICE_LINK = "Read this page in Chinese"
NOTICE_META = "Unofficial English translation by this site; the Chinese original is authoritative."
BILINGUAL_SHOW = "Show the Chinese side by side"
BILINGUAL_HIDE = "Hide the Chinese"
ORIGINAL = "Chinese original"  # the label of each sentence's original, for screen readers and on hover
IN_CHINESE = "In Chinese"  # the heading of a node's original title and the site's Chinese summary

TRAIL = "Location"
# Before every summary, wherever it is shown (lists, item pages, descriptions, link previews): the site's words.
SUMMARY_MARK = "Site summary (not the original text)"
SUMMARY_DESCRIPTION = SUMMARY_MARK + ": {summary}"
EDITORIAL = "This site's reading"  # a relation, a source or a summary's basis that the site itself decided
QUESTION = "question {number}"  # a Q&A by its number inside a sentence
ROLE = {Role.LISTS: "names it", Role.EXPLAINS: "discusses it"}
SUPPORTS = "Tasks it supports"
MENTIONS = "Technologies involved"
SENTENCE_ANCHOR = "Link to this sentence ({id})"
REPORT = "report: "
SOURCE_LINE = (
    "Source: Ministry of Industry and Information Technology (MIIT), {date}. Translation: this site, unofficial."
)
QUESTIONS = "The seven questions"
FULL_TEXT_TITLE = "{title}: full text"
FULL_TEXT_NOTE = "The preamble and all {sections} questions on one page, for reading straight through and printing."
FULL_TEXT_OWN_PAGE = "This question on its own page"
GLOSSARY_TITLE = "Glossary"
GLOSSARY_INTRO = (
    "How this site's translation renders the recurring terms of the Action Plan and its interpretation. Every "
    "English text on this site uses these renderings; the links lead to where each term occurs."
)
GLOSSARY_HEAD = ("Chinese", "English", "Where it occurs")
GLOSSARY_NOWHERE = "—"
HOME_INTRO = (
    "The {plan} was announced on {date}. This site reproduces the official interpretation (解读) published by the "
    "Ministry of Industry and Information Technology, sentence by sentence, and sets out the structure of the Plan "
    "as pages that can be linked and cited."
)
HOME_START = "Where to start"
OFFLINE_HEADING = "Offline copy"
HOME_LINKS = {
    "interpretation": "the interpretation, every sentence with its own link and its Chinese original",
    "overview": "how the goals, tasks, measures, projects and safeguards fit together",
    "glossary": "how recurring terms are translated",
}
HOME_COUNTS = "{tasks} key tasks · {measures} measures · {projects} projects · {safeguards} safeguards"
INTERPRETATION_SHORT = "Interpretation"
PREAMBLE = "preamble"
CITATION_MORE_AUTHORS = "et al."
DESCRIPTION = SUMMARY_DESCRIPTION + " ({kind} of the {plan}.) " + NOTICE_META
SEARCH_DIALOG = "Search"  # the search dialog's name for screen readers
# How readers name one numbered item (`{n}`: its number), for search: "measure 5" finds M5 first.
SEARCH_NAMES = {
    Measure.kind: ("measure {n}", "measure no. {n}", "specific measure {n}"),
    Task.kind: ("task {n}", "key task {n}", "task no. {n}"),
    Project.kind: ("project {n}", "key project {n}", "project no. {n}"),
    Safeguard.kind: ("safeguard {n}", "safeguard measure {n}", "safeguard no. {n}"),
    Principle.kind: ("principle {n}", "basic principle {n}"),
    Goal.kind: ("goal {n}", "goal no. {n}"),
    Section.kind: ("question {n}", "q&a {n}", "q & a {n}"),
}
# Words that only make a query a question ("what are the goals"): search weighs a page without them.
SEARCH_FILLERS = ("what are", "what is", "what", "which", "why", "how", "the", "of", "a", "an", "is", "are")
# Short names readers type → the words the site's text uses for them.
SEARCH_SYNONYMS = {
    "miit": "ministry of industry and information technology",
    "five departments": "issuing departments",
    "5 departments": "issuing departments",
}
PRINT_QR = "QR code of this page's address"


def numbered(kind: str, number: int | None) -> str:
    """How the Plan counts an item, in English: Task 1, Measure 5, Question 3."""
    if number is None or kind == Goal.kind:
        return ""
    return f"{KIND[kind] if kind != Task.kind else 'Task'} {number}"


def sentence_label(sentence_id: str, question: int | None, number: int) -> str:
    """`q6-s2` → Interpretation, question 6, sentence 2."""
    part = PREAMBLE if question is None else QUESTION.format(number=question)
    return f"{INTERPRETATION_SHORT}, {part}, sentence {number}"


# Citing and sharing (plansite/english/citing.py); share.js reads the confirmations from the page.
ISSUING_OFFICE = "General Office of the {issuer}"
INTERPRETATION_AUTHOR = "Ministry of Industry and Information Technology"
COMPILED = "compiler and unofficial translator"  # the site's role for a page it compiled about the Plan
TRANSLATED = "unofficial translator"  # and for the interpretation, which it reproduces in translation
DOWNLOAD_CITATION = "Download the citation: {ris} · {bibtex}"
DOWNLOAD_CITATIONS = "Download the citations of every page: {ris} · {bibtex}"  # the offline copy's one pair
QUOTE_SOURCE = "— {author}, {title} (unofficial English translation by this site), {ids}"

# The hover cards of name links on a page of the interpretation (plansite/english/hover_cards.py).
HOVER_CARD_PARENT = "Part of: {parent}"

# The link-preview images (plansite/english/link_images.py) and their text alternative.
LINK_IMAGE_SEPARATOR = " · "
LINK_IMAGE_PARENT = "part of {parent}"
LINK_IMAGE_CONTAINS = "measures {children}"
LINK_IMAGE_SUPPORTS = "jointly supports {tasks}"
LINK_IMAGE_HOME_CONTEXT = "Issued by {count} departments · the official interpretation, sentence by sentence"
LINK_IMAGE_HOME_SUMMARY = (
    "{tasks} key tasks, {measures} measures, {projects} projects and {safeguards} safeguards, each with its "
    "source. English: this site's unofficial translation."
)
LINK_IMAGE_ALT = "{site}: {heading} ({context})"

LIST_SEPARATOR = ", "
REASON_SEPARATOR = "; "

# The facts box (plansite/facts_box.py) on the home page, the full text and the PDF's cover.
FACTS = FactsWords(
    heading="About the document",
    title="Title",
    issuers="Issued by",
    issuer="General Office of the {issuer}",
    separator="; ",
    announced="Announced",
    interpretation="Official interpretation",
    interpretation_value="{publisher}, {date}",
    period="Plan period",
    period_value="{start}–{end} (as of {as_of}: {stage})",
    stages={Stage.BEFORE: "not yet started", Stage.DURING: "in progress", Stage.ENDED: "the period has ended"},
    build="This edition",
    build_value="built {built}, commit {commit}",
    unknown_commit="unknown",
    note=(
        "The period is taken from the Plan's title; its status on the date given is this site's reckoning from "
        "the build date, not the original text, and says nothing about whether the Plan is still in force."
    ),
)

# The PDF edition (plansite/pdf/).
PDF_DOWNLOAD = (
    '<a href="{link}">Download the PDF</a> ({size}, made {date}): the interpretation in English, every sentence '
    "numbered, with the structure and a QR code for each section, for printing and passing on."
)
PDF_ONLINE = '<a href="{link}">The PDF</a> (online): the interpretation in English, every sentence numbered.'
PDF_MISSING = "The PDF has not been made yet: run ./dev build and a link appears here."
# The PDF's own words (plansite/pdf/languages.py makes them a PdfWords).
PDF = {
    "subtitle": "The interpretation, every sentence numbered, and the Plan's structure · PDF edition",
    "issued": "Issued jointly by the {offices}",
    "lines": ("Announced: {announced}", "Official interpretation: {publisher}; {source}"),
    "statement": (
        "This PDF was compiled by " + SITE_NAME + " from the public texts. It is not a document published by the "
        "departments named above, and its English is this site's unofficial translation: the Chinese originals are "
        "authoritative. The small grey id after each sentence is the site's permanent number for it; text marked "
        '"' + SUMMARY_MARK + "\" is this site's own summary."
    ),
    "site_label": "Read online:",
    "subject": (
        "The official interpretation of the Three-Year Action Plan for the Innovative Development of the Metaverse "
        "Industry (2023–2025) and the Plan's structure, in this site's unofficial English translation"
    ),
    "keywords": ("metaverse", "action plan", "interpretation", "MIIT"),
    "contents": "Contents",
    "interpretation": "The interpretation",
    "interpretation_note": (
        "MIIT's official interpretation in this site's unofficial translation, sentence by sentence; the small id "
        "after each sentence links to it online, beside its Chinese original."
    ),
    "preamble": "Preamble",
    "structure": "Structure",
    "structure_note": (
        "The Plan's goals, tasks and measures, projects and safeguards; text marked \"" + SUMMARY_MARK + '" is '
        "this site's own summary."
    ),
    "summary_mark": SUMMARY_MARK,
    "address_label": "Online:",
    "qr_alt": "QR code linking to {url}",
    "title_suffix": "{title}: the interpretation and the structure (compiled by this site)",
}


# Every word above that the renderers and the build's hooks ask of an edition (plansite/words.py).
WORDS = Words(
    html_lang="en",
    kind=KIND,
    kind_in_sentence={kind: name.lower() for kind, name in KIND.items()},
    nav=NAV,
    trail=TRAIL,
    previous="Previous",
    next="Next",
    summary="Summary",
    summary_badge=SUMMARY_MARK,
    summary_mark=SUMMARY_MARK,
    summary_basis="What the summary rests on: ",
    from_interpretation="In the interpretation",
    editorial=EDITORIAL,
    only_listed="The interpretation does not discuss this {kind} specifically; it only names it in {sections}.",
    never_named=(
        "The interpretation does not mention this {kind}; its name and place come from public reports of the Action P"
        "lan."
    ),
    related="Related items",
    topics="Items this question covers",
    related_of="Related to {name}",  # the contents' label of one item's related items on a page of several
    parent="Task",
    children="Measures",
    supported_by="Projects that support this task",
    supports=SUPPORTS,
    jointly=(
        "The interpretation says that these {count} projects jointly support the implementation of {targets}; it does "
        "not pair any project with a single task."
    ),
    mentions=MENTIONS,
    mentioned_by="Items that mention it",
    discussed_in="Questions that deal with it",
    role=ROLE,
    sources="Sources",
    facts_source="Public reports of the Action Plan (in Chinese)",
    report=REPORT,
    heading_source="the heading of {section}",  # a source quoting a Q&A heading; `{section}`: question 3
    indicators={"near": "Yardsticks (quoted in Chinese)", "long": "Development goals (quoted in Chinese)"},
    reported_wording="Wording given in public reports (in Chinese)",
    reported_wording_note=(
        "According to public reports, this part of the Action Plan also contains the following words, which the "
        "interpretation does not restate. They are fragments of the Plan's sentences, not indicators of their own."
    ),
    cite="Cite this page",
    access_date="date accessed",  # left for the reader in the citation shown on a page; the Cite button fills it in
    cite_downloads="<!-- plan:en-cite-downloads {key} -->",  # filled in by hooks/site_citing.py
    short_link="Redirecting to",
    share=ShareWords(
        share="{name}: link and citation",
        copy_link="Copy link",
        copy_citation="Cite",
        copy_citation_name="Cite: copy the citation",  # begins with the visible word, as speech input needs
        copy_markdown="Copy as Markdown",
        copied_link="Link copied",
        copied_citation="Citation copied",
        copied_markdown="Markdown link copied",
        copied_quote="Quotation, source and link copied",
        copy_failed="The browser did not allow copying; please copy by hand: ",
    ),
    quote=QuoteWords(
        selection="Quote the selection",
        selection_title="Copy the selected text with its source and link (Alt+Q)",
        hint="Interpretation text selected. Press Alt+Q to copy it as a quotation with its source and link.",
        range="{first} to {last}",
        keys=ZH.QUOTE_KEYS,
    ),
    # Punctuation between the site's words, as the Chinese edition has it in full width (plansite/edition.py).
    colon=": ",
    list_separator=LIST_SEPARATOR,
    basis_separator=REASON_SEPARATOR,
    reason_separator=REASON_SEPARATOR,
    badge_gap=" ",
    aside=" ({})",
    moves_separator=" · ",
    quoted='“<span lang="zh-CN">{}</span>”',
    attribution=" — ",
    indicator='<span lang="zh-CN" data-search-exclude>{}</span>',
    indicator_gap=" ",
    indicator_report=" (" + REPORT + "{report})",
    # The quotations are Chinese: on an English page they would only make it a second answer to Chinese queries
    # that the In Chinese section and the Chinese edition already answer.
    sources_in_search=False,
    overview_description=(
        "The whole structure of the Action Plan: goals, {tasks} key tasks, {measures} measures, {projects} projects "
        "and {safeguards} safeguards"
    ),
    overview_intro="The goals, tasks and measures, projects and safeguards of the Action Plan at a glance.",
    overview_tasks="{tasks} and {measures}",
    overview_supports="(supporting {tasks} jointly)",
    overview_supported_by="supported jointly by {count} projects",
    overview_run="{first} to {last}",
    search_dialog=SEARCH_DIALOG,
    search_nothing=(
        "No page of this site has these words. Try other or fewer words (such as \u201ccomputing\u201d or "
        "\u201ctalent\u201d), or an item's number (such as M5, T2, measure 5)."
    ),
    print_canonical="This page: ",  # before the page's address on paper
    print_qr=PRINT_QR,
    og_locale="en_GB",
    download=(
        '<a href="{link}">Download the offline copy</a> (ZIP, {size}, made {date}), both languages: unzip it anywhere '
        "and open index.html to read and search with no network."
    ),
    download_missing="The offline copy has not been made yet: run ./dev bundle, then build again.",
    offline_copy="You are reading the offline copy (made {date}). It needs no network; search works too.",
    offline_copy_undated="You are reading the offline copy. It needs no network; search works too.",
)
