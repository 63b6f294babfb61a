"""Measurements that must run in a fresh Python process; run.py starts one per measurement.

    python tests/benchmarks/worker.py build PROJECT SITE [TIMEOUT]
        time one `mkdocs build --strict` child process, and its peak memory
    python tests/benchmarks/worker.py profile PROJECT SITE
        one in-process build under cProfile: where the time goes, and the hooks' share
    python tests/benchmarks/worker.py rebuild PROJECT RUNS EDIT
        what `mkdocs serve` does after an edit of data/ (EDIT: one of EDITS), RUNS times after a warm-up edit

Every build is of PROJECT's mkdocs.yml, which writes the whole site: the Chinese edition at the root and, from
`site_language.on_post_build`, the English one (mkdocs.en.yml) into en/. Each prints one JSON object on its last
line of stdout.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CONFIG = "mkdocs.yml"  # the whole site; mkdocs.en.yml is only ever built from inside it
ENGLISH_FOLDER = "en"
# The hook function that builds the English edition inside the Chinese build's site_language.on_post_build.
NESTED_BUILD = ("site_language", "build_english")


def build(project: Path, site: Path, timeout: float | None = None) -> dict:
    """One strict build as a child process: wall time and the child's peak resident memory.

    A build still running after `timeout` seconds is killed; its peak memory so far is still reported.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / CONFIG)]
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [*command, "-d", str(site)], cwd=project, env=ENV, capture_output=True, text=True, timeout=timeout
        )
        ok, timed_out, log = result.returncode == 0, False, result.stderr[-3000:]
    except subprocess.TimeoutExpired:  # run() has killed the child and waited for it
        ok, timed_out, log = False, True, f"timed out after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # this process's only child
    peak_kib = usage.ru_maxrss  # Linux: KiB
    english = (site / ENGLISH_FOLDER / "index.html").is_file()  # a project with data/en/ has both editions
    return {
        "ok": ok,
        "timeout": timed_out,
        "seconds": seconds,
        "peak_mib": peak_kib / 1024,
        # What a busy machine does not inflate as it does wall time: the CPU the build used.
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "english": english,
        "log": log,
    }


# Where the build's time goes: cumulative time of these functions (module file suffix, function name), over both
# editions (each runs once per edition; none of them contains the English edition's nested build). They do not
# call one another, so their shares can be read side by side.
BREAKDOWN = {
    "search plugin indexing pages (on_page_context)": ("material/plugins/search/plugin.py", "on_page_context"),
    "search index written": ("material/plugins/search/plugin.py", "on_post_build"),
    "Markdown → HTML (Page.render)": ("mkdocs/structure/pages.py", "render"),
    "templates (Jinja, incl. navigation)": ("mkdocs/commands/build.py", "_build_page"),
    "config, theme and plugin loading": ("mkdocs/config/base.py", "load_config"),
}
NESTED_LABEL = "the English edition's build, nested in the Chinese one (site_language.build_english)"


def hook_files(config_file: Path) -> dict[str, str]:
    """The hook modules a config file lists (after its INHERIT, as MkDocs reads it): real path → name.

    mkdocs.yml's list serves both editions: mkdocs.en.yml inherits it, and the English build runs the same modules.
    """
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as opened:  # a file, not text: yaml_load resolves INHERIT beside it
        hooks = yaml_load(opened).get("hooks") or []
    folder = config_file.resolve().parent
    return {os.path.realpath(folder / name): Path(name).stem for name in hooks}


Key = tuple[str, int, str]  # pstats: (file, line, function)


def hook_times(entries: dict, hooks_listed: dict[str, str]) -> tuple[dict[str, float], float | None]:
    """Each hook entry point's time over both editions, counted once per edition; and the nested build's time.

    The English edition is built inside the Chinese build's `site_language.on_post_build`, and runs every entry
    point again, so that one's cumulative time holds the whole English build: its hook entry points, which are
    counted on their own, and MkDocs' and the theme's work. An entry point that calls the nested build is
    counted as its own time and that of everything it calls except the nested build. (cProfile keeps one
    record per function, and for a function that recurses, as on_post_build does through the nested build, the
    outermost call's cumulative time only: its English call's share is found in what it calls, per caller.)
    """

    def hook_of(file: str) -> str | None:
        return hooks_listed.get(os.path.realpath(file) if file.startswith("/") else file)

    nested: Key | None = next(
        (key for key in entries if hook_of(key[0]) == NESTED_BUILD[0] and key[2] == NESTED_BUILD[1]), None
    )
    times: dict[str, float] = {}
    for key, (_cc, _nc, tottime, cumtime, _callers) in entries.items():
        hook = hook_of(key[0])
        if not hook or not key[2].startswith("on_"):  # the entry points do not call one another
            continue
        callees = {callee: stat[4][key] for callee, stat in entries.items() if key in stat[4]}
        if nested is not None and nested in callees:
            cumtime = tottime + sum(pair[3] for callee, pair in callees.items() if callee != nested)
        entry = f"{hook}.{key[2]}"
        times[entry] = times.get(entry, 0.0) + cumtime
    return times, (entries[nested][3] if nested is not None else None)


def profile_problems(
    listed: set[str], entry_points: dict[str, float], nested: float | None, english: bool
) -> list[str]:
    """Why a profile cannot give the hooks' share. A listed module with no entry point in it is a method that
    no longer sees that hook (a share of 0 % would pass its budget); a project with a translation and no nested
    build is a profile of the Chinese edition alone."""
    problems = []
    missing = listed - {entry.split(".")[0] for entry in entry_points}
    if missing:
        problems.append(f"no hook entry point found in the profile for {', '.join(sorted(missing))}")
    if english and nested is None:
        problems.append(f"no {'.'.join(NESTED_BUILD)} in the profile: the English edition was not built")
    return problems


def profile(project: Path, site: Path) -> dict:
    """One build in this process, as `mkdocs build --strict` runs it, profiled with cProfile: both editions,
    the English one after the Chinese pages in this process (PLAN_EDITIONS=in-turn), where cProfile sees it."""
    os.environ.update(ENV)
    os.environ["PLAN_EDITIONS"] = "in-turn"
    os.chdir(project)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    hooks_listed = hook_files(project / CONFIG)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(str(project / CONFIG), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    hooks_dir = str((project / "hooks").resolve())
    under_hooks = sum(
        tottime
        for (file, _line, _function), (_cc, _nc, tottime, _ct, _callers) in entries.items()
        if (os.path.realpath(file) if file.startswith("/") else file).startswith(hooks_dir)
    )
    hook_entry_points, nested = hook_times(entries, hooks_listed)
    breakdown = {}
    for label, (suffix, function) in BREAKDOWN.items():
        breakdown[label] = sum(
            cumtime
            for (file, _l, name), (_a, _b, _t, cumtime, _c) in entries.items()
            if name == function and file.endswith(suffix)
        )
    breakdown[NESTED_LABEL] = nested or 0.0
    hooks = sum(hook_entry_points.values())
    english = (project / "data" / ENGLISH_FOLDER).is_dir()  # a project with a translation has both editions
    problems = profile_problems(set(hooks_listed.values()), hook_entry_points, nested, english)
    return {
        "ok": not problems,
        "log": "; ".join(problems),
        "hooks_listed": sorted(hooks_listed.values()),
        "seconds": total,
        "profiled_total": stats.total_tt,  # type: ignore[attr-defined]
        "hooks_seconds": hooks,
        "hooks_own_code_seconds": under_hooks,
        "hook_entry_points": hook_entry_points,
        "nested_build_seconds": nested,
        "breakdown": breakdown,
        "top": _top(stats, 25),
    }


def _top(stats: pstats.Stats, count: int) -> list[dict]:
    """The functions with the most time of their own, outside the standard library's innermost loops."""
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    return [
        {"function": f"{_short(file)}:{line}:{name}", "calls": nc, "tottime": round(tt, 3), "cumtime": round(ct, 3)}
        for (file, line, name), (_cc, nc, tt, ct, _callers) in rows[:count]
    ]


def _short(file: str) -> str:
    for marker in ("site-packages/", "/hooks/"):
        if marker in file:
            return ("hooks/" if marker == "/hooks/" else "") + file.split(marker, 1)[1]
    return file


@dataclass(frozen=True)
class Change:
    """One file's change: the text inserted right after the first `anchor` that follows `after`."""

    data_file: str  # in the project
    anchor: str
    after: str  # where in the file to look for the anchor ("" from the start)
    marker: str  # the text inserted, with {run} replaced by the edit's number


@dataclass(frozen=True)
class Edit:
    """An edit of data/ a rebuild is timed after (one or more files, written before the rebuild), and what the
    rebuilt site must show for it: `shows` (site path → the marker's change) and, for an edit that leaves the
    translation behind the Chinese, that the English edition answers with the problem page instead."""

    description: str
    changes: tuple[Change, ...]
    shows: dict[str, int]  # built page → index in `changes` of the marker it must hold
    english_stale: bool = False


_ZH_SUMMARY = Change("data/measures.yaml", "summary: ", "", "基准测试编辑{run}号")
# The translation records the Chinese it renders (`zh:`): following the Chinese keeps the English edition current.
_ZH_IN_TRANSLATION = Change("data/en/nodes.yaml", "summary:\n      zh: ", "\n  M1:\n", "基准测试编辑{run}号")
_EN_SUMMARY = Change("data/en/nodes.yaml", 'en: "', "\n  M1:\n", "Benchmark edit {run}. ")
M1 = "measures/m1/index.html"
EN_M1 = f"{ENGLISH_FOLDER}/{M1}"

EDITS = {
    # The first measure's Chinese summary, and the translation's record of it: both editions rebuilt, the
    # English page with its Chinese text (the In Chinese section) — an edit of the Chinese that keeps the
    # translation current, and so the whole rebuild.
    "zh": Edit(
        "data/measures.yaml and the translation's zh in data/en/nodes.yaml",
        (_ZH_SUMMARY, _ZH_IN_TRANSLATION),
        {M1: 0, EN_M1: 0},
    ),
    # The Chinese summary alone: the translation now renders an older Chinese. Under serve the Chinese edition is
    # built with it, and the English edition answers every address with the problem page until it follows.
    "zh-only": Edit("data/measures.yaml alone", (_ZH_SUMMARY,), {M1: 0}, english_stale=True),
    # The first measure's English summary: what an editor of the translation changes.
    "en": Edit("data/en/nodes.yaml", (_EN_SUMMARY,), {EN_M1: 0}),
}


def _cpu_with_children() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def rebuild(project: Path, runs: int, edit_name: str) -> dict:
    """What `mkdocs serve` does when a file in data/ changes: reload the config, rebuild in the same process.

    As in mkdocs.commands.serve: one config for the first build (plugins started once), then for each
    change a fresh `load_config` with the serve URL as site_url and `build(config, serve_url=…, dirty=False)`,
    which builds both editions (the English from inside the Chinese build). The first change is a warm-up; the
    others are timed. Every rebuild is checked: each page `edit.shows` holds its marker and was written by that
    rebuild, and the English home page is the site's or, for an edit that leaves the translation behind, the
    problem page.
    """
    os.environ.update(ENV)
    os.chdir(project)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    sys.path.insert(0, str(project / "hooks"))  # as MkDocs puts it there for the hook modules
    from plansite.labels import PROBLEMS_TITLE

    edit = EDITS[edit_name]
    site_dir = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        return load_config(str(project / CONFIG), site_dir=str(site_dir))

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    start = time.perf_counter()
    mkdocs_build(config, serve_url=serve_url, dirty=False)
    first = time.perf_counter() - start

    originals = {c.data_file: (project / c.data_file).read_text(encoding="utf-8") for c in edit.changes}
    times: list[float] = []
    # The CPU time of each rebuild, which a busy machine does not inflate: this process's, and its children's
    # (the English edition's build, forked beside the Chinese pages and waited for within the rebuild).
    cpu_times: list[float] = []
    problems: list[str] = []
    try:
        for run in range(runs + 1):
            texts = dict(originals)
            markers = []
            for change in edit.changes:
                text = texts[change.data_file]
                at = text.index(change.anchor, text.index(change.after) if change.after else 0) + len(change.anchor)
                marker = change.marker.format(run=run)
                texts[change.data_file] = text[:at] + marker + text[at:]
                markers.append(marker)
            for name, text in texts.items():
                (project / name).write_text(text, encoding="utf-8")
            begun = time.time()
            start, cpu = time.perf_counter(), _cpu_with_children()
            config = get_config()
            config.site_url = serve_url
            mkdocs_build(config, serve_url=serve_url, dirty=False)
            seconds, cpu = time.perf_counter() - start, _cpu_with_children() - cpu
            problems += _check(site_dir, edit, markers, begun, PROBLEMS_TITLE, run)
            if run:  # the first edit warms up
                times.append(seconds)
                cpu_times.append(cpu)
    finally:
        for name, text in originals.items():
            (project / name).write_text(text, encoding="utf-8")
        config.plugins.on_shutdown()
    return {
        "ok": not problems,
        "log": "; ".join(problems[:5]),
        "edit": edit_name,
        "edited": edit.description,
        "first_build_seconds": first,
        "times": times,
        "cpu_times": cpu_times,
    }


def _check(site: Path, edit: Edit, markers: list[str], begun: float, problems_title: str, run: int) -> list[str]:
    """What is wrong with the site a rebuild after `edit` wrote, if anything."""
    found = []
    for page, index in edit.shows.items():
        path = site / page
        if not path.is_file() or path.stat().st_mtime < begun - 1:
            found.append(f"edit {run}: {page} was not written by the rebuild")
        elif markers[index] not in path.read_text(encoding="utf-8"):
            found.append(f"edit {run}: {page} does not show {markers[index]!r}")
    english_home = site / ENGLISH_FOLDER / "index.html"
    stale = english_home.is_file() and problems_title in english_home.read_text(encoding="utf-8")
    if stale != edit.english_stale:
        found.append(f"edit {run}: the English edition {'shows' if stale else 'does not show'} the problem page")
    return found


def main(argv: list[str]) -> int:
    command, project = argv[0], Path(argv[1]).resolve()
    if command == "build":
        timeout = float(argv[3]) if len(argv) > 3 and argv[3] else None
        result = build(project, Path(argv[2]), timeout)
    elif command == "profile":
        result = profile(project, Path(argv[2]))
    elif command == "rebuild":
        result = rebuild(project, int(argv[2]), argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
