"""Write guide/data-reference.md from data/schema.json, so that the data format's reference cannot drift from
the schema the build enforces.

    .venv/bin/python scripts/data_reference.py          # rewrite guide/data-reference.md
    .venv/bin/python scripts/data_reference.py --check  # exit 1 when the committed file is not what the schema gives

tests/unit/test_docs.py runs the check. Every field the schema defines must have a meaning in FIELDS below:
a field added to the schema without one stops this script, so a new field is never published undocumented.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "data" / "schema.json"
OUTPUT = ROOT / "guide" / "data-reference.md"

# What each top-level list holds, in words an editor uses: (中文, English).
LISTS: dict[str, tuple[str, str]] = {
    "document": ("《行动计划》本身：标题、简称、发布日期", "the Plan itself: title, short title, announcement date"),
    "issuers": ("印发部门", "issuing general offices"),
    "goals": ("目标（近期、远期）", "goals (near and long term)"),
    "principles": ("基本原则", "principles"),
    "tasks": ("重点任务", "key tasks"),
    "measures": ("具体措施", "measures"),
    "projects": ("工程", "projects"),
    "safeguards": ("保障措施", "safeguards"),
    "technologies": ("技术", "technologies"),
    "sections": ("《解读》的七个问答", "the interpretation's seven Q&A sections"),
    "contains": ("关系：任务包含措施", "edges: a task contains a measure"),
    "supports": ("关系：工程支撑任务", "edges: a project supports a task"),
    "discusses": ("关系：问答论及条目", "edges: a Q&A section discusses an item"),
    "mentions": ("关系：条目提到某项技术", "edges: an item mentions a technology"),
}

# The meaning of every field the schema defines, by name: (中文, English).
FIELDS: dict[str, tuple[str, str]] = {
    "id": ("固定编号，永不改动、永不复用；网址由它而来", "permanent id, never changed nor reused; it makes the URL"),
    "number": ("在同类条目中的序号（写成 `5`，不写 `5.0`）", "its number among its kind (`5`, not `5.0`)"),
    "title": ("标题", "title"),
    "short_title": ("简称", "short title"),
    "announced": ("发布日期，`YYYY-MM-DD`", "announcement date, `YYYY-MM-DD`"),
    "summary": ("本站概述：本站自己的话，页面上标明“本站概述”", "the site's summary, in its own words, marked as such"),
    "summary_source": ("概述所依据的原文或本站理由", "what the summary rests on: quotes, or the site's reason"),
    "aliases": ("读者可能搜索的别名", "other names readers search for"),
    "source": ("出处（见下文“出处”）", "where it comes from (see Sources below)"),
    "term": ("`near` 近期目标，`long` 远期目标", "`near` or `long` term"),
    "indicators": ("目标的指标，每条逐字摘自原文", "the goal's indicators, each quoted from a source"),
    "from": ("关系的起点：一个编号或编号列表", "where the edge starts: an id or a list of ids"),
    "to": ("关系的终点：一个编号或编号列表", "where the edge ends: an id or a list of ids"),
    "role": ("`lists` 只列出条目，`explains` 展开论述", "`lists` only names the item, `explains` discusses it"),
    "sentence": ("解读句子的编号，如 `q6-s2`", "a sentence id of the interpretation, e.g. `q6-s2`"),
    "heading": ("问答的编号，如 `q6`（引用问句本身）", "a Q&A page id, e.g. `q6` (quoting its question)"),
    "facts": ("`data/sources/action-plan-facts.md` 中一节的 `##` 标题", "a `##` heading of the facts file"),
    "report": ("可选：该节列出的报道", "optional: the report of that section it rests on"),
    "quote": ("逐字摘录（半角标点可写成全角）", "the words, verbatim (half-width punctuation may be full-width)"),
    "editorial": ("本站自己的判断及理由，页面上标明", "the site's own reading and its reason, marked as such"),
}

SOURCE_FORMS = ("sentence_quote", "heading_quote", "fact_quote", "editorial")


class Schema:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.defs: dict[str, Any] = schema["$defs"]

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """One object schema with its `$ref` chain merged in: properties (later ones refine earlier ones)
        and required fields."""
        merged: dict[str, Any] = {"properties": {}, "required": []}
        if "$ref" in node:
            base = self.resolve(self.defs[node["$ref"].rsplit("/", 1)[1]])
            merged["properties"] = {name: dict(value) for name, value in base["properties"].items()}
            merged["required"] = list(base["required"])
        for name, value in node.get("properties", {}).items():
            merged["properties"].setdefault(name, {}).update(value)
        merged["required"] += [name for name in node.get("required", []) if name not in merged["required"]]
        return merged

    def kind(self, node: dict[str, Any]) -> str:
        """A property's form, in words."""
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            rest = {key: value for key, value in node.items() if key not in ("$ref", "description")}
            words = {
                "text": "文字 text",
                "source": "[出处 source](#出处--sources)",
                "id_list": "编号或编号列表 id or list of ids",
                "sentence_quote": "句子引文 sentence quote",
                "fact_quote": "事实引文 facts quote",
            }.get(name, f"`{name}`")
            return words + (f", {self.kind(rest)}" if rest else "")
        parts = []
        if "pattern" in node and node.get("type") != "array":
            parts.append("`" + node["pattern"].replace("|", "\\|") + "`")  # a bare | would end the table cell
        if "enum" in node:
            parts.append(" / ".join(f"`{value}`" for value in node["enum"]))
        if node.get("type") == "integer":
            parts.append(f"整数 integer {node.get('minimum', '')}–{node.get('maximum', '')}")
        if node.get("format") == "date":
            parts.append("日期 date")
        if node.get("type") == "array":
            parts.append(f"列表 list of {self.kind(node['items'])}")
        if "oneOf" in node:
            parts.append(" 或 or ".join(self.kind(option) for option in node["oneOf"]))
        if not parts and node.get("type") == "string":
            parts.append("文字 text")
        return ", ".join(parts)

    def item_schema(self, name: str) -> dict[str, Any]:
        top = self.schema["properties"][name]
        return top["items"] if top.get("type") == "array" else top


def where_lists_live() -> dict[str, str]:
    """Which file of data/ holds each list (the schema allows each list in one file only)."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "data").glob("*.yaml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key in content:
            found[str(key)] = f"data/{path.name}"
    return found


def table(schema: Schema, node: dict[str, Any]) -> list[str]:
    resolved = schema.resolve(node)
    rows = ["| 字段 field | 必填 required | 形式 form | 含义 meaning |", "| --- | --- | --- | --- |"]
    for name, prop in resolved["properties"].items():
        if name not in FIELDS:
            raise SystemExit(f"data/schema.json: field `{name}` has no meaning in FIELDS of scripts/data_reference.py")
        zh, en = FIELDS[name]
        required = "是 yes" if name in resolved["required"] else ""
        rows.append(f"| `{name}` | {required} | {schema.kind(prop)} | {zh} / {en} |")
    return rows


def render() -> str:
    raw = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema = Schema(raw)
    files = where_lists_live()
    lines = [
        "<!-- Generated by scripts/data_reference.py from data/schema.json: do not edit by hand.",
        "     tests/unit/test_docs.py fails when this file is not what the schema gives. -->",
        "",
        "# 数据格式参考 / Data format reference",
        "",
        "`data/*.yaml` 的每个文件是一个对象，含下列列表中的一个或几个；每个列表只能出现在一个文件里。",
        "每次构建都用 [`data/schema.json`](../data/schema.json) 检查全部数据，本页由它生成。",
        "怎样修改数据，见[编辑指南](editing.md)。",
        "",
        "Every YAML file in `data/` is one object holding one or more of these lists, each list in one file only.",
        "Every build checks the data against [`data/schema.json`](../data/schema.json); this page is generated",
        "from it. How to edit: [the editors' guide](editing.md). The English translation in `data/en/` has no",
        "schema of its own: its form is in the [guide](editing.md#英文译文--the-english-translation).",
        "",
        "## 列表一览 / The lists",
        "",
        "| 列表 list | 内容 | holds | 文件 file |",
        "| --- | --- | --- | --- |",
    ]
    for name in raw["properties"]:
        if name not in LISTS:
            raise SystemExit(f"data/schema.json: list `{name}` has no meaning in LISTS of scripts/data_reference.py")
        zh, en = LISTS[name]
        where = f"`{files[name]}`" if name in files else "(未用 unused)"
        lines.append(f"| [`{name}`](#{name}) | {zh} | {en} | {where} |")
    for name in raw["properties"]:
        zh, en = LISTS[name]
        lines += ["", f"## {name}", "", f"{zh}。{en[0].upper()}{en[1:]}.", ""]
        lines += table(schema, schema.item_schema(name))
    lines += [
        "",
        "## 出处 / Sources",
        "",
        "`source` 和 `summary_source` 是下列四种形式之一，或由它们组成的列表。",
        "`source` and `summary_source` are one of these four forms, or a list of them.",
    ]
    for form in SOURCE_FORMS:
        node = raw["$defs"][form]
        lines += ["", f"### {form}", "", node["description"], ""]
        lines += table(schema, node)
    text = raw["$defs"]["text"]
    lines += [
        "",
        "## 文字 / Text",
        "",
        f"“文字”是至少 {text['minLength']} 个字符、含非空白字符的字符串，",
        "按原样显示为文字，从不当作 Markdown 或 HTML。",
        "其余限制（长度、控制字符、嵌套）见[编辑指南](editing.md#限制--limits)。",
        "",
        "Text is a string with at least one non-blank character, always shown as text, never as Markdown or HTML.",
        "The other limits (length, control characters, nesting) are in [the guide](editing.md#限制--limits).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/data_reference.py")
            return 1
        return 0
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
