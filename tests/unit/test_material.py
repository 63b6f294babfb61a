"""What the site assumes about Material for MkDocs' internals (hooks/plansite/material.py) holds for the
installed theme, and a change to any of it is caught and named. (That it stops a real build:
tests/build/test_material_build.py.)"""

from __future__ import annotations

import pytest

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
