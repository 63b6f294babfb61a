"""Replace the published pair, site/ and the offline zip in dist/, together or not at all.

    python scripts/publish.py stage          make an empty staging folder and print its path
    python scripts/publish.py swap STAGE     put STAGE/site and STAGE/bundle.zip in place of the pair
    python scripts/publish.py recover        undo an interrupted swap, remove leftover staging folders

`./dev build` builds both halves into a staging folder beside site/ (same file system, so every move is
one rename) and swaps them in only when both builds succeeded. The swap writes a journal first; the moves follow;
the journal is marked done last. Ctrl-C and SIGTERM are held back
while it runs. A swap cut short by SIGKILL or a power cut is rolled back by the next `recover`, which every
`./dev build` and `./dev bundle` runs first: the previous pair comes back, and a staging folder without a
journal (a build that never finished) is deleted.
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = Path("site")
BUNDLE = Path("dist/metaverse-action-plan-offline.zip")
PREFIX = ".publish-"
JOURNAL = "swapping"  # written before the first move, once both halves are staged
DONE = "done"  # the journal renamed once every move is made
# Staging folders of earlier versions of ./dev, cleaned up the same way.
OLD_PREFIXES = (".site-build.",)


def stage(root: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))


def swap(root: Path, staged: Path) -> None:
    """Move the staged pair in and the previous pair out, uninterruptible by Ctrl-C and SIGTERM."""
    new_site, new_bundle = staged / "site", staged / "bundle.zip"
    if not new_site.is_dir() or not new_bundle.is_file():
        raise SystemExit(f"{staged} does not hold both site/ and bundle.zip: nothing replaced")
    held = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        site, bundle = root / SITE, root / BUNDLE
        journal = staged / JOURNAL
        journal.touch()
        if site.exists():
            site.replace(staged / "old-site")
        if bundle.exists():
            bundle.replace(staged / "old-bundle.zip")
        new_site.replace(site)
        bundle.parent.mkdir(parents=True, exist_ok=True)
        new_bundle.replace(bundle)
        journal.replace(staged / DONE)
        shutil.rmtree(staged, ignore_errors=True)
    finally:
        for sig, handler in held.items():
            signal.signal(sig, handler)


def recover(root: Path) -> list[str]:
    """Roll back every interrupted swap and delete every staging folder; what was done, for the log."""
    said = []
    leftovers = sorted(p for p in root.iterdir() if p.name.startswith((PREFIX, *OLD_PREFIXES)) and p.is_dir())
    for staged in leftovers:
        journal = staged / JOURNAL
        if journal.is_file() and not (staged / DONE).exists():
            _roll_back(root, staged)
            said.append(f"rolled back an interrupted publish: {staged.name}")
        shutil.rmtree(staged, ignore_errors=True)
        said.append(f"removed {staged.name}")
    return said


def _roll_back(root: Path, staged: Path) -> None:
    """The journal is written only once both halves are staged, so a half missing from the staging folder
    has been moved into place: it goes, and whatever of the previous pair was moved aside comes back."""
    for new, old, target in (("site", "old-site", root / SITE), ("bundle.zip", "old-bundle.zip", root / BUNDLE)):
        if not (staged / new).exists() and (target.exists() or target.is_symlink()):
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        if (staged / old).exists():
            (staged / old).replace(target)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "stage":
        print(stage(ROOT))
    elif command == "swap" and len(argv) == 3:
        swap(ROOT, Path(argv[2]))
    elif command == "recover":
        for line in recover(ROOT):
            print(line, file=sys.stderr)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
