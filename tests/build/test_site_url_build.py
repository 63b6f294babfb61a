"""A real strict build (both editions) refuses a public address (SITE_URL) that is not a plain http(s) address,
before it writes anything: a script, a javascript: link or a query never reaches a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import BUILD_ENV, ROOT, mkdocs_build

HOSTILE = [
    'https://example.org/"><script>alert(document.domain)</script>/',
    "javascript://example.org/%0aalert(1)%0a//x/",
    "https://example.org/?page=1",
    "https://example.org/a}b%{/",
]


@pytest.mark.parametrize("site_url", HOSTILE)
def test_a_hostile_site_url_stops_the_build_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_url: str
) -> None:
    monkeypatch.setitem(BUILD_ENV, "SITE_URL", site_url)
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("the previous build")  # a build that goes ahead empties its folder first
    result = mkdocs_build(ROOT, site)
    assert result.returncode != 0, f"built with SITE_URL={site_url!r}"
    assert "Traceback" not in result.stderr
    assert f"SITE_URL: {site_url!r}" in result.stderr and "http(s)://host" in result.stderr, result.stderr
    assert [p.name for p in site.iterdir()] == ["previous.html"]
