"""The PDF edition of each language, read back as a reader's tools read it: every sentence of the interpretation
extracts exactly (pypdf and pdfminer, apart from line breaks), the outline has every part, every link leads to a
published address, the fonts are embedded subsets, the metadata says who compiled it, and one commit gives one file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pdfminer.high_level import extract_text

from plansite import load_plan
from plansite.english import load_english
from plansite.model import Goal, Measure, Project, Safeguard, Section, Task
from plansite.pdf import FILES
from support.project import ROOT
from support.url_inventory import read_inventory

SITE_URL = "https://example.org/"
BUDGET = 1_500_000  # bytes a PDF may weigh
_WHITESPACE = re.compile(r"\s+")


def _pdf_build(out: Path, epoch: str = "1796601600") -> dict[str, Path]:
    env = {**os.environ, "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": epoch, "SITE_COMMIT": "0123456789ab"}
    subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), str(out)], check=True, env=env)
    return {language: out / name for language, name in FILES.items()}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _pdf_build(tmp_path_factory.mktemp("pdf"))


@cache
def _plan() -> Any:
    return load_plan(ROOT)


def _sentences(language: str) -> dict[str, str]:
    """Every sentence of docs/interpretation/ (or its English), by id."""
    plan = _plan()
    if language == "zh":
        return {i: s.text for i, s in plan.interpretation.sentences.items()}
    english = load_english(ROOT, plan)
    return {i: english.sentences[i].en for i in plan.interpretation.sentences}


def _flat(text: str) -> str:
    """Text apart from line breaks: a line may break anywhere, so no whitespace counts."""
    return _WHITESPACE.sub("", text)


def _page_texts(path: Path) -> list[str]:
    """pypdf's text of each page, the page number (the running footer) left out."""
    texts = []
    for number, page in enumerate(pypdf.PdfReader(path).pages, start=1):
        text = page.extract_text()
        lines = text.split("\n")
        if lines and lines[-1].strip() == str(number):
            lines = lines[:-1]
        elif lines and lines[0].strip() == str(number):
            lines = lines[1:]
        texts.append("\n".join(lines))
    return texts


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_sentence_extracts_exactly_with_pypdf(pdfs: dict[str, Path], language: str) -> None:
    text = _flat("".join(_page_texts(pdfs[language])))
    missing = [i for i, sentence in _sentences(language).items() if _flat(sentence) not in text]
    assert not missing, f"sentences that do not extract as written: {missing}"
    # Each sentence is followed by its id, printed small beside it.
    assert all(i in text for i in _sentences(language))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_sentence_extracts_exactly_with_pdfminer(pdfs: dict[str, Path], language: str) -> None:
    pages = extract_text(str(pdfs[language])).split("\f")
    kept = []
    for number, page in enumerate(pages, start=1):  # pdfminer puts the page number on a line of its own
        kept.append("\n".join(line for line in page.split("\n") if line.strip() != str(number)))
    text = _flat("".join(kept))
    missing = [i for i, sentence in _sentences(language).items() if _flat(sentence) not in text]
    assert not missing, f"sentences that do not extract as written: {missing}"


def test_no_character_is_extracted_as_a_kangxi_radical(pdfs: dict[str, Path]) -> None:
    text = "".join(_page_texts(pdfs["zh"]))
    radicals = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert not radicals


def _outline(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def test_outline_has_the_preamble_every_question_task_measure_project_and_safeguard(pdfs: dict[str, Path]) -> None:
    plan = _plan()
    titles = _outline(pypdf.PdfReader(pdfs["zh"]))
    expected = ["序言"] + [plan.interpretation.section(s.id).title for s in plan.of(Section)]
    expected += [f"{n.id} {n.title}" for t in (Goal, Task, Measure, Project, Safeguard) for n in plan.of(t)]
    assert [e for e in expected if e not in titles] == []
    english = _outline(pypdf.PdfReader(pdfs["en"]))
    assert "Preamble" in english and len(english) == len(titles)


def _links(path: Path) -> list[str]:
    found = []
    for page in pypdf.PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/URI"):
                found.append(str(action["/URI"]))
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_link_leads_to_a_published_address(pdfs: dict[str, Path], language: str) -> None:
    published = read_inventory()
    links = _links(pdfs[language])
    assert links
    unknown = sorted({u for u in links if u.removeprefix(SITE_URL) not in published})
    assert unknown == []
    prefix = "" if language == "zh" else "en/"
    assert f"{SITE_URL}{prefix}interpretation/q6/#q6-s2" in links  # a sentence's canonical address


def test_internal_links_reach_the_parts(pdfs: dict[str, Path]) -> None:
    """The table of contents links to the parts inside the document."""
    reader = pypdf.PdfReader(pdfs["zh"])
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            data = annotation.get_object()
            action = data.get("/A")
            if "/Dest" in data or (action is not None and action.get("/S") == "/GoTo"):
                internal += 1
    assert internal >= 8


@pytest.mark.parametrize("language", ["zh", "en"])
def test_fonts_are_embedded_subsets(pdfs: dict[str, Path], language: str) -> None:
    fonts = {}
    for page in pypdf.PdfReader(pdfs[language]).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values())
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts), fonts  # subset: a tag before the name
    assert any("CJK" in name for name in fonts)


@pytest.mark.parametrize(("language", "lang"), [("zh", "zh-CN"), ("en", "en")])
def test_metadata_names_the_site_as_compiler_and_the_language(pdfs: dict[str, Path], language: str, lang: str) -> None:
    reader = pypdf.PdfReader(pdfs[language])
    info = reader.metadata
    assert info is not None and info.title and info.subject
    assert info.author in (
        "元宇宙产业创新发展三年行动计划阅读站",
        "Metaverse Industry Action Plan (2023–2025): a reader",
    )
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]) == lang
    assert "/StructTreeRoot" in root  # tagged (PDF/UA-1, which the compiler checks)


def test_cover_says_who_compiled_it_and_where_the_plan_stands(pdfs: dict[str, Path]) -> None:
    cover = _page_texts(pdfs["zh"])[0]
    assert "不是上述部门发布的文件" in cover
    for office in ("工业和信息化部办公厅", "国家广播电视总局办公厅"):
        assert office in _flat(cover)
    assert "2023—2025年（截至2026-12-07，规划期已结束）" in _flat(cover)
    assert "0123456789ab" in cover
    english = _page_texts(pdfs["en"])[0]
    assert "is not a document published by the" in english.replace("\n", " ")


def test_summaries_are_marked_as_the_sites_words(pdfs: dict[str, Path]) -> None:
    plan = _plan()
    text = _flat("".join(_page_texts(pdfs["zh"])))
    for node in (*plan.of(Task), *plan.of(Measure), *plan.of(Project), *plan.of(Safeguard)):
        if node.summary:
            assert "本站概述" + _flat(node.summary) in text, node.id


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_pdf_is_within_its_budget(pdfs: dict[str, Path], language: str) -> None:
    assert pdfs[language].stat().st_size <= BUDGET


def test_one_commit_gives_the_same_bytes(pdfs: dict[str, Path], tmp_path: Path) -> None:
    again = _pdf_build(tmp_path)
    for language, path in pdfs.items():
        assert again[language].read_bytes() == path.read_bytes(), language
