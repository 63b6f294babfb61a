"""Measurements that must run in a fresh Python process; run.py starts one per measurement.

    python tests/benchmarks/worker.py build PROJECT SITE [TIMEOUT [CONFIG]]
        time one `mkdocs build --strict` child process, and its peak memory
    python tests/benchmarks/worker.py profile PROJECT SITE [CONFIG]
        one in-process build under cProfile: where the time goes, and the hooks' share
    python tests/benchmarks/worker.py rebuild PROJECT RUNS [CONFIG]
        what `mkdocs serve` does after a data/ edit, RUNS times after a warm-up edit

CONFIG is the edition's config file in PROJECT: mkdocs.yml (the Chinese edition, the default) or mkdocs.en.yml
(the English one). Each prints one JSON object on its last line of stdout.
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
CHINESE, ENGLISH = "mkdocs.yml", "mkdocs.en.yml"


def build(project: Path, site: Path, timeout: float | None = None, config_file: str = CHINESE) -> dict:
    """One strict build as a child process: wall time and the child's peak resident memory.

    A build still running after `timeout` seconds is killed; its peak memory so far is still reported.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / config_file)]
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [*command, "-d", str(site)], cwd=project, env=ENV, capture_output=True, text=True, timeout=timeout
        )
        ok, timed_out, log = result.returncode == 0, False, result.stderr[-3000:]
    except subprocess.TimeoutExpired:  # run() has killed the child and waited for it
        ok, timed_out, log = False, True, f"timed out after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # Linux: KiB; this process's only child
    return {"ok": ok, "timeout": timed_out, "seconds": seconds, "peak_mib": peak_kib / 1024, "log": log}


# Where the build's time goes: cumulative time of these functions (module file suffix, function name).
# They do not call one another, except where said, so their shares can be read side by side.
BREAKDOWN = {
    "search plugin indexing pages (on_page_context)": ("material/plugins/search/plugin.py", "on_page_context"),
    "search index written": ("material/plugins/search/plugin.py", "on_post_build"),
    "Markdown → HTML (Page.render)": ("mkdocs/structure/pages.py", "render"),
    "templates (Jinja, incl. navigation)": ("mkdocs/commands/build.py", "_build_page"),
    "config, theme and plugin loading": ("mkdocs/config/base.py", "load_config"),
}


def hook_files(config_file: Path) -> dict[str, str]:
    """The hook modules a config file lists (after its INHERIT, as MkDocs reads it): real path → name.

    Each edition has its own: mkdocs.en.yml replaces mkdocs.yml's list with hooks/site_english.py, which calls
    helpers of other hook modules but none of their `on_*` entry points.
    """
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as opened:  # a file, not text: yaml_load resolves INHERIT beside it
        hooks = yaml_load(opened).get("hooks") or []
    folder = config_file.resolve().parent
    return {os.path.realpath(folder / name): Path(name).stem for name in hooks}


def profile(project: Path, site: Path, config_file: str = CHINESE) -> dict:
    """One build in this process, as `mkdocs build --strict` runs it, profiled with cProfile."""
    os.environ.update(ENV)
    os.chdir(project)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    hooks_listed = hook_files(project / config_file)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(str(project / config_file), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    hooks_dir = str((project / "hooks").resolve())
    hook_entry_points: dict[str, float] = {}
    under_hooks = 0.0
    for (file, _line, function), (_cc, _nc, tottime, cumtime, _callers) in entries.items():
        path = os.path.realpath(file) if file.startswith("/") else file
        if path.startswith(hooks_dir):
            under_hooks += tottime
        hook = hooks_listed.get(path)
        if hook and function.startswith("on_"):  # the hook entry points do not call one another
            entry = f"{hook}.{function}"
            hook_entry_points[entry] = hook_entry_points.get(entry, 0.0) + cumtime
    breakdown = {}
    for label, (suffix, function) in BREAKDOWN.items():
        breakdown[label] = sum(
            cumtime
            for (file, _l, name), (_a, _b, _t, cumtime, _c) in entries.items()
            if name == function and file.endswith(suffix)
        )
    hooks = sum(hook_entry_points.values())
    # No entry point found is a method that no longer sees the hooks (a share of 0 % would pass its budget).
    missing = set(hooks_listed.values()) - {entry.split(".")[0] for entry in hook_entry_points}
    return {
        "ok": not missing,
        "log": f"no hook entry point found in the profile for {', '.join(sorted(missing))}" if missing else "",
        "hooks_listed": sorted(hooks_listed.values()),
        "seconds": total,
        "profiled_total": stats.total_tt,  # type: ignore[attr-defined]
        "hooks_seconds": hooks,
        "hooks_own_code_seconds": under_hooks,
        "hook_entry_points": hook_entry_points,
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
class Edit:
    """The edit of data/ a rebuild is timed after, and the page that must show it."""

    data_file: str  # in the project
    anchor: str  # the edit goes right after the first occurrence of this, after `after`
    after: str  # where in the file to look for the anchor ("" from the start)
    marker: str  # the text inserted, with {run} replaced by the edit's number
    page: str  # the built page, in the site folder, the edited text shows on


EDITS = {
    # The first measure's Chinese summary.
    CHINESE: Edit("data/measures.yaml", "summary: ", "", "基准测试编辑{run}号", "measures/m1/index.html"),
    # The first measure's English summary: the translation an editor of the English edition changes. (An edit
    # of the Chinese would stop the English build until the translation follows it; that is its design.)
    ENGLISH: Edit("data/en/nodes.yaml", 'en: "', "\n  M1:\n", "Benchmark edit {run}. ", "measures/m1/index.html"),
}


def rebuild(project: Path, runs: int, config_file: str = CHINESE) -> dict:
    """What `mkdocs serve` does when a file in data/ changes: reload the config, rebuild in the same process.

    As in mkdocs.commands.serve: one config for the first build (plugins started once), then for each
    change a fresh `load_config` with the serve URL as site_url and `build(config, serve_url=…, dirty=False)`.
    The first change is a warm-up; the others are timed.
    """
    os.environ.update(ENV)
    os.chdir(project)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        return load_config(str(project / config_file), site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    start = time.perf_counter()
    mkdocs_build(config, serve_url=serve_url, dirty=False)
    first = time.perf_counter() - start

    edit = EDITS[config_file]
    data_file = project / edit.data_file
    original = data_file.read_text(encoding="utf-8")
    at = original.index(edit.anchor, original.index(edit.after) if edit.after else 0) + len(edit.anchor)
    page = Path(site_dir) / edit.page
    times, verified = [], True
    for run in range(runs + 1):
        marker = edit.marker.format(run=run)
        data_file.write_text(original[:at] + marker + original[at:], encoding="utf-8")
        start = time.perf_counter()
        config = get_config()
        config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url, dirty=False)
        seconds = time.perf_counter() - start
        verified &= marker in page.read_text(encoding="utf-8")
        if run:  # the first edit warms up
            times.append(seconds)
    data_file.write_text(original, encoding="utf-8")
    config.plugins.on_shutdown()
    return {"ok": verified, "edited": edit.data_file, "first_build_seconds": first, "times": times}


def main(argv: list[str]) -> int:
    command, project = argv[0], Path(argv[1]).resolve()
    if command == "build":
        timeout = float(argv[3]) if len(argv) > 3 and argv[3] else None
        result = build(project, Path(argv[2]), timeout, *argv[4:5])
    elif command == "profile":
        result = profile(project, Path(argv[2]), *argv[3:4])
    elif command == "rebuild":
        result = rebuild(project, int(argv[2]), *argv[3:4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
