"""MkDocs hooks of the English edition (mkdocs.en.yml, built into en/ of the Chinese site): check the
translation, replace the Chinese pages by the English ones at the same paths, add the short links, and
mark every page as the site's unofficial translation with a link to the same place in Chinese. What a page
says is decided in `plansite.english`."""

from __future__ import annotations

import gzip
import html
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp

import site_exports
import site_html
import site_plan
from plansite import PlanError, material, metadata, preview_image, share
from plansite import pages as shared_pages
from plansite.citation import Citation
from plansite.english import English, alternates, citing, load_english, mentions, pages, previews
from plansite.english import labels as E
from plansite.english.edition import EnglishEdition
from plansite.interpretation import INDEX_PAGE
from plansite.markup import attr, script_json
from plansite.model import Plan, Section
from plansite.preview_image import Preview
from plansite.reference_files import INTERPRETATION_KEY
from plansite.theme_markup import PageScripts, ThemeIcons
from plansite.urls import CITE_FOLDER, check_site_url, page_of, public_url

# Files of docs/ that only the Chinese edition uses: its own search engine (share.js serves both editions: its
# words come from the page).
CHINESE_ONLY = ("assets/javascripts/search-worker.js", "assets/javascripts/search.js")
# The theme's worker with query stemming in front of it, generated into the worker slot of every page.
SEARCH_WORKER = "assets/en/search-worker.js"
PLACEHOLDER = "/* plan:search */ null"


class _Edition:
    """This build's plan and translation, set by on_config."""

    plan: Plan
    english: English
    offline: bool
    fonts: preview_image.Fonts | None  # Noto Sans CJK, which the link-preview images are drawn with
    previews: dict[str, Preview]  # docs path → its link-preview image; none offline or without the font
    site_url: str  # the edition's own public address, …/en/
    chinese_url: str  # the Chinese edition's
    icons: ThemeIcons  # the theme's icons, drawn by the site's stylesheet
    scripts: PageScripts | None  # offline, the theme's repeated scripts as files


_edition = _Edition()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        check_site_url(config.site_url or "")
        plan = site_plan.checked_plan(root, os.path.relpath(config.docs_dir, root))  # the Chinese build's cache
        english = load_english(root, plan)
    except PlanError as error:
        raise PluginError(error.report()) from None
    changed = material.check()
    if changed:  # the English search and markup lean on these too; see plansite/material.py
        raise PluginError("hooks/plansite/material.py: Material changed:\n" + "\n".join(f"  - {c}" for c in changed))
    _edition.plan, _edition.english = plan, english
    _edition.offline = config.plugins["material/offline"].config.enabled
    _edition.chinese_url = config.site_url or ""
    _edition.site_url = (config.site_url or "").rstrip("/") + "/" + alternates.EDITION
    config.site_url = _edition.site_url
    config.nav = pages.navigation(plan, english)
    fonts = None if _edition.offline else preview_image.find_fonts()  # said by the Chinese build when missing
    _edition.previews, _edition.fonts = (previews.previews(plan, english), fonts) if fonts else ({}, None)
    _edition.icons = site_html.theme_icons(config)
    _edition.scripts = site_html.page_scripts(config)
    if not _edition.offline:  # the shim lets search run from file://; online it would only delay the page
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
        site_html.inline_logo(config)
    else:
        site_html.offline_features(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The English pages in place of the Chinese ones, at the same paths."""
    for file in list(files):
        if file.is_documentation_page() or file.src_uri in CHINESE_ONLY:
            files.remove(file)
    _search_worker(files, config)
    site_html.draw_icons(files, config, _edition.icons)
    site_html.write_share_words(files, config)
    plan, english = _edition.plan, _edition.english
    for path, content in pages.english_pages(plan, english, _edition.site_url).items():
        files.append(File.generated(config, path, content=content))
    for path, data in citing.reference_files(plan, english, _cited_pages(plan, english)).items():
        if not (_edition.offline and path.startswith(CITE_FOLDER + "/")):  # offline: one pair for every page
            files.append(File.generated(config, path, content=data))
    if _edition.previews and _edition.fonts:  # drawn into the Chinese build's cache, copied from it after that
        cache = Path(config.config_file_path).parent / site_exports.PREVIEW_CACHE
        images = preview_image.cached_images(_edition.previews.values(), _edition.fonts, cache)
        for preview in _edition.previews.values():
            files.append(File.generated(config, preview.path, abs_src_path=str(images[preview.name])))
    if _edition.offline:  # as the Chinese copy: no one types an address into a copy opened from disk
        return files
    for node in plan.nodes.values():
        path, hash_, fragment = page_of(node).partition("#")
        found = files.get_file_from_path(path)
        if found is None:
            raise PluginError(f"docs/{path} is not in the English build")
        target = "../" + found.url + hash_ + fragment
        canonical = public_url(page_of(node), _edition.site_url)
        content = shared_pages.short_link_page(node, target, canonical, EnglishEdition(english))
        files.append(File.generated(config, f"{node.id.lower()}/index.html", content=content))
    return files


def _cited_pages(plan: Plan, english: English) -> dict[str, Citation]:
    """Every English page that offers RIS and BibTeX, by its file key (m5, q6, interpretation)."""
    site = _edition.site_url
    cited = {}
    for node_type in shared_pages.INDEXED_TYPES:
        for node in plan.of(node_type):
            name = pages.heading(plan, english, node)
            cited[node.id.lower()] = citing.plan_citation(plan, english, name, public_url(page_of(node), site))
    cited[INTERPRETATION_KEY] = citing.interpretation_citation(english, "", public_url(INDEX_PAGE, site))
    for section in plan.of(Section):
        title, url = citing.question_title(english, section), public_url(page_of(section), site)
        cited[section.id.lower()] = citing.interpretation_citation(english, title, url)
    return cited


def _search_worker(files: Files, config: MkDocsConfig) -> None:
    """The theme's worker script, appended to the query stemming of docs/assets/en/search-worker.js."""
    try:
        theme = (material.THEME / material.worker_path()).read_text(encoding="utf-8")
        query = material.protocol().query
    except material.MaterialChanged as changed:
        raise PluginError(f"hooks/plansite/material.py: {changed}") from None
    site_html.fill_placeholder(files, config, SEARCH_WORKER, PLACEHOLDER, {"query": query})
    site_html.rewrite_docs_file(files, config, SEARCH_WORKER, lambda code: code + "\n" + theme)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The home page's line about the offline copy: the Chinese build serves the zip, one folder up. Every
    citation's download line: links to its RIS and BibTeX, or in the offline copy the files themselves. A page
    of the interpretation gets the previews of the items its sentences link by name, as the Chinese pages do."""
    if pages.DOWNLOAD_MARKER in markdown:
        markdown = markdown.replace(pages.DOWNLOAD_MARKER, _download_note(Path(config.config_file_path).parent))
    here = page.file.src_uri
    previews = mentions.page_previews(_edition.plan, _edition.english, markdown)
    markdown += f"\n\n{previews}\n" if previews else ""
    return _DOWNLOADS.sub(lambda m: citing.downloads_line(m[1], here, _edition.offline), markdown)


_DOWNLOADS = re.compile(re.escape(citing.DOWNLOADS).replace(r"\{key\}", "([a-z0-9-]+)"))


def _download_note(root: Path) -> str:
    if _edition.offline:
        return E.OFFLINE_COPY
    bundle = root / site_exports.BUNDLE
    if not bundle.is_file():
        return E.DOWNLOAD_MISSING
    with zipfile.ZipFile(bundle) as archive:
        year, month, day = archive.infolist()[0].date_time[:3]
    size = f"{bundle.stat().st_size / 1024:.0f} KB"
    link = "../" + site_exports.DOWNLOAD_URI  # from /en/ to the file the Chinese edition serves
    return E.DOWNLOAD.format(link=attr(link), size=size, date=f"{year:04d}-{month:02d}-{day:02d}")


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    url = public_url(page.file.src_uri, _edition.site_url)
    description = str(page.meta.get("description") or config.site_description or "")
    if E.NOTICE_META not in description:  # what a search engine or a link preview shows says it too
        page.meta["description"] = f"{description} {E.NOTICE_META}".strip()
    page.canonical_url = url
    page.meta["masthead"] = {"label": "This page: ", "url": url}
    if _edition.offline:  # a link preview is made from the online page; the offline copy needs none
        return context
    page.meta["citing"] = _citing(page, url)
    page.meta["preview"] = {
        "type": "article" if page.file.src_uri != "index.md" else "website",
        "title": page.title or "",
        "description": page.meta.get("description", ""),
        "url": url,
        "locale": "en_GB",
    }
    image = _edition.previews.get(page.file.src_uri) or _edition.previews.get("index.md")
    if image is not None:
        page.meta["preview"]["image"] = {
            "url": _edition.site_url.rstrip("/") + "/" + image.path,
            "alt": previews.alt(image),
            "width": preview_image.WIDTH,
            "height": preview_image.HEIGHT,
        }
    return context


def _citing(page: Page, url: str) -> dict[str, Any]:
    """Citation metadata as the Chinese pages carry it (Highwire, Dublin Core), in English, and a schema.org
    description saying that the page translates its Chinese counterpart."""
    plan, english, here = _edition.plan, _edition.english, page.file.src_uri
    node = next((n for n in plan.nodes.values() if page_of(n) == here), None)
    title = pages.heading(plan, english, node) if node else html.unescape(re.sub(r"<[^>]+>", "", page.title or ""))
    cited = citing.page_citation(plan, english, here, title, _edition.site_url)
    summary = E.SUMMARY_DESCRIPTION.format(summary=english.summary(node.id)) if node and node.summary else ""
    chinese = public_url(here if here != pages.GLOSSARY else "index.md", _edition.chinese_url)
    described: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "name": cited.title,
        "url": url,
        "inLanguage": citing.LANGUAGE,
        "translationOfWork": {"@id": chinese},
        "translator": {"@type": "Organization", "name": E.SITE_NAME, "url": public_url("index.md", _edition.site_url)},
    }
    if summary:
        described["description"] = summary
    return {"tags": metadata.meta_tags(cited, summary, citing.LANGUAGE), "json_ld": script_json(described)}


def _chinese_link(page: Page) -> str:
    counterpart = page.file.src_uri != pages.GLOSSARY
    home = alternates.home(_edition.offline)
    return alternates.other_edition(page.url, counterpart, home, english=True)


def on_page_content(html_: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Under its title, every page says that the English is the site's translation and the Chinese
    authoritative, linked to the same place in Chinese; a page of sentences offers the side-by-side view."""
    toggle = ""
    if 'class="sentence"' in html_:
        toggle = (
            f'<button type="button" class="bilingual-toggle md-button" data-bilingual aria-pressed="false">'
            f"{html.escape(E.BILINGUAL_SHOW)}</button>"
        )
    link = (
        f'<a href="{attr(_chinese_link(page))}" hreflang="zh-CN" lang="zh-CN" rel="alternate" '
        f'class="language-switch">{html.escape(E.NOTICE_LINK)}（中文）</a>'
    )
    notice = f'<div class="translation-notice" role="note" data-search-exclude><p>{E.NOTICE} {link}</p>{toggle}</div>'
    html_ = alternates.after_title(html_, notice)
    return html_ + share.status_region() if 'data-share="' in html_ else html_


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The page's metadata says what the notice says: a translation, derived from the Chinese page."""
    chinese = public_url(page.file.src_uri if page.file.src_uri != pages.GLOSSARY else "index.md", _edition.chinese_url)
    meta = (
        f'<meta name="dcterms.language" content="en">'
        f'<meta name="dcterms.source" content="{attr(chinese)}">'
        f'<meta name="dcterms.rights" content="{attr(E.NOTICE_META)}">'
    )
    return _finish(output.replace("</head>", meta + "</head>", 1), page.file.src_uri, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) search the same way."""
    return _finish(output_content, template_name, config) if template_name.endswith(".html") else output_content


def _finish(output: str, name: str, config: MkDocsConfig) -> str:
    """As the Chinese pages are finished (hooks/site_html.py), with search pointed at the English worker."""

    def point(settings: dict[str, object]) -> None:
        try:
            material.point_at_worker(settings, material.worker_path(), SEARCH_WORKER)
        except material.MaterialChanged as changed:
            raise PluginError(f"hooks/plansite/material.py: {name}: {changed}") from None

    return site_html.finish(
        output,
        name,
        config,
        dialog_label=E.SEARCH_DIALOG,
        icons=_edition.icons,
        scripts=_edition.scripts,
        settings=point,
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """hreflang alternates for every page in the sitemap (the theme's script reads the alternates in a
    page's <head> and fetches a sitemap for each, so they are given here instead)."""
    plan = _edition.plan
    pairs = alternates.counterparts((p for p in pages.page_paths(plan) if p != pages.GLOSSARY), _edition.chinese_url)
    write_sitemap(Path(config.site_dir), pairs)


def write_sitemap(site: Path, pairs: dict[str, str]) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = alternates.with_alternates(sitemap.read_text(encoding="utf-8"), pairs)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=get_build_timestamp()) as packed:
        packed.write(text.encode("utf-8"))
