"""How fast and how small the site is, and how its build scales: one line per figure, with its budget.

    .venv/bin/python tests/benchmarks/run.py [--quick] [--out FILE] [--write-md] [--sizes 100,1000,5000]

The real site is one `mkdocs build` of mkdocs.yml, which writes both editions: the Chinese at the root, and the
English one (mkdocs.en.yml, built from inside the Chinese build by site_language.on_post_build) into en/.

Prints `name: value unit (budget: …) PASS|FAIL`, writes the same figures to tests/benchmarks/results.json
(or --out), and exits 1 when any budget fails. --write-md also rewrites the "Latest numbers" part of
BENCHMARKS.md. --quick takes fewer runs and smaller synthetic plans (for working on the benchmark itself;
its numbers are not the published ones). How each figure is measured: BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from generate import generate_project  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
KB = 1024  # as the site itself counts the offline zip's size
LONG_BUILD = 60.0  # seconds: a build this long is not warmed up first, and gets 3 runs
MD_START = "<!-- results:start -->"
MD_END = "<!-- results:end -->"


ENGLISH = "en/"  # where the one build writes the English edition, in the site's folder
PDF_BUDGET = 1_500_000  # bytes, each PDF: scripts/pdf.py's BUDGET
MB = 1_000_000  # the PDFs' budget is in decimal megabytes, as scripts/pdf.py states it
# Search: tests/search_eval.py's targets (hit@5 and MRR of every query file) and the time budget of a result list
SEARCH_ENGLISH = ".en.yaml"  # a query file of the English edition, as search_eval.py reads it
SEARCH_HIT_AT_5, SEARCH_MRR = 0.95, 0.85
SEARCH_MEDIAN_MS, SEARCH_WORST_MS = 30, 100


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str
    budget: str = ""
    passed: bool | None = None  # None: no budget, reported only
    note: str = ""
    detail: dict = field(default_factory=dict)

    def line(self) -> str:
        shown = "n/a" if self.value is None else _number(self.value)
        text = f"{self.name}: {shown} {self.unit}".rstrip()
        if self.budget:
            text += f" (budget: {self.budget}) {'PASS' if self.passed else 'FAIL'}"
        if self.note:
            text += f"  [{self.note}]"
        return text


def _number(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1000:
        return str(int(value))
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def check(name: str, value: float | None, unit: str, limit: float, *, at_least: bool = False, **extra) -> Figure:
    sign = "≥" if at_least else "≤"
    passed = value is not None and (value >= limit if at_least else value <= limit)
    return Figure(name, value, unit, f"{sign} {_number(limit)} {unit}".rstrip(), passed, **extra)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.runs = 3 if args.quick else 5
        self.figures: list[Figure] = []
        self.tmp = Path(tempfile.mkdtemp(prefix="plan-bench-"))

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(figure.line(), flush=True)

    def worker(self, *argv: str, timeout: float | None = None) -> dict:
        """Run tests/benchmarks/worker.py in a fresh Python process; its last stdout line is JSON."""
        # A session of its own, so that a build that runs out of time is stopped with the worker around it.
        process = subprocess.Popen(
            [PYTHON, str(HERE / "worker.py"), *argv],
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return {"ok": False, "timeout": True, "log": f"timed out after {timeout:.0f} s"}
        lines = stdout.strip().splitlines()
        if process.returncode != 0 or not lines:
            return {"ok": False, "log": (stderr or stdout)[-3000:]}
        return json.loads(lines[-1])

    def builds(
        self,
        project: Path,
        label: str,
        runs: int,
        *,
        warm_up: bool = True,
        site: Path | None = None,
    ) -> tuple[list[dict], Path]:
        """`runs` strict builds of `project` (after one warm-up build), each in a fresh child process."""
        site = site or self.tmp / f"site-{label}"
        done: list[dict] = []
        timeout = self.args.timeout
        argv = ("build", str(project), str(site), str(timeout))
        if warm_up:
            first = self.worker(*argv, timeout=timeout + 120)
            if not first["ok"]:
                return [first], site
            if first["seconds"] > LONG_BUILD:  # minutes-long: the warm-up is a run, and three are enough
                first["warm_up_counted"] = True
                done.append(first)
                runs = 3
        while len(done) < runs:
            shutil.rmtree(site, ignore_errors=True)
            result = self.worker(*argv, timeout=timeout + 120)
            done.append(result)
            if not result["ok"]:
                break
        return done, site

    # -- the real site --------------------------------------------------------------------------

    def real_build(self) -> Path | None:
        """The strict build of the whole site, timed: both editions, the English one into en/ of the same folder
        (which the first-load and Lighthouse figures then serve)."""
        name = "real site strict build, both editions"
        results, site = self.builds(ROOT, "real", self.runs)
        if not all(r["ok"] for r in results):
            self.add(Figure(name, None, "s", "≤ 2 s", False, note=_failure(results)))
            return None
        if not all(r["english"] for r in results):  # a figure of the Chinese edition alone would pass its budget
            self.add(Figure(name, None, "s", "≤ 2 s", False, note=f"no English edition in {ENGLISH} of the build"))
            return None
        times = [r["seconds"] for r in results]
        cpu = statistics.median(r["cpu_seconds"] for r in results)
        self.add(
            check(
                f"{name} (subprocess, warm, median)",
                statistics.median(times),
                "s",
                2.0,
                note=f"{len(times)} runs after a warm-up: "
                + ", ".join(f"{t:.2f}" for t in times)
                + f"; CPU time, median {cpu:.2f} s",
                detail={"times": times, "peak_mib": max(r["peak_mib"] for r in results)},
            )
        )
        self.add(Figure("real site build peak memory, both editions", max(r["peak_mib"] for r in results), "MiB"))
        return site

    def profile(self) -> None:
        """The hooks' share of the one build: each hook entry point once per edition (worker.hook_times)."""
        runs = [self.worker("profile", str(ROOT), str(self.tmp / f"site-profile-{i}")) for i in range(self.runs)]
        if not all(r["ok"] for r in runs):
            self.add(
                Figure("hooks' share of the build, both editions", None, "%", "≤ 15 %", False, note=_failure(runs))
            )
            return
        shares = sorted(runs, key=lambda r: r["hooks_seconds"] / r["seconds"])
        median = shares[len(shares) // 2]
        share = 100 * median["hooks_seconds"] / median["seconds"]
        self.add(
            check(
                "hooks' share of the build, both editions (cProfile, in-process, median)",
                share,
                "%",
                15,
                note=f"hook entry points, once per edition, {median['hooks_seconds']:.2f} s of "
                f"{median['seconds']:.2f} s profiled; {self.runs} fresh processes",
                detail={
                    k: median[k]
                    for k in (
                        "hooks_listed",
                        "hook_entry_points",
                        "nested_build_seconds",
                        "breakdown",
                        "top",
                        "seconds",
                        "hooks_seconds",
                    )
                },
            )
        )
        profiled = statistics.median(r["seconds"] for r in runs)
        self.add(Figure("in-process build of both editions under cProfile (median)", profiled, "s"))
        for label, seconds in median["breakdown"].items():
            self.add(Figure(f"  of which {label}", 100 * seconds / median["seconds"], "%", note=f"{seconds:.2f} s"))
        for hook, seconds in sorted(median["hook_entry_points"].items(), key=lambda kv: -kv[1]):
            module, function = hook.split(".", 1)
            self.add(Figure(f"  of which hooks/{module}.py {function}", 100 * seconds / median["seconds"], "%"))

    def serve_rebuild(self, edit: str, budget: bool = True) -> None:
        """`mkdocs serve` rebuilding both editions after an edit of data/ (worker.EDITS)."""
        project = self.tmp / "serve-project"  # one copy for every edit: each restores what it changed
        if not project.is_dir():
            for name in ("data", "docs", "hooks"):
                shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            for config in ("mkdocs.yml", "mkdocs.en.yml"):
                shutil.copy2(ROOT / config, project / config)
        result = self.worker("rebuild", str(project), str(self.runs), edit)
        if not result["ok"] or not result.get("times"):
            name = f"serve rebuild after a data/ edit ({edit})"
            self.add(Figure(name, None, "s", "≤ 1.5 s" if budget else "", False, note=_failure([result])))
            return
        times = result["times"]
        name = f"serve rebuild after editing {result['edited']} (in-process, median)"
        note = f"{len(times)} edits after a warm-up edit: " + ", ".join(f"{t:.2f}" for t in times)
        note += f"; CPU time, median {statistics.median(result['cpu_times']):.2f} s"
        if budget:
            self.add(check(name, statistics.median(times), "s", 1.5, note=note, detail=result))
        else:
            note += "; the English edition answers with the problem page until the translation follows"
            self.add(Figure(name, statistics.median(times), "s", note=note, detail=result))

    def page_weight(self, site: Path) -> None:
        """First loads of both editions' pages, out of the one build's folder (the English edition in en/)."""
        from page_weight import first_loads

        paths = ["measures/m5/", "", f"{ENGLISH}measures/m5/", ENGLISH]
        for load in first_loads(str(site), paths):
            name = f"/{load.path}" if load.path else "/ (home)"
            detail = {"responses": load.responses, "foreign": load.foreign}
            searched = "search index fetched" if load.search_index_loaded else "search index NOT fetched"
            self.add(
                check(
                    f"first load {name}: gzip bytes (level 9, all responses)",
                    load.gzip_bytes / KB,
                    "KB",
                    120,
                    note=f"{load.raw_bytes / KB:.0f} KB uncompressed; {searched} after focusing search",
                    detail=detail,
                )
            )
            self.add(check(f"first load {name}: requests", load.requests, "", 10))
            self.add(
                check(
                    f"first load {name}: requests to other hosts (aborted)",
                    len(load.foreign),
                    "",
                    0,
                    note=", ".join(load.foreign[:3]),
                )
            )

    def search_index(self, site: Path) -> None:
        for folder in ("", ENGLISH):
            data = (site / folder / "search" / "search_index.json").read_bytes()
            self.add(Figure(f"search index {folder}search/search_index.json", len(data) / KB, "KB"))
            gzipped = len(gzip.compress(data, 9, mtime=0)) / KB
            self.add(Figure(f"search index {folder}search/search_index.json, gzip (level 9)", gzipped, "KB"))

    def offline_zip(self) -> None:
        site, archive = self.tmp / "offline-site", self.tmp / "offline.zip"
        env = {**ENV, "OFFLINE": "true"}
        if "SOURCE_DATE_EPOCH" not in env:
            git = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
            env["SOURCE_DATE_EPOCH"] = git.stdout.strip() or "315532800"
        # One build writes both editions, the English into en/; then bundle.py packs the folder.
        steps = (
            [PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            [PYTHON, str(ROOT / "scripts" / "bundle.py"), str(site), str(archive)],
        )
        problem = ""
        for command in steps:
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                problem = done.stderr.strip()[-300:] or "failed with no output"
                break
            if command is steps[0] and not (site / ENGLISH / "index.html").is_file():
                problem = f"the offline build wrote no English edition into {ENGLISH}"
                break
        if problem or not archive.is_file():
            self.add(Figure("offline zip", None, "KB", "≤ 600 KB", False, note=problem or "no zip written"))
            return
        with zipfile.ZipFile(archive) as opened:  # the Chinese edition's entries, with their headers and names
            chinese = [e for e in opened.infolist() if e.filename.split("/", 2)[1] != "en"]
        share = sum(e.compress_size + 30 + 46 + 2 * len(e.filename.encode()) for e in chinese) + 22
        self.add(
            check(
                "offline zip, both editions (OFFLINE=true mkdocs build + scripts/bundle.py, as ./dev bundle)",
                archive.stat().st_size / KB,
                "KB",
                600,
            )
        )
        self.add(check("offline zip, the Chinese edition's share", share / KB, "KB", 400))

    def pdf(self) -> None:
        """scripts/pdf.py, as ./dev build runs it: both editions' PDFs written, timed, and their sizes."""
        out = self.tmp / "pdf"
        times: list[float] = []
        for run in range(self.runs + 1):  # the first run warms up
            shutil.rmtree(out, ignore_errors=True)
            start = time.perf_counter()
            done = subprocess.run(
                [PYTHON, str(ROOT / "scripts" / "pdf.py"), str(out)], cwd=ROOT, env=ENV, capture_output=True, text=True
            )
            seconds = time.perf_counter() - start
            if done.returncode != 0:
                self.add(Figure("PDFs (scripts/pdf.py)", None, "s", note=f"failed: {done.stderr.strip()[-300:]}"))
                return
            if run:
                times.append(seconds)
        note = f"{len(times)} runs after a warm-up: " + ", ".join(f"{t:.2f}" for t in times)
        self.add(
            Figure("both PDFs written (scripts/pdf.py, subprocess, median)", statistics.median(times), "s", note=note)
        )
        for pdf in sorted(out.glob("*.pdf")):
            self.add(check(f"PDF {pdf.name}", pdf.stat().st_size / MB, "MB", PDF_BUDGET / MB))

    def search(self) -> None:
        """tests/search_eval.py: every query file typed into each edition's search box in Chromium, online and
        from the unpacked offline zip; per edition and build, hit@5 and MRR against its targets, and the time
        from the last keystroke to the results against the search budget."""
        out = self.tmp / "search.json"
        done = subprocess.run(
            [PYTHON, str(ROOT / "tests" / "search_eval.py"), "--quiet", "--json", str(out)],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
        )
        if not out.is_file():  # it exits 1 when a target is missed, with its JSON written all the same
            self.add(Figure("search (tests/search_eval.py)", None, "", note=f"failed: {done.stderr.strip()[-300:]}"))
            return
        found = json.loads(out.read_text(encoding="utf-8"))
        site = next(run for run in found["runs"] if run["engine"] == "site")
        for edition, english in (("Chinese edition", False), ("English edition", True)):
            for build in ("online", "offline"):
                queries = [
                    q
                    for report in site["reports"]
                    if report["build"] == build and report["file"].endswith(SEARCH_ENGLISH) == english
                    for q in report["queries"]
                ]
                if not queries:
                    continue
                where = f"{edition}, {build}, {len(queries)} queries (tests/search_eval.py)"
                hits = sum(q["rank"] is not None for q in queries) / len(queries)
                mrr = sum(1 / q["rank"] for q in queries if q["rank"]) / len(queries)
                self.add(check(f"search hit@5, {where}", hits, "", SEARCH_HIT_AT_5, at_least=True))
                self.add(check(f"search MRR, {where}", mrr, "", SEARCH_MRR, at_least=True))
                millis = [q["millis"] for q in queries]
                median = statistics.median(millis)
                self.add(check(f"search keystroke→results median, {where}", median, "ms", SEARCH_MEDIAN_MS))
                self.add(check(f"search keystroke→results worst, {where}", max(millis), "ms", SEARCH_WORST_MS))
        self.add(check("search: requests to other hosts", len(found["foreign"]), "", 0))

    def lighthouse(self, site: Path) -> None:
        """Lighthouse scores (mobile) of the home page and /measures/m5/ of each edition, from
        tests/benchmarks/lighthouse.py, out of the one build's folder (the English edition in en/)."""
        # The hook point: lighthouse.py (written separately) offers serve(site) -> (server, base URL) and
        # lighthouse_scores(url) -> {category: 0–100}. Without it, or without its npm package, this is skipped.
        if not (HERE / "lighthouse.py").is_file():
            self.add(Figure("Lighthouse", None, "", note="skipped: tests/benchmarks/lighthouse.py does not exist"))
            return
        import lighthouse  # type: ignore[import-not-found]

        budgets = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
        server, base = lighthouse.serve(site)
        try:
            for path in ("", "measures/m5/", ENGLISH, f"{ENGLISH}measures/m5/"):
                name = f"/{path}" if path else "/ (home)"
                try:
                    scores = lighthouse.lighthouse_scores(base + path)
                except Exception as error:  # noqa: BLE001 - report it; the other figures still count
                    self.add(Figure(f"Lighthouse {name}", None, "", "scores", False, note=f"{error}"[:300]))
                    continue
                for category, limit in budgets.items():
                    self.add(check(f"Lighthouse {name} {category}", scores.get(category), "", limit, at_least=True))
        finally:
            server.shutdown()
            server.server_close()

    # -- scale ----------------------------------------------------------------------------------

    def scale(self, sizes: list[int]) -> None:
        medians: dict[int, float] = {}
        for size in sizes:
            project = self.tmp / f"plan-{size}"
            plan = generate_project(project, size)
            nodes = sum(plan.nodes.values())
            results, site = self.builds(project, f"plan-{size}", self.runs)
            if not all(r["ok"] for r in results):
                # A build that ran out of time still says something: it took at least that long.
                timed_out = any(r.get("timeout") for r in results)
                at_least = self.args.timeout if timed_out else None
                if timed_out:
                    medians[size] = at_least  # a lower bound, for the ratio below
                budget = {1000: ("≤ 15 s", False)}.get(size, ("", None))
                self.add(Figure(f"build, {size} measures (> timeout)", at_least, "s", *budget, note=_failure(results)))
                peak = max((r["peak_mib"] for r in results if "peak_mib" in r), default=None)
                self.add(
                    check(f"build peak memory, {size} measures (until stopped)", peak, "MiB", 1024)
                    if size == 5000
                    else Figure(f"build peak memory, {size} measures (until stopped)", peak, "MiB")
                )
                shutil.rmtree(project, ignore_errors=True)
                continue
            times = [r["seconds"] for r in results]
            medians[size] = statistics.median(times)
            counted = results[0].get("warm_up_counted")
            runs = f"{len(times)} runs" + (
                " (over a minute each: no separate warm-up)" if counted else " after a warm-up"
            )
            note = f"{nodes} nodes, {sum(plan.edges.values())} edges, {plan.quotes} quotes; {runs}: " + ", ".join(
                f"{t:.1f}" for t in times
            )
            detail = {"plan": plan.as_dict(), "times": times, "peak_mib": [r["peak_mib"] for r in results]}
            detail["site_mib"] = _tree_size(site) / KB / KB
            if size == 1000:
                self.add(check(f"build, {size} measures (median)", medians[size], "s", 15, note=note, detail=detail))
            else:
                self.add(Figure(f"build, {size} measures (median)", medians[size], "s", note=note, detail=detail))
            peak = max(r["peak_mib"] for r in results)
            if size == 5000:
                self.add(check(f"build peak memory, {size} measures", peak, "MiB", 1024))
            else:
                self.add(Figure(f"build peak memory, {size} measures", peak, "MiB"))
            self.add(Figure(f"built site size, {size} measures", detail["site_mib"], "MiB"))
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(project, ignore_errors=True)
        if 1000 in sizes and 5000 in sizes:
            # A timed-out 5,000 build gives a lower bound of the ratio; a timed-out 1,000 build gives nothing.
            lower = {size for size in (1000, 5000) if medians.get(size) == self.args.timeout}
            ratio = medians[5000] / medians[1000] if {1000, 5000} <= set(medians) and 1000 not in lower else None
            bound = "at least: the 5,000 build timed out" if 5000 in lower and ratio else ""
            self.add(check("build time ratio 5,000 / 1,000 measures", ratio, "×", 6, note=bound))

    # -- output ---------------------------------------------------------------------------------

    def report(self, started: float) -> dict:
        return {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "quick": self.args.quick,
            "options": sys.argv[1:],
            "seconds": round(time.perf_counter() - started),
            "passed": all(f.passed is not False for f in self.figures),
            "figures": [asdict(f) for f in self.figures],
        }


def machine() -> dict:
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_end": os.getloadavg(),
    }


def _failure(results: list[dict]) -> str:
    bad = next((r for r in results if not r["ok"]), {})
    log = str(bad.get("log", "")).strip().splitlines()
    return "failed: " + (log[-1] if log else "no output")[:300]


def _tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def write_markdown(report: dict, path: Path) -> None:
    lines = [
        MD_START,
        f"Run on {report['date']} — {report['machine']['nproc']} cores, {report['machine']['cpu']}, "
        f"Python {report['machine']['python']}, load average at the end "
        f"{', '.join(f'{x:.1f}' for x in report['machine']['load_average_at_end'])}"
        + (f" (options: {' '.join(report['options'])})" if report.get("options") else "")
        + f"; {report['seconds']} s in all.",
        "",
        "```",
        *(Figure(**f).line() for f in report["figures"]),
        "```",
        MD_END,
    ]
    text = path.read_text(encoding="utf-8")
    start, end = text.index(MD_START), text.index(MD_END) + len(MD_END)
    path.write_text(text[:start] + "\n".join(lines) + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, synthetic plans of 100 and 300 measures")
    parser.add_argument("--out", type=Path, default=HERE / "results.json", help="where to write the JSON")
    parser.add_argument("--sizes", help="synthetic plan sizes, comma-separated (default 100,1000,5000)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before one build counts as failed")
    parser.add_argument("--write-md", action="store_true", help="rewrite the latest numbers in BENCHMARKS.md")
    parser.add_argument(
        "--only", help="comma-separated parts: real,profile,serve,weight,zip,pdf,lighthouse,search,scale"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([100, 300] if args.quick else [100, 1000, 5000])
    parts = (
        set(args.only.split(","))
        if args.only
        else {"real", "profile", "serve", "weight", "zip", "pdf", "lighthouse", "search", "scale"}
    )

    bench = Bench(args)
    started = time.perf_counter()
    try:
        built = parts & {"real", "weight", "lighthouse"}
        site = bench.real_build() if built else None  # both editions, the English in its en/
        steps: list[tuple[str, Callable[[], None]]] = [
            ("profile", bench.profile),
            # The Chinese edit with the translation following it, then the English one: budgeted, both editions
            # rebuilt in full; then the Chinese alone, which serve lets through with the English problem page.
            (
                "serve",
                lambda: (bench.serve_rebuild("zh"), bench.serve_rebuild("en"), bench.serve_rebuild("zh-only", False)),
            ),
            ("weight", lambda: site and (bench.page_weight(site), bench.search_index(site))),
            ("zip", bench.offline_zip),
            ("pdf", bench.pdf),
            ("lighthouse", lambda: site and bench.lighthouse(site)),
            ("search", bench.search),
            ("scale", lambda: bench.scale(sizes)),
        ]
        for part, step in steps:
            if part in parts:
                step()
    finally:
        shutil.rmtree(bench.tmp, ignore_errors=True)
    report = bench.report(started)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.write_md:
        write_markdown(report, ROOT / "BENCHMARKS.md")
    failed = [f.name for f in bench.figures if f.passed is False]
    print(f"{len(failed)} budget(s) failed" + (": " + "; ".join(failed) if failed else "") + f"; JSON: {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
