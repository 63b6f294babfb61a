"""Files for reference managers (Zotero, EndNote, JabRef): RIS and BibTeX of every item and Q&A page, and one
of each for the whole Plan, made from the same `Citation` as the page's 引用 text.

A Plan page is an online resource whose authors are the issuing general offices and whose compiler is the
site (RIS `A2`, biblatex `editor` with `editortype = {compiler}`); a Q&A page is the interpretation's, by its
author. No access date: the reader's reference manager adds the day it imports the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from . import labels as L
from .citation import Citation, interpretation_citation, plan_citation
from .interpretation import INDEX_PAGE
from .markup import attr, md_link, relative
from .model import Plan, Section
from .pages import INDEXED_TYPES, heading
from .urls import HOME, PLAN_BIBTEX, PLAN_RIS, cite_file, page_of, public_url

MEDIA_TYPES = {"ris": "application/x-research-info-systems", "bib": "application/x-bibtex"}
KEY_PREFIX = "metaverse-action-plan"  # BibTeX keys: metaverse-action-plan-m5, …-interpretation-q6
INTERPRETATION_KEY = "interpretation"  # /data/cite/interpretation.ris: the whole interpretation


def cited_pages(plan: Plan, site_url: str) -> dict[str, Citation]:
    """Every page that offers downloads, by its file key (`m5`, `q6`), then the whole interpretation."""
    cited: dict[str, Citation] = {}
    for node_type in INDEXED_TYPES:
        for node in plan.of(node_type):
            cited[node.id.lower()] = plan_citation(plan, heading(node), public_url(page_of(node), site_url))
    cited[INTERPRETATION_KEY] = interpretation_citation(plan, "", public_url(INDEX_PAGE, site_url))
    for section in plan.of(Section):
        page = plan.interpretation.section(section.id)
        title = page.title if page else section.title
        cited[section.id.lower()] = interpretation_citation(plan, title, public_url(page_of(section), site_url))
    return cited


def reference_files(plan: Plan, site_url: str) -> dict[str, bytes]:
    """Site-relative path → bytes: each page's pair under /data/cite/, and the whole Plan's pair in /data/."""
    cited = cited_pages(plan, site_url)
    files: dict[str, bytes] = {}
    for key, citation in cited.items():
        files[cite_file(key, "ris")] = ris([citation]).encode("utf-8")
        files[cite_file(key, "bib")] = bibtex([(key, citation)]).encode("utf-8")
    whole = [("", plan_citation(plan, "", public_url(HOME, site_url))), *cited.items()]
    files[PLAN_RIS] = ris(c for _, c in whole).encode("utf-8")
    files[PLAN_BIBTEX] = bibtex(whole).encode("utf-8")
    return files


def downloads_line(key: str, here: str, files: dict[str, bytes], inline: bool) -> str:
    """下载引用：RIS · BibTeX for the page whose files are `key` (m5, q6): links to its files in /data/cite/,
    or (`inline`, the offline copy) the files themselves as `data:` links the browser saves under their name,
    which costs the zip far less than a hundred small files."""
    links = {}
    for extension, name in (("ris", "RIS"), ("bib", "BibTeX")):
        path = cite_file(key, extension)
        if inline:
            href = data_url(files[path].decode("utf-8"), MEDIA_TYPES[extension])
            links[extension] = f'<a href="{attr(href)}" download="{key}.{extension}">{name}</a>'
        else:
            links[extension] = md_link(name, relative(here, path))
    return L.DOWNLOAD_CITATION.format(ris=links["ris"], bibtex=links["bib"]) + "\n{: .cite-downloads }"


def data_url(text: str, media_type: str) -> str:
    """A `data:` URL of UTF-8 text. Only what a URL cannot hold as it is gets escaped: line ends (a URL parser
    drops them), `%` and `#`; the Chinese stays as it is and is encoded by the browser."""
    escaped = text.replace("%", "%25").replace("#", "%23").replace("\r", "%0D").replace("\n", "%0A")
    return f"data:{media_type};charset=utf-8,{escaped}"


# --- RIS ----------------------------------------------------------------------------------------


def ris(citations: Iterable[Citation], language: str = "zh-CN") -> str:
    """RIS records, one per citation, CRLF line ends as the format asks. `ELEC`: a web page. `language`: the
    pages' (the English edition's files say en)."""
    records = []
    for citation in citations:
        lines = [("TY", "ELEC"), *(("AU", author) for author in citation.authors), ("TI", citation.title)]
        if citation.part:
            lines.append(("T2", citation.work_title))
        if citation.compiler:
            lines.append(("A2", citation.compiler))
        if citation.issued:
            lines += [("PY", citation.year), ("DA", citation.issued.replace("-", "/"))]
        lines += [("UR", citation.url), ("LA", language), ("ER", "")]
        records.append("".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines))
    return "\r\n".join(records)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- BibTeX (biblatex `@online`) ----------------------------------------------------------------
# BibTeX has no escape for a brace: it counts every { and } of a value, a backslash before one included, and
# a value ends where its braces balance. So a title's braces that pair up are written `\{ \}` (balanced, and
# what every LaTeX reader decodes), and one without its partner as `\textbraceleft{}` or `\textbraceright{}`,
# LaTeX's name for the character, which holds no unpaired brace. The other characters LaTeX reads as markup
# are escaped, and the pairs it would join into one glyph (-- `` '' !` ?`) are kept apart with {}.


def bibtex(entries: Iterable[tuple[str, Citation]], langid: str = "chinese") -> str:
    """biblatex `@online` entries keyed `metaverse-action-plan-{key}`; each name braced whole, as an
    organisation's name must be so that it is not split into given and family names."""
    out = []
    for key, citation in entries:
        fields = [
            ("author", " and ".join(f"{{{_escape(a)}}}" for a in citation.authors)),
            ("title", _escape(citation.title)),
        ]
        if citation.compiler:
            fields += [("editor", f"{{{_escape(citation.compiler)}}}"), ("editortype", "compiler")]
        if citation.issued:
            fields += [("date", _escape(citation.issued)), ("year", _escape(citation.year))]
        fields += [("url", bibtex_url(citation.url)), ("langid", langid)]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@online{{{KEY_PREFIX}{'-' + key if key else ''},\n{body}\n}}\n")
    return "\n".join(out)


_BIBTEX_COMMANDS = {
    "\\": r"\textbackslash{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "{": r"\{",
    "}": r"\}",
    **{char: "\\" + char for char in "%&#_$"},
}
_UNPAIRED = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_LIGATURES = frozenset({"--", "``", "''", "!`", "?`"})


def _escape(text: str) -> str:
    """Text as a BibTeX value that LaTeX prints as the text itself: balanced braces, markup escaped."""
    text = _one_line(text)
    unpaired = _unpaired_braces(text)
    out = []
    for index, char in enumerate(text):
        out.append(_UNPAIRED[char] if index in unpaired else _BIBTEX_COMMANDS.get(char, char))
        if text[index : index + 2] in _LIGATURES:
            out.append("{}")
    return "".join(out)


def _unpaired_braces(text: str) -> set[int]:
    """The positions of the braces in `text` that have no partner."""
    opened: list[int] = []
    unpaired: set[int] = set()
    for index, char in enumerate(text):
        if char == "{":
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unpaired.add(index)
    return unpaired | set(opened)


_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def bibtex_url(url: str) -> str:
    """A `url` value that is always one: whatever a URL may not hold as it is (braces, backslashes, spaces,
    quotes …), percent-encoded; a URL that is already plain, as every SITE_URL is (`urls.check_site_url`),
    unchanged."""
    return quote(_PERCENT.sub("%25", url), safe="%:/?#[]@!$&'()*+,;=-._~")
