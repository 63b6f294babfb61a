"""The whole interpretation on one page, for reading straight through and printing: made from the pages.

The page repeats every sentence line (`{#q6-s2} …`) of the preamble and the seven Q&A pages, each Q&A under
its own heading, so that the same renderer gives every sentence the same id as on its own page:
/interpretation/full/#q6-s2 works, while /interpretation/q6/#q6-s2 stays the sentence's canonical place.
"""

from __future__ import annotations

from . import facts_box
from . import labels as L
from .interpretation import INDEX_PAGE, Sentence, paragraphs
from .markup import front_matter, md_link, md_text, relative
from .model import Plan, Section
from .pdf import MARKER as PDF_MARKER
from .typography import chinese_numeral
from .urls import FULL_TEXT, page_of


def full_text_page(plan: Plan) -> str:
    """Markdown of /interpretation/full/: the preamble's sentences, then every Q&A under an `##` heading."""
    interpretation = plan.interpretation
    preamble = interpretation.pages.get(INDEX_PAGE)
    title = L.FULL_TEXT_TITLE.format(title=preamble.title if preamble else plan.document.title)
    sections = chinese_numeral(len(plan.of(Section)))
    # Search points at each sentence's own Q&A page: indexing this copy would show every hit twice.
    head = front_matter(L.NAV["full_text"], L.FULL_TEXT_DESCRIPTION.format(sections=sections), search={"exclude": True})
    index = md_link(L.FULL_TEXT_INDEX, relative(FULL_TEXT, INDEX_PAGE))
    parts = [
        f"# {md_text(title)}",
        source_line(),
        L.FULL_TEXT_NOTE.format(sections=sections, index=index) + "\n{: .full-text-note }",
        facts_box.chinese(plan),
        PDF_MARKER,  # the PDF edition's download line (hooks/site_exports.py)
    ]
    if preamble:
        parts += _paragraphs(preamble.sentences)
    for section in plan.of(Section):
        page = interpretation.section(section.id)
        if page is None:
            continue
        parts.append(f"## {md_text(page.title or section.title)} {{#{section.id.lower()}}}")
        parts.append(md_link(L.FULL_TEXT_OWN_PAGE, relative(FULL_TEXT, page_of(section))) + "\n{: .full-text-own }")
        parts += _paragraphs(page.sentences)
    return head + "\n" + "\n\n".join(parts) + "\n"


def source_line() -> str:
    """Where the interpretation was published: under its title on the full text and on each Q&A page."""
    return f'<p class="source-line">{L.SOURCE_LINE}</p>'


def _paragraphs(sentences: tuple[Sentence, ...]) -> list[str]:
    """Sentence lines in their paragraphs, as on their page."""
    return ["\n".join(f"{{#{s.id}}} {s.text}" for s in group) for group in paragraphs(sentences)]
