"""The public URL contract: where every node's page lives. Changing these breaks links people have shared."""

from __future__ import annotations

import ipaddress
import re
import string
import unicodedata
from pathlib import Path

from . import material
from .interpretation import INDEX_PAGE, section_page
from .model import NODE_TYPES, Issuer, Node, Principle, Section, Technology
from .problems import Location, PlanError, Problem

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


# --- the public address (SITE_URL) -----------------------------------------------------------------
# It is written into every canonical link, citation, QR code, export and reference file, inside HTML
# attributes, Markdown autolinks, BibTeX and JSON alike. So only the plain form is accepted, the one that
# means the same thing in all of them: http(s)://, a host name or address, an optional port and a path of
# letters, digits, - . _ ~ and %XX escapes. A query or fragment would make every address point at the home
# page; quotes, angle brackets and spaces would end the attribute or link they stand in.

SITE_URL_FORM = "http(s)://host[:port][/path/]"
SITE_URL_FIX = (
    f"SITE_URL 必须是 {SITE_URL_FORM}：不带查询（?）、片段（#）、引号、尖括号或空格，路径只用字母、数字、- . _ ~ 和"
    " %XX，例如 SITE_URL=https://example.org/plan/"
    f" / SITE_URL must be {SITE_URL_FORM}, with no query, fragment, quotes, angle brackets or spaces, and a path of"
    " letters, digits, - . _ ~ and %XX escapes only, e.g. SITE_URL=https://example.org/plan/"
)
_SCHEMES = ("http://", "https://")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)
_PATH_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~/%")
_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NAMED = {'"': "quotes", "'": "quotes", "`": "quotes", "<": "angle brackets", ">": "angle brackets"}


def site_url_problems(site_url: str) -> list[str]:
    """Everything that keeps `site_url` from being a plain http(s) address of a host and a path, in words;
    none when it is one."""
    if not site_url:
        return ["is empty"]
    wrong: list[str] = []
    if not site_url.startswith(_SCHEMES):
        scheme = site_url.partition(":")[0] if ":" in site_url else ""
        wrong.append(
            f"uses the scheme {scheme!r}" if scheme and "/" not in scheme else "does not start with http(s)://"
        )
        rest = site_url.partition("://")[2] if "://" in site_url else site_url
    else:
        rest = site_url.partition("://")[2]
    named = dict.fromkeys(_NAMED[c] for c in site_url if c in _NAMED)
    wrong += [f"contains {what}" for what in named]
    invisible = [c for c in site_url if c.isspace() or unicodedata.category(c) in ("Cc", "Cf")]
    if invisible:
        codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in invisible))
        wrong.append(f"contains spaces or invisible characters ({codes})")
    if "?" in site_url:
        wrong.append("has a query (?…)")
    if "#" in site_url:
        wrong.append("has a fragment (#…)")
    rest = re.split("[?#]", rest, maxsplit=1)[0]
    authority, slash, path = rest.partition("/")
    wrong += _authority_problems(authority)
    wrong += _path_problems(slash + path)
    return wrong


def _authority_problems(authority: str) -> list[str]:
    if "@" in authority:
        return ["names a user before the host (user@host)"]
    host, port = authority, ""
    if authority.startswith("["):  # an IPv6 address, [::1]:8000
        host, _, after = authority.partition("]")
        host += "]"
        if after and not after.startswith(":"):
            return [f"has an unreadable host {authority!r}"]
        port = after[1:]
    elif ":" in authority:
        host, _, port = authority.partition(":")
    wrong = []
    if not host:
        wrong.append("has no host")
    elif host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            wrong.append(f"has an invalid IPv6 host {host!r}")
    elif not all(_LABEL.fullmatch(label) for label in host.removesuffix(".").split(".")):
        wrong.append(f"has an invalid host name {host!r} (letters, digits, hyphens and dots; punycode for others)")
    if ":" in authority.rpartition("]")[2] and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        wrong.append(f"has an invalid port {port!r}")
    return wrong


def _path_problems(path: str) -> list[str]:
    wrong = []
    others = sorted({c for c in path if c not in _PATH_CHARACTERS and c not in _NAMED and c not in "?#"})
    others = [c for c in others if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))]
    if others:
        wrong.append("has characters a path may not hold as they are: " + " ".join(others) + " (write them as %XX)")
    if _ESCAPE.search(path):
        wrong.append("has a % that is not followed by two hexadecimal digits (write % itself as %25)")
    if any(segment in (".", "..") for segment in path.split("/")):
        wrong.append("has a . or .. segment in its path")
    return wrong


def check_site_url(site_url: str) -> None:
    """Raise `PlanError` naming what is wrong with the public address, and what would be right, unless it is
    a plain http(s) address (see SITE_URL_FORM). Called before anything is built."""
    wrong = site_url_problems(site_url)
    if wrong:
        what = f"{site_url!r} " + "; ".join(wrong)
        raise PlanError([Problem(Location("SITE_URL"), what, SITE_URL_FIX)])
