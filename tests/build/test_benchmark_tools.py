"""The benchmark's tools work: its synthetic plans are real projects (the strict build accepts them and they hold
what they say), the profile and the serve rebuild measure the one build of both editions (the English one nested
in the Chinese), and its Lighthouse installs on a fresh clone from the committed npm lock file alone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plansite import load_plan
from support.project import BUILD_ENV, ROOT, mkdocs_build

BENCHMARKS = ROOT / "tests" / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))  # the benchmark's modules import one another as scripts do

from generate import counts_for, generate_project  # noqa: E402
from lighthouse import HERE, LIGHTHOUSE  # noqa: E402
from worker import EDITS, NESTED_BUILD, hook_files, profile_problems  # noqa: E402


def _worker(*argv: str) -> dict:
    """tests/benchmarks/worker.py in a fresh process, as run.py starts it; its last stdout line is JSON."""
    command = [sys.executable, str(BENCHMARKS / "worker.py"), *argv]
    result = subprocess.run(command, env=BUILD_ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"worker.py {' '.join(argv)} failed:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_generated_plan_of_20_measures_passes_the_strict_build_with_its_counts(tmp_path: Path) -> None:
    project = tmp_path / "plan"
    generated = generate_project(project, 20)
    expected = counts_for(20)

    plan = load_plan(project)  # every quote found in its sentence or facts section, or this raises
    kinds = {kind: sum(1 for n in plan.nodes.values() if n.kind == kind) for kind in generated.nodes}
    assert kinds == dict(generated.nodes)
    for key, kind in (("measures", "measure"), ("tasks", "task"), ("projects", "project"), ("goals", "goal")):
        assert kinds[kind] == expected[key]
    assert kinds["section"] == 9
    relations = {relation: sum(1 for e in plan.edges if e.relation == relation) for relation in generated.edges}
    assert relations == dict(generated.edges)
    generated_sentences = [s for s in plan.interpretation.sentences if not s.startswith("intro-")]
    assert len(generated_sentences) == generated.sentences  # the preamble's sentences are the real ones
    assert all(len(plan.origins(f"M{n}", "contains")) == 1 for n in range(1, 21))

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    measure_pages = sorted(p.parent.name for p in (site / "measures").glob("m*/index.html"))
    assert len(measure_pages) == 20
    assert len(list((site / "tasks").glob("t*/index.html"))) == expected["tasks"]
    assert (site / "interpretation" / "q9" / "index.html").is_file()


def test_both_editions_run_the_hooks_mkdocs_yml_lists() -> None:
    chinese = hook_files(ROOT / "mkdocs.yml")
    assert hook_files(ROOT / "mkdocs.en.yml") == chinese  # INHERIT: mkdocs.yml, the same list
    assert NESTED_BUILD[0] in chinese.values()
    assert all(Path(path).is_file() for path in chinese)


def test_the_profile_counts_each_hook_entry_point_once_per_edition_and_not_the_nested_build(tmp_path: Path) -> None:
    profile = _worker("profile", str(ROOT), str(tmp_path / "site"))
    listed = sorted(hook_files(ROOT / "mkdocs.yml").values())
    assert profile["ok"], profile["log"]
    assert (tmp_path / "site" / "en" / "index.html").is_file()  # the one build wrote both editions
    assert profile["hooks_listed"] == listed
    modules = {entry.split(".")[0] for entry in profile["hook_entry_points"]}
    assert sorted(modules) == listed  # every listed module seen, nothing else counted
    assert all(entry.split(".")[1].startswith("on_") for entry in profile["hook_entry_points"])
    nested = profile["nested_build_seconds"]
    assert nested is not None and 0 < nested < profile["seconds"]
    # The entry point that builds the English edition is counted without it: were it counted whole, it alone
    # would hold at least the nested build's time.
    assert profile["hook_entry_points"]["site_language.on_post_build"] < nested / 10
    assert 0 < profile["hooks_seconds"] < profile["seconds"] - nested
    # What the profile says when it no longer sees a hook or the English edition, rather than a share that passes.
    entries = profile["hook_entry_points"]
    without_citing = {entry: s for entry, s in entries.items() if not entry.startswith("site_citing.")}
    assert profile_problems(set(listed), entries, nested, english=True) == []
    assert "site_citing" in " ".join(profile_problems(set(listed), without_citing, nested, english=True))
    assert "English edition was not built" in " ".join(profile_problems(set(listed), entries, None, english=True))


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_each_serve_rebuild_shows_its_edit_in_the_editions_it_rebuilds_and_restores_the_data(
    edit: str, project_copy: Path
) -> None:
    data = {p: p.read_bytes() for p in (project_copy / "data").rglob("*.yaml")}
    rebuild = _worker("rebuild", str(project_copy), "0", edit)  # the warm-up edit only
    assert rebuild["ok"], rebuild["log"]
    assert rebuild["edited"] == EDITS[edit].description
    assert {p: p.read_bytes() for p in (project_copy / "data").rglob("*.yaml")} == data


@pytest.mark.network
def test_lighthouse_installs_from_the_committed_lock_file(tmp_path: Path) -> None:
    """What `npm ci --prefix tests/benchmarks` does on a fresh clone: package.json and package-lock.json alone,
    in sync, install the pinned Lighthouse where tests/benchmarks/lighthouse.py looks for it."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the benchmark's Lighthouse step needs Node.js 20 and npm")
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(BENCHMARKS / name, tmp_path / name)
    command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"npm ci failed:\n{result.stdout}\n{result.stderr}"
    pinned = json.loads((BENCHMARKS / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]
    installed = json.loads((tmp_path / "node_modules" / "lighthouse" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned
    assert (tmp_path / LIGHTHOUSE.relative_to(HERE)).exists(), "no lighthouse command where lighthouse.py runs it"
