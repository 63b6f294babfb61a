"""Shared fixtures: the repository, a strict build of the real site, and copies of the project to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route, sync_playwright

from localsite import HOST, launch, serve

ROOT = Path(__file__).resolve().parent.parent
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a real strict build of `project` into `site_dir`, the way the README's command does."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
            *extra,
        ],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project (data, docs, hooks, config) that a test may break."""
    copy = tmp_path / "project"
    for name in ("data", "docs", "hooks"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


# ---- A real browser: Debian's Chromium driven by Playwright --------------------------------------

LOCAL_SCHEMES = {"file", "data", "blob", "about"}


# The recording page ------------------------------------------------------------


@dataclass
class Recorder:
    """What one browser page did: requests, blocked foreign requests, errors."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything that should never happen on this site, one line each."""
        return (
            [f"request to another host: {url}" for url in self.foreign]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"page error: {text}" for text in self.page_errors]
            + [f"failed request: {text}" for text in self.failed]
            + [f"HTTP error: {text}" for text in self.bad_status]
        )

    def clear(self) -> None:
        for items in (self.requests, self.foreign, self.console_errors, self.page_errors, self.failed, self.bad_status):
            items.clear()


def _is_local(url: str) -> bool:
    """This machine's site: served on 127.0.0.1, or opened from disk as the offline copy is."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == HOST


@dataclass
class RecordedPage:
    page: Page
    record: Recorder


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = launch(p)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def recorded(browser: Browser) -> Iterator[RecordedPage]:
    """A fresh page whose requests, console errors, page errors and failures are recorded.

    Any request to a host other than 127.0.0.1 is aborted and counted in `record.foreign`.
    """
    record = Recorder()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")

    def route_handler(route: Route) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            record.foreign.append(url)
            route.abort()

    context.route("**/*", route_handler)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.console_errors.append(f"{page.url}: {message.text}")

    def on_request_failed(request: Request) -> None:
        # Foreign requests are already counted as foreign; ERR_ABORTED is the browser cancelling what a page
        # still had in flight when the test navigated away (a 404 or a refused request fails differently).
        if _is_local(request.url) and request.failure != "net::ERR_ABORTED":
            record.failed.append(f"{page.url}: {request.url} ({request.failure})")

    page.on("request", lambda request: record.requests.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: record.page_errors.append(f"{page.url}: {error}"))
    page.on("requestfailed", on_request_failed)
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and record.bad_status.append(f"{page.url}: {response.status} {response.url}")
        ),
    )
    try:
        yield RecordedPage(page, record)
    finally:
        context.close()


# ---- The built site served on this machine --------------------------------------------------------


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The strict build served over HTTP on 127.0.0.1 at a free port; the URL ends with '/'."""
    with serve(built_site) as url:
        yield url
