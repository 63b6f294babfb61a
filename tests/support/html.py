"""Reading HTML in the tests: one maintained parser for all of them (BeautifulSoup over Python's own
html.parser, no lxml) and the few questions the tests ask of a page."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from bs4 import BeautifulSoup, Tag


class Link(NamedTuple):
    """One `href` or `src` attribute: the element that carries it, which attribute, its value, and the
    element's `rel` ("" when it has none), which tells a canonical or alternate <link> from a stylesheet."""

    tag: str
    attribute: str
    value: str
    rel: str


def parse(page: Path | str) -> BeautifulSoup:
    """A page as a tree, from its file or its text.

    Every attribute value stays one string as written (class="a b" is "a b", not a list), so that the tests
    read attributes the same way whatever the attribute is.
    """
    markup = page.read_text(encoding="utf-8") if isinstance(page, Path) else page
    return BeautifulSoup(markup, "html.parser", multi_valued_attributes=None)


def attribute(element: Tag, name: str) -> str:
    """The value of one attribute, "" when it is missing or written without a value."""
    value = element.get(name)
    return value if isinstance(value, str) else ""


def text(element: Tag | None, leave_out: str = "") -> str:
    """The text a reader sees in `element` ("" for no element), without the elements matching the CSS selector
    `leave_out` (for instance "a.headerlink", the ¶ permalink beside a heading). Scripts and comments are not
    text."""
    if element is None:
        return ""
    # Tags compare equal by their markup, so two identical permalinks are told apart by identity.
    hidden = {id(tag) for tag in element.select(leave_out)} if leave_out else set()
    return "".join(string for string in element.strings if not any(id(parent) in hidden for parent in string.parents))


def lang(page: BeautifulSoup) -> str:
    """The language the page declares on <html>, "" when it declares none."""
    root = page.find("html")
    return attribute(root, "lang") if isinstance(root, Tag) else ""


def ids(page: BeautifulSoup) -> set[str]:
    """Every name a URL fragment can point at: each id, and each <a name>."""
    found = {attribute(tag, "id") for tag in page.find_all(id=True)}
    return found | {attribute(tag, "name") for tag in page.find_all("a", attrs={"name": True})}


def classes(page: BeautifulSoup) -> set[str]:
    """Every class name used anywhere in the page."""
    return {name for tag in page.find_all(class_=True) for name in attribute(tag, "class").split()}


def links(page: BeautifulSoup) -> list[Link]:
    """Every `href` and `src` in the page, in document order, empty ones included."""
    return [
        Link(tag.name, name, attribute(tag, name), attribute(tag, "rel"))
        for tag in page.find_all(True)
        for name in ("href", "src")
        if tag.has_attr(name)
    ]


def meta(page: BeautifulSoup) -> dict[str, str]:
    """The page's <meta> tags: property or name (og:title, description, twitter:card, …) → content; a key
    written twice keeps its last content."""
    found: dict[str, str] = {}
    for tag in page.find_all("meta"):
        key = attribute(tag, "property") or attribute(tag, "name")
        if key and tag.has_attr("content"):
            found[key] = attribute(tag, "content")
    return found
