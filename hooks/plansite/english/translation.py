"""Read the English translation (data/en/*.yaml) and hold it against the Chinese plan: every sentence and
every node rendered, nothing rendered that is not there, and every rendering made from today's Chinese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..interpretation import INDEX_PAGE
from ..model import Editorial, Plan
from ..problems import Location, PlanError, Problem
from ..yamlsource import YamlDocument, read_yaml
from .glossary import Term, Translated, check_glossary, read_glossary
from .name_links import NamedWords, read_name_links

FOLDER = "en"  # inside data/: not a list of the plan, so the plan's loader never reads it
INTERPRETATION_FILE = "interpretation.yaml"
NODES_FILE = "nodes.yaml"
GLOSSARY_FILE = "glossary.yaml"


@dataclass(frozen=True)
class Rendering:
    """One text in English and the Chinese it renders; `origin` is where the English is written."""

    zh: str
    en: str
    origin: Location


@dataclass(frozen=True)
class NodeEnglish:
    title: Rendering
    summary: Rendering | None


@dataclass(frozen=True)
class English:
    """The whole translation. Every text in it is the site's own (`source`), the Chinese authoritative."""

    source: Editorial
    document_title: Rendering
    short_title: Rendering
    titles: Mapping[str, Rendering]  # part of the interpretation (intro, q1 …) → its page heading
    sentences: Mapping[str, Rendering]  # sentence id → the sentence, in the interpretation's order
    nodes: Mapping[str, NodeEnglish]  # node id → its title and summary
    glossary: tuple[Term, ...]
    notes: Mapping[str, Rendering] = field(default_factory=dict)  # the site's reasons (editorial), by their Chinese
    # sentence id → node id → the English words that name it, where the Chinese sentence links the item's name
    name_links: Mapping[str, Mapping[str, NamedWords]] = field(default_factory=dict)

    def title(self, node_id: str) -> str:
        return self.nodes[node_id].title.en

    def summary(self, node_id: str) -> str:
        summary = self.nodes[node_id].summary
        return summary.en if summary else ""

    def note(self, chinese: str) -> str:
        """An editorial reason in English (every one in the plan has one: see `_Reader.notes`)."""
        return self.notes[chinese].en


def load_english(root: Path, plan: Plan, data_dir: str = "data", *, require_current: bool = True) -> English:
    """The translation of `plan`, or `PlanError` with every problem at once. Without `require_current`, a
    rendering of an older Chinese text is let through: the Chinese edition's build checks only that every
    sentence and node has its English, so that an editor can change the Chinese and see it at once; the
    English edition's build insists that each rendering is of today's Chinese."""
    folder, shown = root / data_dir / FOLDER, f"{data_dir}/{FOLDER}"
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    for name in (INTERPRETATION_FILE, NODES_FILE, GLOSSARY_FILE):
        path = folder / name
        if not path.is_file():
            problems.append(Problem(Location(f"{shown}/{name}"), "找不到英文版的这个文件", _MISSING_FILE[name]))
            continue
        document, found = read_yaml(path, f"{shown}/{name}")
        problems += found
        if document is not None and not isinstance(document.data, dict):
            problems.append(
                Problem(document.where(()), "文件的最外层应当是几个 `名称:` 开头的部分", _MISSING_FILE[name])
            )
        elif document is not None:
            documents[name] = document
    if problems:
        raise PlanError(problems)
    reader = _Reader(problems, require_current)
    text = documents[INTERPRETATION_FILE]
    nodes_file = documents[NODES_FILE]
    source = reader.source(text)
    reader.source(nodes_file)
    titles = reader.titles(text, plan)
    sentences = reader.sentences(text, plan)
    nodes = reader.nodes(nodes_file, plan)
    notes = reader.notes(nodes_file, plan)
    document_title = reader.document_field(nodes_file, "title", plan.document.title)
    short_title = reader.document_field(nodes_file, "short_title", plan.document.short_title)
    name_links, found = read_name_links(text, plan, sentences, require_current)
    problems += found
    glossary = read_glossary(documents[GLOSSARY_FILE], problems)
    english = English(source, document_title, short_title, titles, sentences, nodes, glossary, notes, name_links)
    problems += check_glossary(glossary, _all_renderings(english))
    if problems:
        raise PlanError(problems)
    return english


_MISSING_FILE = {
    INTERPRETATION_FILE: (
        "写出 `source:`、`titles:`（每页的英文标题）、`sentences:`（每句一条，编号同原文）"
        "和 `names:`（句中链接的条目名称在译文中的词语）"
    ),
    NODES_FILE: "写出 `source:`、`document:`、`nodes:`（每个条目的 title 和 summary，各有 zh 和 en）和 `notes:`",
    GLOSSARY_FILE: "写出 `terms:`，每个术语有 zh、en 和 forms",
}


def _all_renderings(english: English) -> list[Translated]:
    texts: list[Translated] = [english.document_title, english.short_title, *english.titles.values()]
    texts += english.sentences.values()
    for node in english.nodes.values():
        texts += [node.title, *([node.summary] if node.summary else [])]
    texts += english.notes.values()
    return texts + [words for named in english.name_links.values() for words in named.values()]


def editorial_notes(plan: Plan) -> dict[str, Location]:
    """Every reason the site gives for its own readings (of a summary, a source, a relation), by its Chinese
    text, with where it is first written."""
    found: dict[str, Location] = {}
    for node in plan.nodes.values():
        for source in (*node.sources, *node.summary_sources):
            if isinstance(source, Editorial):
                found.setdefault(source.note, source.origin if source.origin.file else node.origin)
    for edge in plan.edges:
        for source in edge.sources:
            if isinstance(source, Editorial):
                found.setdefault(source.note, source.origin if source.origin.file else edge.origin)
    return found


class _Reader:
    """Turns the YAML of data/en/ into renderings, noting every problem on the way."""

    def __init__(self, problems: list[Problem], require_current: bool) -> None:
        self.problems = problems
        self.require_current = require_current

    def _say(self, where: Location, what: str, fix: str) -> None:
        self.problems.append(Problem(where, what, fix))

    def source(self, document: YamlDocument) -> Editorial:
        value = document.data.get("source")
        note = value.get("editorial") if isinstance(value, dict) else None
        if not isinstance(note, str) or not note.strip():
            self._say(
                document.where(("source",)),
                "译文没有注明出处：英文是本站的非官方翻译，必须标明",
                "写成 `source:` 下一行 `  editorial: 本站的非官方英文翻译，以中文原文为准。`",
            )
            return Editorial("")
        return Editorial(note, document.where(("source", "editorial")))

    def _english(self, document: YamlDocument, path: tuple[str | int, ...], value: Any, what: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        self._say(document.where(path), f"{what}的英文是空的或不是文字", "在这里写出英文译文（一段文字）")
        return None

    def titles(self, document: YamlDocument, plan: Plan) -> dict[str, Rendering]:
        raw = document.data.get("titles")
        raw = raw if isinstance(raw, dict) else {}
        pages = {
            Path(path).stem if path != INDEX_PAGE else "intro": page for path, page in plan.interpretation.pages.items()
        }
        found: dict[str, Rendering] = {}
        for part, page in pages.items():
            if part not in raw:
                self._say(
                    Location(f"docs/{page.path}", 1),
                    f"这一页的标题没有英文译文（{part}）",
                    f"在 {document.file} 的 `titles:` 下加一行 `{part}: 英文标题`",
                )
                continue
            english = self._english(document, ("titles", part), raw[part], f"{part} 标题")
            if english:
                found[part] = Rendering(page.title, english, document.where(("titles", part)))
        for part in raw:
            if part not in pages:
                self._say(
                    document.where(("titles", part), key=True),
                    f"`{part}` 不是解读的一页，这个标题没有对应的原文",
                    "删去这一行，或改用已有的页：" + "、".join(pages),
                )
        return found

    def sentences(self, document: YamlDocument, plan: Plan) -> dict[str, Rendering]:
        raw = document.data.get("sentences")
        if not isinstance(raw, dict):
            self._say(
                document.where(("sentences",)), "没有 `sentences:`", "写出 `sentences:`，每句一行：`q6-s2: 英文译文`"
            )
            raw = {}
        found: dict[str, Rendering] = {}
        originals = plan.interpretation.sentences
        for sentence_id, sentence in originals.items():
            if sentence_id not in raw:
                self._say(
                    Location(f"docs/{sentence.page}", sentence.line),
                    f"句子 {sentence_id} 没有英文译文",
                    f"在 {document.file} 的 `sentences:` 下加一条 `{sentence_id}: 英文译文`",
                )
                continue
            english = self._english(document, ("sentences", sentence_id), raw[sentence_id], f"句子 {sentence_id} ")
            if english:
                found[sentence_id] = Rendering(sentence.text, english, document.where(("sentences", sentence_id)))
        for sentence_id in raw:
            if sentence_id not in originals:
                part = str(sentence_id).split("-s", 1)[0]
                same_page = [s for s in originals if s.startswith(f"{part}-s")]
                fix = "删去这一条；或改成原文中的编号" + (f"，这一页的是 {'、'.join(same_page)}" if same_page else "")
                self._say(
                    document.where(("sentences", sentence_id), key=True),
                    f"译文 {sentence_id} 没有对应的原句：docs/interpretation/ 中没有这个编号",
                    fix,
                )
        return found

    def _rendering(
        self, document: YamlDocument, path: tuple[str | int, ...], value: Any, current: str, what: str
    ) -> Rendering | None:
        """`{zh, en}` rendering `current`; a problem when it renders some other (an older) Chinese."""
        if not isinstance(value, dict):
            self._say(document.where(path), f"{what}应当写成 zh 和 en 两行", f"写成 `{{zh: {current}, en: 英文}}`")
            return None
        english = self._english(document, (*path, "en"), value.get("en"), what)
        zh = value.get("zh")
        if zh != current and not self.require_current and isinstance(zh, str) and english:
            return Rendering(zh, english, document.where((*path, "en")))  # of an older Chinese: see load_english
        if zh != current:
            self._say(
                document.where((*path, "zh")),
                f"{what}的译文依据的中文是“{zh}”，现在的中文是“{current}”",
                f"按现在的中文更新 en，再把 zh 改成：{current}",
            )
            return None
        return Rendering(current, english, document.where((*path, "en"))) if english else None

    def document_field(self, document: YamlDocument, field: str, current: str) -> Rendering:
        raw = document.data.get("document")
        value = raw.get(field) if isinstance(raw, dict) else None
        found = self._rendering(document, ("document", field), value, current, f"《行动计划》的 {field} ")
        return found or Rendering(current, current, document.where(("document",)))

    def nodes(self, document: YamlDocument, plan: Plan) -> dict[str, NodeEnglish]:
        raw = document.data.get("nodes")
        if not isinstance(raw, dict):
            self._say(document.where(("nodes",)), "没有 `nodes:`", "写出 `nodes:`，每个条目一段：title 和 summary")
            raw = {}
        found: dict[str, NodeEnglish] = {}
        for node_id, node in plan.nodes.items():
            entry = raw.get(node_id)
            if not isinstance(entry, dict):
                self._say(
                    node.origin,
                    f"{node_id} 没有英文标题和概述",
                    f"在 {document.file} 的 `nodes:` 下加上 `{node_id}:`，写出 title（zh、en）"
                    + ("和 summary（zh、en）" if node.summary else ""),
                )
                continue
            title = self._rendering(
                document, ("nodes", node_id, "title"), entry.get("title"), node.title, f"{node_id} 标题"
            )
            summary = None
            if node.summary:
                summary = self._rendering(
                    document, ("nodes", node_id, "summary"), entry.get("summary"), node.summary, f"{node_id} 概述"
                )
            elif "summary" in entry:
                self._say(
                    document.where(("nodes", node_id, "summary"), key=True),
                    f"{node_id} 没有中文概述，这里的英文概述没有对应的原文",
                    "删去这个 summary",
                )
            if title:
                found[node_id] = NodeEnglish(title, summary)
        for node_id in raw:
            if node_id not in plan.nodes:
                self._say(
                    document.where(("nodes", node_id), key=True),
                    f"`{node_id}` 不是数据里的条目，这段译文没有对应的原文",
                    "删去它，或改成 data/*.yaml 中已有的编号（如 M5、T2、ai）",
                )
        return found

    def notes(self, document: YamlDocument, plan: Plan) -> dict[str, Rendering]:
        """`notes:`, a list of `{zh, en}`: every editorial reason in the data rendered once, none left over."""
        raw = document.data.get("notes")
        if not isinstance(raw, list):
            raw = []
        needed = editorial_notes(plan)
        found: dict[str, Rendering] = {}
        for index, entry in enumerate(raw):
            path: tuple[str | int, ...] = ("notes", index)
            zh = entry.get("zh") if isinstance(entry, dict) else None
            if (not isinstance(zh, str) or zh not in needed) and not self.require_current:
                continue  # a reason edited in Chinese: only the English build insists on its English
            if not isinstance(zh, str) or zh not in needed:
                self._say(
                    document.where(path),
                    f"这条说明的中文“{zh}”在数据里已经没有了（数据里的说明改过或删去了）",
                    "按数据里现在的说明（editorial）改写 zh 和 en，或删去这一条",
                )
                continue
            english = self._english(document, (*path, "en"), entry.get("en"), "本站说明")
            if english:
                found[zh] = Rendering(zh, english, document.where((*path, "en")))
        for zh, where in needed.items():
            # Like a stale rendering, a reason not yet translated stops only the English build (see load_english).
            if not self.require_current:
                break
            if zh not in found and not any(isinstance(e, dict) and e.get("zh") == zh for e in raw):
                self._say(
                    where,
                    f"本站的这条说明没有英文译文：“{zh}”",
                    f"在 {document.file} 的 `notes:` 下加一条 `- zh: {zh}` 和它的 `en:`",
                )
        return found
