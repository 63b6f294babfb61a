"""How well the site's search answers what readers type, measured in a real browser, beside the references.

    .venv/bin/python tests/search_eval.py [QUERIES.yaml ...] [--compare] [--online-only] [--quiet]

builds the site (strict, online and offline), serves the online build on 127.0.0.1, unpacks the offline
bundle and opens it from file://, types every query of each file into the search box as a reader does, and
prints for every query the first five result pages and whether an accepted page is among them; then per
file and build hit@5, MRR, the number of queries that found nothing, the search index size and the time
from the last keystroke to the results. Without file arguments it reads every tests/data/search-queries*.yaml.

`--compare` measures, in the same run and on the same queries, the two references beside the site's engine:
  pairs  the previous search (every character pair of the query required), built from commit PAIRS_REF;
  stock  Material's own Chinese search: `lang: zh`, jieba segmenting the text at build time, lunr in the
         theme's worker. Built in a virtual environment of its own (.cache/search-eval-stock: the site's
         requirements and jieba, installed on first use), because Material segments with jieba whenever
         it can import it, which would change every other build.
It prints a table of them all, the one BENCHMARKS.md quotes.

It exits non-zero when the site's engine is below hit@5 0.95 or MRR 0.85 on any file (below hit@5 1.00 on
the project's own term queries and the shared sample), or when a page asked another host for anything.

A query file is a YAML list of `{query: …, accept: [page, …]}`; pages are site-relative directory paths
(`measures/m10/`, `` for the home page). `accept: []` means the query should find nothing. A file named
`*.en.yaml` is typed on the English edition (/en/, the same engine) and its pages are the English
edition's, relative to en/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from playwright.sync_api import Page, sync_playwright

from support.localsite import launch, serve

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((ROOT / "tests" / "data").glob("search-queries*.yaml"))
ENGLISH = ".en.yaml"  # a query file of the English edition: typed on its pages, its pages accepted (en/…)
TARGET = 0.95  # hit@5 every query file must reach, online and offline
TARGET_MRR = 0.85
EXACT = {"search-queries.yaml", "search-queries.sample.yaml"}  # these stay at hit@5 1.00
TOP = 5
ENGINES = ("site", "pairs", "stock")
PAIRS_REF = "88dba2d"  # the last commit whose search required every character pair of the query
STOCK_VENV = ROOT / ".cache" / "search-eval-stock"
JIEBA = "jieba==0.42.1"
STOCK_SEARCH = """  - search:
      lang: zh
      separator: '[\\s\\u200b\\-，。；：、？！（）《》“”]+'
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Installed once per page: the time of the first key-up in the search box after the query is entered (the
# one the theme reads it on; the site raises one itself when text is pasted), and the time the result list
# next changes. Their difference is what the reader waits for.
TIMING_PROBE = """() => {
  if (window.__searchTiming) return;
  const t = window.__searchTiming = {keyup: 0, shown: 0, armed: false};
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("keyup", () => { if (t.armed && !t.keyup) t.keyup = performance.now(); }, true);
  const output = document.querySelector(".md-search-result");
  new MutationObserver(() => { if (t.keyup && !t.shown) t.shown = performance.now(); })
    .observe(output, {childList: true, subtree: true, characterData: true});
}"""
ARM = "() => Object.assign(window.__searchTiming, {keyup: 0, shown: 0, armed: true})"


@dataclass(frozen=True)
class Query:
    text: str
    accept: tuple[str, ...]


@dataclass
class Outcome:
    query: Query
    pages: list[str]
    millis: float
    message: str

    @property
    def rank(self) -> int | None:
        """1-based rank of the first accepted page among the first five, or None."""
        if not self.query.accept:
            return 1 if not self.pages else None
        for position, found in enumerate(self.pages[:TOP], start=1):
            if found in self.query.accept:
                return position
        return None


@dataclass
class Report:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def hit_at_5(self) -> float:
        return sum(o.rank is not None for o in self.outcomes) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    @property
    def empty(self) -> int:
        """Queries that should find something and found nothing."""
        return sum(1 for o in self.outcomes if o.query.accept and not o.pages)

    @property
    def millis(self) -> list[float]:
        return [o.millis for o in self.outcomes]


def read_queries(path: Path) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(e["query"]), tuple(str(a) for a in e.get("accept") or ())) for e in entries]


# ---- building ------------------------------------------------------------------------------------


def edition_home(home: str, queries: Path | str) -> str:
    """Where a query file's queries are typed: the English edition's home page for an English file."""
    return home + "en/" if str(queries).endswith(ENGLISH) else home


def build(workdir: Path, engine: str = "site") -> tuple[Path, Path]:
    """The strict online build and the unpacked offline bundle of one engine, as `./dev build` makes them
    (the site's own with its English edition in en/)."""
    tree, config, env = ROOT, "mkdocs.yml", dict(ENV)
    if engine == "pairs":  # the tree as it was, from git, built with today's tools
        tree = workdir / "pairs-tree"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", PAIRS_REF], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    elif engine == "stock":  # the same site with the theme's search and its Chinese support
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        start = text.index("  - search:\n")
        end = text.index("  # OFFLINE=true", start)
        config = ".search-eval-stock.yml"
        (ROOT / config).write_text(text[:start] + STOCK_SEARCH + text[end:], encoding="utf-8")
        env["PLAN_SEARCH"] = "theme"
    python = stock_python() if engine == "stock" else sys.executable
    online, offline_site, bundle = workdir / f"{engine}-online", workdir / f"{engine}-offline", workdir / "bundle.zip"
    mkdocs = [python, "-m", "mkdocs", "build", "--strict", "-f", config]
    try:
        run = {"cwd": tree, "check": True, "capture_output": True}
        subprocess.run([*mkdocs, "-d", str(online)], env=env, **run)  # type: ignore[call-overload]
        offline_env = {**env, "OFFLINE": "true", "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([*mkdocs, "-d", str(offline_site)], env=offline_env, **run)  # type: ignore[call-overload]
        pack = [python, str(tree / "scripts" / "bundle.py"), str(offline_site), str(bundle)]
        subprocess.run(pack, env=offline_env, **run)  # type: ignore[call-overload]
    except subprocess.CalledProcessError as failed:
        raise SystemExit(f"{engine}: the build failed:\n{failed.stderr.decode()[-3000:]}") from None
    finally:
        if engine == "stock":
            (ROOT / config).unlink(missing_ok=True)
    unpacked = workdir / f"{engine}-unpacked"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(unpacked)
    bundle.unlink()
    (root,) = [p.parent for p in unpacked.glob("*/index.html")]
    return online, root


def stock_python() -> str:
    """The Python of a virtual environment with the site's requirements and jieba, made on first use."""
    python = STOCK_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(STOCK_VENV)], check=True)
    requirements = ["-r", str(ROOT / "requirements.txt"), JIEBA]
    subprocess.run([str(python), "-m", "pip", "install", "-q", *requirements], check=True, env=ENV)
    return str(python)


# ---- searching as a reader does --------------------------------------------------------------------


def page_key(url: str, home: str) -> str:
    """The site-relative directory path of a result link: `measures/m10/` online and offline alike."""
    path = unquote(urlsplit(url)._replace(query="", fragment="").geturl())[len(home) :]
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    elif path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return path


WARM_UP = "元宇宙"


def open_search(page: Page, home: str, timeout: float = 30_000) -> None:
    """Open the home page and the search box, and wait until the worker has built the index."""
    page.goto(home if home.startswith("http") else home + "index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(WARM_UP)
    box.press("End")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=timeout)
    page.evaluate(TIMING_PROBE)


def run_query(page: Page, home: str, text: str, timeout: float = 10_000) -> Outcome:
    """Clear the box, enter the query as an input method commits it, and read what the reader sees."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # the theme reads the box on key-up
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0", timeout=timeout)
    page.wait_for_timeout(30)
    page.evaluate(ARM)
    box.fill(text)
    box.press("End")
    page.wait_for_function("window.__searchTiming.shown > 0", timeout=timeout)
    page.wait_for_timeout(60)  # let a second render (if any) land before reading
    timing = page.evaluate("window.__searchTiming")
    hrefs = page.locator("li.md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    message = page.locator(".md-search-result__meta").inner_text()
    pages: list[str] = []
    for href in hrefs:
        key = page_key(href, home)
        if key not in pages:
            pages.append(key)
    return Outcome(Query(text, ()), pages, timing["shown"] - timing["keyup"], message)


def evaluate(page: Page, home: str, name: str, queries: list[Query]) -> Report:
    open_search(page, home)
    report = Report(name)
    for query in queries:
        outcome = run_query(page, home, query.text)
        outcome.query = query
        report.outcomes.append(outcome)
    return report


def new_page(browser: Any, foreign: list[str]) -> Page:
    context = browser.new_context(locale="zh-CN", service_workers="block")

    def route(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in {"file", "data", "blob", "about"} or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context.new_page()


# ---- printing --------------------------------------------------------------------------------------


def print_report(report: Report, *, quiet: bool = False) -> None:
    print(f"\n== {report.name}")
    for o in report.outcomes:
        mark = "ok  " if o.rank is not None else "MISS"
        if quiet and o.rank is not None:
            continue
        shown = ", ".join(p or "(home)" for p in o.pages[:TOP]) or "(no result)"
        print(
            f"{mark} {o.query.text}  →  {shown}" + ("" if o.rank is not None else f"   accept: {list(o.query.accept)}")
        )
    times = report.millis
    print(
        f"hit@5: {report.hit_at_5:.3f}  MRR: {report.mrr:.3f}  found nothing: {report.empty}  "
        f"queries: {len(report.outcomes)}  "
        f"keystroke→results: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"
    )


def index_sizes(site: Path) -> tuple[int, int]:
    raw = (site / "search" / "search_index.json").read_bytes()
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


@dataclass
class Run:
    """One engine's reports and index size."""

    engine: str
    raw: int
    packed: int
    reports: list[Report] = field(default_factory=list)


def failures(run: Run) -> list[str]:
    """What keeps the site's engine from its targets (quality only: times are printed, not judged here)."""
    found = []
    for report in run.reports:
        name = report.name.rsplit(" · ", 1)[-1]
        need = 1.0 if name in EXACT else TARGET
        if report.hit_at_5 < need - 1e-9:
            found.append(f"hit@5 {report.hit_at_5:.3f} below {need} in {report.name}")
        if report.mrr < TARGET_MRR:
            found.append(f"MRR {report.mrr:.3f} below {TARGET_MRR} in {report.name}")
    return found


def outcomes(runs: list[Run], foreign: list[str]) -> dict[str, Any]:
    """What --json writes: each query's rank (null: not in the first five) and time, by engine, build and file."""
    return {
        "foreign": foreign,
        "runs": [
            {
                "engine": run.engine,
                "index": {"raw": run.raw, "gzip": run.packed},
                "reports": [
                    {
                        "build": report.name.split(" · ", 1)[0],
                        "file": report.name.split(" · ", 1)[1],
                        "queries": [
                            {"query": o.query.text, "rank": o.rank, "millis": o.millis, "found": bool(o.pages)}
                            for o in report.outcomes
                        ],
                    }
                    for report in run.reports
                ],
            }
            for run in runs
        ],
    }


def print_table(runs: list[Run]) -> None:
    """Every engine on every query file and build, as BENCHMARKS.md quotes it."""
    print("\n| engine | build | queries | hit@5 | MRR | found nothing | keystroke→results median / worst |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for run in runs:
        for report in run.reports:
            mode, name = report.name.split(" · ", 1)
            times = report.millis
            print(
                f"| {run.engine} | {mode} | {name} ({len(report.outcomes)}) | {report.hit_at_5:.2f} | {report.mrr:.2f} "
                f"| {report.empty} | {statistics.median(times):.0f} / {max(times):.0f} ms |"
            )
    print("\n| engine | search index raw | gzip | keystroke→results, all queries: median / worst |")
    print("| --- | --- | --- | --- |")
    for run in runs:
        times = [t for r in run.reports for t in r.millis]
        print(
            f"| {run.engine} | {run.raw / 1024:.1f} KB | {run.packed / 1024:.1f} KB "
            f"| {statistics.median(times):.0f} / {max(times):.0f} ms |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=QUERY_FILES)
    parser.add_argument("--compare", action="store_true", help="also measure the previous search and the theme's")
    parser.add_argument("--online-only", action="store_true", help="skip the offline bundle")
    parser.add_argument("--quiet", action="store_true", help="print only the misses and the totals")
    parser.add_argument("--json", type=Path, help="also write every query's outcome, by engine, build and file")
    args = parser.parse_args(argv)
    query_sets = {path.name: read_queries(path) for path in args.files}
    runs: list[Run] = []
    foreign: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        for engine in ENGINES if args.compare else ENGINES[:1]:
            online, offline = build(Path(tmp), engine)
            run = Run(engine, *index_sizes(online))
            with serve(online) as base:
                homes = [("online", base)] + ([] if args.online_only else [("offline", offline.as_uri() + "/")])
                for mode, home in homes:
                    page = new_page(browser, foreign if engine == "site" else [])
                    for name, queries in query_sets.items():
                        if engine != "site" and name.endswith(ENGLISH):
                            continue  # the references are of the Chinese edition only
                        report = evaluate(page, edition_home(home, name), f"{mode} · {name}", queries)
                        if engine == "site" or not args.quiet:
                            print_report(report, quiet=args.quiet)
                        run.reports.append(report)
                    page.context.close()
            runs.append(run)
        browser.close()
    print_table(runs)
    print(f"\nrequests to other hosts: {len(foreign)}")
    if args.json:
        args.json.write_text(json.dumps(outcomes(runs, foreign), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    failing = failures(runs[0])
    for problem in failing:
        print(f"FAIL: {problem}")
    return 1 if failing or foreign else 0


if __name__ == "__main__":
    sys.exit(main())
