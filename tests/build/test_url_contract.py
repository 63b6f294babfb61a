"""Published URLs and anchors are a contract: none may disappear or change meaning without a redirect.

The committed inventory is tests/data/published-urls.tsv (URL, then what it is). After adding pages or
anchors on purpose, refresh it with `.venv/bin/python tests/build/test_url_contract.py --update` and commit
the diff.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

if __name__ == "__main__":  # run as a command: tests/ holds the support package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.project import ROOT
from support.url_inventory import INVENTORY, inventory, read_inventory


def test_no_published_url_or_anchor_disappears_or_changes_meaning(built_site: Path) -> None:
    published, current = read_inventory(), inventory(built_site)
    broken = [
        f"{url}: was “{meaning}”, now “{current.get(url, 'missing')}”"
        for url, meaning in published.items()
        if current.get(url) != meaning
    ]
    assert not broken, "published URLs that broke (add a redirect, or restore them):\n" + "\n".join(broken)


def test_every_url_of_the_site_is_in_the_committed_inventory(built_site: Path) -> None:
    new = sorted(set(inventory(built_site)) - set(read_inventory()))
    assert not new, "URLs not yet in tests/data/published-urls.tsv (run this file with --update):\n" + "\n".join(new)


def _update() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", f"{tmp}/site"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)  # both editions
        found = inventory(Path(tmp) / "site")
    head = "# Published URLs (relative to the site root) and what each means. See tests/build/test_url_contract.py.\n"
    INVENTORY.write_text(head + "".join(f"{url}\t{meaning}\n" for url, meaning in sorted(found.items())), "utf-8")
    print(f"{INVENTORY}: {len(found)} URLs")


if __name__ == "__main__" and "--update" in sys.argv:
    _update()
