"""Reading the problems a broken project copy's plan reports: the data tests name one by file and words."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite import PlanError, Problem, load_plan


def problems_of(project: Path) -> list[Problem]:
    with pytest.raises(PlanError) as caught:
        load_plan(project)
    return caught.value.problems


def problems_in(project: Path, file: str, fragment: str) -> list[Problem]:
    """The problems reported in `file` whose description holds `fragment`; there must be one at least."""
    problems = problems_of(project)
    found = [p for p in problems if p.where.file == file and fragment in p.what]
    assert found, f"no problem in {file} mentioning {fragment!r}; got:\n" + "\n".join(map(str, problems))
    return found


def the_problem(project: Path, file: str, fragment: str) -> Problem:
    return problems_in(project, file, fragment)[0]
