"""Whatever an editor does to a data file, validation either accepts it or reports problems; it never crashes."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansite import PlanError, load_plan
from support.project import ROOT

DATA_FILES = sorted(p.name for p in (ROOT / "data").glob("*.yaml"))

# Things editors really type: YAML punctuation, indentation, ids, Chinese text, stray bytes.
fragments = st.sampled_from(
    [":", "- ", "  ", "\t", "#", "'", '"', "[", "]", "{", "}", "|", ">", "&a", "*a", "!!", "null", "0", "-1",
     "M99", "T1", "q3-s99", "id: M1", "source:", "quote: 不存在的话", "\n", "\n  - ", "…", "\ufeff", "\x00"]
)  # fmt: skip


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str]:
    """One of the real data files, changed at a random place in a random way."""
    name = draw(st.sampled_from(DATA_FILES))
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate", "swap"]))
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "insert":
        column = draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:column] + draw(fragments) + lines[at][column:]
    elif kind == "replace":
        key = lines[at].split(":", 1)[0]
        lines[at] = f"{key}: {draw(st.one_of(fragments, st.text(max_size=12)))}"
    elif kind == "truncate":
        lines = lines[:at]
    else:
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    return name, "\n".join(lines)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "80")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(mutation())
def test_validation_never_crashes_on_a_mutated_file(change: tuple[str, str]) -> None:
    name, text = change
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "data", project / "data")
        shutil.copytree(ROOT / "docs" / "interpretation", project / "docs" / "interpretation")
        (project / "data" / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_plan(project)
        except PlanError as error:
            assert error.problems, "a rejection must say what is wrong"
            for problem in error.problems:
                assert problem.where.file and problem.what
