"""The overview page: the Plan's whole structure as headed, nested lists that CSS lays out as boxes.

A screen reader reads the same tree the eye sees: goals; the five tasks, each with its measures and, where
the interpretation says so, the projects that support it; the projects; the safeguards. Every box is a link.
"""

from __future__ import annotations

from collections.abc import Sequence

from .edition import CHINESE, Edition
from .markup import front_matter, md_link, md_text, relative
from .model import Goal, Measure, Node, Plan, Project, Relation, Safeguard, Task
from .urls import OVERVIEW, index_of, page_of

PROJECTS_ANCHOR = "projects"  # /overview/#projects: the projects' box, which the task boxes point to


def overview_page(plan: Plan, edition: Edition = CHINESE) -> str:
    here, words = OVERVIEW, edition.words

    def link(node: Node) -> str:
        return md_link(f"{node.id.upper()} {edition.title(node)}", relative(here, page_of(node)))

    def index(node_type: type[Node]) -> str:
        return md_link(edition.index_title(plan, node_type), relative(here, index_of(node_type)))

    def group(css: str, heading: str, items: list[str]) -> str:
        return f'<div class="{css}" markdown>\n\n## {heading}\n\n' + "\n".join(items) + "\n\n</div>"

    projects = plan.of(Project)
    tasks = []
    for task in plan.of(Task):
        lines = [f"- {link(task)}", *(f"    - {link(m)}" for m in plan.targets(task.id, Relation.CONTAINS))]
        supporters = plan.origins(task.id, Relation.SUPPORTS)
        if supporters:
            supported_by = words.overview_supported_by.format(count=edition.count(len(supporters)))
            note = md_link(supported_by, relative(here, f"{OVERVIEW}#{PROJECTS_ANCHOR}"))
            lines.append(f'    - <span class="overview-support">{note}</span>')
        tasks.append("\n".join(lines))
    supported = _supported(edition, plan, projects)
    project_heading = index(Project)
    if supported:
        project_heading += f" {md_text(words.overview_supports.format(tasks=supported))}"
    body = [
        group("overview-goals", index(Goal), [f"- {link(g)}" for g in plan.of(Goal)]),
        group(
            "overview-tasks",
            words.overview_tasks.format(tasks=index(Task), measures=index(Measure)),
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
    head = _head(edition, plan)
    return "\n\n".join([head, '<div class="plan-overview" markdown>', *body, "</div>"]) + "\n"


def _head(edition: Edition, plan: Plan) -> str:
    words = edition.words
    counts = {node_type.key: len(plan.of(node_type)) for node_type in (Task, Measure, Project, Safeguard)}
    front = front_matter(words.nav["overview"], words.overview_description.format(**counts), hide=["toc"])
    return f"{front}\n# {words.nav['overview']}\n\n{words.overview_intro}\n{{: .overview-intro }}"


def _supported(edition: Edition, plan: Plan, projects: Sequence[Node]) -> str:
    """`任务一至任务四` when the projects support a run of tasks, else the tasks one by one."""
    numbers = sorted({t.number or 0 for p in projects for t in plan.targets(p.id, Relation.SUPPORTS)})
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        first, last = edition.numbered(Task.kind, numbers[0]), edition.numbered(Task.kind, numbers[-1])
        return edition.words.overview_run.format(first=first, last=last)
    return edition.words.list_separator.join(edition.numbered(Task.kind, n) for n in numbers)
