"""The public URL contract: where every node's page lives. Changing these breaks links people have shared."""

from __future__ import annotations

from pathlib import Path

from . import material
from .interpretation import INDEX_PAGE, section_page
from .model import NODE_TYPES, Issuer, Node, Principle, Section, Technology

OVERVIEW = "overview/index.md"
FULL_TEXT = "interpretation/full.md"  # the whole interpretation on one page; sentences keep their Q&A page
HOME = "index.md"

# Machine-readable copies of the plan, beside the pages: /data/plan.json and its schema, /data/measures.csv.
PLAN_JSON = "data/plan.json"
PLAN_SCHEMA = "data/plan.schema.json"
MEASURES_CSV = "data/measures.csv"
# For reference managers: the whole Plan (its pages and the interpretation's) in one RIS and one BibTeX file,
# and each item's and Q&A's own pair, /data/cite/m5.ris, /data/cite/q6.bib.
PLAN_RIS = "data/plan.ris"
PLAN_BIBTEX = "data/plan.bib"
CITE_FOLDER = "data/cite"


def cite_file(key: str, extension: str) -> str:
    """`cite_file("m5", "ris")` → `data/cite/m5.ris`: a page's reference-manager file, by its node id."""
    return f"{CITE_FOLDER}/{key}.{extension}"


DOWNLOADS = "downloads"  # the offline copy the online site offers: /downloads/metaverse-action-plan-offline.zip
OTHER_EDITIONS = ("en",)  # the address of each other language edition of the site: /en/


# Kinds whose nodes are short enough to share one page, a section each: /technologies/#ai.
GROUPED: tuple[type[Node], ...] = (Principle, Technology, Issuer)


def page_of(node: Node) -> str:
    """Where a node lives, as a docs-relative Markdown path: `measures/m5.md` → /measures/m5/,
    `technologies/index.md#ai` → /technologies/#ai."""
    if isinstance(node, Section):
        return section_page(node.id)
    if isinstance(node, GROUPED):
        return f"{index_of(type(node))}#{node.id.lower()}"
    return f"{node.key}/{node.id.lower()}.md"


def index_of(node_type: type[Node]) -> str:
    return f"{node_type.key}/index.md"


def public_url(docs_path: str, site_url: str) -> str:
    """The canonical absolute URL of a page with directory URLs: `measures/m5.md` → `{site}/measures/m5/`."""
    base = site_url.rstrip("/") + "/"
    docs_path, hash_, fragment = docs_path.partition("#")
    if docs_path == HOME:
        return base + hash_ + fragment
    stem = docs_path[: -len(".md")]
    if stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return base + stem + hash_ + fragment


def top_level_names(docs: Path) -> frozenset[str]:
    """Every first part of an address the site uses: its sections (`measures`, `interpretation`, `data` …),
    the theme's folders (`assets`, `search`), the other editions (`en`) and what docs/ holds at its top.
    A node's short link (/m5/) lives beside them and must not take one of them."""
    pages = (OVERVIEW, FULL_TEXT, PLAN_JSON, PLAN_SCHEMA, MEASURES_CSV, INDEX_PAGE)
    names = {path.split("/", 1)[0] for path in (*pages, *(index_of(t) for t in NODE_TYPES))}
    names |= {DOWNLOADS, *OTHER_EDITIONS, *material.SITE_FOLDERS}
    if docs.is_dir():
        names |= {entry.name.removesuffix(".md") for entry in docs.iterdir()}
    return frozenset(name.lower() for name in names)
