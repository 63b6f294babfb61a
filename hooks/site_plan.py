"""MkDocs hooks, plan → pages and navigation: choose the edition, check data/ and data/en/, add the generated
pages, the navigation and the short links, and mark up the interpretation's sentences. What a page says is
decided in `plansite`, by the edition being built (`plansite.edition`)."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import site_state
from plansite import PlanError, facts_box, labels, load_plan, pages, share
from plansite.edition import CHINESE, Edition
from plansite.english import load_english
from plansite.english import pages as english_pages
from plansite.english.alternates import EN
from plansite.english.edition import EnglishEdition
from plansite.english.translation import FOLDER
from plansite.full_text_page import source_line
from plansite.interpretation import INDEX_PAGE, render_sentences
from plansite.model import Plan, Section
from plansite.problem_page import problem_page
from plansite.urls import FULL_TEXT, GROUPED, check_site_url, page_of, public_url

# Markers a hand-written page may contain; each is replaced by Markdown generated from the plan.
MARKERS: dict[str, Callable[[Plan, str], str]] = {
    "<!-- plan:questions -->": pages.questions_list,
    "<!-- plan:structure -->": pages.structure_summary,
    "<!-- plan:data -->": share.data_downloads,
    "<!-- plan:source-line -->": lambda plan, here: source_line(),
    facts_box.MARKER: facts_box.chinese,
}
EDITION_KEY = "edition"  # `extra: edition: en` in mkdocs.en.yml: the configuration builds the English edition
PLAN_INPUTS = ("data", "hooks/plansite")  # with docs/interpretation: everything load_plan reads or runs
log = logging.getLogger("mkdocs.hooks.site_plan")
_serving = False  # under `mkdocs serve`, problems in the data are shown in the browser, not raised


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The edition this configuration builds (mkdocs.yml: the Chinese; mkdocs.en.yml, built by the Chinese
    build into its en/: the English), its checked plan and translation, its address and navigation."""
    _check_hook_order(config)
    root = Path(config.config_file_path).parent
    docs = os.path.relpath(config.docs_dir, root)
    english_edition = config.extra.get(EDITION_KEY) == EN
    parent = site_state.parent()
    if english_edition and parent is None:
        raise PluginError(
            f"{Path(config.config_file_path).name} is the English edition's configuration: it is built by "
            "`mkdocs build` (mkdocs.yml) into en/ of the site, not on its own. Run `mkdocs build` or `mkdocs serve`."
        )
    try:
        check_site_url(config.site_url or "")  # operator input: refused before anything is written
        plan = checked_plan(root, docs)
        translated = (root / "data" / FOLDER).is_dir()
        # The Chinese build checks the translation too, so that a problem in data/en/ stops it before anything
        # is written. Under `mkdocs serve` it lets a rendering of an older Chinese text through, so that an
        # editor sees a change of the Chinese at once; the English edition then shows what is out of date.
        current = english_edition or not _serving
        english = load_english(root, plan, require_current=current) if translated else None
    except PlanError as error:
        if _serving:  # every address of the edition answers with the problems until they are fixed
            log.error(error.report())
            site_state.fail(error.report())
            config.nav = []
            return config
        # Raised before anything is written: a failed check never leaves a half-built site.
        raise PluginError(error.report()) from None
    if not translated:
        log.info("data/%s/ is missing: this site has no English edition, and its pages do not link to one", FOLDER)
    root_url = parent.root_url if parent else config.site_url or ""
    edition: Edition = EnglishEdition(english) if english_edition and english else CHINESE
    site_url = root_url.rstrip("/") + "/" + edition.folder if edition.folder else root_url
    config.site_url = site_url
    config.nav = edition.navigation(plan)
    site_state.begin(
        site_state.BuildState(
            plan=plan,
            edition=edition,
            english=english,
            offline=config.plugins["material/offline"].config.enabled,
            site_url=site_url,
            root_url=root_url,
            generated=edition.pages(plan, site_url),
            name_links=pages.name_links(plan),
            sections={page_of(s): s for s in plan.of(Section)},
            nodes_by_page={page_of(n): n for n in plan.nodes.values() if not isinstance(n, (Section, *GROUPED))},
        )
    )
    return config


def _check_hook_order(config: MkDocsConfig) -> None:
    """The hook modules as site_state.ORDER lists them: each event depends on the modules before it."""
    listed = tuple(Path(path).stem for path in config.hooks)
    if listed != site_state.ORDER:
        raise PluginError(
            f"{Path(config.config_file_path).name}: hooks: lists {', '.join(map(str, config.hooks)) or 'nothing'}; "
            f"list hooks/{'.py, hooks/'.join(site_state.ORDER)}.py, in that order (hooks/site_state.py ORDER)"
        )


def checked_plan(root: Path, docs: str) -> Plan:
    """The loaded and checked plan, kept in .cache/plan between builds: reading and checking data/ is most
    of the hooks' time, and its result only changes when a file it depends on does (the key hashes them
    all, the checking code included). A plan with problems is never kept, so its errors show every time."""
    digest = hashlib.sha256(f"{sys.version}\n{docs}".encode())
    for folder in (*PLAN_INPUTS, f"{docs}/interpretation"):
        for path in sorted(p for p in (root / folder).rglob("*") if "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(root).as_posix()}\n".encode() + _fingerprint(path))
    # The names at the top of docs/ are addresses no node id may take.
    digest.update("\n".join(sorted(entry.name for entry in (root / docs).iterdir())).encode())
    cached = root / ".cache" / "plan" / f"{digest.hexdigest()}.pickle"
    if cached.is_file():
        try:
            plan: Plan = pickle.loads(cached.read_bytes())
            return plan
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


def _fingerprint(path: Path) -> bytes:
    """What the loader can see of one entry: a file's bytes, and what any other entry is (a folder, a link and
    where it points), since the loader reports those too: a cold and a warm build must agree on them."""
    kind = f"link:{os.readlink(path)}\n".encode() if path.is_symlink() else b""
    if path.is_file():
        return kind + b"file\n" + path.read_bytes()
    if path.is_dir() and kind:  # a linked folder (data/sources → elsewhere): rglob does not go into it
        inside = sorted(p for p in path.rglob("*") if not (p.is_symlink() and p.is_dir()))
        return kind + b"".join(p.relative_to(path).as_posix().encode() + b"\n" + _fingerprint(p) for p in inside)
    return kind + (b"folder" if path.is_dir() else b"other")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if site_state.failure() is not None:
        return Files([])  # no page: the problems are the whole site
    state = site_state.current()
    if not state.edition.docs_pages:  # docs/ holds the Chinese pages; this edition's are all made from data
        for file in list(files):
            if file.is_documentation_page():
                files.remove(file)
    for path, content in state.generated.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} 与自动生成的页面同名：删除它，内容由 data/ 生成")
        files.append(File.generated(config, path, content=content))
    if not state.offline:  # typed or pasted addresses reach the published site; the copy on disk is clicked
        _add_short_links(state, files, config)
    return files


def _add_short_links(state: site_state.BuildState, files: Files, config: MkDocsConfig) -> None:
    """/m5/ → /measures/m5/ for every node id (/en/m5/ → /en/measures/m5/): static pages that redirect (the
    published site only: in the offline copy their 51 files would cost 18 KB of its 400 KB, for addresses no
    one types into a file:// URL)."""
    for node in state.plan.nodes.values():
        short = f"{node.id.lower()}/index.html"
        if files.get_file_from_path(short) is not None or files.get_file_from_path(f"{node.id.lower()}.md"):
            raise PluginError(f"短链接 /{node.id.lower()}/ 与已有页面冲突：换一个编号，或删除 docs/ 中的同名页面")
        path, hash_, fragment = page_of(node).partition("#")
        target = "../" + _url(files, path) + hash_ + fragment
        canonical = public_url(page_of(node), state.site_url)
        content = pages.short_link_page(node, target, canonical, state.edition)
        files.append(File.generated(config, short, content=content))


def _url(files: Files, path: str) -> str:
    found = files.get_file_from_path(path)
    if found is None:
        raise PluginError(f"docs/{path} 不在本次构建中")
    return found.url


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: object) -> Any:
    """The public address of every page, offline copy included, and its description as the edition words it."""
    state = site_state.current()
    url = public_url(page.file.src_uri, state.site_url)
    page.canonical_url = url  # the offline copy names the online page, not its own .html file
    page.meta["masthead"] = {"label": state.edition.words.print_canonical, "url": url}  # shown on paper only
    description = page.meta.get("description") or config.site_description
    if description:  # what a search engine or a link preview shows says what the page says of itself
        page.meta["description"] = state.edition.described(str(description))
    return context


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = site_state.current()
    here = page.file.src_uri
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(state.plan, here))
    section = state.sections.get(here)
    if section is None and here not in (INDEX_PAGE, FULL_TEXT):
        return markdown
    if state.edition.docs_pages:  # the interpretation's text as docs/ has it: its sentences marked up here
        canonical = _sentence_address(state.plan, state.site_url) if here == FULL_TEXT else None
        markdown = render_sentences(
            markdown, here, state.name_links, labels.SENTENCE_ANCHOR, labels.SENTENCE_COPY, canonical
        )
    aids = state.edition.reading_aids(state.plan, markdown)
    markdown += f"\n\n{aids}\n" if aids else ""
    if section is not None and state.edition.docs_pages:
        markdown = _under_title(markdown, source_line())
        markdown += "\n\n" + pages.section_topics(state.plan, section, here) + "\n"
    return markdown


def _under_title(markdown: str, line: str) -> str:
    """`line` as its own paragraph right after the page's `# ` title."""
    lines = markdown.split("\n")
    title = next((i for i, text in enumerate(lines) if text.startswith("# ")), None)
    if title is None:
        return f"{line}\n\n{markdown}"
    return "\n".join([*lines[: title + 1], "", line, *lines[title + 1 :]])


def _sentence_address(plan: Plan, site_url: str) -> Callable[[str], str]:
    """A sentence's address is on its Q&A page, not on the full-text page that repeats it."""

    def canonical(sentence_id: str) -> str:
        return public_url(f"{plan.interpretation.sentences[sentence_id].page}#{sentence_id}", site_url)

    return canonical


def on_post_build(*, config: MkDocsConfig) -> None:
    """While the data has problems (under `mkdocs serve` only), the home page and the page for every other
    address list them; in the English edition, while only its translation has problems, every English page
    does (the Chinese edition is shown as it is)."""
    report = site_state.failure()
    if report is None:
        return
    page = problem_page(report)
    names = ["index.html", "404.html"]  # `mkdocs serve` answers an unknown address with the root's 404.html
    parent = site_state.parent()
    if parent is not None:  # the English edition of a Chinese build that went ahead: at each of its pages
        for path in english_pages.page_paths(parent.plan):
            names.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri)
    for name in names:
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
