"""What the site assumes about Material for MkDocs' internals (hooks/plansite/material.py) holds for the
installed theme, and a change to any of it stops the build with a message that names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mkdocs_build
from plansite import material


def test_every_assumption_holds_for_the_installed_theme() -> None:
    assert material.check() == []
    assert material.protocol() == material.Protocol(setup=0, ready=1, query=2, result=3)
    assert material.worker_path().startswith(material.WORKER_FOLDER)


def test_a_reordered_worker_protocol_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = dict(material._sources())
    sources[material.MESSAGE_SOURCE] = sources[material.MESSAGE_SOURCE].replace("QUERY,", "PING,\n  QUERY,")
    monkeypatch.setattr(material, "_sources", lambda: sources)
    material.protocol.cache_clear()
    try:
        with pytest.raises(material.MaterialChanged, match="SETUP.*READY.*PING.*QUERY"):
            material.protocol()
        assert any("搜索消息类型" in problem for problem in material.check())
    finally:
        material.protocol.cache_clear()


def test_changed_markup_and_query_event_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = dict(material._sources())
    sources[material.QUERY_SOURCE] = sources[material.QUERY_SOURCE].replace('"keyup"', '"input"')
    sources[material.RESULT_SOURCE] = sources[material.RESULT_SOURCE].replace("md-search-result__item", "md-hit")
    monkeypatch.setattr(material, "_sources", lambda: sources)
    problems = material.check()
    assert any("keyup" in problem for problem in problems), problems
    assert any("md-search-result__item" in problem for problem in problems), problems


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
