"""The benchmark's synthetic plans are real projects: the strict build accepts them and they hold what they say."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import mkdocs_build

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

from generate import counts_for, generate_project  # noqa: E402

from plansite import load_plan  # noqa: E402


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
