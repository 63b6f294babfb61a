"""Build the `Plan` from data/: read every file, check it against the schema, and make nodes and edges of it.

The loader builds; `checks` judges the finished plan. The plan is built even from data that failed the
schema, as far as that data can be built from, so that one run tells the editor everything at once: a typo
in one item does not hide a wrong reference in the next. What the loader itself reports is what only
building can find: two items with one id, gaps in the numbering, ids that would take one of the site's own
addresses, a link stated twice, and references to items that do not exist or are of the wrong kind. An
item too malformed to build is left out, and so is every reference to it: the schema has said what is
wrong with its file, and where it has found nothing there, the loader says that the item cannot be built.
Nothing leaves the site without a message.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from . import input_rules
from .interpretation import read_interpretation
from .model import (
    ENDS,
    TYPE_BY_KEY,
    Document,
    Edge,
    Editorial,
    Ends,
    FactQuote,
    Goal,
    HeadingQuote,
    Node,
    Plan,
    Relation,
    Role,
    Section,
    SentenceQuote,
    Source,
)
from .problems import Location, PlanError, Problem
from .reported_facts import read_facts
from .schema import check_schema
from .urls import top_level_names
from .yamlsource import Path_, YamlDocument, read_yaml

SCHEMA_FILE = "schema.json"
FACTS_FILE = "sources/action-plan-facts.md"
DOCUMENT = "document"
REQUIRED_LISTS = (DOCUMENT, *TYPE_BY_KEY)


def build_plan(root: Path, data_dir: str = "data", docs_dir: str = "docs") -> tuple[Plan, list[Problem]]:
    """The plan as far as it can be built, and the problems found on the way; raises `PlanError` when there
    is not enough data to build anything."""
    data = _Data(root / data_dir, data_dir)
    data.read()
    facts, facts_problems = read_facts(data.folder / FACTS_FILE, f"{data_dir}/{FACTS_FILE}")
    interpretation, text_problems = read_interpretation(root / docs_dir, data.section_ids())
    nodes = _Nodes(data, top_level_names(root / docs_dir))
    edges = _Edges(data, nodes)
    plan = Plan(_document(data), nodes.built, tuple(edges.built), interpretation, facts)
    problems = [*data.problems, *facts_problems, *text_problems, *nodes.problems, *edges.problems]
    return plan, problems + _left_out(nodes.left_out + edges.left_out, problems)


def _left_out(items: list[tuple[str, Location]], problems: list[Problem]) -> list[Problem]:
    """Items the plan could not be built with although no problem was found in their file: whatever the
    reason, an item never disappears from the site without a word."""
    reported = {problem.where.file for problem in problems}
    return [
        Problem(where, f"{name} 无法生成，网站上会缺少它", "对照 data/schema.json 检查这一条的每个字段")
        for name, where in items
        if where.file not in reported
    ]


_DIGITS = re.compile("[0-9]+")


class _Unbuildable(Exception):
    """A value too malformed to build from; the schema check has already reported it."""


# --- reading the files --------------------------------------------------------------------------


class _Data:
    """The lists of data/ (`tasks:`, `contains:` …), each from the one file that holds it."""

    def __init__(self, folder: Path, shown: str) -> None:
        self.folder = folder
        self.shown = shown
        self.problems: list[Problem] = []
        self.lists: dict[str, tuple[YamlDocument, Any]] = {}
        self.values_left = input_rules.MAX_VALUES  # for all files together

    def read(self) -> None:
        files = sorted(self.folder.glob("*.yaml")) + sorted(self.folder.glob("*.yml"))
        if not files:
            raise PlanError([Problem(Location(self.shown), "没有找到任何 .yaml 数据文件", "数据放在 data/*.yaml")])
        unreadable = False
        for path in files:
            unreadable |= not self._read_file(path)
        missing = [key for key in REQUIRED_LISTS if key not in self.lists]
        if missing and not unreadable:  # an unreadable file may well hold them
            self.problems += [
                Problem(Location(self.shown), f"数据里没有 `{key}:`", f"在 {self.shown}/ 的某个文件里加上 `{key}:`")
                for key in missing
            ]
        if missing:
            raise PlanError(self.problems)  # nothing to check the rest against

    def _read_file(self, path: Path) -> bool:
        """Read one file's lists; False when the file could not be read at all."""
        document, problems = read_yaml(path, f"{self.shown}/{path.name}", self.values_left)
        self.problems += problems
        if document is None:
            return False
        self.values_left -= document.values
        if not isinstance(document.data, dict):  # the schema's messages would be about a file of lists
            self.problems.append(
                Problem(document.where(()), "文件的最外层应当是 `名称:` 开头的几个列表", "例如以 `tasks:` 开头")
            )
            return False
        self.problems += check_schema(document, self.folder / SCHEMA_FILE, f"{self.shown}/{SCHEMA_FILE}")
        for key, value in document.data.items():
            if key in self.lists:
                other = self.lists[key][0]
                self.problems.append(
                    Problem(
                        document.where((key,), key=True),
                        f"`{key}:` 已经在 {other.file} 第 {other.where((key,), key=True).line} 行出现过",
                        f"把两处的 `{key}:` 合并到一个文件里",
                    )
                )
                continue
            self.lists[key] = (document, value)
        return True

    def items(self, key: str) -> list[tuple[int, Any]]:
        """The entries of a list, by position; none when the list is not a list."""
        value = self.lists[key][1] if key in self.lists else None
        return list(enumerate(value)) if isinstance(value, list) else []

    def where(self, key: str, *path: str | int, as_key: bool = False) -> Location:
        return self.lists[key][0].where((key, *path), key=as_key)

    def section_ids(self) -> list[str]:
        """The ids of the Q&A sections whose pages the interpretation has."""
        sections = [item.get("id") for _, item in self.items(Section.key) if isinstance(item, dict)]
        return [
            section_id for section_id in sections if isinstance(section_id, str) and Section.id_form.matches(section_id)
        ]


# --- nodes --------------------------------------------------------------------------------------


class _Nodes:
    """Every node that can be built, by id in presentation order; and what is wrong with the ids."""

    def __init__(self, data: _Data, taken: frozenset[str]) -> None:
        self.data = data
        self.built: dict[str, Node] = {}
        self.unbuildable: set[str] = set()  # ids of items the schema has reported as malformed
        self.left_out: list[tuple[str, Location]] = []  # the same, with where they are
        self.problems: list[Problem] = []
        seen: dict[str, Location] = {}  # lower-case id → where it is first used: URLs ignore case
        for key, node_type in TYPE_BY_KEY.items():
            numbers: dict[int, Location] = {}
            for index, raw in data.items(key):
                if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                    continue
                node_id: str = raw["id"]
                where = data.where(key, index, "id")
                if node_id.lower() in seen:
                    self.problems.append(
                        Problem(
                            where,
                            f"编号 {node_id} 重复：{seen[node_id.lower()]} 已经用了它（网址不分大小写）",
                            "给这一条换一个没有用过的编号；已发布的编号不要改给别的条目用",
                        )
                    )
                    continue
                seen[node_id.lower()] = where
                if node_id.lower() in taken:
                    self.problems.append(
                        Problem(
                            where,
                            f"编号 {node_id} 与网站自己的地址 /{node_id.lower()}/ 相同，它的短链接会被那一栏占用",
                            f"换一个编号；这些名字留给网站使用：{'、'.join(sorted(taken))}",
                        )
                    )
                self._count(node_type, node_id, raw.get("number"), where, numbers)
                try:
                    self.built[node_id] = self._node(node_type, raw, key, index)
                except _Unbuildable:
                    self.unbuildable.add(node_id)
                    self.left_out.append((node_id, where))
            self._gaps(key, node_type, numbers)

    def _count(
        self, node_type: type[Node], node_id: str, number: object, where: Location, numbers: dict[int, Location]
    ) -> None:
        """Note an item's number, saying when it disagrees with the id or repeats another's."""
        prefix = node_type.id_form.prefix
        if not prefix:
            return
        if not isinstance(number, int) or isinstance(number, bool):  # the schema says what is wrong
            digits = node_id[len(prefix) :]
            if _DIGITS.fullmatch(digits):  # the id's own number still counts (M5; not M² or M٥)
                numbers.setdefault(int(digits), where)
            return
        if node_id != node_type.id_form.id(number):
            self.problems.append(
                Problem(
                    where,
                    f"编号 {node_id} 与 number: {number} 不一致",
                    f"编号应写成 {node_type.id_form.id(number)}，或把 number 改成编号里的数字",
                )
            )
        if number in numbers:
            self.problems.append(
                Problem(where, f"序号 {number} 重复（{numbers[number]} 已使用）", "每一条的序号不同，从 1 连续排列")
            )
        numbers.setdefault(number, where)

    def _gaps(self, key: str, node_type: type[Node], numbers: dict[int, Location]) -> None:
        """One problem per run of missing numbers, found from the numbers used: never a loop or a set as
        large as the largest number, which a typo can make two billion."""
        form = node_type.id_form
        previous = 0
        for number in sorted(numbers):
            if number > previous + 1:
                first, last = previous + 1, number - 1
                missing = form.id(first) if first == last else f"{form.id(first)} 到 {form.id(last)}"
                self.problems.append(
                    Problem(
                        self.data.where(key, as_key=True),
                        f"{key} 的编号不连续：缺少 {missing}（{form.id(number)} 在 {numbers[number]}）",
                        f"补上 {missing}，或检查 {form.id(number)} 的编号是否多打了数字；"
                        "编号按《行动计划》的顺序从 1 连续排列",
                    )
                )
            previous = number

    def _node(self, node_type: type[Node], raw: dict[str, Any], key: str, index: int) -> Node:
        extra: dict[str, Any] = {}
        if node_type is Goal:
            extra["term"] = _text(raw, "term")
            extra["indicators"] = _sources(self.data, raw.get("indicators"), key, (key, index, "indicators"))
        sources = _sources(self.data, raw["source"], key, (key, index, "source")) if "source" in raw else ()
        if "summary_source" in raw:
            extra["summary_sources"] = _sources(self.data, raw["summary_source"], key, (key, index, "summary_source"))
        aliases = raw.get("aliases", [])
        number = raw.get("number")
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise _Unbuildable
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise _Unbuildable
        return node_type(
            id=_text(raw, "id"),
            title=_text(raw, "title"),
            summary=_text(raw, "summary"),
            sources=sources,
            aliases=tuple(aliases),
            number=number,
            origin=self.data.where(key, index),
            **extra,
        )


# --- sources and the document -------------------------------------------------------------------


def _sources(data: _Data, raw: object, key: str, path: Path_) -> tuple[Source, ...]:
    """The sources at `path` of the list `key`, each remembering its own place for error messages: one
    source, or a list of them."""
    document = data.lists[key][0]
    if isinstance(raw, list) and raw:
        return tuple(_source(item, document.where((*path, i))) for i, item in enumerate(raw))
    if isinstance(raw, dict):
        return (_source(raw, document.where(path)),)
    raise _Unbuildable


def _source(raw: object, where: Location) -> Source:
    if not isinstance(raw, dict):
        raise _Unbuildable
    report = raw.get("report")
    if report is not None and not isinstance(report, str):
        raise _Unbuildable
    if "sentence" in raw:
        return SentenceQuote(_text(raw, "sentence"), _text(raw, "quote"), where)
    if "heading" in raw:
        return HeadingQuote(_text(raw, "heading"), _text(raw, "quote"), where)
    if "facts" in raw:
        return FactQuote(_text(raw, "facts"), _text(raw, "quote"), report, where)
    return Editorial(_text(raw, "editorial"), where)


def _text(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Unbuildable
    return value


def _document(data: _Data) -> Document:
    raw = data.lists[DOCUMENT][1]
    if not isinstance(raw, dict):
        return Document("", "", "", ())
    try:
        sources = _sources(data, raw.get("source"), DOCUMENT, (DOCUMENT, "source"))
    except _Unbuildable:
        sources = ()
    return Document(str(raw.get("title", "")), str(raw.get("short_title", "")), str(raw.get("announced", "")), sources)


# --- edges --------------------------------------------------------------------------------------


class _Edges:
    """Every statement of every relation that can be built, with the ends that name a node of a kind the
    relation links; a wrong end is reported, and the rest of its statement still counts."""

    def __init__(self, data: _Data, nodes: _Nodes) -> None:
        self.data = data
        self.nodes = nodes
        self.known = {node_id.lower(): node_id for node_id in nodes.built}
        self.built: list[Edge] = []
        self.problems: list[Problem] = []
        self.left_out: list[tuple[str, Location]] = []  # statements that could not be built, with where
        # Each link (with its role: a section may list an item and also explain it), where it is first stated.
        self.stated: dict[tuple[Relation, Role | None, str, str], Location] = {}
        for relation in Relation:
            for index, raw in data.items(relation.value):
                if isinstance(raw, dict):
                    self._statement(relation, ENDS[relation], index, raw)

    def _statement(self, relation: Relation, ends: Ends, index: int, raw: dict[str, Any]) -> None:
        subjects = self._end(relation, ends.subjects, index, raw, "from")
        objects = self._end(relation, ends.objects, index, raw, "to")
        if not subjects or not objects:
            return
        key = relation.value
        role = raw.get("role")
        try:
            sources = _sources(self.data, raw.get("source"), key, (key, index, "source"))
        except _Unbuildable:
            self.left_out.append((f"{key} 关系", self.data.where(key, index)))
            return
        role = Role(role) if role in tuple(Role) else None  # any other role: the schema has said so
        where = self.data.where(key, index)
        repeated = [(s, o) for s in subjects for o in objects if (relation, role, s, o) in self.stated]
        for subject, target in repeated:
            first = self.stated[(relation, role, subject, target)]
            self.problems.append(
                Problem(
                    where,
                    f"{key} 关系 {subject} → {target} 重复（{first} 已经写过）",
                    "每一对只写一次：删去这里的重复，需要的出处合并到先写的那一条",
                )
            )
        if repeated:
            return
        for subject in subjects:
            for target in objects:
                self.stated[(relation, role, subject, target)] = where
        self.built.append(Edge(relation, subjects, objects, sources, role, where))

    def _end(
        self, relation: Relation, kinds: frozenset[str], index: int, raw: dict[str, Any], end: str
    ) -> tuple[str, ...]:
        """The ids at one end of a statement (`from` or `to`) that name a node of one of `kinds`."""
        value = raw.get(end)
        ids = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        good = []
        for position, node_id in enumerate(ids):
            if not isinstance(node_id, str) or node_id in self.nodes.unbuildable:
                continue
            where = self.data.where(relation.value, index, end, *([position] if isinstance(value, list) else []))
            node = self.nodes.built.get(node_id)
            if node is None:
                if node_id.lower() in self.known:
                    fix = f"编号区分大小写，应写成 {self.known[node_id.lower()]}"
                else:
                    close = difflib.get_close_matches(node_id, list(self.nodes.built), n=3)
                    fix = f"是不是 {'、'.join(close)}？" if close else "先在相应的数据文件里定义这个条目"
                self.problems.append(Problem(where, f"`{end}: {node_id}` 指向不存在的条目", fix))
            elif node.kind not in kinds:
                self.problems.append(
                    Problem(
                        where,
                        f"{relation.value} 关系的 `{end}` 不能是 {node.kind}（{node_id}）",
                        f"这里只能是 {'、'.join(sorted(kinds))} 类条目",
                    )
                )
            else:
                good.append(node_id)
        return tuple(good)
