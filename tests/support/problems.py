"""Reading the problems a broken project copy reports, of its plan or of its English translation: the data tests
name one by file and words."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite import PlanError, Problem, load_plan
from plansite.english import load_english


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


def english_problems_of(project: Path, *, require_current: bool = True) -> list[Problem]:
    """The problems the English edition's translation of a project copy reports (its plan must load)."""
    with pytest.raises(PlanError) as caught:
        load_english(project, load_plan(project), require_current=require_current)
    return caught.value.problems


def the_english_problem(project: Path, file: str, fragment: str) -> Problem:
    """The first problem of the English translation reported in `file` whose description holds `fragment`."""
    problems = english_problems_of(project)
    found = [p for p in problems if p.where.file == file and fragment in p.what]
    assert found, f"no problem in {file} mentioning {fragment!r}; got:\n" + "\n".join(map(str, problems))
    return found[0]
