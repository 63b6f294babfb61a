"""A theme that no longer matches what the site assumes about Material's internals (hooks/plansite/material.py)
stops the real build with a message that names the module."""

from __future__ import annotations

from pathlib import Path

from plansite import material
from support.project import mkdocs_build


def test_the_build_stops_and_names_what_changed(project_copy: Path, tmp_path: Path) -> None:
    # A theme override that renames the search dialog: the site could no longer name it for screen readers.
    partials = project_copy / "hooks" / "theme" / "partials"
    partials.mkdir(parents=True, exist_ok=True)
    original = (material.THEME / material.SEARCH_PARTIAL).read_text(encoding="utf-8")
    (partials / "search.html").write_text(original.replace('role="dialog"', 'role="search"'), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "hooks/plansite/material.py" in result.stderr + result.stdout
    assert not (tmp_path / "site" / "index.html").exists()
