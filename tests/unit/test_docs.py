"""The repository's own documentation stays true: every relative link in its Markdown resolves (to a file or
folder, and to a heading where it names one), and the data format reference is what data/schema.json gives.

The site's pages in docs/ are left out of the link check: their links point at pages the hooks generate
(`overview/index.md`, `interpretation/full.md`), which exist only in a build, and `mkdocs build --strict`
already fails on any of them that does not resolve.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from support.project import ROOT

SITE_PAGES = "docs/"

_spec = importlib.util.spec_from_file_location("data_reference", ROOT / "scripts" / "data_reference.py")
assert _spec and _spec.loader
data_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(data_reference)


# ---- links ---------------------------------------------------------------------------------------------

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"""<a\s[^>]*\b(?:name|id)=["']([^"']+)["']""")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def markdown_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "*.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return sorted(path for path in listed.split("\0") if path and not path.startswith(SITE_PAGES))


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines outside fenced code blocks, with their numbers, inline code spans blanked out."""
    lines, fence = [], ""
    for number, line in enumerate(text.splitlines(), 1):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        lines.append((number, CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line)))
    return lines


def links(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in prose_lines(text):
        targets = [match.group(1) for match in INLINE_LINK.finditer(line)]
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            targets.append(definition.group(1))
        found += [(number, target.strip("<>")) for target in targets]
    return found


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text in lower case, punctuation dropped, each space a hyphen."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading: its text
    text = re.sub(r"<[^>]+>", "", text).lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found, seen = set(), dict[str, int]()
    for _, line in prose_lines(text):
        heading = HEADING.match(line)
        if heading:
            base = slug(heading.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
        found.update(HTML_ANCHOR.findall(line))
    return found


def broken_links(files: list[str], root: Path = ROOT) -> list[str]:
    broken = []
    for name in files:
        source = root / name
        for line, target in links(source.read_text(encoding="utf-8")):
            if SCHEME.match(target) or target.startswith("//"):
                continue  # another site (http:, https:, mailto:): not this repository's to check
            path_part, _, fragment = target.partition("#")
            path_part = path_part.split("?")[0]
            resolved = (source.parent / path_part).resolve() if path_part else source
            where = f"{name}:{line}: {target}"
            if not resolved.exists():
                broken.append(f"{where} (no such file or folder)")
            elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
                broken.append(f"{where} (no heading with that anchor in {resolved.relative_to(root)})")
    return broken


def test_every_relative_link_in_the_repositorys_markdown_resolves() -> None:
    files = markdown_files()
    assert "README.md" in files and "ARCHITECTURE.md" in files
    broken = broken_links(files)
    assert not broken, "relative links that lead nowhere:\n" + "\n".join(broken)


def test_the_link_check_finds_a_broken_link_an_anchor_and_skips_code(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# 编辑数据 / Editing the data\n\n## Twice\n\n## Twice\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "page.md").write_text(
        "See [the guide](other.md#编辑数据--editing-the-data), [the second](other.md#twice-1),\n"
        "[a folder](folder/), [the web](https://example.org/nowhere.md), [here](#see-also).\n"
        "`[not a link](gone.md)`\n\n```\n[nor this](gone.md)\n```\n\n## See also\n\n"
        "[gone](gone.md), ![missing image](img/none.png), [bad anchor](other.md#editing)\n\n"
        "[ref]: missing/ref.md\n",
        encoding="utf-8",
    )
    broken = broken_links(["page.md", "other.md"], root=tmp_path)
    assert [entry.split(" (")[0] for entry in broken] == [
        "page.md:11: gone.md",
        "page.md:11: img/none.png",
        "page.md:11: other.md#editing",
        "page.md:13: missing/ref.md",
    ], broken


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("编辑数据 / Editing the data", "编辑数据--editing-the-data"),
        ("Decisions", "decisions"),
        ("`plansite/search.py`: the tables", "plansitesearchpy-the-tables"),
        ("URLs are a public contract", "urls-are-a-public-contract"),
    ],
)
def test_anchors_are_githubs(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


# ---- the data format reference -------------------------------------------------------------------------


def test_the_data_reference_is_what_the_schema_gives() -> None:
    committed = data_reference.OUTPUT.read_text(encoding="utf-8")
    assert committed == data_reference.render(), "run .venv/bin/python scripts/data_reference.py and commit"


def schema_fields(node: object) -> set[str]:
    if isinstance(node, dict):
        names = set(node.get("properties", {})) if isinstance(node.get("properties"), dict) else set()
        return names | {name for value in node.values() for name in schema_fields(value)}
    if isinstance(node, list):
        return {name for value in node for name in schema_fields(value)}
    return set()


def test_the_data_reference_documents_every_field_and_no_other() -> None:
    schema = json.loads(data_reference.SCHEMA.read_text(encoding="utf-8"))
    fields = schema_fields(schema) - set(schema["properties"])  # the lists are the reference's sections
    reference = data_reference.OUTPUT.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", reference, re.MULTILINE))
    assert fields <= documented, f"fields of the schema missing from the reference: {sorted(fields - documented)}"
    assert documented <= fields, f"fields in the reference the schema lacks: {sorted(documented - fields)}"
    sections = set(re.findall(r"^## ([a-z_]+)$", reference, re.MULTILINE))
    assert sections == set(schema["properties"])


def test_a_field_without_a_meaning_stops_the_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(data_reference.FIELDS, "aliases")
    with pytest.raises(SystemExit, match="aliases"):
        data_reference.render()
