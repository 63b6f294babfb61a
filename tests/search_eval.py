"""How well the site's search answers what readers type, measured in a real browser.

    .venv/bin/python tests/search_eval.py [QUERIES.yaml ...] [--online-only] [--quiet]

builds the site (strict, online and offline), serves the online build on 127.0.0.1, unpacks the offline
bundle and opens it from file://, types every query of each file into the search box as a reader does, and
prints for every query the first five result pages and whether an accepted page is among them; then hit@5
and MRR per file and build, the search index size and the time from the last keystroke to the results.
Without arguments it reads the project's own queries and the shared sample (tests/search-queries*.yaml).
It exits non-zero when hit@5 is below 0.95 anywhere.

A query file is a YAML list of `{query: …, accept: [page, …]}`; pages are site-relative directory paths
(`measures/m10/`, `` for the home page). `accept: []` means the query should find nothing.
"""

from __future__ import annotations

import argparse
import gzip
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

from localsite import launch, serve

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = [ROOT / "tests" / "search-queries.yaml", ROOT / "tests" / "search-queries.sample.yaml"]
TARGET = 0.95  # hit@5 every query file must reach, online and offline
TOP = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Installed once per page: the time of the reader's last key-up in the search box, and the time the
# result list next changes. Their difference is what the reader waits for.
TIMING_PROBE = """() => {
  if (window.__searchTiming) return;
  const t = window.__searchTiming = {keyup: 0, shown: 0};
  const box = document.querySelector("input.md-search__input");
  box.addEventListener("keyup", () => { t.keyup = performance.now(); t.shown = 0; }, true);
  const output = document.querySelector(".md-search-result");
  new MutationObserver(() => { if (t.keyup && !t.shown) t.shown = performance.now(); })
    .observe(output, {childList: true, subtree: true, characterData: true});
}"""


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


def read_queries(path: Path) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(e["query"]), tuple(str(a) for a in e.get("accept") or ())) for e in entries]


# ---- building ------------------------------------------------------------------------------------


def build(workdir: Path) -> tuple[Path, Path]:
    """The strict online build and the unpacked offline bundle, as `./dev build` makes them."""
    online, offline_site, bundle = workdir / "online", workdir / "offline-site", workdir / "bundle.zip"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    subprocess.run([*mkdocs, "-d", str(online)], cwd=ROOT, env=ENV, check=True, capture_output=True)
    offline_env = {**ENV, "OFFLINE": "true", "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([*mkdocs, "-d", str(offline_site)], cwd=ROOT, env=offline_env, check=True, capture_output=True)
    pack = [sys.executable, str(ROOT / "scripts" / "bundle.py"), str(offline_site), str(bundle)]
    subprocess.run(pack, cwd=ROOT, env=offline_env, check=True, capture_output=True)
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(workdir / "unpacked")
    (root,) = [p.parent for p in (workdir / "unpacked").glob("*/index.html")]
    return online, root


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
    times = [o.millis for o in report.outcomes]
    print(
        f"hit@5: {report.hit_at_5:.3f}  MRR: {report.mrr:.3f}  queries: {len(report.outcomes)}  "
        f"keystroke→results: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"
    )


def index_sizes(site: Path) -> tuple[int, int]:
    raw = (site / "search" / "search_index.json").read_bytes()
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=QUERY_FILES)
    parser.add_argument("--online-only", action="store_true", help="skip the offline bundle")
    parser.add_argument("--quiet", action="store_true", help="print only the misses and the totals")
    args = parser.parse_args(argv)
    query_sets = {path.name: read_queries(path) for path in args.files}
    reports: list[Report] = []
    foreign: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        online, offline = build(Path(tmp))
        raw, packed = index_sizes(online)
        with sync_playwright() as playwright, serve(online) as base:
            browser = launch(playwright)
            homes = [("online", base)] + ([] if args.online_only else [("offline", offline.as_uri() + "/")])
            for mode, home in homes:
                page = new_page(browser, foreign)
                for name, queries in query_sets.items():
                    report = evaluate(page, home, f"{mode} · {name}", queries)
                    print_report(report, quiet=args.quiet)
                    reports.append(report)
                page.context.close()
            browser.close()
    times = [o.millis for r in reports for o in r.outcomes]
    print(f"\nsearch index: {raw / 1024:.1f} KB raw, {packed / 1024:.1f} KB gzip")
    print(f"keystroke→results over all runs: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
    print(f"requests to other hosts: {len(foreign)}")
    failing = [r.name for r in reports if r.hit_at_5 < TARGET]
    for name in failing:
        print(f"FAIL: hit@5 below {TARGET} in {name}")
    return 1 if failing or foreign else 0


if __name__ == "__main__":
    sys.exit(main())
