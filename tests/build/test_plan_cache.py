"""The checked plan kept between builds (.cache/plan) never hides a change or an error in the data."""

from __future__ import annotations

from pathlib import Path

from support.project import mkdocs_build


def _cached(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "plan").glob("*.pickle"))


def test_a_change_to_the_data_is_seen_and_a_bad_change_is_reported_every_time(project_copy: Path) -> None:
    site = project_copy / "out"
    assert mkdocs_build(project_copy, site).returncode == 0
    (first,) = _cached(project_copy)

    measures = project_copy / "data" / "measures.yaml"
    good = measures.read_text(encoding="utf-8")
    measures.write_text(
        good.replace("title: 加快重点行业工业元宇宙布局", "title: 加快重点行业工业元宇宙布局（修订）"), encoding="utf-8"
    )
    english = project_copy / "data" / "en" / "nodes.yaml"  # a new title needs its English brought up to date
    translated = english.read_text(encoding="utf-8")
    english.write_text(
        translated.replace("{zh: 加快重点行业工业元宇宙布局,", "{zh: 加快重点行业工业元宇宙布局（修订）,")
    )
    assert mkdocs_build(project_copy, site).returncode == 0
    assert "加快重点行业工业元宇宙布局（修订）" in (site / "measures" / "m5" / "index.html").read_text(encoding="utf-8")
    assert _cached(project_copy) != [first], "a new plan is kept for the new data, the old one is dropped"

    measures.write_text(good.replace("  - id: M5\n", "  - id: M5\n    titel: typo\n"), encoding="utf-8")
    for _ in range(2):  # a plan with problems is never kept: the second build reports them again
        failed = mkdocs_build(project_copy, site)
        assert failed.returncode != 0 and "titel" in failed.stderr

    measures.write_text(good, encoding="utf-8")
    english.write_text(translated, encoding="utf-8")
    assert mkdocs_build(project_copy, site).returncode == 0
    assert "（修订）" not in (site / "measures" / "m5" / "index.html").read_text(encoding="utf-8")


def test_a_damaged_cache_is_made_again(project_copy: Path) -> None:
    site = project_copy / "out"
    assert mkdocs_build(project_copy, site).returncode == 0
    (kept,) = _cached(project_copy)
    kept.write_bytes(b"not a pickle")
    again = mkdocs_build(project_copy, site)
    assert again.returncode == 0, again.stderr
    assert _cached(project_copy)[0].read_bytes() != b"not a pickle"


def test_a_change_to_the_checking_code_is_not_served_a_stale_plan(project_copy: Path) -> None:
    site = project_copy / "out"
    assert mkdocs_build(project_copy, site).returncode == 0
    (first,) = _cached(project_copy)
    model = project_copy / "hooks" / "plansite" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert mkdocs_build(project_copy, site).returncode == 0
    assert _cached(project_copy) != [first]
