"""Write the PDF edition of each language from the plan.

    python scripts/pdf.py OUT_DIR

Loads and checks data/ and the translation as the site's build does, then writes OUT_DIR/metaverse-action-plan.pdf
(Chinese) and OUT_DIR/metaverse-action-plan-en.pdf (English), each under its size budget. The addresses in them
follow SITE_URL (as in mkdocs.yml), the date on them SOURCE_DATE_EPOCH (else the last commit's date), so that one
commit and one SITE_URL give the same bytes. `./dev build` runs it and the site serves the files from /downloads/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from plansite import PlanError, labels, load_plan, status  # noqa: E402 - the hooks folder is not a package on the path
from plansite.english import labels as english_labels  # noqa: E402
from plansite.english import load_english  # noqa: E402
from plansite.pdf import FILES, content, languages, render  # noqa: E402

DEFAULT_SITE_URL = "https://example.org/"  # mkdocs.yml's default, when SITE_URL is not set
BUDGET = 1_500_000  # bytes: a PDF larger than this fails the build


def epoch() -> int:
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return int(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip().isdigit() else 315532800


def main(out: Path) -> int:
    started = time.perf_counter()
    seconds = epoch()
    os.environ["SOURCE_DATE_EPOCH"] = str(seconds)  # the facts box states the status on this date
    site_url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    try:
        plan = load_plan(ROOT)
        translation = load_english(ROOT, plan)
    except PlanError as error:
        print(error.report(), file=sys.stderr)
        return 1
    build = status.this_build(ROOT)
    fonts = render.font_folders()
    out.mkdir(parents=True, exist_ok=True)
    editions = {
        "zh": (languages.chinese(plan, site_url), labels.COMPILER),
        "en": (languages.english(plan, translation, site_url), english_labels.SITE_NAME),
    }
    for language, (words, author) in editions.items():
        pdf = render.render(content.document(plan, words, build, author), seconds, fonts)
        if len(pdf) > BUDGET:
            print(f"{FILES[language]}: {len(pdf):,} bytes, over the budget of {BUDGET:,}", file=sys.stderr)
            return 1
        (out / FILES[language]).write_bytes(pdf)
        print(f"{out / FILES[language]}: {len(pdf) / 1024:.0f} KB")
    print(f"PDFs written in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
