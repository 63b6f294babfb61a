"""What the English pages' link preview images (og:image) say: the same picture as the Chinese pages'
(plansite/link_images.py draws both; Noto Sans CJK has the Latin letters too), with the English heading,
where the item belongs, and the site's translated summary marked as the site's."""

from __future__ import annotations

from collections.abc import Iterable

from ..link_images import HOME_IMAGE, LinkImage, LinkImageText
from ..model import Goal, Issuer, Measure, Node, Plan, Project, Relation, Safeguard, Section, Task
from ..urls import GROUPED, HOME, page_of
from . import labels as E
from .pages import heading
from .translation import English


def link_images(plan: Plan, english: English) -> dict[str, LinkImage]:
    """docs page → its link preview image: one for every node with a page of its own, and the home page's under HOME."""
    found = {HOME: LinkImage(HOME_IMAGE, _home_text(plan, english))}
    for node in plan.nodes.values():
        if not isinstance(node, GROUPED):
            summary = english.summary(node.id)
            text = LinkImageText(
                E.SITE_NAME,
                heading(plan, english, node),
                context_line(plan, english, node),
                E.SUMMARY_DESCRIPTION.format(summary=summary) if summary else "",
            )
            found[page_of(node)] = LinkImage(node.id.lower(), text)
    return found


def alt(image: LinkImage) -> str:
    """The image's text alternative (og:image:alt), in English."""
    text = image.text
    return E.LINK_IMAGE_ALT.format(site=text.site, heading=text.heading, context=text.context)


def context_line(plan: Plan, english: English, node: Node) -> str:
    """What the item is and where it belongs: `Measure 5 · part of T2 Foster …`."""
    parts = [E.numbered(node.kind, node.number) or E.KIND[node.kind]]
    if isinstance(node, Measure) and (parent := plan.parent(node)):
        parts.append(E.LINK_IMAGE_PARENT.format(parent=heading(plan, english, parent)))
    elif isinstance(node, Task) and (children := plan.targets(node.id, Relation.CONTAINS)):
        parts.append(E.LINK_IMAGE_CONTAINS.format(children=_ids(children)))
    elif isinstance(node, Project) and (tasks := plan.targets(node.id, Relation.SUPPORTS)):
        parts.append(E.LINK_IMAGE_SUPPORTS.format(tasks=_ids(tasks)))
    elif isinstance(node, Goal):
        parts.append(E.TERM.get(node.term, ""))
    elif isinstance(node, (Section, Safeguard)):
        pass  # `Question 6`, `Safeguard 1`: the number says it
    return E.LINK_IMAGE_SEPARATOR.join(p for p in parts if p)


def _ids(nodes: Iterable[Node]) -> str:
    return ", ".join(n.id.upper() for n in nodes)


def _home_text(plan: Plan, english: English) -> LinkImageText:
    count = {t.key: len(plan.of(t)) for t in (Task, Measure, Project, Safeguard)}
    return LinkImageText(
        site=E.SITE_NAME,
        heading=english.document_title.en,
        context=E.LINK_IMAGE_HOME_CONTEXT.format(count=len(plan.of(Issuer))),
        summary=E.LINK_IMAGE_HOME_SUMMARY.format(**count),
    )
