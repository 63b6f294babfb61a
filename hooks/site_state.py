"""What the site's hook modules share during one build: the edition being built, the checked plan and what
is derived from it.

`mkdocs.yml` lists the hook modules in `ORDER`; MkDocs calls them in that order for every event, and
`site_plan.on_config` checks the list against it. `site_plan.on_config` starts a build's state, the modules
after it add their part, and every later event reads it from here. The English edition is built by the
Chinese build (`site_language.on_post_build`) with the same modules: its state is started while the Chinese
one waits, and the Chinese one is current again when it ends (`nested`).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from plansite.edition import Edition
from plansite.english import English
from plansite.interpretation import NameLink
from plansite.link_images import Fonts, LinkImage
from plansite.model import Node, Plan, Section
from plansite.theme_markup import PageScripts, ThemeIcons

# The hook modules, in the order every event runs through them. Each adds what it names to the build.
ORDER = (
    "site_plan",  # the plan → pages, navigation, short links, sentences
    "site_exports",  # data files, link-preview images and tags, the offline copy's download
    "site_citing",  # citation metadata, RIS and BibTeX, the printed page's QR code
    "site_search",  # the site's search engine in the theme's worker slot
    "site_html",  # the theme's output: checks, icons, trimmed markup
    "site_language",  # the two editions: links between them, the translation notice, building the English one
)


@dataclass
class EditionBuild:
    """An edition being built beside this one in a child process (site_language), and the pipe it reports
    a failure on."""

    pid: int
    report: int  # the read end of the pipe


@dataclass
class BuildState:
    """One build's shared state. The plan and its pages come first; the rest is set by the module named."""

    plan: Plan
    edition: Edition  # the language being built: plansite.edition.CHINESE or the English edition
    english: English | None  # the translation; None for a site without data/en/ (the benchmark's plans)
    offline: bool  # the copy that works from file:// (OFFLINE=true)
    site_url: str  # this edition's public address (…/en/ for English)
    root_url: str  # the site's public address, the Chinese edition's
    generated: dict[str, str]  # docs path → Markdown of every page made from the plan
    name_links: list[NameLink]  # where the interpretation names an item, to link it
    sections: dict[str, Section]  # docs path → the Q&A section of that page
    nodes_by_page: dict[str, Node]  # docs path → the node a page is about
    bundle: Path | None = None  # site_exports: the offline zip the online site offers, when built
    fonts: Fonts | None = None  # site_exports: the CJK font the link preview images are drawn with
    link_images: dict[str, LinkImage] = field(default_factory=dict)  # site_exports: docs path → its link preview image
    theme_search: bool = False  # site_search: leave the theme's own search in place (comparison only)
    reference_files: dict[str, bytes] = field(default_factory=dict)  # site_citing: path → RIS or BibTeX
    icons: ThemeIcons | None = None  # site_html: the theme's icons, drawn by the site's stylesheet
    scripts: PageScripts | None = None  # site_html: offline, the theme's repeated scripts as files
    english_build: EditionBuild | None = None  # site_language: the English edition, building beside this one

    @property
    def primary(self) -> bool:
        """The Chinese edition, at the root of the site: it serves the data files and builds the English one."""
        return not self.edition.folder


_current: BuildState | None = None
_failure: str | None = None  # under `mkdocs serve`: the problems that keep the data from being built
_parent: BuildState | None = None  # while the English edition is built: the Chinese build that builds it


def begin(state: BuildState) -> BuildState:
    """Make `state` the current build's."""
    global _current, _failure
    _current, _failure = state, None
    return state


@contextlib.contextmanager
def nested() -> Iterator[BuildState]:
    """Build another edition from inside the current build: the current state is handed to the inner build
    as its parent (`parent()`), and is current again afterwards, whatever happened."""
    global _current, _failure, _parent
    outer = current()
    saved = (_current, _failure, _parent)
    _parent = outer
    try:
        yield outer
    finally:
        _current, _failure, _parent = saved


def parent() -> BuildState | None:
    """The build that is building this one, or None for a build of its own."""
    return _parent


def fail(report: str) -> None:
    """Under `mkdocs serve`, the data has problems: this build only shows them (site_plan.py), and every
    event marked `unless_failed` leaves its input as it is."""
    global _current, _failure
    _current, _failure = None, report


def failure() -> str | None:
    """The problems this build shows instead of the site, if it is such a build."""
    return _failure


Value = TypeVar("Value")
Rest = ParamSpec("Rest")


def unless_failed(event: Callable[Concatenate[Value, Rest], Value]) -> Callable[Concatenate[Value, Rest], Value]:
    """A hook event that hands back what it was given while the build only shows the data's problems. Only
    the events that run in such a build need it: it has no pages, so no page event runs."""

    @functools.wraps(event)
    def guarded(value: Value, /, *args: Rest.args, **kwargs: Rest.kwargs) -> Value:
        return value if _failure is not None else event(value, *args, **kwargs)

    return guarded


def current() -> BuildState:
    """The current build's state; only after `site_plan.on_config` has run."""
    if _current is None:
        raise RuntimeError("site_state.current() before site_plan.on_config: list site_plan.py first in mkdocs.yml")
    return _current
