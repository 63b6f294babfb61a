"""The Plan as data: load, validate and render it, with no knowledge of MkDocs.

`load_plan(root)` is the one entry point the site's hook needs; tests use the same call.
"""

from __future__ import annotations

from pathlib import Path

from .checks import check_plan
from .loader import build_plan
from .model import Plan
from .problems import PlanError, Problem

__all__ = ["PlanError", "Problem", "load_plan"]


def load_plan(root: Path, *, data_dir: str = "data", docs_dir: str = "docs") -> Plan:
    """Read and check everything; return the plan or raise `PlanError` listing every problem at once."""
    plan, problems = build_plan(root, data_dir, docs_dir)
    problems += check_plan(plan)
    if problems:
        raise PlanError(problems)
    return plan
