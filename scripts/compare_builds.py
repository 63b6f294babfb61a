"""Show that a change leaves the built site as it was: build a git ref and the working tree, compare bytes.

    .venv/bin/python scripts/compare_builds.py [REF]        # REF defaults to HEAD

Each side is built the way `./dev build` builds it, with one SOURCE_DATE_EPOCH and one SITE_URL for both:
both editions (the English one into en/), strict online and offline, the offline builds
packed into the zip by that side's scripts/bundle.py, and the exports inside the online build. REF is taken
from git (`git archive`), so uncommitted changes count only on the working-tree side. Prints every file that
differs or exists on one side only, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1700000000"
SITE_URL = "https://example.org/plan/"
TREE = ("data", "docs", "hooks", "scripts", "mkdocs.yml", "mkdocs.en.yml")


def build(tree: Path, out: Path) -> dict[str, str]:
    """Build `tree` into `out`; the digest of every output file, by path (the zip as one file, and the offline
    build it was packed from file by file, so that a difference in the zip is named)."""
    # One commit name for both sides: the facts box and plan.json name the commit a site was built from.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "SITE_URL": SITE_URL}
    env["SITE_COMMIT"] = "compared"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    run = {"cwd": tree, "check": True, "capture_output": True}
    english = ["-f", "mkdocs.en.yml"]

    def both(folder: Path, extra: dict[str, str]) -> None:
        """`mkdocs build` writes both editions; a tree from before that ran a second build for the English."""
        subprocess.run([*mkdocs, "-d", str(folder)], env={**env, **extra}, **run)  # type: ignore[call-overload]
        if not (folder / "en").is_dir():
            subprocess.run([*mkdocs, *english, "-d", str(folder / "en")], env={**env, **extra}, **run)  # type: ignore[call-overload]

    both(out / "offline", {"OFFLINE": "true"})
    bundle = out / "bundle.zip"
    subprocess.run([sys.executable, "scripts/bundle.py", str(out / "offline"), str(bundle)], env=env, **run)  # type: ignore[call-overload]
    (tree / "dist").mkdir(exist_ok=True)
    (tree / "dist" / bundle.name).write_bytes(bundle.read_bytes())  # the online build offers this bundle
    both(out / "online", {})
    digests = {"offline.zip": hashlib.sha256(bundle.read_bytes()).hexdigest()}
    for flavour in ("online", "offline"):
        for path in sorted((out / flavour).rglob("*")):
            if path.is_file():
                name = f"{flavour}/{path.relative_to(out / flavour).as_posix()}"
                digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", nargs="?", default="HEAD")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        before, after = work / "before", work / "after"
        for side in (before, after):
            side.mkdir()
        archive = subprocess.run(["git", "archive", args.ref, *TREE], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
        for name in TREE:  # the working tree as it is, uncommitted changes included
            subprocess.run(["cp", "-a", str(ROOT / name), str(after)], check=True)
        try:
            old = build(before, work / "old")
            new = build(after, work / "new")
        except subprocess.CalledProcessError as failed:
            print(failed.stderr.decode()[-3000:], file=sys.stderr)
            return 2
    changed = sorted(name for name in old.keys() & new.keys() if old[name] != new[name])
    gone, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    for label, names in (("differs", changed), ("only in " + args.ref, gone), ("only in the working tree", added)):
        for name in names:
            print(f"{label}: {name}")
    same = not (changed or gone or added)
    print(f"{len(new)} files compared with {args.ref}: " + ("byte-identical" if same else "DIFFERENT"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
