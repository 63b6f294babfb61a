"""Helpers that put data text into Markdown and HTML so that it always reads as text, never as markup."""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re

import yaml

# Python-Markdown's own escapable characters, plus `|` for tables; `<`, `>` and `&` become entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(value: object) -> str:
    """Compact JSON, UTF-8, safe inside a <script> element (no `</script>` or `<!--` can form)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def md_text(text: str) -> str:
    """Text for a Markdown context (headings, list items, link text)."""
    return _MARKDOWN_SPECIAL.sub(lambda m: html.escape(m[1]) if m[1] in "<>&" else "\\" + m[1], text)


def attr(text: str) -> str:
    """Text for an HTML attribute value or a Markdown link title in double quotes."""
    return html.escape(text, quote=True)


def md_link(text: str, target: str, title: str = "") -> str:
    suffix = f' "{attr(title)}"' if title else ""
    return f"[{md_text(text)}]({target}{suffix})"


@functools.lru_cache(maxsize=8192)
def relative(from_page: str, to_page: str) -> str:
    """The link from one docs-relative .md file to another, as MkDocs resolves it (and checks it). Kept: the
    pages ask for the same few hundred links many times over."""
    if from_page == to_page.split("#", 1)[0]:
        return "#" + to_page.split("#", 1)[1] if "#" in to_page else posixpath.basename(to_page)
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def front_matter(title: str, description: str, **extra: object) -> str:
    """A generated page's YAML front matter, up to and including its closing `---` line. The theme prints
    the title and the description into <title> and <meta content="…"> as they are: they are escaped here."""
    meta = {"title": html.escape(title), "description": html.escape(description), **extra}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, width=1000) + "---\n"
