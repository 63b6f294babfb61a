"""The facts box: the Plan's status (`plansite/status.py`) as the labelled list that the home page and the
full text show in both editions and the PDF's cover lays out. The markup is one for both editions, each giving
its words (`FactsWords`); the Chinese box is `chinese()`, the English one `english.pages.facts_box`."""

from __future__ import annotations

import html

from . import labels as L
from .citation import INTERPRETATION_ISSUED
from .model import Plan
from .status import PlanStatus, plan_status, this_build
from .words import FactsWords

MARKER = "<!-- plan:facts -->"  # where a hand-written page (docs/index.md) shows the box


def chinese(plan: Plan, here: str = "") -> str:
    status = plan_status(plan, this_build(), INTERPRETATION_ISSUED)
    return box_html(status, plan.document.title, L.INTERPRETATION_AUTHOR, L.FACTS)


def rows(status: PlanStatus, title: str, publisher: str, words: FactsWords) -> list[tuple[str, str]]:
    """The box as (label, value) pairs, for the HTML here and for the PDF's cover."""
    offices = words.separator.join(words.issuer.format(issuer=i) for i in status.issuers)
    built = status.build
    return [
        (words.title, title),
        (words.issuers, offices),
        (words.announced, status.announced),
        (words.interpretation, words.interpretation_value.format(publisher=publisher, date=status.interpretation_date)),
        (
            words.period,
            words.period_value.format(
                start=status.start, end=status.end, as_of=status.as_of, stage=words.stages[status.stage]
            ),
        ),
        (words.build, words.build_value.format(built=built.built, commit=built.commit or words.unknown_commit)),
    ]


def box_html(status: PlanStatus | None, title: str, publisher: str, words: FactsWords) -> str:
    """The box as HTML (a `<dl>`, which Markdown leaves as it is); "" without a period to state."""
    if status is None:
        return ""
    items = "".join(
        f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>"
        for label, value in rows(status, title, publisher, words)
    )
    return (
        f'<section class="plan-facts" aria-labelledby="plan-facts-heading" data-search-exclude>'
        f'<h2 id="plan-facts-heading">{html.escape(words.heading)}</h2>'
        f"<dl>{items}</dl><p><small>{html.escape(words.note)}</small></p></section>"
    )
