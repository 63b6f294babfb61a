"""The Plan as data: load, validate and render it, with no knowledge of MkDocs.

`load_plan(root)` is the one entry point the site's hook needs; tests use the same call.
"""

from __future__ import annotations

from .graph import load_plan
from .problems import PlanError, Problem

__all__ = ["PlanError", "Problem", "load_plan"]
