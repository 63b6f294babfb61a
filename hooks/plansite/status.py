"""The Plan's status at a glance: the facts box of the home page, the full text and the PDF's cover.

Every fact comes from the sources: the title, the five general offices and the date of announcement from
`data/document.yaml` (checked against `data/sources/action-plan-facts.md`), the interpretation's publisher
and date from its source line, and the plan period from the title itself, `（2023—2025年）`. The only thing
the site works out is where the period stands on the day of the build (`SOURCE_DATE_EPOCH` when set, so that
two builds of one commit agree), and the box says so. Each edition supplies its words (`FactsWords`); the
markup is this module's, one for both.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .model import Issuer, Plan

# `（2023—2025年）` in the Plan's title: the period it covers. Full-width or ASCII brackets, any dash.
_PERIOD = re.compile(r"[（(]\s*(?P<start>\d{4})\s*[—–-]+\s*(?P<end>\d{4})\s*年?\s*[）)]")
COMMIT_VARIABLE = "SITE_COMMIT"  # set: the commit to name, instead of asking git (a build from an exported tree)


class Stage(StrEnum):
    """Where the plan period stands on a given day."""

    BEFORE = "not_started"
    DURING = "in_progress"
    ENDED = "ended"


@dataclass(frozen=True)
class Edition:
    """This build of the site: its date (YYYY-MM-DD) and commit ("" when unknown)."""

    built: str
    commit: str


@dataclass(frozen=True)
class PlanStatus:
    """The facts of the box, in the sources' language; each edition words them."""

    issuers: tuple[str, ...]  # the departments; the edition adds 办公厅 / General Office of
    announced: str
    interpretation_date: str
    start: int
    end: int
    as_of: str  # YYYY-MM-DD: the build date the stage is stated for
    stage: Stage
    edition: Edition


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
    edition: str
    edition_value: str  # `{built}`, `{commit}`
    unknown_commit: str
    note: str  # says which words are the site's


def build_day(epoch: str | None = None) -> str:
    """The build date, YYYY-MM-DD in UTC: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today."""
    value = os.environ.get("SOURCE_DATE_EPOCH") if epoch is None else epoch
    seconds = int(value) if value and value.strip().isdigit() else int(time.time())
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


@lru_cache(maxsize=4)
def commit(root: Path) -> str:
    """The commit the site is built from: `SITE_COMMIT`, else git's short hash, else "" (no git, no repository)."""
    given = os.environ.get(COMMIT_VARIABLE, "").strip()
    if given:
        return given[:12]
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    answer = found.stdout.strip()
    return answer if found.returncode == 0 and re.fullmatch(r"[0-9a-f]{7,40}", answer) else ""


def this_edition(root: Path | None = None) -> Edition:
    """The edition being built now, from the environment and the repository around `root`."""
    where = root or Path(__file__).resolve().parents[2]
    return Edition(build_day(), commit(where))


def period(title: str) -> tuple[int, int] | None:
    match = _PERIOD.search(title)
    return (int(match["start"]), int(match["end"])) if match else None


def stage(start: int, end: int, day: str) -> Stage:
    year = int(day[:4])
    return Stage.BEFORE if year < start else Stage.ENDED if year > end else Stage.DURING


def plan_status(
    plan: Plan, edition: Edition, interpretation_date: str, issuers: Sequence[str] | None = None
) -> PlanStatus | None:
    """The Plan's facts and where its period stands on the build date; None when the title gives no period.
    `issuers`: the departments' names in the language of the box (the data's Chinese names by default)."""
    years = period(plan.document.title)
    if years is None:
        return None
    start, end = years
    return PlanStatus(
        issuers=tuple(issuers) if issuers is not None else tuple(n.title for n in plan.of(Issuer)),
        announced=plan.document.announced,
        interpretation_date=interpretation_date,
        start=start,
        end=end,
        as_of=edition.built,
        stage=stage(start, end, edition.built),
        edition=edition,
    )


def rows(status: PlanStatus, title: str, publisher: str, words: FactsWords) -> list[tuple[str, str]]:
    """The box as (label, value) pairs, for the HTML here and for the PDF's cover."""
    offices = words.separator.join(words.issuer.format(issuer=i) for i in status.issuers)
    built = status.edition
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
        (words.edition, words.edition_value.format(built=built.built, commit=built.commit or words.unknown_commit)),
    ]


def facts_box(status: PlanStatus | None, title: str, publisher: str, words: FactsWords) -> str:
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


def status_json(status: PlanStatus) -> dict[str, object]:
    """The same facts for plan.json."""
    return {
        "period": {"start": status.start, "end": status.end},
        "as_of": status.as_of,
        "stage": str(status.stage),
        "interpretation_issued": status.interpretation_date,
        "edition": {"built": status.edition.built, "commit": status.edition.commit or None},
    }
