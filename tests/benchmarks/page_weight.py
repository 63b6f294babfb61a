"""What a first visit to a page costs: every request the browser makes, and the bytes a gzip host would send.

The built site is served from a thread on 127.0.0.1; Debian's Chromium (driven by Playwright, with a fresh
profile and so an empty cache) opens the page, waits for the network to settle, then focuses the search
box so that Material's search worker has certainly fetched search/search_index.json, and waits again.
Every response body is gzipped here at level 9 to count what a host serving gzip would send. Requests to
any other host are aborted and listed.
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the support package
from support.localsite import HOST, launch, serve  # noqa: E402


@dataclass
class FirstLoad:
    path: str
    responses: list[dict] = field(default_factory=list)  # url, status, type, raw bytes, gzip bytes
    foreign: list[str] = field(default_factory=list)
    search_index_loaded: bool = False

    @property
    def requests(self) -> int:
        return len(self.responses)

    @property
    def raw_bytes(self) -> int:
        return sum(r["raw"] for r in self.responses)

    @property
    def gzip_bytes(self) -> int:
        return sum(r["gzip"] for r in self.responses)


def first_loads(site: str, paths: list[str]) -> list[FirstLoad]:
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        try:
            for path in paths:
                results.append(_first_load(browser, base, path))
        finally:
            browser.close()
    return results


def _first_load(browser: Any, base: str, path: str) -> FirstLoad:
    load = FirstLoad(path)
    # A new context is a new profile: empty HTTP cache, no service worker.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    bodies: list[Any] = []

    def route(route: Any) -> None:
        if urlsplit(route.request.url).hostname == HOST or urlsplit(route.request.url).scheme in {"data", "blob"}:
            route.continue_()
        else:
            load.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.on("response", lambda response: bodies.append(response))  # the search worker's too
    page = context.new_page()
    page.goto(base + path.lstrip("/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.locator("input[data-md-component=search-query]").focus()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    for response in bodies:
        if urlsplit(response.url).scheme in {"data", "blob"}:
            continue
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted response has no body
            body = b""
        load.responses.append(
            {
                "url": response.url.removeprefix(base),
                "status": response.status,
                "type": response.request.resource_type,
                "raw": len(body),
                "gzip": len(gzip.compress(body, compresslevel=9, mtime=0)) if body else 0,
            }
        )
    load.search_index_loaded = any(r["url"].endswith("search/search_index.json") for r in load.responses)
    context.close()
    return load
