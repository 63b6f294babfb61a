"""scripts/publish.py: site/ and the offline zip are replaced together or not at all, whenever the swap stops."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from support.project import ROOT

_spec = importlib.util.spec_from_file_location("publish", ROOT / "scripts" / "publish.py")
assert _spec and _spec.loader
publish = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(publish)

MOVES = 5  # the renames a swap makes: two halves out, two in, the journal marked done


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no handler, no finally that matters."""


def pair(root: Path) -> tuple[str, str]:
    site = root / "site" / "index.html"
    bundle = root / "dist" / "metaverse-action-plan-offline.zip"
    return (site.read_text() if site.exists() else "", bundle.read_text() if bundle.exists() else "")


def staged_pair(root: Path) -> Path:
    staged = publish.stage(root)
    (staged / "site").mkdir()
    (staged / "site" / "index.html").write_text("new site")
    (staged / "bundle.zip").write_text("new zip")
    return staged


@pytest.mark.parametrize("had_previous", [True, False])
@pytest.mark.parametrize("moves", range(MOVES + 1))
def test_a_swap_cut_short_after_any_move_leaves_one_whole_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moves: int, had_previous: bool
) -> None:
    if had_previous:
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "index.html").write_text("old site")
        (tmp_path / "dist").mkdir()
        (tmp_path / "dist" / "metaverse-action-plan-offline.zip").write_text("old zip")
    before = pair(tmp_path)
    staged = staged_pair(tmp_path)
    real_replace = Path.replace
    done: list[Path] = []

    def replace_then_die(self: Path, target: Path) -> Path:
        if len(done) == moves:
            raise Killed
        done.append(self)
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace_then_die)
    try:
        publish.swap(tmp_path, staged)
    except Killed:
        pass
    monkeypatch.undo()

    finished = (staged / publish.DONE).exists() or not staged.exists()
    assert finished == (moves == MOVES or (not had_previous and moves >= MOVES - 2))
    publish.recover(tmp_path)
    assert pair(tmp_path) == (("new site", "new zip") if finished else before)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(publish.PREFIX)], "no staging folder is left"


def test_a_staging_folder_of_a_build_that_never_finished_is_removed_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old site")
    staged = staged_pair(tmp_path)  # no journal: the builds were still running
    publish.recover(tmp_path)
    assert not staged.exists() and pair(tmp_path) == ("old site", "")


def test_a_swap_refuses_a_staging_folder_without_both_halves(tmp_path: Path) -> None:
    staged = publish.stage(tmp_path)
    (staged / "site").mkdir()
    with pytest.raises(SystemExit):
        publish.swap(tmp_path, staged)
    assert not (tmp_path / "site").exists()
