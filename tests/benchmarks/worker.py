"""Measurements that must run in a fresh Python process; run.py starts one per measurement.

    python tests/benchmarks/worker.py build PROJECT SITE [TIMEOUT]
        time one `mkdocs build --strict` child process, and its peak memory
    python tests/benchmarks/worker.py profile PROJECT SITE
        one in-process build under cProfile: where the time goes, and the hooks' share
    python tests/benchmarks/worker.py rebuild PROJECT RUNS
        what `mkdocs serve` does after a data/ edit, RUNS times after a warm-up edit

Each prints one JSON object on its last line of stdout.
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
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, site: Path, timeout: float | None = None) -> dict:
    """One strict build as a child process: wall time and the child's peak resident memory.

    A build still running after `timeout` seconds is killed; its peak memory so far is still reported.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml")]
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
HOOK_FILES = (  # as mkdocs.yml lists them
    "hooks/site_plan.py",
    "hooks/site_exports.py",
    "hooks/site_citing.py",
    "hooks/site_search.py",
    "hooks/site_html.py",
    "hooks/site_language.py",
)


def profile(project: Path, site: Path) -> dict:
    """One build in this process, as `mkdocs build --strict` runs it, profiled with cProfile."""
    os.environ.update(ENV)
    os.chdir(project)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
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
        hook_file = next((name for name in HOOK_FILES if path.endswith(name)), None)
        if hook_file and function.startswith("on_"):  # the hook entry points do not call one another
            entry = f"{Path(hook_file).stem}.{function}"
            hook_entry_points[entry] = hook_entry_points.get(entry, 0.0) + cumtime
    breakdown = {}
    for label, (suffix, function) in BREAKDOWN.items():
        breakdown[label] = sum(
            cumtime
            for (file, _l, name), (_a, _b, _t, cumtime, _c) in entries.items()
            if name == function and file.endswith(suffix)
        )
    hooks = sum(hook_entry_points.values())
    return {
        "ok": True,
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


def rebuild(project: Path, runs: int) -> dict:
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
        return load_config(str(project / "mkdocs.yml"), site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    start = time.perf_counter()
    mkdocs_build(config, serve_url=serve_url, dirty=False)
    first = time.perf_counter() - start

    measures = project / "data" / "measures.yaml"
    original = measures.read_text(encoding="utf-8")
    page = Path(site_dir) / "measures" / "m1" / "index.html"
    times, verified = [], True
    for run in range(runs + 1):
        marker = f"基准测试编辑{run}号"
        edited = original.replace("summary: ", f"summary: {marker}", 1)
        measures.write_text(edited, encoding="utf-8")
        start = time.perf_counter()
        config = get_config()
        config.site_url = serve_url
        mkdocs_build(config, serve_url=serve_url, dirty=False)
        seconds = time.perf_counter() - start
        verified &= marker in page.read_text(encoding="utf-8")
        if run:  # the first edit warms up
            times.append(seconds)
    measures.write_text(original, encoding="utf-8")
    config.plugins.on_shutdown()
    return {"ok": verified, "first_build_seconds": first, "times": times}


def main(argv: list[str]) -> int:
    command, project = argv[0], Path(argv[1]).resolve()
    if command == "build":
        result = build(project, Path(argv[2]), float(argv[3]) if len(argv) > 3 else None)
    elif command == "profile":
        result = profile(project, Path(argv[2]))
    elif command == "rebuild":
        result = rebuild(project, int(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
