"""Whatever an editor does to a data file, validation either accepts it or reports problems; it never crashes."""

from __future__ import annotations

import os
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansite import PlanError, input_rules, load_plan
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


# Changes to the structure and the kinds of values: what a careless paste or a hostile editor produces.
TAGS = ["!!binary", "!foo", "!!int", "!!float", "!!str", "!!python/object:os.system", "!!timestamp", "!", "!!map"]
INVISIBLE = ["\\u200b", "\\u200c\\u200d", "\\ufeff", "\\u2060", "\\u00ad", "\\u180e", " \\u200b "]
CONTROLS = [f"\\x{code:02x}" for code in (*range(0x20), 0x7F, 0x85)] + ["\\0", "\\L", "\\P", "\\e", "\\a"]
_VALUE = re.compile(r"^(\s*(?:- )?[a-z_]+: )(.+)$")


@st.composite
def structural_mutation(draw: st.DrawFn) -> tuple[str, str, bool]:
    """One of the real data files with a value nested, tagged, made a float, or given a control character or
    only invisible characters; and whether the change must be rejected (all but harmless nesting)."""
    name = draw(st.sampled_from(DATA_FILES))
    lines = (ROOT / "data" / name).read_text(encoding="utf-8").split("\n")
    candidates = [i for i, line in enumerate(lines) if _VALUE.match(line)]
    at = draw(st.sampled_from(candidates))
    head, value = _VALUE.match(lines[at]).groups()  # type: ignore[union-attr]
    kind = draw(st.sampled_from(["nest", "tag", "float", "control", "invisible"]))
    must_fail = True
    if kind == "nest":
        depth = draw(st.one_of(st.integers(1, 40), st.integers(40, 5_000)))
        must_fail = depth + head.count("  ") // 2 > input_rules.MAX_DEPTH
        opener, closer = draw(st.sampled_from([("[", "]"), ("{a: ", "}")]))
        value = opener * depth + value + closer * depth
    elif kind == "tag":
        value = f"{draw(st.sampled_from(TAGS))} {value}"
    elif kind == "float":
        value = draw(st.sampled_from(["5.0", "1.5", "1e3", ".inf", "-.inf", ".nan", "0x10", "1_000", "2.", "-0.0"]))
        must_fail = head.strip() == "number:"  # `title: 1e3` is a title YAML reads as the text 1e3
    elif kind == "control":
        text = value.strip("'\"")
        cut = draw(st.integers(0, len(text)))
        value = '"' + text[:cut].replace("\\", "") + draw(st.sampled_from(CONTROLS)) + text[cut:].replace('"', "") + '"'
    else:
        value = '"' + "".join(draw(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=4))) + '"'
    lines[at] = head + value
    return name, "\n".join(lines), must_fail


def _fuzz_settings(examples: str) -> settings:
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", examples)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


@_fuzz_settings("80")
@given(mutation())
def test_validation_never_crashes_on_a_mutated_file(change: tuple[str, str]) -> None:
    _load_changed(*change)


@_fuzz_settings("80")
@given(structural_mutation())
def test_validation_never_crashes_on_a_structurally_mutated_file(change: tuple[str, str, bool]) -> None:
    """Nesting, tags, floats for integers, control characters and invisible text: a clean list of problems
    (or a plan, where nesting is harmless), within 30 s and 500 MB."""
    name, text, must_fail = change
    started = time.monotonic()
    rejected = _load_changed(name, text)
    assert rejected or not must_fail, "this change must be reported"
    assert time.monotonic() - started < 30
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 500 * 1024, "peak memory over 500 MB"


def _load_changed(name: str, text: str) -> bool:
    """Load the data with one file changed; whether it was rejected, which it must be with clean problems."""
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
            return True
        return False
