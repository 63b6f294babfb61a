"""Shared fixtures (a strict build of the real site, copies of the project to break, Debian's Chromium) and the
markers that split the suite by what each test needs.

The folder a test lives in says what it needs, and sets its markers:
    tests/unit/     nothing but Python and the repository's files: no marker, the fast lane
    tests/build/    real builds (mkdocs, the offline bundle, the benchmark's npm install): `build`
    tests/browser/  Chromium driving the built site: `build`, and `browser` on each test that asks for the
                    `browser` fixture (directly or through `recorded`, `reader`, …)
Fast lane: `.venv/bin/python -m pytest -m "not browser and not build"`. A test that asks for a fixture its
folder does not allow stops the collection with a message that names the folder it belongs in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request, Route, sync_playwright

from support.localsite import launch, serve
from support.project import ROOT, copy_project, mkdocs_build
from support.recording import RecordedPage, Recorder, is_local

TESTS = Path(__file__).resolve().parent
FOLDER_MARKERS = {"unit": set(), "build": {"build"}, "browser": {"build"}}
# Fixtures that make a test slow wherever it is, and the marker each one brings.
FIXTURE_MARKERS = {"browser": "browser", "built_site": "build"}


def _misplaced(folder: str, markers: set[str]) -> str | None:
    """Why a test with these markers does not belong in this folder, or None when it does."""
    if folder not in FOLDER_MARKERS:
        return "tests live in tests/unit/, tests/build/ or tests/browser/"
    if "browser" in markers and folder != "browser":
        return "it drives Chromium: move it to tests/browser/"
    if markers and folder == "unit":
        return "it needs a build: move it to tests/build/"
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    problems: list[str] = []
    for item in items:
        if not item.path.is_relative_to(TESTS):
            continue  # a file named on the command line from elsewhere: nothing to say about it
        folder = item.path.relative_to(TESTS).parts[0]
        fixtures = set(getattr(item, "fixturenames", ()))
        markers = FOLDER_MARKERS.get(folder, set()) | {FIXTURE_MARKERS[f] for f in fixtures & set(FIXTURE_MARKERS)}
        reason = _misplaced(folder, markers)
        if reason:
            problems.append(f"{item.nodeid}: {reason}")
        for marker in sorted(markers):
            item.add_marker(marker)
    if problems:
        raise pytest.UsageError("tests in the wrong folder:\n" + "\n".join(problems))


# ---- The real site and copies of the project ----------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`: the Chinese edition, and the
    English one in its en/ folder."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project (data, docs, hooks, config) that a test may break."""
    return copy_project(tmp_path / "project")


# ---- A real browser: Debian's Chromium driven by Playwright --------------------------------------


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
        if is_local(url):
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
        if is_local(request.url) and request.failure != "net::ERR_ABORTED":
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
