"""Make a synthetic plan of any size as a complete project that the real strict build accepts.

    python tests/benchmarks/generate.py MEASURES DEST

DEST gets mkdocs.yml, mkdocs.en.yml and docs/ copied from this repository, a copy of hooks/, and a generated
data/ and docs/interpretation/q1.md … q9.md. It has no translation (data/en/), so its build writes the Chinese
edition only (mkdocs.yml watches mkdocs.en.yml, which must exist all the same). The numbered kinds grow with
the measures in the real plan's proportions (14 measures : 5 tasks : 4 projects : 3 safeguards : 2 goals); Q&A
sections stay at nine, the most the schema allows, and grow in sentences instead (about two per measure, as in
the real text). The short lists (5 principles, 6 technologies, 5 issuers) keep their real size. Every quote is
taken from a generated sentence or a generated facts section, so the loader's checks pass exactly as for real
data.
"""

from __future__ import annotations

import math
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = 9  # the schema's limit: Q1 … Q9
WORDS = (
    "推动 工业 元宇宙 技术 融合 创新 应用 场景 平台 标准 体系 建设 数字 孪生 虚拟 现实 交互 沉浸 产业 生态 "
    "协同 发展 基础 设施 算力 网络 安全 可信 治理 机制 人才 培养 国际 合作 制造 升级 服务 消费 文旅 教育"
).split()
TECHNOLOGIES = (
    ("ai", "人工智能"),
    ("blockchain", "区块链"),
    ("5g", "5G"),
    ("iot", "物联网"),
    ("vr", "虚拟现实"),
    ("cloud", "云计算"),
)
ISSUERS = (  # named in the real preamble, docs/interpretation/index.md, sentence intro-s1
    ("miit", "工业和信息化部"),
    ("moe", "教育部"),
    ("mct", "文化和旅游部"),
    ("sasac", "国务院国资委"),
    ("nrta", "国家广播电视总局"),
)
PRINCIPLES = ("坚持创新驱动", "坚持场景牵引", "坚持融合互促", "坚持安全可靠", "坚持开放协作")
FACTS_DOCUMENT = "The document"
FACTS_PRINCIPLES = "Principles"
FACTS_STRUCTURE = "Tasks and measures"
TITLE = "合成测试计划（2023—2025年）"


@dataclass
class SyntheticPlan:
    """What was generated, counted as the loader will count it."""

    measures: int
    nodes: Counter = field(default_factory=Counter)  # kind → count
    edges: Counter = field(default_factory=Counter)  # relation → statements
    sentences: int = 0
    quotes: int = 0  # sentence and facts quotes the loader checks

    def as_dict(self) -> dict:
        return {
            "measures": self.measures,
            "nodes": dict(self.nodes),
            "edges": dict(self.edges),
            "sentences": self.sentences,
            "quotes": self.quotes,
        }


def counts_for(measures: int) -> dict[str, int]:
    """How many of each numbered kind a plan with `measures` measures has, in the real plan's proportions."""
    scale = measures / 14
    return {
        "measures": measures,
        "tasks": max(1, round(5 * scale)),
        "projects": max(1, round(4 * scale)),
        "safeguards": max(1, round(3 * scale)),
        "goals": max(2, round(2 * scale)),
    }


class _Writer:
    def __init__(self, measures: int, seed: int) -> None:
        self.random = random.Random(seed)
        self.counts = counts_for(measures)
        self.plan = SyntheticPlan(measures)
        self.sections: dict[int, list[list[str]]] = {n: [] for n in range(1, SECTIONS + 1)}  # paragraphs
        self.facts: dict[str, list[str]] = {FACTS_DOCUMENT: [], FACTS_PRINCIPLES: [], FACTS_STRUCTURE: []}
        self.lists: dict[str, list] = {}

    # -- text ----------------------------------------------------------------------------------

    def words(self, count: int) -> str:
        return "".join(self.random.choice(WORDS) for _ in range(count))

    def sentence(self, section: int, text: str, *, new_paragraph: bool = False) -> str:
        """Add a sentence line to qN.md; return its id."""
        paragraphs = self.sections[section]
        if new_paragraph or not paragraphs or len(paragraphs[-1]) >= 6:
            paragraphs.append([])
        number = sum(len(p) for p in paragraphs) + 1
        sentence_id = f"q{section}-s{number}"
        paragraphs[-1].append(f"{{#{sentence_id}}} {text}")
        self.plan.sentences += 1
        return sentence_id

    def quote(self, sentence_id: str, words: str) -> dict:
        self.plan.quotes += 1
        return {"sentence": sentence_id, "quote": words}

    def fact(self, heading: str, words: str) -> dict:
        self.plan.quotes += 1
        return {"facts": heading, "quote": words}

    def node(self, key: str, kind: str, item: dict) -> None:
        self.lists.setdefault(key, []).append(item)
        self.plan.nodes[kind] += 1

    def edge(self, relation: str, item: dict) -> None:
        self.lists.setdefault(relation, []).append(item)
        self.plan.edges[relation] += 1

    # -- the plan ------------------------------------------------------------------------------

    def build(self) -> None:
        self.document()
        self.technologies()
        self.tasks_and_measures()
        self.projects()
        self.safeguards()
        self.goals()
        self.section_nodes()

    def document(self) -> None:
        self.facts[FACTS_DOCUMENT] += [f"- Full title: {TITLE}", "- Announced on 2023-09-08"]
        self.lists["document"] = {
            "title": TITLE,
            "short_title": "合成计划",
            "announced": "2023-09-08",
            "source": [self.fact(FACTS_DOCUMENT, f"Full title: {TITLE}")],
        }
        for issuer_id, name in ISSUERS:
            self.node(
                "issuers", "issuer", _node(issuer_id, name, f"{name}，联合印发部门之一。", self.quote("intro-s1", name))
            )
        self.facts[FACTS_PRINCIPLES].append(" · ".join(PRINCIPLES))
        for number, title in enumerate(PRINCIPLES, start=1):
            item = _node(f"PR{number}", title, self.words(6) + "。", self.fact(FACTS_PRINCIPLES, title), number)
            self.node("principles", "principle", item)

    def technologies(self) -> None:
        names = "、".join(name for _, name in TECHNOLOGIES)
        sentence_id = self.sentence(1, f"元宇宙是{names}等新一代信息技术的集大成应用。", new_paragraph=True)
        for tech_id, name in TECHNOLOGIES:
            item = _node(tech_id, name, "元宇宙集成的新一代信息技术之一。", self.quote(sentence_id, name))
            self.node("technologies", "technology", item)
        self.edge(
            "mentions",
            {"from": "Q1", "to": [t for t, _ in TECHNOLOGIES], "source": self.quote(sentence_id, names)},
        )

    def tasks_and_measures(self) -> None:
        tasks, measures = self.counts["tasks"], self.counts["measures"]
        per_task = [measures // tasks + (1 if k < measures % tasks else 0) for k in range(tasks)]
        next_measure = 1
        for k in range(1, tasks + 1):
            section = (k - 1) % SECTIONS + 1
            title = f"{self.words(2)}第{k}号任务"
            children = list(range(next_measure, next_measure + per_task[k - 1]))
            next_measure += len(children)
            titles = {m: f"{self.words(2)}第{m}号措施" for m in children}
            tech_id, tech_name = TECHNOLOGIES[k % len(TECHNOLOGIES)]
            listed = "、".join(titles.values())
            task_sentence = self.sentence(
                section, f"{title}包括{listed}等措施，运用{tech_name}等技术。", new_paragraph=True
            )
            line = f"({k}) {title} | " + " · ".join(f"{m}. {t}" for m, t in titles.items())
            self.facts[FACTS_STRUCTURE].append(f"| {line} |")
            self.node(
                "tasks",
                "task",
                _node(
                    f"T{k}",
                    title,
                    self.words(8) + "。",
                    [self.quote(task_sentence, title), self.fact(FACTS_STRUCTURE, f"({k}) {title}")],
                    k,
                ),
            )
            self.edge(
                "contains",
                {"from": f"T{k}", "to": [f"M{m}" for m in children], "source": self.fact(FACTS_STRUCTURE, line)},
            )
            self.edge(
                "discusses",
                {"from": f"Q{section}", "to": f"T{k}", "role": "explains", "source": self.quote(task_sentence, title)},
            )
            if children:
                self.edge(
                    "discusses",
                    {
                        "from": f"Q{section}",
                        "to": [f"M{m}" for m in children],
                        "role": "lists",
                        "source": self.quote(task_sentence, listed),
                    },
                )
            self.edge(
                "mentions", {"from": f"T{k}", "to": tech_id, "source": self.quote(task_sentence, f"运用{tech_name}")}
            )
            for m, measure_title in titles.items():
                summary = self.words(10) + "。"
                measure_sentence = self.sentence(section, f"{measure_title}要求{summary}")
                self.node(
                    "measures",
                    "measure",
                    _node(
                        f"M{m}",
                        measure_title,
                        summary,
                        [
                            self.quote(measure_sentence, measure_title),
                            self.fact(FACTS_STRUCTURE, f"{m}. {measure_title}"),
                        ],
                        m,
                    ),
                )
                self.edge(
                    "discusses",
                    {
                        "from": f"Q{section}",
                        "to": f"M{m}",
                        "role": "explains",
                        "source": self.quote(measure_sentence, measure_title),
                    },
                )

    def projects(self) -> None:
        """Projects in fours, each four jointly supporting four tasks, as the real four projects do."""
        projects, tasks = self.counts["projects"], self.counts["tasks"]
        for group in range(math.ceil(projects / 4)):
            numbers = range(group * 4 + 1, min(projects, group * 4 + 4) + 1)
            titles = {p: f"{self.words(2)}第{p}号工程" for p in numbers}
            supported = [f"T{(group * 4 + i) % tasks + 1}" for i in range(4)]
            joint = f"为带动示范第{group + 1}组任务的实践落地提供了重要支撑平台"
            section = group % SECTIONS + 1
            sentence_id = self.sentence(section, f"{'、'.join(titles.values())}四项工程，{joint}。", new_paragraph=True)
            for p, title in titles.items():
                self.node(
                    "projects",
                    "project",
                    _node(f"P{p}", title, self.words(6) + "。", self.quote(sentence_id, title), p),
                )
            self.edge(
                "supports",
                {
                    "from": [f"P{p}" for p in numbers],
                    "to": sorted(set(supported)),
                    "source": self.quote(sentence_id, joint),
                },
            )

    def safeguards(self) -> None:
        for s in range(1, self.counts["safeguards"] + 1):
            title = f"{self.words(2)}第{s}号保障"
            section = (s - 1) % SECTIONS + 1
            sentence_id = self.sentence(section, f"{title}，{self.words(6)}。")
            self.node(
                "safeguards",
                "safeguard",
                _node(f"S{s}", title, self.words(8) + "。", self.quote(sentence_id, title), s),
            )
            self.edge(
                "discusses",
                {"from": f"Q{section}", "to": f"S{s}", "role": "explains", "source": self.quote(sentence_id, title)},
            )

    def goals(self) -> None:
        for g in range(1, self.counts["goals"] + 1):
            title = f"{self.words(2)}第{g}号目标"
            indicators = [self.words(3) for _ in range(3)]
            section = (g - 1) % SECTIONS + 1
            sentence_id = self.sentence(section, f"{title}：{'，'.join(indicators)}。")
            item = _node(f"G{g}", title, self.words(8) + "。", self.quote(sentence_id, title))
            item["term"] = "near" if g % 2 else "long"
            item["indicators"] = [self.quote(sentence_id, words) for words in indicators]
            self.node("goals", "goal", item)
            self.edge(
                "discusses",
                {"from": f"Q{section}", "to": f"G{g}", "role": "explains", "source": self.quote(sentence_id, title)},
            )

    def section_nodes(self) -> None:
        for n in range(1, SECTIONS + 1):
            item = {"id": f"Q{n}", "number": n, "title": f"第{n}个问答", "summary": self.words(6) + "。"}
            item.update(summary_source=dict(SUMMARY_SOURCE), source={"heading": f"q{n}", "quote": item["title"]})
            self.node("sections", "section", item)

    # -- files ---------------------------------------------------------------------------------

    def write(self, dest: Path) -> None:
        data = dest / "data"
        (data / "sources").mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "data" / "schema.json", data / "schema.json")
        files = {
            "document.yaml": ("document", "issuers"),
            "principles.yaml": ("principles",),
            "technologies.yaml": ("technologies",),
            "sections.yaml": ("sections",),
            "tasks.yaml": ("tasks",),
            "measures.yaml": ("measures",),
            "projects.yaml": ("projects",),
            "safeguards.yaml": ("safeguards",),
            "goals.yaml": ("goals",),
            "edges.yaml": ("contains", "supports", "discusses", "mentions"),
        }
        for name, keys in files.items():
            content = {key: self.lists[key] for key in keys if key in self.lists}
            text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000)
            (data / name).write_text(
                "# Synthetic benchmark data: tests/benchmarks/generate.py\n" + text, encoding="utf-8"
            )
        facts = ["# Synthetic facts (tests/benchmarks/generate.py)", ""]
        for heading, lines in self.facts.items():
            facts += [f"## {heading}", "", *lines, ""]
        (data / "sources" / "action-plan-facts.md").write_text("\n".join(facts), encoding="utf-8")
        pages = dest / "docs" / "interpretation"
        for old in pages.glob("q*.md"):
            old.unlink()
        for n, paragraphs in self.sections.items():
            body = "\n\n".join("\n".join(p) for p in paragraphs)
            (pages / f"q{n}.md").write_text(f"# 第{n}个问答：合成文本\n\n{body}\n", encoding="utf-8")


SUMMARY_SOURCE = {"editorial": "合成数据：概述由生成器随机写成"}


def _node(node_id: str, title: str, summary: str, source: dict | list, number: int | None = None) -> dict:
    item: dict = {"id": node_id}
    if number is not None:
        item["number"] = number
    item.update(title=title, summary=summary, summary_source=dict(SUMMARY_SOURCE), source=source)
    return item


def generate_project(dest: Path, measures: int, *, seed: int = 8) -> SyntheticPlan:
    """Write a complete project with `measures` measures into `dest` (which must not exist yet)."""
    if measures < 1:
        raise ValueError("a plan needs at least one measure")
    dest.mkdir(parents=True)
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy2(ROOT / config, dest / config)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=ignore)
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=ignore)
    writer = _Writer(measures, seed)
    writer.build()
    writer.write(dest)
    return writer.plan


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    plan = generate_project(Path(argv[1]), int(argv[0]))
    print(plan.as_dict())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
