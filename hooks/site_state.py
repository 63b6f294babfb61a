"""What the site's hook modules share during one build: the checked plan and what is derived from it.

MkDocs calls the hook modules listed in mkdocs.yml in that order for every event. `site_plan.on_config`
starts a build's state, the modules after it add their part, and every later event reads it from here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from plansite.interpretation import NameLink
from plansite.model import Node, Plan, Section
from plansite.preview_image import Fonts, Preview


@dataclass
class BuildState:
    """One build's shared state. The plan and its pages come first; the rest is set by the module named."""

    plan: Plan
    offline: bool  # the copy that works from file:// (OFFLINE=true)
    generated: dict[str, str]  # docs path → Markdown of every page made from the plan
    name_links: list[NameLink]  # where the interpretation names an item, to link it
    sections: dict[str, Section]  # docs path → the Q&A section of that page
    nodes_by_page: dict[str, Node]  # docs path → the node a page is about
    bundle: Path | None = None  # site_exports: the offline zip the online site offers, when built
    fonts: Fonts | None = None  # site_exports: the CJK font the link previews are drawn with
    previews: dict[str, Preview] = field(default_factory=dict)  # site_exports: docs path → its preview
    theme_search: bool = False  # site_search: leave the theme's own search in place (comparison only)
    reference_files: dict[str, bytes] = field(default_factory=dict)  # site_citing: path → RIS or BibTeX


_current: BuildState | None = None
_failure: str | None = None  # under `mkdocs serve`: the problems that keep the data from being built


def begin(state: BuildState) -> BuildState:
    """Make `state` the current build's."""
    global _current, _failure
    _current, _failure = state, None
    return state


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
