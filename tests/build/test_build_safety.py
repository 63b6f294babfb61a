"""Builds are safe to repeat: byte-identical from one commit, and a failed build replaces nothing."""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support.project import BUILD_ENV, ROOT, edit, mkdocs_build

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path, monkeypatch) -> None:
    for key, value in EPOCH.items():
        monkeypatch.setitem(BUILD_ENV, key, value)
    first, second = tmp_path / "first", tmp_path / "second"
    assert mkdocs_build(ROOT, first).returncode == 0
    assert mkdocs_build(ROOT, second).returncode == 0
    comparison = filecmp.dircmp(first, second)
    assert tree_digest(first) == tree_digest(second), comparison.report()


def test_a_failed_build_leaves_the_previous_site_and_bundle_untouched(project_copy: Path) -> None:
    for name in ("dev", "scripts", "requirements.txt"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project_copy / name)
    (project_copy / ".venv").symlink_to(ROOT / ".venv")
    env = {**BUILD_ENV, **EPOCH}

    def dev_build(*online_args: str) -> subprocess.CompletedProcess[str]:
        command = ["./dev", "build", *online_args]
        return subprocess.run(command, cwd=project_copy, env=env, capture_output=True, text=True)

    good = dev_build()
    assert good.returncode == 0, good.stdout + good.stderr
    site_before = tree_digest(project_copy / "site")
    bundle = project_copy / "dist" / "metaverse-action-plan-offline.zip"
    bundle_before = bundle.read_bytes()
    assert "downloads/metaverse-action-plan-offline.zip" in site_before

    # The online build failing after the bundle was made (here: told to read a missing theme directory).
    bad = dev_build("--theme-dir", "no-such-theme-dir")
    assert bad.returncode != 0
    assert tree_digest(project_copy / "site") == site_before
    assert bundle.read_bytes() == bundle_before, "the new bundle is published only with its online site"

    # A change that passes the data checks but fails the strict build half-way (a broken link in a page).
    home = project_copy / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[坏链接](no-such-page.md)\n", encoding="utf-8")
    bad = dev_build()
    assert bad.returncode != 0
    assert tree_digest(project_copy / "site") == site_before
    assert bundle.read_bytes() == bundle_before

    # And one that the data checks reject.
    home.write_text(home.read_text(encoding="utf-8").replace("[坏链接](no-such-page.md)", ""), encoding="utf-8")
    tasks = project_copy / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("id: T2", "id: T1"), encoding="utf-8")
    bad = dev_build()
    assert bad.returncode != 0 and "Traceback" not in bad.stdout + bad.stderr
    assert tree_digest(project_copy / "site") == site_before
    assert bundle.read_bytes() == bundle_before
    leftovers = [p.name for p in project_copy.iterdir() if p.name.startswith(".publish-")]
    assert not leftovers, f"temporary build folders left behind: {leftovers}"
    assert os.access(project_copy / "dev", os.X_OK)


def _dev_project(project: Path) -> dict[str, str]:
    """Make a project copy runnable with ./dev; the environment to run it in."""
    for name in ("dev", "scripts", "requirements.txt"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    return {**BUILD_ENV, **EPOCH}


def _published(project: Path) -> tuple[dict[str, str], bytes]:
    return tree_digest(project / "site"), (project / "dist" / "metaverse-action-plan-offline.zip").read_bytes()


@pytest.mark.parametrize(
    ("sig", "after"),
    [(signal.SIGINT, "offline"), (signal.SIGINT, "site"), (signal.SIGKILL, "offline"), (signal.SIGKILL, "site")],
)
def test_interrupting_dev_build_leaves_the_previous_pair_and_the_next_run_cleans_up(
    project_copy: Path, sig: signal.Signals, after: str
) -> None:
    env = _dev_project(project_copy)
    assert subprocess.run(["./dev", "build"], cwd=project_copy, env=env, capture_output=True).returncode == 0
    before = _published(project_copy)
    # A change, so that the interrupted build would publish something different.
    edit(
        project_copy,
        "data/measures.yaml",
        "title: 加快重点行业工业元宇宙布局",
        "title: 加快重点行业工业元宇宙布局（新）",
    )
    # and its English, which the English build holds to today's Chinese
    edit(
        project_copy, "data/en/nodes.yaml", "{zh: 加快重点行业工业元宇宙布局,", "{zh: 加快重点行业工业元宇宙布局（新）,"
    )
    running = subprocess.Popen(
        ["./dev", "build"], cwd=project_copy, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not any(project_copy.glob(f".publish-*/{after}")) and running.poll() is None:
        assert time.monotonic() < deadline, f"the build never reached {after}/"
        time.sleep(0.05)
    os.killpg(running.pid, sig)  # Ctrl-C reaches the whole foreground group; SIGKILL leaves no handler to run
    running.wait(timeout=60)
    assert running.returncode != 0
    assert _published(project_copy) == before
    if sig == signal.SIGINT:
        assert not list(project_copy.glob(".publish-*")), "Ctrl-C leaves no staging folder"
    # The next run removes what a killed one left, and a failing run still replaces nothing.
    failed = subprocess.run(
        ["./dev", "build", "--theme-dir", "no-such-theme-dir"], cwd=project_copy, env=env, capture_output=True
    )
    assert failed.returncode != 0
    assert not list(project_copy.glob(".publish-*"))
    assert _published(project_copy) == before


# ---- one build at a time ------------------------------------------------------------------------

# Stands for mkdocs in the tree below: makes its -d folder, works in it for a while as a build does, and fails
# as the real build did when that folder is deleted under it.
FAKE_MKDOCS = """#!/bin/sh
while [ $# -gt 0 ]; do [ "$1" = -d ] && dir=$2; shift; done
mkdir -p "$dir/search"
sleep "$FAKE_BUILD_SECONDS"
echo "$BUILD_NAME" > "$dir/index.html" && echo "$BUILD_NAME" > "$dir/search/search_index.js"
"""


def _tree_with_fast_builds(tree: Path) -> None:
    """./dev, its scripts, hooks, data and docs, with a .venv whose Python is the real one and whose mkdocs is
    FAKE_MKDOCS: ./dev's own code (the lock, the staging, recover and swap) and scripts/pdf.py run as they are."""
    for name in ("dev", "scripts", "hooks", "data", "docs", "requirements.txt"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tree / name)
    bin_ = tree / ".venv" / "bin"
    bin_.mkdir(parents=True)
    (bin_ / "python").write_text(f'#!/bin/sh\nexec "{ROOT}/.venv/bin/python" "$@"\n')
    (bin_ / "mkdocs").write_text(FAKE_MKDOCS)
    for script in bin_.iterdir():
        script.chmod(0o755)


@pytest.mark.parametrize("second", ["build", "bundle"])
def test_a_second_dev_build_in_the_same_tree_waits_for_the_first_and_touches_none_of_its_files(
    tmp_path: Path, second: str
) -> None:
    _tree_with_fast_builds(tmp_path)
    env = {**BUILD_ENV, **EPOCH, "FAKE_BUILD_SECONDS": "1"}

    def start(command: str, name: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            ["./dev", command], cwd=tmp_path, env={**env, "BUILD_NAME": name},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    first = start("build", "first")
    deadline = time.monotonic() + 60
    while not any(tmp_path.glob(".publish-*/offline")):
        assert first.poll() is None and time.monotonic() < deadline, "the first build never reached its staging folder"
        time.sleep(0.02)
    then = start(second, "second")
    first_out, first_err = first.communicate(timeout=120)
    second_out, second_err = then.communicate(timeout=120)
    assert first.returncode == 0, first_out + first_err
    assert then.returncode == 0, second_out + second_err
    assert "Another ./dev build or ./dev bundle is running" in second_err
    assert "Another" not in first_err
    # The first published its pair whole; a second build published its own after it, a bundle only its zip.
    site = (tmp_path / "site" / "index.html").read_text().strip()
    assert site == ("second" if second == "build" else "first")
    assert (tmp_path / "dist" / "metaverse-action-plan-offline.zip").is_file()
    assert not list(tmp_path.glob(".publish-*")), "a staging folder was left behind"
