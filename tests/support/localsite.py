"""The built site on this machine, for the tests, the search evaluation and the benchmark: served over HTTP
on 127.0.0.1, and Debian's Chromium launched the way this sandbox needs (headless, as root, no background
traffic)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser cancelling a download on navigation breaks the pipe; that is no failure


@contextmanager
def serve(directory: Path | str, port: int = 0) -> Iterator[str]:
    """`directory` served on 127.0.0.1 (a free port unless given); yields the base URL ending in '/'."""
    server = QuietServer((HOST, port), functools.partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, through Playwright (which downloads no browser of its own)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
