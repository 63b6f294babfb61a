"""The facts box of the Chinese home page and full text; the English pages' is `english.pages.facts`. The
markup is `status.facts_box`, one for both editions, each giving its words."""

from __future__ import annotations

from . import labels as L
from .citation import INTERPRETATION_ISSUED
from .model import Plan
from .status import facts_box, plan_status, this_edition

MARKER = "<!-- plan:facts -->"  # where a hand-written page (docs/index.md) shows the box


def chinese(plan: Plan, here: str = "") -> str:
    status = plan_status(plan, this_edition(), INTERPRETATION_ISSUED)
    return facts_box(status, plan.document.title, L.INTERPRETATION_AUTHOR, L.FACTS)
