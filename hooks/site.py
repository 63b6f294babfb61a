"""MkDocs hooks for the site: check data/, add the generated pages and navigation, mark up the text.

The hooks only adapt; what a page says is decided in `plansite`, which knows nothing of MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from plansite import PlanError, labels, load_plan, pages
from plansite.interpretation import INDEX_PAGE, render_sentences
from plansite.model import Plan, Section
from plansite.urls import page_of

# Markers a hand-written page may contain; each is replaced by Markdown generated from the plan.
MARKERS: dict[str, Callable[[Plan, str], str]] = {
    "<!-- plan:questions -->": pages.questions_list,
    "<!-- plan:structure -->": pages.structure_summary,
}

_build: dict[str, object] = {}  # the plan and its pages, loaded once per build in on_config


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    docs = os.path.relpath(config.docs_dir, root)
    try:
        plan = load_plan(root, docs_dir=docs)
    except PlanError as error:
        # Raised before anything is written: a failed check never leaves a half-built site.
        raise PluginError(error.report()) from None
    config.nav = pages.navigation(plan)
    _build.clear()
    _build.update(
        plan=plan,
        pages=pages.generated_pages(plan, config.site_url or ""),
        name_links=pages.name_links(plan),
        sections={page_of(s): s for s in plan.of(Section)},
    )
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for path, content in _build["pages"].items():  # type: ignore[union-attr]
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} 与自动生成的页面同名：删除它，内容由 data/ 生成")
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan: Plan = _build["plan"]  # type: ignore[assignment]
    here = page.file.src_uri
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(plan, here))
    section = _build["sections"].get(here)  # type: ignore[union-attr]
    if section is not None or here == INDEX_PAGE:
        markdown = render_sentences(markdown, here, _build["name_links"], labels.SENTENCE_ANCHOR)  # type: ignore[arg-type]
    if section is not None:
        markdown += "\n\n" + pages.section_topics(plan, section, here) + "\n"
    return markdown
