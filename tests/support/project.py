"""The repository under test, and a real strict build of it or of a copy of it, as the README's commands run
them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Tests that change the build's environment (OFFLINE, LINK_IMAGE_FONT_DIR, …) patch this mapping.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, config: str = "mkdocs.yml"
) -> subprocess.CompletedProcess[str]:
    """Run a real strict build of `project` into `site_dir`, the way the README's command does."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / config),
            "-d",
            str(site_dir),
            *extra,
        ],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(copy: Path) -> Path:
    """A copy of what the build reads (data, docs, hooks and both editions' configuration) at `copy`."""
    for name in ("data", "docs", "hooks"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(ROOT / name, copy / name)
    return copy


def without_english(project: Path) -> None:
    """A project copy without data/en/, so without an English edition: for a test of the Chinese pages that
    changes the Chinese text, which the English renderings would otherwise have to follow before it builds."""
    shutil.rmtree(project / "data" / "en")


def edit(project: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a file of a project copy; return the 1-based line where the change starts."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
