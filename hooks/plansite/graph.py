"""Load data/ into a `Plan`, checking the schema and every cross-reference; report all problems at once."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from .facts import FactsFile, read_facts
from .interpretation import read_interpretation
from .model import (
    RELATIONS,
    TYPE_BY_KEY,
    Document,
    Edge,
    Editorial,
    FactQuote,
    Goal,
    Node,
    Plan,
    Relation,
    SentenceQuote,
    Source,
)
from .problems import Location, PlanError, Problem
from .schema import check_schema
from .text import comparable
from .yamlsource import YamlDocument, read_yaml

SCHEMA_FILE = "schema.json"
FACTS_FILE = "sources/action-plan-facts.md"
REQUIRED_LISTS = ("document", *TYPE_BY_KEY)
EDGE_LISTS = tuple(RELATIONS)


def load_plan(root: Path, *, data_dir: str = "data", docs_dir: str = "docs") -> Plan:
    """Read and check everything; return the plan or raise `PlanError` listing every problem."""
    return _Loader(root, data_dir, docs_dir).load()


class _Loader:
    def __init__(self, root: Path, data_dir: str, docs_dir: str) -> None:
        self.root = root
        self.data = root / data_dir
        self.data_name = data_dir
        self.docs = root / docs_dir
        self.problems: list[Problem] = []
        self.lists: dict[str, tuple[YamlDocument, Any]] = {}
        self.unusable: set[str] = set()  # ids of items too broken to build; their own problems are reported

    # -- reading --------------------------------------------------------------------------------

    def load(self) -> Plan:
        files = sorted(self.data.glob("*.yaml")) + sorted(self.data.glob("*.yml"))
        if not files:
            raise PlanError([Problem(Location(self.data_name), "没有找到任何 .yaml 数据文件", "数据放在 data/*.yaml")])
        unreadable = False
        for path in files:
            unreadable |= not self._read_file(path)
        for key in REQUIRED_LISTS:
            if key not in self.lists and not unreadable:  # an unreadable file may well hold it
                self.problems.append(
                    Problem(
                        Location(self.data_name),
                        f"数据里没有 `{key}:`",
                        f"在 {self.data_name}/ 的某个文件里加上 `{key}:`",
                    )
                )
        if any(key not in self.lists for key in REQUIRED_LISTS):
            raise PlanError(self.problems)  # nothing to check the rest against

        facts = read_facts(self.data / FACTS_FILE, f"{self.data_name}/{FACTS_FILE}")
        section_ids = [s["id"] for s in self._items("sections") if re.fullmatch(r"Q[1-9]", str(s.get("id")))]
        interpretation, text_problems = read_interpretation(self.docs, section_ids)
        self.problems += text_problems

        nodes = self._nodes()
        document = self._document()
        edges = self._edges(nodes)
        plan = Plan(document, nodes, tuple(edges), interpretation, facts)
        self._check_sources(plan)
        self._check_structure(plan)
        if self.problems:
            raise PlanError(self.problems)
        return plan

    def _read_file(self, path: Path) -> bool:
        """Read one file into `self.lists`; False when it could not be read at all."""
        shown = f"{self.data_name}/{path.name}"
        document, problems = read_yaml(path, shown)
        self.problems += problems
        if document is None:
            return False
        if not isinstance(document.data, dict):
            self.problems.append(
                Problem(document.where(()), "文件的最外层应当是 `名称:` 开头的几个列表", "例如以 `tasks:` 开头")
            )
            return False
        self.problems += check_schema(document, self.data / SCHEMA_FILE)
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

    def _items(self, key: str) -> list[dict]:
        value = self.lists.get(key, (None, []))[1]
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    def _where(self, key: str, index: int, *field: str | int, as_key: bool = False) -> Location:
        return self.lists[key][0].where((key, index, *field), key=as_key)

    # -- nodes ----------------------------------------------------------------------------------

    def _nodes(self) -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        seen: dict[str, Location] = {}
        for key, node_type in TYPE_BY_KEY.items():
            value = self.lists[key][1]
            if not isinstance(value, list):
                continue
            numbers: dict[int, Location] = {}
            for index, raw in enumerate(value):
                if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
                    continue
                node_id = raw["id"]
                where = self._where(key, index, "id")
                if node_id.lower() in seen:
                    first = seen[node_id.lower()]
                    self.problems.append(
                        Problem(
                            where,
                            f"编号 {node_id} 重复：{first} 已经用了它（网址不分大小写）",
                            "给这一条换一个没有用过的编号；已发布的编号不要改给别的条目用",
                        )
                    )
                    continue
                seen[node_id.lower()] = where
                number = raw.get("number")
                if node_type.prefix and isinstance(number, int):
                    self._check_number(node_type, node_id, number, where, numbers)
                elif node_type.prefix and node_id[len(node_type.prefix) :].isdigit():
                    numbers.setdefault(int(node_id[len(node_type.prefix) :]), where)  # counted; its error is said
                try:
                    nodes[node_id] = self._node(node_type, raw, key, index)
                except _Unusable:
                    self.unusable.add(node_id)  # the schema has already said what is wrong with it
            if node_type.prefix and numbers:
                expected = set(range(1, max(numbers) + 1))
                for gap in sorted(expected - set(numbers)):
                    self.problems.append(
                        Problem(
                            self.lists[key][0].where((key,), key=True),
                            f"{key} 的编号不连续：缺少 {node_type.prefix}{gap}",
                            f"补上 {node_type.prefix}{gap}；编号按《行动计划》的顺序从 1 连续排列",
                        )
                    )
        return nodes

    def _check_number(
        self, node_type, node_id: str, number: int, where: Location, numbers: dict[int, Location]
    ) -> None:
        if node_id != f"{node_type.prefix}{number}":
            self.problems.append(
                Problem(
                    where,
                    f"编号 {node_id} 与 number: {number} 不一致",
                    f"编号应写成 {node_type.prefix}{number}，或把 number 改成编号里的数字",
                )
            )
        if number in numbers:
            self.problems.append(
                Problem(where, f"序号 {number} 重复（{numbers[number]} 已使用）", "每一条的序号不同，从 1 连续排列")
            )
        numbers.setdefault(number, where)

    def _node(self, node_type: type[Node], raw: dict, key: str, index: int) -> Node:
        extra: dict[str, Any] = {}
        if node_type is Goal:
            extra["term"] = _text(raw, "term")
            extra["indicators"] = self._sources(raw.get("indicators"), key, (key, index, "indicators"))
        sources = () if "source" not in raw else self._sources(raw["source"], key, (key, index, "source"))
        aliases = raw.get("aliases", [])
        number = raw.get("number")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _Unusable
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise _Unusable
        return node_type(
            id=_text(raw, "id"),
            title=_text(raw, "title"),
            summary=_text(raw, "summary"),
            sources=sources,
            aliases=tuple(aliases),
            number=number,
            origin=self._where(key, index),
            **extra,
        )

    def _sources(self, raw: Any, key: str, path: tuple) -> tuple[Source, ...]:
        """The sources at `path` of the list `key`, each remembering its own line for error messages."""
        document = self.lists[key][0]
        if isinstance(raw, list) and raw:
            return tuple(self._source(item, document.where((*path, i))) for i, item in enumerate(raw))
        if isinstance(raw, dict):
            return (self._source(raw, document.where(path)),)
        raise _Unusable

    @staticmethod
    def _source(raw: Any, where: Location) -> Source:
        if not isinstance(raw, dict):
            raise _Unusable
        report = raw.get("report")
        if report is not None and not isinstance(report, str):
            raise _Unusable
        if "sentence" in raw:
            return SentenceQuote(_text(raw, "sentence"), _text(raw, "quote"), where)
        if "facts" in raw:
            return FactQuote(_text(raw, "facts"), _text(raw, "quote"), report, where)
        return Editorial(_text(raw, "editorial"), where)

    def _document(self) -> Document:
        raw = self.lists["document"][1]
        if not isinstance(raw, dict):
            return Document("", "", "", ())
        try:
            sources = self._sources(raw.get("source"), "document", ("document", "source"))
        except _Unusable:
            sources = ()
        return Document(
            str(raw.get("title", "")), str(raw.get("short_title", "")), str(raw.get("announced", "")), sources
        )

    # -- edges ----------------------------------------------------------------------------------

    def _edges(self, nodes: dict[str, Node]) -> list[Edge]:
        edges: list[Edge] = []
        known = {node_id.lower(): node_id for node_id in nodes}
        for relation in RELATIONS.values():
            statements = self.lists.get(relation.name, (None, []))[1]
            for index, raw in enumerate(statements if isinstance(statements, list) else []):
                if not isinstance(raw, dict):
                    continue
                ends: dict[str, tuple[str, ...]] = {}
                for end, kinds in (("from", relation.subject_kinds), ("to", relation.object_kinds)):
                    value = raw.get(end)
                    ids = [value] if isinstance(value, str) else value if isinstance(value, list) else []
                    good = []
                    for position, node_id in enumerate(ids):
                        where = self._where(relation.name, index, end, *([position] if isinstance(value, list) else []))
                        if isinstance(node_id, str) and self._check_end(
                            node_id, kinds, nodes, known, where, relation, end
                        ):
                            good.append(node_id)
                    ends[end] = tuple(good)  # a bad id is reported; the rest of the statement still counts
                if not ends["from"] or not ends["to"] or not isinstance(raw.get("source"), (dict, list)):
                    continue
                role, note = raw.get("role"), raw.get("note")
                try:
                    sources = self._sources(raw["source"], relation.name, (relation.name, index, "source"))
                    if not all(v is None or isinstance(v, str) for v in (role, note)):
                        raise _Unusable
                except _Unusable:
                    continue  # the schema has said what is wrong with this statement
                edges.append(
                    Edge(
                        relation.name,
                        ends["from"],
                        ends["to"],
                        sources,
                        role,
                        note,
                        self._where(relation.name, index),
                    )
                )
        return edges

    def _check_end(
        self,
        node_id: str,
        kinds: frozenset[str],
        nodes: dict[str, Node],
        known: dict[str, str],
        where: Location,
        relation: Relation,
        end: str,
    ) -> bool:
        node = nodes.get(node_id)
        if node is None and node_id in self.unusable:
            return False
        if node is None:
            if node_id.lower() in known:
                fix = f"编号区分大小写，应写成 {known[node_id.lower()]}"
            else:
                close = difflib.get_close_matches(node_id, list(nodes), n=3)
                fix = f"是不是 {'、'.join(close)}？" if close else "先在相应的数据文件里定义这个条目"
            self.problems.append(Problem(where, f"`{end}: {node_id}` 指向不存在的条目", fix))
            return False
        if node.kind not in kinds:
            allowed = "、".join(sorted(kinds))
            self.problems.append(
                Problem(
                    where,
                    f"{relation.name} 关系的 `{end}` 不能是 {node.kind}（{node_id}）",
                    f"这里只能是 {allowed} 类条目",
                )
            )
            return False
        return True

    # -- sources and structure ------------------------------------------------------------------

    def _check_sources(self, plan: Plan) -> None:
        for node in plan.nodes.values():
            where = node.origin
            if not node.sources and node.kind != "section":
                self.problems.append(
                    Problem(where, f"{node.id} 没有注明出处（source）", "加上 source：原文句子、公开报道或 editorial")
                )
            for source in node.sources:
                self._check_source(source, plan, where, node.id)
            for indicator in getattr(node, "indicators", ()):
                self._check_source(indicator, plan, where, node.id)
        for edge in plan.edges:
            for source in edge.sources:
                self._check_source(
                    source, plan, edge.origin, f"{edge.relation} {'、'.join(edge.subjects)} → {'、'.join(edge.objects)}"
                )
        for source in plan.document.sources:
            self._check_source(source, plan, self.lists["document"][0].where(("document",)), "document")

    def _check_source(self, source: Source, plan: Plan, where: Location, owner: str) -> None:
        where = source.origin if source.origin.file else where
        if isinstance(source, SentenceQuote):
            sentence = plan.interpretation.sentences.get(source.sentence)
            if sentence is None:
                close = difflib.get_close_matches(source.sentence, list(plan.interpretation.sentences), n=3)
                hint = f"是不是 {'、'.join(close)}？" if close else ""
                self.problems.append(
                    Problem(
                        where,
                        f"{owner}：出处句子 {source.sentence} 不存在",
                        f"{hint}句子编号见 docs/interpretation/ 各页每行开头的 {{#…}}",
                    )
                )
            elif comparable(source.quote) not in comparable(sentence.text):
                self.problems.append(
                    Problem(
                        where,
                        f"{owner}：引文“{source.quote}”不在句子 {source.sentence} 中",
                        f"逐字摘自该句（docs/{sentence.page} 第 {sentence.line} 行）：{_excerpt(sentence.text)}",
                    )
                )
        elif isinstance(source, FactQuote):
            facts: FactsFile = plan.facts
            if source.facts not in facts.sections:
                headings = "；".join(facts.sections)
                self.problems.append(
                    Problem(
                        where,
                        f"{owner}：事实文件没有小节“{source.facts}”",
                        f"照抄 {facts.file} 的某个 ## 标题：{headings}",
                    )
                )
            else:
                if not facts.contains(source.facts, source.quote):
                    self.problems.append(
                        Problem(
                            where,
                            f"{owner}：引文“{source.quote}”不在事实文件的“{source.facts}”一节中",
                            f"逐字摘自 {facts.file} 该节",
                        )
                    )
                if source.report and not facts.contains(source.facts, source.report):
                    self.problems.append(
                        Problem(
                            where,
                            f"{owner}：报道“{source.report}”没有出现在“{source.facts}”一节中",
                            "写该节列出的报道名称或网址",
                        )
                    )

    def _check_structure(self, plan: Plan) -> None:
        for measure in plan.of(TYPE_BY_KEY["measures"]):
            parents = plan.origins(measure.id, "contains")
            if len(parents) > 1:
                names = "、".join(p.id for p in parents)
                for edge in plan.edges_to(measure.id, "contains"):
                    self.problems.append(
                        Problem(
                            edge.origin,
                            f"措施 {measure.id} 同时属于多项任务（{names}）",
                            "每项措施只属于一项任务：删去多余的一条 contains",
                        )
                    )
            elif not parents:
                self.problems.append(
                    Problem(
                        measure.origin,
                        f"措施 {measure.id} 不属于任何任务",
                        f"在 contains 里把 {measure.id} 加到它所属任务的 `to:` 列表",
                    )
                )
        for edge in plan.edges:
            if edge.relation == "discusses":
                for source in edge.sources:
                    if not isinstance(source, SentenceQuote):
                        self.problems.append(
                            Problem(
                                edge.origin,
                                "discusses 关系的出处必须是该问答里的句子",
                                "写成 `sentence: q4-s1` 加 `quote:`",
                            )
                        )
                    elif source.sentence.split("-")[0].upper() not in edge.subjects:
                        self.problems.append(
                            Problem(
                                edge.origin,
                                f"句子 {source.sentence} 不属于问答 {'、'.join(edge.subjects)}",
                                f"discusses 的出处句子应出自 {'、'.join(s.lower() for s in edge.subjects)} 页",
                            )
                        )


class _Unusable(Exception):
    """An item too malformed to become part of the graph; the schema check has already reported it."""


def _text(raw: dict, key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Unusable
    return value


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "……"
