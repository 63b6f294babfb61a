"""Lighthouse scores of the built site: performance, accessibility, best practices and SEO, mobile form factor.

Lighthouse is the npm package pinned in tests/benchmarks/package.json (package-lock.json beside it), installed
here with `npm ci --prefix tests/benchmarks`; it drives Debian's Chromium (/usr/bin/chromium) and fetches
nothing from anywhere else. `lighthouse_scores(url)` is what other benchmarks call; run this file to build
the site, serve it on 127.0.0.1 and score the home page and /measures/m5/:

    .venv/bin/python tests/benchmarks/lighthouse.py
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("", "measures/m5/")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}


def lighthouse_scores(url: str) -> dict[str, int]:
    """Run Lighthouse (mobile, its default) on `url`: category → score from 0 to 100."""
    result = _report(url)
    return {name: round((result["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def failed_audits(url: str) -> list[str]:
    """The audits that cost points, for finding out why a score is low."""
    return [
        f"{audit['id']}: {audit['title']} {audit.get('displayValue', '')}".rstrip()
        for audit in _report(url)["audits"].values()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") != "informative"
    ]


def _report(url: str) -> dict:
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm ci --prefix {HERE.relative_to(ROOT)}`")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        options = [f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}", "--output=json"]
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", *options, f"--output-path={report}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
            timeout=300,
        )
        return json.loads(report.read_text(encoding="utf-8"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped, as GitHub Pages does, so that the score is the published site's, not the server's."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        server, base = serve(site)
        below = 0
        try:
            for path in PAGES:
                scores = lighthouse_scores(base + path)
                low = {k: v for k, v in scores.items() if v < TARGETS[k]}
                below += len(low)
                print(f"/{path}: " + "  ".join(f"{k} {v}" for k, v in scores.items()))
                if low and "--explain" in sys.argv:
                    print("\n".join("    " + line for line in failed_audits(base + path)))
        finally:
            server.shutdown()
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
