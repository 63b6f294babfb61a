"""MkDocs hooks for the site: check data/, add the generated pages and navigation, mark up the text.

The hooks only adapt; what a page says is decided in `plansite`, which knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import pickle
import re
import sys
import time
import urllib.parse
import zipfile
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from plansite import PlanError, exports, labels, load_plan, material, pages, preview_image, search, share
from plansite.interpretation import INDEX_PAGE, render_sentences
from plansite.markup import relative
from plansite.model import Plan, Section
from plansite.urls import FULL_TEXT, GROUPED, HOME, page_of, public_url

# Markers a hand-written page may contain; each is replaced by Markdown generated from the plan.
MARKERS: dict[str, Callable[[Plan, str], str]] = {
    "<!-- plan:questions -->": pages.questions_list,
    "<!-- plan:structure -->": pages.structure_summary,
    "<!-- plan:data -->": share.data_downloads,
}
DOWNLOAD_MARKER = "<!-- plan:download -->"
BUNDLE = Path("dist/metaverse-action-plan-offline.zip")  # made by ./dev bundle, relative to mkdocs.yml
DOWNLOAD_URI = f"downloads/{BUNDLE.name}"  # where the online site serves it
PREVIEW_CACHE = Path(".cache/previews")  # link-preview PNGs by the hash of what they show, relative to mkdocs.yml
PREVIEW_FONT_DIR = "PREVIEW_FONT_DIR"  # set: look for the CJK font only in this folder (tests point it at nothing)
log = logging.getLogger("mkdocs.hooks.site")

_build: dict[str, object] = {}  # the plan and its pages, loaded once per build in on_config


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    docs = os.path.relpath(config.docs_dir, root)
    try:
        plan = _checked_plan(root, docs)
    except PlanError as error:
        # Raised before anything is written: a failed check never leaves a half-built site.
        raise PluginError(error.report()) from None
    changed = material.check()
    if changed:  # the site's search and markup lean on these; see plansite/material.py
        raise PluginError(
            f"Material for MkDocs {material.material_version()} 与本站的假定不再相符"
            f"（hooks/plansite/material.py）：\n" + "\n".join(f"  - {problem}" for problem in changed)
        )
    config.nav = pages.navigation(plan)
    offline = config.plugins["material/offline"].config.enabled
    if not offline:  # offline, a file costs no request, and the zip is smaller without the copies
        _inline_icon(config)
    if not offline:  # the shim makes workers run from file://; online it would be one more blocking script
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    theme_search = os.environ.get(SEARCH_ENGINE) == "theme"
    if theme_search:  # only to measure the theme's own search beside the site's (tests/search_eval.py)
        config.extra_javascript = [s for s in config.extra_javascript if str(s) != SEARCH_SCRIPT]
    bundle = root / BUNDLE
    fonts = None if offline else _preview_fonts()  # a link preview is made from the online page only
    _build.clear()
    _build.update(
        theme_search=theme_search,
        offline=offline,
        bundle=bundle if bundle.is_file() and not offline else None,
        plan=plan,
        pages=pages.generated_pages(plan, config.site_url or ""),
        name_links=pages.name_links(plan),
        sections={page_of(s): s for s in plan.of(Section)},
        nodes_by_page={page_of(n): n for n in plan.nodes.values() if not isinstance(n, (Section, *GROUPED))},
        fonts=fonts,
        previews=preview_image.previews(plan, config.site_name) if fonts else {},
    )
    return config


def _preview_fonts() -> preview_image.Fonts | None:
    """The CJK font the link-preview images are drawn with; without one (said at INFO: strict mode stops at a
    warning) the site has no images rather than images of boxes."""
    only = os.environ.get(PREVIEW_FONT_DIR)
    fonts = preview_image.find_fonts([only], ask_fontconfig=False) if only is not None else preview_image.find_fonts()
    if fonts is None:
        log.info(labels.PREVIEW_NO_FONT)
    return fonts


PLAN_INPUTS = ("data", "hooks/plansite")  # with docs/interpretation: everything load_plan reads or runs


def _checked_plan(root: Path, docs: str) -> Plan:
    """The loaded and checked plan, kept in .cache/plan between builds: reading and checking data/ is most
    of the hooks' time, and its result only changes when a file it depends on does (the key hashes them
    all, the checking code included). A plan with problems is never kept, so its errors show every time."""
    digest = hashlib.sha256(f"{sys.version}\n{docs}".encode())
    for folder in (*PLAN_INPUTS, f"{docs}/interpretation"):
        for path in sorted(p for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(root).as_posix()}\n".encode() + path.read_bytes())
    cached = root / ".cache" / "plan" / f"{digest.hexdigest()}.pickle"
    if cached.is_file():
        try:
            return pickle.loads(cached.read_bytes())
        except Exception:  # noqa: BLE001 - a damaged or outdated copy is simply made again
            cached.unlink(missing_ok=True)
    plan = load_plan(root, docs_dir=docs)
    cached.parent.mkdir(parents=True, exist_ok=True)
    for old in cached.parent.glob("*.pickle"):
        old.unlink(missing_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(cached)
    return plan


def _inline_icon(config: MkDocsConfig) -> None:
    """The logo and the tab icon are one small SVG: written into each page as a data: URL (about 250 bytes)
    instead of being fetched twice, once as the header image and once as the icon."""
    for key in ("logo", "favicon"):
        path = Path(config.docs_dir) / str(config.theme[key] or "")
        if path.suffix == ".svg" and path.is_file():
            svg = " ".join(path.read_text(encoding="utf-8").split())
            config.theme[key] = "data:image/svg+xml," + urllib.parse.quote(svg, safe="/=:;,'")


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Keep the theme's compiled templates between builds (.cache/templates, checked against each template's
    source): compiling them is a third of a build, and they only change with the theme."""
    cache = Path(config.config_file_path).parent / ".cache" / "templates"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
    return env


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for path, content in _build["pages"].items():  # type: ignore[union-attr]
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} 与自动生成的页面同名：删除它，内容由 data/ 生成")
        files.append(File.generated(config, path, content=content))
    if _build["bundle"]:
        files.append(File.generated(config, DOWNLOAD_URI, abs_src_path=str(_build["bundle"])))
    for path, data in exports.exported_files(_build["plan"], config.site_url or "").items():  # type: ignore[arg-type]
        files.append(File.generated(config, path, content=data))
    _add_short_links(files, config)
    previews: dict[str, preview_image.Preview] = _build["previews"]  # type: ignore[assignment]
    if previews:  # drawn into the cache the first time, copied from it after that
        cache = Path(config.config_file_path).parent / PREVIEW_CACHE
        images = preview_image.cached_images(previews.values(), _build["fonts"], cache)  # type: ignore[arg-type]
        for preview in previews.values():
            files.append(File.generated(config, preview.path, abs_src_path=str(images[preview.name])))
    if not _build["theme_search"]:
        _add_search_scripts(files, config)

    def url_of(path: str) -> str:
        """This build's URL of a docs file as the search index writes it (the home page is "", not "./")."""
        url = files.get_file_from_path(path).url
        return "" if url == "./" else url

    _build["search_ids"] = search.node_locations(_build["plan"], url_of)  # type: ignore[arg-type, union-attr]
    _build["search_lists"] = [url_of(path) for path in search.list_pages(_build["plan"])]  # type: ignore[arg-type, union-attr]
    return files


SEARCH_SCRIPT = "assets/javascripts/search.js"  # in the page: paste and input methods, the no-result hint
SEARCH_WORKER = "assets/javascripts/search-worker.js"  # the engine, run in the theme's worker slot
SEARCH_ENGINE = "PLAN_SEARCH"  # "theme": leave the theme's lunr search in place, for comparison only
SEARCH_PLACEHOLDERS = {SEARCH_SCRIPT: "/* plan:search */ null", SEARCH_WORKER: "/* plan:material */ null"}


def _add_search_scripts(files: Files, config: MkDocsConfig) -> None:
    """The two search scripts, with what they assume about the theme filled in from plansite/material.py."""
    values = {
        SEARCH_WORKER: material.protocol().as_js(),
        SEARCH_SCRIPT: {
            "selectors": material.SELECTORS,
            "event": "keyup",
            "worker": SEARCH_WORKER,
            "nothing": labels.SEARCH_NOTHING,
        },
    }
    for path, placeholder in SEARCH_PLACEHOLDERS.items():
        source = files.get_file_from_path(path)
        if source is None:
            raise PluginError(f"docs/{path} 不见了：站内搜索需要它")
        code = Path(source.abs_src_path).read_text(encoding="utf-8")
        if code.count(placeholder) != 1:
            raise PluginError(f"docs/{path} 应当恰好含有一处占位 {placeholder}")
        value = json.dumps(values[path], ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
        files.remove(source)
        files.append(File.generated(config, path, content=code.replace(placeholder, value)))


def _add_short_links(files: Files, config: MkDocsConfig) -> None:
    """/m5/ → /measures/m5/ for every node id: static pages that redirect, online and from disk alike."""
    plan: Plan = _build["plan"]  # type: ignore[assignment]
    for node in plan.nodes.values():
        short = f"{node.id.lower()}/index.html"
        if files.get_file_from_path(short) is not None or files.get_file_from_path(f"{node.id.lower()}.md"):
            raise PluginError(f"短链接 /{node.id.lower()}/ 与已有页面冲突：换一个编号，或删除 docs/ 中的同名页面")
        path, hash_, fragment = page_of(node).partition("#")
        target = "../" + files.get_file_from_path(path).url + hash_ + fragment
        canonical = public_url(page_of(node), config.site_url or "")
        files.append(File.generated(config, short, content=pages.short_link_page(node, target, canonical)))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The public address of every page, offline copy included, and what a link preview shows."""
    here = page.file.src_uri
    node = _build["nodes_by_page"].get(here)  # type: ignore[union-attr]
    url = public_url(here, config.site_url or "")
    page.canonical_url = url  # the offline copy names the online page, not its own .html file
    page.meta["masthead"] = {"label": labels.PRINT_CANONICAL, "url": url}  # shown on paper only
    if node is not None:
        title, description, kind = pages.heading(node), node.summary, "article"
    elif page.is_homepage:
        title, description, kind = config.site_name, config.site_description or "", "website"
    else:
        title = html.unescape(re.sub(r"<[^>]+>", "", page.title or config.site_name))
        description = html.unescape(page.meta.get("description") or config.site_description or "")
        kind = "article"
    if not _build["offline"]:  # a link preview is made from the online page; the offline copy needs none
        page.meta["preview"] = {"title": title, "description": description, "url": url, "type": kind}
        previews: dict[str, preview_image.Preview] = _build["previews"]  # type: ignore[assignment]
        image = previews.get(here) or previews.get(HOME)
        if image is not None:
            page.meta["preview"]["image"] = {
                "url": (config.site_url or "/").rstrip("/") + "/" + image.path,
                "alt": image.alt,
                "width": preview_image.WIDTH,
                "height": preview_image.HEIGHT,
            }
    return context


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan: Plan = _build["plan"]  # type: ignore[assignment]
    here = page.file.src_uri
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(plan, here))
    if DOWNLOAD_MARKER in markdown:
        markdown = markdown.replace(DOWNLOAD_MARKER, _download_note(here))
    section = _build["sections"].get(here)  # type: ignore[union-attr]
    if section is not None or here in (INDEX_PAGE, FULL_TEXT):
        canonical = None
        if here == FULL_TEXT:  # a sentence's address is on its Q&A page, not on the page that repeats it

            def canonical(sentence_id: str) -> str:
                return public_url(
                    f"{plan.interpretation.sentences[sentence_id].page}#{sentence_id}", config.site_url or ""
                )

        markdown = render_sentences(
            markdown,
            here,
            _build["name_links"],
            labels.SENTENCE_ANCHOR,
            labels.SENTENCE_COPY,
            canonical,  # type: ignore[arg-type]
        )
    if section is not None:
        markdown += "\n\n" + pages.section_topics(plan, section, here) + "\n"
    return markdown


_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"(?![^>]*\srel=)')


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Links to other sites open without handing them this page (rel=noopener); the site's own are left alone."""
    own = (config.site_url or "").rstrip("/") + "/"

    def safe(match: re.Match[str]) -> str:
        url = match[1]
        return match[0] if own != "/" and url.startswith(own) else f'<a href="{url}" rel="noopener noreferrer"'

    html = _EXTERNAL_LINK.sub(safe, html)
    return html + share.status_region() if 'data-share="' in html else html


def _download_note(here: str) -> str:
    """Where to get the offline copy: a link with its size and date online, the copy's date inside it."""
    if _build["offline"]:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        day = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch else ""
        return labels.OFFLINE_COPY.format(date=day) if day else labels.OFFLINE_COPY_UNDATED
    bundle: Path | None = _build["bundle"]  # type: ignore[assignment]
    if bundle is None:
        return labels.DOWNLOAD_MISSING
    with zipfile.ZipFile(bundle) as archive:
        year, month, day_of_month = archive.infolist()[0].date_time[:3]
    day = f"{year:04d}-{month:02d}-{day_of_month:02d}"
    size = f"{bundle.stat().st_size / 1024:.0f} KB"
    link = relative(here, DOWNLOAD_URI)
    return labels.DOWNLOAD.format(link=link, size=size, date=day)


_INDENT = re.compile(r"\n[ \t]+")
_PRE = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)
_THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _finish_page(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get what every other page gets."""
    return _finish_page(output_content, template_name) if template_name.endswith(".html") else output_content


def _finish_page(output: str, name: str) -> str:
    """Trim what every page repeats: the template's indentation (none of it is in <pre>) and the theme's
    settings written as \\u escapes. The page renders the same; it is about a tenth smaller. Also name the
    search dialog, which screen readers otherwise announce as a bare "dialog", and point search at the
    site's engine."""
    parts = _PRE.split(output)
    output = "".join(part if index % 2 else _INDENT.sub("\n", part) for index, part in enumerate(parts))
    dialog = material.SEARCH_DIALOG  # the theme leaves it unnamed
    if dialog not in output:
        raise PluginError(f"hooks/plansite/material.py: {name} 中找不到搜索对话框的标记 {dialog}")
    output = output.replace(dialog, f'{dialog[:-1]} aria-label="{labels.SEARCH_DIALOG}">', 1)
    return _THEME_CONFIG.sub(_site_theme_config, output, count=1)


def _site_theme_config(match: re.Match[str]) -> str:
    """The theme's page settings, compact, with search pointed at the site's own worker."""
    settings = json.loads(match[2])
    try:
        if not _build["theme_search"]:
            material.point_at_worker(settings, material.worker_path(), SEARCH_WORKER)
    except material.MaterialChanged as changed:
        raise PluginError(f"hooks/plansite/material.py: {changed}") from None
    compact = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    return match[1] + compact.translate(_SCRIPT_SAFE) + match[3]


def on_post_build(*, config: MkDocsConfig) -> None:
    """Give the search index the tables the site's engine reads queries with (see plansite/search.py), stored
    as UTF-8, half the bytes of \\u escapes. Runs before the offline plugin copies the index into a script."""
    index_file = Path(config.site_dir) / material.INDEX_FILE
    if not index_file.is_file() or _build["theme_search"]:
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    changed = material.check_index(index)
    if changed:
        raise PluginError("hooks/plansite/material.py: " + "; ".join(changed))
    tables = search.browser_tables(_build["plan"], index, _build["search_ids"])  # type: ignore[arg-type]
    search.enrich_index(index, tables, _build["search_lists"])  # type: ignore[arg-type]
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
