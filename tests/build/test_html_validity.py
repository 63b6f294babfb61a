"""The built site is valid HTML by the Nu Html Checker (the W3C's validator), a checker no one here wrote.

vnu.jar is the npm package vnu-jar pinned in tests/validators/package.json (package-lock.json beside it),
installed by `./dev test` with `npm ci --prefix tests/validators` and run with Debian's Java runtime. Errors in
markup that Material for MkDocs' own templates write are listed once, below, by message and element; any other
error fails, and so does an entry of the list that no longer matches anything (the theme fixed it: drop it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.project import ROOT

VNU = ROOT / "tests" / "validators" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class ThemeMarkup:
    """An error the theme's templates cause: its message, and the start of the element it is about."""

    why: str
    message: str  # a regular expression over the checker's message
    element: str  # a regular expression over the start of the element's markup (the checker's "extract")


THEME_MARKUP = (
    ThemeMarkup(
        "Material's drawer and search toggles are checkboxes with autocomplete=off (partials/header.html, base.html)",
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
    ),
    ThemeMarkup(
        "Material's table of contents keeps its label for the __toc toggle on pages whose toggle it leaves out",
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
    ),
)


def _check(target: Path) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("Java is missing: run ./dev system-deps (Debian's default-jre-headless)")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run npm ci --prefix tests/validators (./dev test does)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


def _theme_markup(message: dict) -> ThemeMarkup | None:
    extract = re.sub(r"\s+", " ", message.get("extract", ""))
    for allowed in THEME_MARKUP:
        if re.search(allowed.message, message["message"]) and re.search(allowed.element, extract):
            return allowed
    return None


def test_every_page_is_valid_html_apart_from_the_themes_listed_markup(built_site: Path) -> None:
    errors = _check(built_site)
    pages = len(list(built_site.rglob("*.html")))
    assert len(list((built_site / "en").rglob("*.html"))) > 40  # the English edition is checked with the Chinese
    ours, used = [], set()
    for message in errors:
        allowed = _theme_markup(message)
        if allowed is None:
            where = message.get("url", "").split(str(built_site), 1)[-1]
            ours.append(f"{where}:{message.get('lastLine')}: {message['message']}\n    {message.get('extract', '')}")
        else:
            used.add(allowed)
    assert not ours, f"{len(ours)} error(s) in the site's own markup ({pages} pages checked):\n" + "\n".join(ours)
    stale = [allowed.why for allowed in THEME_MARKUP if allowed not in used]
    assert not stale, "the theme no longer writes this markup, drop it from THEME_MARKUP:\n" + "\n".join(stale)


def test_the_checker_reports_errors_in_the_sites_kind_of_markup(tmp_path: Path) -> None:
    """The checker runs and is strict: the trail the item pages once had (a labelled <p>) is an error."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="zh-CN"><title>t</title><p aria-label="位置" class="node-trail">a</p></html>',
        encoding="utf-8",
    )
    errors = _check(tmp_path)
    assert any("aria-label" in e["message"] for e in errors), errors
    assert _theme_markup(errors[0]) is None
