"""The public URL contract: where every node's page lives. Changing these breaks links people have shared."""

from __future__ import annotations

from .interpretation import section_page
from .model import Node, Section

OVERVIEW = "overview/index.md"
HOME = "index.md"


def page_of(node: Node) -> str:
    """The docs-relative Markdown path of a node's page: `measures/m5.md` → /measures/m5/."""
    if isinstance(node, Section):
        return section_page(node.id)
    return f"{node.key}/{node.id.lower()}.md"


def index_of(node_type: type[Node]) -> str:
    return f"{node_type.key}/index.md"


def public_url(docs_path: str, site_url: str) -> str:
    """The canonical absolute URL of a page with directory URLs: `measures/m5.md` → `{site}/measures/m5/`."""
    base = site_url.rstrip("/") + "/"
    if docs_path == HOME:
        return base
    stem = docs_path[: -len(".md")]
    if stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return base + stem
