"""The overview page: the Plan's whole structure as headed, nested lists that CSS lays out as boxes.

A screen reader reads the same tree the eye sees: goals; the five tasks, each with its measures and, where
the interpretation says so, the projects that support it; the projects; the safeguards. Every box is a link.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import labels as L
from .markup import front_matter, md_link, md_text, relative
from .model import Goal, Measure, Node, Plan, Project, Relation, Safeguard, Task
from .text import chinese_numeral
from .urls import OVERVIEW, index_of, page_of

PROJECTS_ANCHOR = "projects"  # /overview/#projects: the projects' box, which the task boxes point to


def overview_page(plan: Plan) -> str:
    here = OVERVIEW

    def link(node: Node) -> str:
        return md_link(f"{node.id.upper()} {node.title}", relative(here, page_of(node)))

    def index(node_type: type[Node]) -> str:
        return md_link(L.index_title(plan, node_type), relative(here, index_of(node_type)))

    def group(css: str, heading: str, items: list[str]) -> str:
        return f'<div class="{css}" markdown>\n\n## {heading}\n\n' + "\n".join(items) + "\n\n</div>"

    projects = plan.of(Project)
    tasks = []
    for task in plan.of(Task):
        lines = [f"- {link(task)}", *(f"    - {link(m)}" for m in plan.targets(task.id, Relation.CONTAINS))]
        supporters = plan.origins(task.id, Relation.SUPPORTS)
        if supporters:
            note = md_link(_supported_by(supporters), relative(here, f"{OVERVIEW}#{PROJECTS_ANCHOR}"))
            lines.append(f'    - <span class="overview-support">{note}</span>')
        tasks.append("\n".join(lines))
    supported = _supported(plan, projects)
    project_heading = index(Project)
    if supported:
        project_heading += f" {md_text(L.OVERVIEW_SUPPORTS.format(tasks=supported))}"
    body = [
        group("overview-goals", index(Goal), [f"- {link(g)}" for g in plan.of(Goal)]),
        group(
            "overview-tasks",
            L.OVERVIEW_TASKS.format(tasks=index(Task), measures=index(Measure)),
            tasks,
        ),
        group(
            "overview-projects",
            f"{project_heading} {{#{PROJECTS_ANCHOR}}}",
            [f"- {link(p)}" for p in projects],
        ),
        group(
            "overview-safeguards",
            index(Safeguard),
            [f"- {link(s)}" for s in plan.of(Safeguard)],
        ),
    ]
    return "\n\n".join([_head(plan), '<div class="plan-overview" markdown>', *body, "</div>"]) + "\n"


def _head(plan: Plan) -> str:
    counts = {node_type.key: len(plan.of(node_type)) for node_type in (Task, Measure, Project, Safeguard)}
    front = front_matter(L.NAV["overview"], L.OVERVIEW_DESCRIPTION.format(**counts), hide=["toc"])
    return f"{front}\n# {L.NAV['overview']}\n\n{L.OVERVIEW_INTRO}\n{{: .overview-intro }}"


def _supported(plan: Plan, projects: Sequence[Node]) -> str:
    """`任务一至任务四` when the projects support a run of tasks, else the tasks one by one."""
    return _run(Task.kind, sorted({t.number or 0 for p in projects for t in plan.targets(p.id, Relation.SUPPORTS)}))


def _supported_by(projects: Sequence[Node]) -> str:
    return L.OVERVIEW_SUPPORTED_BY.format(count=chinese_numeral(len(projects)))


def _run(kind: str, numbers: list[int]) -> str:
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return L.OVERVIEW_RUN.format(first=L.numbered(kind, numbers[0]), last=L.numbered(kind, numbers[-1]))
    return "、".join(L.numbered(kind, n) for n in numbers)
