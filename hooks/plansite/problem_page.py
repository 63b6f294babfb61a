"""The page `mkdocs serve` shows for every address while the data has problems: the report, as text.

Self-contained (no theme, no script, no request): it must show whatever state the rest of the site is in.
It asks the browser to load the address again every few seconds, so the site itself comes back as soon as
the data is fixed.
"""

from __future__ import annotations

import html

from . import labels

RELOAD_SECONDS = 2


def problem_page(report: str) -> str:
    title = html.escape(labels.PROBLEMS_TITLE)
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="{RELOAD_SECONDS}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>"
        "<style>body{font:16px/1.6 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
        "pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c00;padding:1rem}</style></head>"
        f"<body><h1>{title}</h1><p>{html.escape(labels.PROBLEMS_NOTE)}</p>"
        f"<pre>{html.escape(report)}</pre></body></html>\n"
    )
