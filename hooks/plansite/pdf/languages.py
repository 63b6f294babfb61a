"""Each language's PDF: its words (from `labels.py` and `english/labels.py`) and its text of the plan."""

from __future__ import annotations

from .. import labels as L
from ..citation import INTERPRETATION_ISSUED
from ..edition import CHINESE
from ..english import labels as E
from ..english.alternates import EDITION
from ..english.edition import EnglishEdition
from ..english.translation import English
from ..model import Plan
from .content import Language, PdfWords

ENGLISH_REGION = ""  # English without a region: the translation follows no one country's usage


def chinese(plan: Plan, site_url: str) -> Language:
    words = PdfWords(
        lang="zh",
        region="cn",
        facts=L.FACTS,
        publisher=L.INTERPRETATION_AUTHOR,
        source=L.SOURCE_LINE,
        **L.PDF,  # type: ignore[arg-type]
    )
    interpretation = plan.interpretation

    def part_title(key: str) -> str:
        page = interpretation.section(key.upper())
        return page.title if page else key

    return Language(words, CHINESE, site_url, plan.document.title, part_title, lambda s: s.text)


def english(plan: Plan, translation: English, site_url: str) -> Language:
    words = PdfWords(
        lang="en",
        region=ENGLISH_REGION,
        facts=E.FACTS,
        publisher=E.INTERPRETATION_AUTHOR,
        source=E.SOURCE_LINE.format(date=INTERPRETATION_ISSUED),
        **E.PDF,  # type: ignore[arg-type]
    )
    edition_url = site_url.rstrip("/") + "/" + EDITION if site_url else EDITION

    def part_title(key: str) -> str:
        found = translation.titles.get(key)
        return found.en if found else key

    return Language(
        words,
        EnglishEdition(translation),
        edition_url,
        translation.document_title.en,
        part_title,
        lambda s: translation.sentences[s.id].en,
    )
