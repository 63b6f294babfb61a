"""What the repository ships besides the site's own code: the vendored web-worker shim of the offline copy,
pinned and licensed, and the workflow that tests every pull request and publishes main with the README's
commands."""

from __future__ import annotations

import hashlib
import os

import yaml
from mkdocs.config import load_config

from support.project import ROOT

SHIM = ROOT / "docs" / "assets" / "vendor" / "iframe-worker-1.0.4" / "shim.js"
SHIM_SHA256 = (
    "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"  # npm: iframe-worker@1.0.4 shim/index.js
)
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
PUBLISHING_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
NOT_FOR_PULL_REQUESTS = "github.event_name != 'pull_request'"


# The one local change (noted at the end of the shim's LICENSE): the iframe's page gets a doctype.
SHIM_UPSTREAM, SHIM_LOCAL = b"document.write(`<html><body>", b"document.write(`<!doctype html><html><body>"


def test_the_web_worker_shim_is_shipped_pinned_and_licensed() -> None:
    shim_bytes = SHIM.read_bytes()
    assert shim_bytes.count(SHIM_LOCAL) == 1, "the shim's iframe page has no doctype (Quirks Mode)"
    upstream = shim_bytes.replace(SHIM_LOCAL, SHIM_UPSTREAM)
    assert hashlib.sha256(upstream).hexdigest() == SHIM_SHA256, "the shim differs from upstream by more than its note"
    licence = (SHIM.parent / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence or "Permission is hereby granted" in licence
    assert "<!doctype html>" in licence.split("Permission is hereby granted")[1], "the local change is not noted"
    config = load_config(str(ROOT / "mkdocs.yml"))
    # The shim comes first (the offline plugin then adds no copy from unpkg.com); the rest is the site's own.
    shim, *own = config.extra["polyfills"]
    assert shim == "assets/vendor/iframe-worker-1.0.4/shim.js"
    assert all((ROOT / "docs" / path).is_file() for path in own), own


def test_workflow_publishes_with_the_readme_commands() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    commands = "\n".join(step.get("run", "") for step in steps)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("./dev test", "./dev build"):
        assert command in readme and command in commands, command
    assert any("deploy-pages" in step.get("uses", "") for step in steps)
    assert "SITE_URL" in yaml.safe_dump(workflow)
    assert os.access(ROOT / "dev", os.X_OK)


def test_workflow_tests_pull_requests_and_never_publishes_from_one() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # PyYAML reads the key `on` as YAML 1.1's true
    assert triggers["push"]["branches"] == ["main"] and triggers["pull_request"]["branches"] == ["main"]
    tested, unguarded = False, []
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            skipped_for_pull_requests = NOT_FOR_PULL_REQUESTS in (job.get("if"), step.get("if"))
            if step.get("run") == "./dev test":
                tested = not skipped_for_pull_requests
            publishes = step.get("uses", "").startswith(PUBLISHING_ACTIONS) or step.get("run") == "./dev build"
            if publishes and not skipped_for_pull_requests:
                unguarded.append(f"{name}: {step.get('name') or step.get('uses') or step.get('run')}")
    assert tested, "./dev test runs for pull requests too"
    assert not unguarded, "steps that would build or publish from a pull request:\n" + "\n".join(unguarded)
