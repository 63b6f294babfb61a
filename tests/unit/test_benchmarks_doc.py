"""BENCHMARKS.md's figures are the benchmark's: the block `run.py --write-md` writes is dated and names only files
that exist (a figure of a module that has gone is a figure of a site that has gone)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "BENCHMARKS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"  # as tests/benchmarks/run.py writes them
# A repository path: one of these folders, then the rest of the path up to a space, quote or bracket.
PATH = re.compile(r"(?<![\w/.-])(?:hooks|scripts|docs|tests|data)/[\w./-]*")


def block(text: str) -> str:
    start, end = text.index(START), text.index(END)
    assert start < end, f"{END} before {START}"
    return text[start + len(START) : end]


def named_paths(text: str) -> list[str]:
    """The repository paths a text names, without the full stop or comma that may follow one."""
    return [found.rstrip(".,") for found in PATH.findall(text)]


def test_the_results_block_names_only_files_that_exist() -> None:
    named = named_paths(block(BENCHMARKS.read_text(encoding="utf-8")))
    assert named, "the results block names no file: has its format changed?"
    missing = sorted({path for path in named if not (ROOT / path).exists()})
    assert not missing, f"BENCHMARKS.md's results block names files that do not exist: {', '.join(missing)}"


def test_the_results_block_is_dated() -> None:
    first = block(BENCHMARKS.read_text(encoding="utf-8")).strip().splitlines()[0]
    assert re.match(r"Run on \d{4}-\d{2}-\d{2}T", first), f"the results block does not start with its date: {first}"


def test_a_module_named_with_its_function_or_at_the_end_of_a_sentence_is_read_as_its_file() -> None:
    text = "of which hooks/site_plan.py on_config: 4 % (see scripts/bundle.py.) and hooks/site.py, data/ edits"
    assert named_paths(text) == ["hooks/site_plan.py", "scripts/bundle.py", "hooks/site.py", "data/"]
    assert not (ROOT / "hooks" / "site.py").exists()  # what the first test reports when a block names it
