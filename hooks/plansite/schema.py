"""Check each data file against data/schema.json and say what is wrong in an editor's terms."""

from __future__ import annotations

import difflib
import itertools
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

# jsonschema ships no type information: pyproject.toml tells mypy so.
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import SchemaError, ValidationError

from . import ids
from .model import NODE_TYPES, TYPE_BY_KEY, Section
from .problems import Location, Problem
from .yamlsource import Path_, YamlDocument

MOST_ERRORS = 1_000  # format errors looked at in one file: a report lists 50, and each costs time and memory

_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "array": "列表（每项以 `- ` 开头）",
    "object": "带字段的条目（`字段: 值`）",
}


def _is_integer(checker: object, instance: object) -> bool:
    # JSON Schema counts 5.0 as an integer; an item numbered 5.0 would then pass the format and be lost
    # when the plan is built. In data/ an integer is written without a point.
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


class SchemaFileError(Exception):
    """data/schema.json itself is missing, unreadable or not a schema this code can work with."""


@lru_cache(maxsize=4)
def _validator(schema_path: str, stamp: object = None) -> Any:
    """The validator of one schema file; `stamp` (its modification time and size) makes an edited schema
    read again in a long-running `mkdocs serve`."""
    path = Path(schema_path)
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        _Validator.check_schema(schema)
        differences = _id_forms_differ(schema)
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaFileError(f"数据格式文件无法读取（{getattr(error, 'strerror', None) or error}）") from None
    except json.JSONDecodeError as error:
        where = f"第 {error.lineno} 行第 {error.colno} 列"
        raise SchemaFileError(f"数据格式文件不是有效的 JSON：{where}，{error.msg}") from None
    except SchemaError as error:
        raise SchemaFileError(f"数据格式文件不是有效的 JSON Schema：{error.message}") from None
    except (KeyError, TypeError, AttributeError) as error:
        raise SchemaFileError(f"数据格式文件缺少必要的部分：{error}") from None
    if differences:
        raise SchemaFileError(f"与 hooks/plansite/ids.py 的编号格式不一致（二者必须相同）：{'；'.join(differences)}")
    return _Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _id_forms_differ(schema: dict[str, Any]) -> list[str]:
    """Where the schema writes an id form other than `ids` does: the schema tells editors, `ids` the code."""
    stated = {node_type.key: _pattern(schema, node_type.key, "id") for node_type in NODE_TYPES}
    differences = [
        f"{node_type.key}: {stated[node_type.key]} ≠ {node_type.id_form.pattern}"
        for node_type in NODE_TYPES
        if stated[node_type.key] != node_type.id_form.pattern
    ]
    sentence = schema["$defs"]["sentence_quote"]["properties"]["sentence"].get("pattern")
    if sentence != ids.SENTENCE:
        differences.append(f"sentence: {sentence} ≠ {ids.SENTENCE}")
    return differences


def _pattern(schema: dict[str, Any], key: str, field: str) -> str | None:
    """The pattern the schema gives `field` in the items of the list `key`, or in the definition they refer to."""
    items = schema["properties"][key]["items"]
    ref = items.get("$ref", "")
    for part in (items, schema["$defs"].get(ref.rsplit("/", 1)[-1], {})):
        pattern = part.get("properties", {}).get(field, {}).get("pattern")
        if pattern:
            return str(pattern)
    return None


def check_schema(document: YamlDocument, schema_path: Path, shown: str) -> list[Problem]:
    """What is wrong with one file by the schema at `schema_path` (`shown` as the editor sees its path); a
    schema that cannot be used is one problem of its own."""
    try:
        stat = schema_path.stat() if schema_path.is_file() else None
        validator = _validator(str(schema_path), stat and (stat.st_mtime_ns, stat.st_size))
    except SchemaFileError as unusable:
        return [Problem(Location(shown), str(unusable), f"从版本库恢复 {shown}（git checkout -- {shown}）")]
    problems: list[Problem] = []
    errors = validator.iter_errors(document.data)
    for error in itertools.islice(errors, MOST_ERRORS):
        problems.extend(_explain(error, document, validator.schema))
    if next(errors, None) is not None:  # the rest would cost time and memory, and no report shows them
        problems.append(
            Problem(
                document.where(()),
                f"这个文件不符合数据格式的地方超过 {MOST_ERRORS} 处，只检查了前 {MOST_ERRORS} 处",
                "先改好列出的问题再构建；多半是整段内容粘贴错了位置或缩进",
            )
        )
    return problems


def _explain(error: ValidationError, doc: YamlDocument, root: dict[str, Any]) -> list[Problem]:
    path = tuple(error.absolute_path)
    field = str(path[-1]) if path and isinstance(path[-1], str) else ""
    here = doc.where(path)
    value = error.instance
    kind = error.validator

    if kind == "oneOf":
        chosen = _alternative(error)
        if chosen:
            return [p for sub in chosen for p in _explain(sub, doc, root)]
        return [Problem(here, f"`{field or '这一项'}` 的写法不对", _source_hint(field))]
    if kind in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(_allowed_keys(error.schema, root))
        problems = []
        for key in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            guess = f"是不是想写 `{close[0]}`？" if close else ""
            problems.append(
                Problem(
                    doc.where((*path, key), key=True),
                    f"未知字段 `{key}`",
                    f"{guess}这里可用的字段：{', '.join(allowed)}",
                )
            )
        return problems
    if kind == "required":
        missing = [k for k in error.validator_value if k not in value]
        return [
            Problem(
                here,
                f"缺少必填字段 `{k}`",
                f"加上 `{k}: …`" + (f"；{_source_hint(k)}" if k in ("source", "summary_source") else ""),
            )
            for k in missing
        ]
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return [
            Problem(
                here,
                f"`{field or '这一项'}` 应当是{_TYPE_NAMES.get(wanted, wanted)}，现在是 {_shown(value)}",
                f"把它改成{_TYPE_NAMES.get(wanted, wanted)}",
            )
        ]
    if kind == "pattern":
        return [
            Problem(here, f"`{field}` 的值 {_shown(value)} 格式不对", _pattern_hint(field, path, error.validator_value))
        ]
    if kind == "enum":
        options = "、".join(f"`{o}`" for o in error.validator_value)
        return [Problem(here, f"`{field}` 的值 {_shown(value)} 不在可选范围内", f"可选：{options}")]
    if kind in ("minLength", "minItems", "minProperties"):
        return [Problem(here, f"`{field or '文件'}` 是空的", "填写内容，或删除这一行")]
    if kind == "maximum":
        return [
            Problem(
                here,
                f"`{field}` 的值 {_shown(value)} 超过上限 {error.validator_value}",
                "检查是否多打了数字：序号按《行动计划》的顺序从 1 连续排列",
            )
        ]
    if kind == "minimum":
        return [
            Problem(
                here, f"`{field}` 应当是不小于 {error.validator_value} 的整数，现在是 {_shown(value)}", "从 1 开始编号"
            )
        ]
    if kind == "format":
        return [Problem(here, f"`{field}` 的值 {_shown(value)} 不是有效日期", "写成 年-月-日，例如 2023-09-08")]
    return [Problem(here, f"`{field or '这一项'}` 不符合数据格式：{error.message}", "对照 data/schema.json 修改")]


def _alternative(error: ValidationError) -> list[ValidationError]:
    """For a value that fits none of several forms, the errors of the form the editor evidently meant.

    The best fit is the form with the fewest shape errors (missing or unknown fields, wrong type).
    """
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    if not by_branch:
        return []

    return min(by_branch.items(), key=lambda item: (*_misfit(item[1]), item[0]))[1]


def _misfit(errors: list[ValidationError]) -> tuple[int, int]:
    """How badly a form fits: shape errors at the value itself (counting nested choices), then all errors."""
    shape = 0
    for error in errors:
        if error.relative_path:
            continue
        if error.validator == "oneOf" and error.context:
            branches: dict[int, list[ValidationError]] = {}
            for sub in error.context:
                branches.setdefault(sub.relative_schema_path[0], []).append(sub)
            shape += min(_misfit(b)[0] for b in branches.values())
        elif error.validator in _SHAPE:
            shape += 1
    return shape, len(errors)


_SHAPE = frozenset({"required", "type", "additionalProperties", "unevaluatedProperties"})


def _allowed_keys(schema: Any, root: dict[str, Any] | None) -> set[str]:
    keys: set[str] = set()
    if not isinstance(schema, dict):
        return keys
    keys.update(schema.get("properties", {}))
    ref = schema.get("$ref")
    if ref and root is not None and ref.startswith("#/$defs/"):
        keys |= _allowed_keys(root["$defs"][ref.rsplit("/", 1)[1]], root)
    return keys


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


# How the ids of the kinds that are not numbered are written, for an editor.
_NAMED_ID_FORMS = {
    "technologies": "小写字母、数字和连字符，例如 ai、cloud",
    "issuers": "小写字母和数字，例如 miit",
}


def _id_form_hint(key: str) -> str:
    """How the ids of the list `key` are written: T1、T2 ……, Q1 到 Q9."""
    form = TYPE_BY_KEY[key].id_form
    if key == Section.key:
        return f"{form.id(1)} 到 {form.id(ids.MOST_SECTIONS)}"
    return f"{form.id(1)}、{form.id(2)} ……" if form.prefix else _NAMED_ID_FORMS[key]


def _pattern_hint(field: str, path: Path_, pattern: str) -> str:
    if field == "id" and path and path[0] in TYPE_BY_KEY:
        return f"这一类的编号写成 {_id_form_hint(str(path[0]))}"
    if field == "heading":
        return "问答标题写成 q问答序号，例如 q6（六）"
    if field == "sentence":
        return "句子编号写成 q问答序号-s句序号，例如 q6-s2（六、第2句）；序言的句子是 intro-s1"
    if field == "announced":
        return "写成 年-月-日，例如 2023-09-08"
    return f"应符合格式 {pattern}"


def _source_hint(field: str) -> str:
    lead = "概述是本站的话，summary_source 写它依据什么；" if field == "summary_source" else ""
    return lead + (
        "出处写成以下四种之一：`sentence: q6-s2` 加 `quote: 原文词句`；`heading: q6` 加 `quote: 问答标题中的词句`；"
        "`facts: 事实文件的小节标题` 加 `quote: 原文词句`（可加 `report:`）；或 `editorial: 本站解读的理由`"
    )
