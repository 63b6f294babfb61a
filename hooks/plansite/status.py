"""The Plan's status: its period, where the period stands on the day of the build, and which build this is.

These are the facts the facts box shows (`plansite/facts_box.py` writes the box) and plan.json carries.
Every fact comes from the sources: the title, the five general offices and the date of announcement from
`data/document.yaml` (checked against `data/sources/action-plan-facts.md`), the interpretation's publisher
and date from its source line, and the plan period from the title itself, `（2023—2025年）`. The only thing
the site works out is where the period stands on the day of the build (`SOURCE_DATE_EPOCH` when set, so that
two builds of one commit agree), and the box says so.
"""

from __future__ import annotations

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
class Build:
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
    build: Build


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


def this_build(root: Path | None = None) -> Build:
    """The build being made now, from the environment and the repository around `root`."""
    where = root or Path(__file__).resolve().parents[2]
    return Build(build_day(), commit(where))


def period(title: str) -> tuple[int, int] | None:
    match = _PERIOD.search(title)
    return (int(match["start"]), int(match["end"])) if match else None


def stage(start: int, end: int, day: str) -> Stage:
    year = int(day[:4])
    return Stage.BEFORE if year < start else Stage.ENDED if year > end else Stage.DURING


def plan_status(
    plan: Plan, build: Build, interpretation_date: str, issuers: Sequence[str] | None = None
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
        as_of=build.built,
        stage=stage(start, end, build.built),
        build=build,
    )


def status_json(status: PlanStatus) -> dict[str, object]:
    """The same facts for plan.json."""
    return {
        "period": {"start": status.start, "end": status.end},
        "as_of": status.as_of,
        "stage": str(status.stage),
        "interpretation_issued": status.interpretation_date,
        "edition": {"built": status.build.built, "commit": status.build.commit or None},
    }
