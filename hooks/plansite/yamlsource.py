"""Read one YAML file of data/ into plain values, remembering the line of every value.

PyYAML alone loses line numbers and silently keeps the last of two equal keys; editors need both. The file
is also held to the limits of `input_rules` (size, nesting, text length) and its values to plain text: no
explicit tags, no block scalars, no control characters, nothing invisible-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import input_rules
from .problems import Location, Problem

# libyaml's parser when PyYAML has it (the wheels do): the same nodes and line marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]  # a value's place inside the file: ("measures", 3, "title")

_SCALARS = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


@dataclass
class YamlDocument:
    """The values of one file, with a line:column for every mapping key and value."""

    file: str
    data: Any
    values: int = 0  # how many values the file holds (texts, numbers, lists, mappings)
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> Location:
        """The closest known location of `path` (its key's line when `key`), walking up to its parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.file, *table[probe])
            if probe in self.positions:
                return Location(self.file, *self.positions[probe])
            probe = probe[:-1]
        return Location(self.file, *self.positions.get((), (1, 1)))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_yaml(
    path: Path, display_name: str, most_values: int = input_rules.MAX_VALUES
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `path` into a document and its problems; no document when the file cannot be read at all or
    holds more than `most_values` values."""
    problems: list[Problem] = []
    raw, unreadable = input_rules.read_limited(path, display_name)
    if unreadable:
        return None, [unreadable]
    text, undecodable = input_rules.decode(raw, display_name)
    if undecodable:
        return None, [undecodable]
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(
                Problem(
                    Location(display_name, number, len(line) - len(stripped) + 1),
                    "行首用了制表符（Tab）缩进，YAML 只允许空格",
                    "把这一行开头的 Tab 换成空格，与同级条目对齐（本项目用两个空格一级）",
                )
            )
    if problems:
        return None, problems
    try:
        # Events first: nesting is counted before anything recursive sees the file, and tags and block
        # scalars are found with their place.
        shape, values, stop = _shape_problems(text, display_name, most_values)
        problems += shape
        if stop:
            return None, problems
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(display_name, mark.line + 1, mark.column + 1) if mark else Location(display_name)
        what = (error.problem or "YAML 语法错误").strip()
        return None, [
            Problem(
                where,
                f"YAML 语法错误：{what}",
                "检查这一行及上一行：缩进是否与同级对齐，冒号后是否有空格，引号和括号是否成对",
            )
        ]
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem(Location(display_name), f"YAML 无法读取：{error}")]
    if root is None:
        return None, [
            Problem(
                Location(display_name, 1),
                "文件是空的",
                "写入数据（例如 `tasks:` 开头的列表），或删除这个文件",
            )
        ]
    document = YamlDocument(display_name, None, values)
    # Duplicate keys are reported, but the rest of the file is still checked: one typo, one message.
    document.data = _convert(root, (), document, problems, set())
    return document, problems


def _shape_problems(text: str, file: str, most_values: int) -> tuple[list[Problem], int, bool]:
    """Explicit tags, block scalars, too deep nesting and too many values, each at its place, read from the
    parser's events one at a time (nothing is built yet); how many values there are; and whether to stop."""
    problems: list[Problem] = []
    depth = values = 0
    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark
        where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            values += 1
            if values > most_values:
                return [input_rules.too_many(where)], values, True
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > input_rules.MAX_DEPTH:
                return [input_rules.too_deep(where)], values, True
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)) and event.tag:
            problems.append(input_rules.tagged(where, event.tag))
        if isinstance(event, yaml.ScalarEvent) and event.style in ("|", ">"):
            problems.append(input_rules.block_scalar(where, event.style))
    return problems, values, False


def _convert(node: yaml.Node, path: Path_, doc: YamlDocument, problems: list[Problem], seen: set[int]) -> Any:
    doc.positions[path] = _mark(node)
    if isinstance(node, yaml.CollectionNode):
        # An anchor used twice (&a … *a) hands back the same node: data that is hard to read, and a loop or an
        # explosion of copies when abused. Every value is written out where it belongs instead.
        if id(node) in seen:
            problems.append(
                Problem(
                    Location(doc.file, *_mark(node)),
                    "这里用 YAML 锚点和别名（& 和 *）重复引用了前面的内容",
                    "直接写出这里的内容，不用 & 和 *",
                )
            )
            return None
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key == "<<":
                problems.append(
                    Problem(
                        Location(doc.file, *_mark(key_node)),
                        "这里的键不是普通的名字",
                        "键写成简单的英文字段名，例如 `title:`",
                    )
                )
                continue
            if key in result:
                first = doc.key_positions[(*path, key)]
                problems.append(
                    Problem(
                        Location(doc.file, *_mark(key_node)),
                        f"同一条目里 `{key}` 出现了两次（第一次在第 {first[0]} 行），YAML 会悄悄丢掉其中一个",
                        f"只保留一个 `{key}:`，把两处内容合并",
                    )
                )
                continue
            doc.key_positions[(*path, key)] = _mark(key_node)
            result[key] = _convert(value_node, (*path, key), doc, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, index), doc, problems, seen) for index, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)  # the one other kind of node that YAML composes
    value = _scalar(node)
    if isinstance(value, str) and node.style not in ("|", ">"):  # a block scalar is reported as one already
        problems += input_rules.text_problems(value, Location(doc.file, *_mark(node)))
    return value


def _scalar(node: yaml.ScalarNode) -> Any:
    # Dates and timestamps stay text: the schema checks their form and the pages print them as written.
    if not node.style:  # plain (unquoted): None from PyYAML's parser, '' from libyaml's
        if node.tag in _SCALARS:
            try:
                return _SCALARS[node.tag](node.value.replace("_", ""))
            except ValueError:
                return node.value
        if node.tag == "tag:yaml.org,2002:bool":
            return node.value.lower() in {"true", "yes", "on"}
        if node.tag == "tag:yaml.org,2002:null":
            return None
    return node.value
