"""The fields of the site's labels, which each language fills in: `plansite/labels.py` (Chinese) and
`plansite/english/labels.py` (English) each make one `Words`. A new label is a field here and its text in
each of those two files; every renderer and hook reads it from the edition being built (`edition.words`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Role
from .status import Stage


@dataclass(frozen=True)
class FactsWords:
    """What one language writes in the facts box."""

    heading: str
    title: str
    issuers: str
    issuer: str  # `{issuer}`: a department's general office
    separator: str  # between the offices
    announced: str
    interpretation: str
    interpretation_value: str  # `{publisher}`, `{date}`
    period: str
    period_value: str  # `{start}`, `{end}`, `{as_of}`, `{stage}`
    stages: dict[Stage, str]
    build: str
    build_value: str  # `{built}`, `{commit}`
    unknown_commit: str
    note: str  # says which words are the site's


@dataclass(frozen=True)
class ShareWords:
    """What the buttons and their confirmations say, in one edition's language."""

    share: str  # names the group of buttons; `{name}` is the page's
    copy_link: str
    copy_citation: str
    copy_citation_name: str
    copy_markdown: str
    copied_link: str
    copied_citation: str
    copied_markdown: str
    copied_quote: str
    copy_failed: str


@dataclass(frozen=True)
class QuoteWords:
    """What the control says, in one edition's language."""

    selection: str  # the button
    selection_title: str
    hint: str  # said through the live region when a passage is selected
    range: str  # how a range of ids reads in the source line: `{first}` and `{last}`
    keys: str  # the keyboard shortcut, as aria-keyshortcuts writes it


@dataclass(frozen=True)
class Words:
    """Every word and mark the node, list and grouped pages write themselves, in one language."""

    html_lang: str  # of the short links' redirect pages
    kind: dict[str, str]  # the name of a kind, as a heading or where an item has no number
    kind_in_sentence: dict[str, str]  # … inside a sentence: 这一措施, this measure
    nav: dict[str, str]
    trail: str
    previous: str
    next: str
    summary: str  # the heading of a node page's summary
    summary_badge: str  # the mark before a summary under that heading
    summary_mark: str  # the mark before a summary in a list
    summary_basis: str
    from_interpretation: str
    editorial: str  # the mark of the site's own reading
    only_listed: str
    never_named: str
    related: str
    topics: str  # the heading of what a Q&A page covers
    related_of: str
    parent: str
    children: str
    supported_by: str
    supports: str
    jointly: str
    mentions: str
    mentioned_by: str
    discussed_in: str
    role: dict[Role, str]
    sources: str
    facts_source: str
    report: str
    heading_source: str  # `{section}`: the Q&A whose heading a source quotes
    indicators: dict[str, str]
    reported_wording: str
    reported_wording_note: str
    cite: str
    access_date: str
    cite_downloads: str  # the marker the edition's hook replaces with the page's RIS and BibTeX links
    short_link: str
    share: ShareWords
    quote: QuoteWords
    # Punctuation.
    colon: str  # between an item's link and its summary, or a label and a link
    list_separator: str  # between names in a sentence or a description
    basis_separator: str  # between what a summary rests on
    reason_separator: str  # between the site's reasons, and before one after a role
    badge_gap: str  # between a badge and the text it marks
    aside: str  # `{}` in brackets after what it qualifies
    moves_separator: str  # between previous and next in the trail
    quoted: str  # `{}`: a quotation of the Chinese sources
    attribution: str  # between a quotation and where it is from
    indicator: str  # `{}`: an indicator, as the interpretation or a report words it
    indicator_gap: str  # between an indicator and its source
    indicator_report: str  # `{report}`: after a reported indicator's source
    sources_in_search: bool  # whether the quotations under Sources are searchable words of the page
    # The overview (plansite/overview.py).
    overview_description: str  # `{tasks}` … `{safeguards}`: how many of each
    overview_intro: str
    overview_tasks: str  # `{tasks}`, `{measures}`: the heading of the tasks' box, linking both lists
    overview_supports: str  # `{tasks}`: after the projects' heading, the tasks they support
    overview_supported_by: str  # `{count}`: in a task's box, how many projects support it
    overview_run: str  # `{first}`, `{last}`: a run of tasks
    # What the build writes around the pages (hooks/site_*.py).
    search_dialog: str  # the search dialog's name for screen readers
    search_nothing: str  # what search says when no page has the words
    print_canonical: str  # before the page's address in the printed masthead
    print_qr: str  # the title of the printed page's QR code
    og_locale: str  # the link preview's og:locale
    download: str  # `{link}`, `{size}`, `{date}`: the online site's link to the offline copy
    download_missing: str  # where that link goes while no offline copy has been built
    offline_copy: str  # `{date}`: in the offline copy, where the link would be
    offline_copy_undated: str
