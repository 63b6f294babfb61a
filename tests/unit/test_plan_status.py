"""The facts box: the plan period from the Plan's title, where it stands on the build date, stated with that
date, and the edition's commit said to be unknown cleanly when there is none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plansite import exports, facts_box, labels, load_plan, status
from plansite.citation import page_citation
from plansite.english import labels as E
from plansite.metadata import json_ld
from plansite.words import FactsWords
from support.project import ROOT


@pytest.fixture(scope="module")
def plan():  # type: ignore[no-untyped-def]
    return load_plan(ROOT)


def _box(plan, day: str, commit: str = "abc1234", words: FactsWords = labels.FACTS) -> str:  # type: ignore[no-untyped-def]
    found = status.plan_status(plan, status.Build(day, commit), "2023-09-08")
    return facts_box.box_html(found, plan.document.title, labels.INTERPRETATION_AUTHOR, words)


def test_period_comes_from_the_title() -> None:
    assert status.period("元宇宙产业创新发展三年行动计划（2023—2025年）") == (2023, 2025)
    assert status.period("无规划期的标题") is None


@pytest.mark.parametrize(
    ("day", "stage"),
    [("2022-12-31", status.Stage.BEFORE), ("2023-01-01", status.Stage.DURING), ("2025-12-31", status.Stage.DURING),
     ("2026-01-01", status.Stage.ENDED)],
)  # fmt: skip
def test_stage_on_a_day(day: str, stage: status.Stage) -> None:
    assert status.stage(2023, 2025, day) is stage


def test_box_states_the_period_with_the_build_date(plan) -> None:  # type: ignore[no-untyped-def]
    assert "2023—2025年（截至2026-12-07，规划期已结束）" in _box(plan, "2026-12-07")
    assert "2023—2025年（截至2025-03-01，实施中）" in _box(plan, "2025-03-01")
    english = _box(plan, "2026-12-07", words=E.FACTS)
    assert "2023–2025 (as of 2026-12-07: the period has ended)" in english


def test_box_names_the_five_general_offices_and_the_dates(plan) -> None:  # type: ignore[no-untyped-def]
    box = _box(plan, "2026-12-07")
    for office in (
        "工业和信息化部办公厅",
        "教育部办公厅",
        "文化和旅游部办公厅",
        "国务院国资委办公厅",
        "国家广播电视总局办公厅",
    ):
        assert office in box
    assert "2023-09-08" in box and "工业和信息化部，2023-09-08" in box
    assert "不是原文" in box  # the site's reckoning is marked as the site's


def test_unknown_commit_is_said_cleanly(plan) -> None:  # type: ignore[no-untyped-def]
    assert "2026-12-07 构建，提交 未知" in _box(plan, "2026-12-07", commit="")
    assert "commit unknown" in _box(plan, "2026-12-07", commit="", words=E.FACTS)


def test_commit_outside_a_repository_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(status.COMMIT_VARIABLE, raising=False)
    status.commit.cache_clear()
    assert status.commit(tmp_path) == ""
    status.commit.cache_clear()


def test_build_day_follows_source_date_epoch() -> None:
    assert status.build_day("1796601600") == "2026-12-07"


def test_plan_json_and_json_ld_carry_the_period(plan, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796601600")
    monkeypatch.setenv(status.COMMIT_VARIABLE, "abc1234")
    data = json.loads(exports.plan_json(plan, "https://example.org/"))
    assert data["status"]["period"] == {"start": 2023, "end": 2025}
    assert data["status"]["stage"] == "ended" and data["status"]["as_of"] == "2026-12-07"
    assert data["status"]["edition"] == {"built": "2026-12-07", "commit": "abc1234"}
    cited = page_citation(plan, "index.md", "", "https://example.org/")
    assert json_ld(plan, cited, "index.md", "https://example.org/", None)["temporalCoverage"] == "2023/2025"
