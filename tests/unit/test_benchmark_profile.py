"""The benchmark's hooks' share counts each hook entry point once per edition, though the English edition is
built inside the Chinese build's `site_language.on_post_build` (tests/benchmarks/worker.py `hook_times`).

A profile of two stand-in hook modules, with a clock that ticks once per profiler event so that every count is
exact: the English build nested in on_post_build must give each entry point the time it has when the two
editions are built one after the other.
"""

from __future__ import annotations

import cProfile
import importlib.util
import itertools
import pstats
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

from worker import NESTED_BUILD, hook_times  # noqa: E402

LANGUAGE = """
ENGLISH = []  # the English build's events, set by the test


def work(n):
    for _ in range(n):
        step()


def step():
    pass


def on_post_build(primary):
    work(10)  # the sitemap
    if primary:
        build_english()


def build_english():
    work(100)  # MkDocs' and the theme's own work for the English edition
    for event in ENGLISH:
        event()
"""
PLAN = """
def on_config():
    for _ in range(5):
        step()


def step():
    pass
"""


def _load(folder: Path, name: str, source: str) -> tuple[ModuleType, str]:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"stand_in_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, str(path.resolve())


def _profile(tmp_path: Path, nested: bool) -> tuple[dict[str, float], float | None]:
    tmp_path.mkdir()
    language, language_path = _load(tmp_path, NESTED_BUILD[0], LANGUAGE)
    plan, plan_path = _load(tmp_path, "site_plan", PLAN)
    english = [plan.on_config, lambda: language.on_post_build(False)]
    ticks = itertools.count()
    profiler = cProfile.Profile(lambda: next(ticks))
    profiler.enable()
    plan.on_config()
    if nested:  # as mkdocs.yml builds the site: the English edition from inside the Chinese on_post_build
        language.ENGLISH[:] = english
        language.on_post_build(True)
    else:  # the two editions one after the other
        language.on_post_build(False)
        language.build_english()
        for event in english:
            event()
    profiler.disable()
    return hook_times(pstats.Stats(profiler).stats, {plan_path: "site_plan", language_path: NESTED_BUILD[0]})  # type: ignore[attr-defined]


def test_a_nested_english_build_is_counted_as_two_editions_built_one_after_the_other(tmp_path: Path) -> None:
    nested, nested_build = _profile(tmp_path / "nested", nested=True)
    apart, _ = _profile(tmp_path / "apart", nested=False)
    assert set(nested) == {"site_plan.on_config", "site_language.on_post_build"}
    assert nested["site_plan.on_config"] == apart["site_plan.on_config"]  # both editions' calls
    # on_post_build without the English build it holds: one tick more, the call that starts it.
    assert abs(nested["site_language.on_post_build"] - apart["site_language.on_post_build"]) <= 2
    assert nested_build is not None and nested_build > 5 * nested["site_language.on_post_build"]
