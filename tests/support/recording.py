"""What one browser page did during a test: every request, requests to other hosts (blocked), console and page
errors, failed requests and HTTP errors; the `recorded` fixture in tests/conftest.py fills it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from support.localsite import HOST

if TYPE_CHECKING:
    from playwright.sync_api import Page

LOCAL_SCHEMES = {"file", "data", "blob", "about"}


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


def is_local(url: str) -> bool:
    """This machine's site: served on 127.0.0.1, or opened from disk as the offline copy is."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == HOST


@dataclass
class RecordedPage:
    page: Page
    record: Recorder
