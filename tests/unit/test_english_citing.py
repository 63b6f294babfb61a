"""What an English page cites and how: the same citation model as the Chinese pages, in English words, checked
against hand-written strings; its buttons, reference-manager files and metadata say the page is English."""

from __future__ import annotations

import bibtexparser
import rispy

from plansite import load_plan
from plansite.english import citing, load_english
from plansite.english.pages import english_pages
from plansite.metadata import meta_tags
from support.project import ROOT

SITE = "https://example.org/en/"
TODAY = "2026-11-30"
PLAN = "Three-Year Action Plan for the Innovative Development of the Metaverse Industry (2023–2025)"
OFFICES = (
    "General Office of the Ministry of Industry and Information Technology, General Office of the Ministry of "
    "Education, General Office of the Ministry of Culture and Tourism, et al."
)
READER = "Metaverse Industry Action Plan (2023–2025): a reader"
INTERPRETATION = f"Interpretation of the {PLAN}"
Q6 = "6. How does the Action Plan build systematic and complete industrial support?"

# Written out by hand: GB/T 7714—2015's order (as the Chinese pages cite), in English words.
EXPECTED = {
    ("measures/m5.md", "M5 Accelerate the deployment of the industrial metaverse in key industries"): (
        f"{OFFICES} {PLAN}: M5 Accelerate the deployment of the industrial metaverse in key industries[EB/OL]. "
        f"{READER}, compiler and unofficial translator. (2023-09-08)[{TODAY}]. {SITE}measures/m5/."
    ),
    ("index.md", "Home"): (
        f"{OFFICES} {PLAN}[EB/OL]. {READER}, compiler and unofficial translator. (2023-09-08)[{TODAY}]. {SITE}."
    ),
    ("interpretation/q6.md", Q6): (
        f"Ministry of Industry and Information Technology. {INTERPRETATION}: {Q6}[EB/OL]. "
        f"{READER}, unofficial translator. (2023-09-08)[{TODAY}]. {SITE}interpretation/q6/."
    ),
    ("interpretation/full.md", "Full text"): (
        f"Ministry of Industry and Information Technology. {INTERPRETATION}[EB/OL]. "
        f"{READER}, unofficial translator. (2023-09-08)[{TODAY}]. {SITE}interpretation/full/."
    ),
}


def test_english_pages_cite_the_plan_by_its_general_offices_and_the_interpretation_by_miit() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    for (path, title), expected in EXPECTED.items():
        assert citing.full(citing.page_citation(plan, english, path, title, SITE), TODAY) == expected, path


def test_english_pages_carry_the_buttons_the_citation_and_the_quote_control_in_english() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    pages = english_pages(plan, english, SITE)
    m5, q6 = pages["measures/m5.md"], pages["interpretation/q6.md"]
    for page in (m5, q6):
        assert 'data-share="link">Copy link<' in page and 'data-share="markdown">Copy as Markdown<' in page
        assert "## Cite this page" in page and "[date accessed]" in page
        assert "<!-- plan:en-cite-downloads" in page
    assert 'data-markdown="[M5 Accelerate the deployment of the industrial metaverse in key industries]' in m5
    assert 'class="quote-selection"' in q6 and "unofficial English translation by this site" in q6
    assert all("复制" not in page and "引用" not in page for page in (m5, q6))


def test_english_reference_files_and_metadata_are_english() -> None:
    plan = load_plan(ROOT)
    english = load_english(ROOT, plan)
    m5 = citing.page_citation(plan, english, "measures/m5.md", "M5 Accelerate", SITE)
    q6 = citing.page_citation(plan, english, "interpretation/q6.md", Q6, SITE)
    files = citing.reference_files(plan, english, {"m5": m5, "q6": q6})
    (record,) = rispy.loads(files["data/cite/m5.ris"].decode("utf-8"))
    assert record["language"] == "en" and record["authors"][0].startswith("General Office of the Ministry")
    assert record["secondary_authors"] == [READER]
    library = bibtexparser.parse_string(files["data/cite/q6.bib"].decode("utf-8"))
    assert not library.failed_blocks
    fields = library.entries[0].fields_dict
    assert fields["langid"].value == "english" and fields["translator"].value == "{" + READER + "}"
    assert "editor" not in fields and "editortype" not in fields
    tags = dict(meta_tags(m5, "Site summary (not the original text): …", citing.LANGUAGE))
    assert tags["citation_language"] == "en" and tags["DC.language"] == "en"
    assert tags["DC.description"].startswith("Site summary (not the original text)")
