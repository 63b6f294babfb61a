"""What the build writes into the search engine, for the Node tests of tests/js/: the tables of
plansite/search.py for this plan, and how plansite/search.py folds a list of texts (given as JSON on
standard input, or none), so that the tests compare the browser's folding with the build's.

    echo '["產業", "十四项"]' | .venv/bin/python tests/js/build_tables.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from plansite import load_plan, search  # noqa: E402
from plansite.edition import CHINESE  # noqa: E402


def url_of(path: str) -> str:
    """A docs file's URL as the online build's search index writes it (the home page is "")."""
    page = path.removesuffix(".md").removesuffix("index")
    return page if not page or page.endswith("/") else page + "/"


def main() -> None:
    texts = json.loads(sys.stdin.read() or "[]") if not sys.stdin.isatty() else []
    plan = load_plan(ROOT)
    sources = [path.read_text("utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    sources += [path.read_text("utf-8") for path in sorted((ROOT / "data").rglob("*.yaml"))]
    tables = search.browser_tables(
        plan,
        sources,
        search.node_locations(plan, url_of),
        [url_of(path) for path in search.list_pages(plan)],
        CHINESE.search_tables(plan),
    )
    json.dump({"tables": tables, "folded": [search.fold(text) for text in texts]}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
