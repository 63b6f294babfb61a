"""The rules a built plan must follow: every source says where its words are, and they are there; every
measure belongs to one task; a Q&A section is discussed in its own words.

Each rule is a function of the finished `Plan` that returns what breaks it, so that a rule can be read,
tested and added on its own. `load_plan` runs them all, also on a plan built from data with other problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from .ids import sentence_section
from .interpretation import section_page
from .model import Edge, FactQuote, Goal, HeadingQuote, Measure, Plan, Relation, SentenceQuote, Source
from .problems import Location, Problem
from .typography import comparable

EXCERPT = 60  # characters of a sentence shown when a quotation is not found in it


def check_plan(plan: Plan) -> list[Problem]:
    """What is wrong with the plan, by every rule."""
    return [problem for rule in RULES for problem in rule(plan)]


def every_item_has_a_source(plan: Plan) -> Iterator[Problem]:
    """Every node names at least one source. (That its summary names what it rests on, `summary_source`, the
    schema requires.)"""
    for node in plan.nodes.values():
        if not node.sources:
            yield Problem(
                node.origin, f"{node.id} 没有注明出处（source）", "加上 source：原文句子、公开报道或 editorial"
            )


def quotations_are_in_their_sources(plan: Plan) -> Iterator[Problem]:
    """A quotation is word for word in the sentence or the facts section it names, and that exists."""
    for node in plan.nodes.values():
        indicators = node.indicators if isinstance(node, Goal) else ()
        for source in (*node.sources, *node.summary_sources, *indicators):
            yield from _source_problems(plan, source, node.origin, node.id)
    for edge in plan.edges:
        for source in edge.sources:
            yield from _source_problems(plan, source, edge.origin, _statement(edge))
    for source in plan.document.sources:
        yield from _source_problems(plan, source, source.origin, "document")


def each_measure_is_in_one_task(plan: Plan) -> Iterator[Problem]:
    for measure in plan.of(Measure):
        tasks = plan.origins(measure.id, Relation.CONTAINS)
        if len(tasks) > 1:
            names = "、".join(task.id for task in tasks)
            for edge in plan.edges_to(measure.id, Relation.CONTAINS):
                yield Problem(
                    edge.origin,
                    f"措施 {measure.id} 同时属于多项任务（{names}）",
                    f"每项措施只属于一项任务：删去多余的一条 {Relation.CONTAINS}",
                )
        elif not tasks:
            yield Problem(
                measure.origin,
                f"措施 {measure.id} 不属于任何任务",
                f"在 {Relation.CONTAINS} 里把 {measure.id} 加到它所属任务的 `to:` 列表",
            )


def discussions_quote_their_section(plan: Plan) -> Iterator[Problem]:
    """What a Q&A section discusses is shown by a sentence of that section; where linking that sentence to the
    item is the site's reading, an `editorial` source beside it says why."""
    for edge in plan.edges:
        if edge.relation != Relation.DISCUSSES:
            continue
        if not any(isinstance(source, SentenceQuote) for source in edge.sources):
            yield Problem(
                edge.origin,
                f"{edge.relation} 关系的出处必须有该问答里的句子",
                "写成 `sentence: q4-s1` 加 `quote:`；若把句子对应到条目是本站的解读，另加一条 `editorial: 理由`",
            )
        for source in edge.sources:
            if isinstance(source, (FactQuote, HeadingQuote)):
                yield Problem(
                    edge.origin,
                    f"{edge.relation} 关系的出处只能是该问答里的句子（或 editorial）",
                    "写成 `sentence: q4-s1` 加 `quote:`",
                )
            elif isinstance(source, SentenceQuote) and sentence_section(source.sentence) not in edge.subjects:
                sections = "、".join(edge.subjects)
                pages = "、".join(section.lower() for section in edge.subjects)
                yield Problem(
                    edge.origin,
                    f"句子 {source.sentence} 不属于问答 {sections}",
                    f"{edge.relation} 的出处句子应出自 {pages} 页",
                )


RULES: tuple[Callable[[Plan], Iterator[Problem]], ...] = (
    every_item_has_a_source,
    quotations_are_in_their_sources,
    each_measure_is_in_one_task,
    discussions_quote_their_section,
)


def _statement(edge: Edge) -> str:
    """How a problem names a statement of a relation: `supports P1、P2 → T1`."""
    return f"{edge.relation} {'、'.join(edge.subjects)} → {'、'.join(edge.objects)}"


def _source_problems(plan: Plan, source: Source, owner_origin: Location, owner: str) -> Iterator[Problem]:
    """What is wrong with one source of `owner`, said at the source's own place."""
    where = source.origin if source.origin.file else owner_origin
    if isinstance(source, SentenceQuote):
        sentence = plan.interpretation.sentences.get(source.sentence)
        if sentence is None:
            close = difflib.get_close_matches(source.sentence, list(plan.interpretation.sentences), n=3)
            hint = f"是不是 {'、'.join(close)}？" if close else ""
            yield Problem(
                where,
                f"{owner}：出处句子 {source.sentence} 不存在",
                f"{hint}句子编号见 docs/interpretation/ 各页每行开头的 {{#…}}",
            )
        elif comparable(source.quote) not in comparable(sentence.text):
            yield Problem(
                where,
                f"{owner}：引文“{source.quote}”不在句子 {source.sentence} 中",
                f"逐字摘自该句（docs/{sentence.page} 第 {sentence.line} 行）：{_excerpt(sentence.text)}",
            )
    elif isinstance(source, HeadingQuote):
        page = plan.interpretation.pages.get(section_page(source.heading))
        if page is None:
            yield Problem(where, f"{owner}：问答 {source.heading} 不存在", "写问答页的编号，例如 q6")
        elif comparable(source.quote) not in comparable(page.title):
            yield Problem(
                where,
                f"{owner}：引文“{source.quote}”不在问答 {source.heading} 的标题中",
                f"逐字摘自该问答的标题（docs/{page.path} 第 1 行）：{page.title}",
            )
    elif isinstance(source, FactQuote):
        facts = plan.facts
        if source.facts not in facts.sections:
            yield Problem(
                where,
                f"{owner}：事实文件没有小节“{source.facts}”",
                f"照抄 {facts.file} 的某个 ## 标题：{'；'.join(facts.sections)}",
            )
            return
        if not facts.contains(source.facts, source.quote):
            yield Problem(
                where,
                f"{owner}：引文“{source.quote}”不在事实文件的“{source.facts}”一节中",
                f"逐字摘自 {facts.file} 该节",
            )
        if source.report and not facts.contains(source.facts, source.report):
            yield Problem(
                where,
                f"{owner}：报道“{source.report}”没有出现在“{source.facts}”一节中",
                "写该节列出的报道名称或网址",
            )


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    return text if len(text) <= limit else text[:limit] + "……"
