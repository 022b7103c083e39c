"""The long run of the commentary's Markdown and the action plan workbook's property tests:
``.venv/bin/python bench/bench_text_exports.py``.

Random texts (any Unicode, and texts built from Markdown's marks: ``*``, ``_``, ``#``, list markers, line
breaks, HTML, backslashes) go (1) through the Markdown subset and are laid out as reportlab paragraphs, and
(2) into every free-text field of a chosen pilot, and the action plan workbook is written and read back
with no formula cell allowed. Prints how many examples ran, how many failed (each failure with its error),
the time taken, and how long the largest texts take to read (a guard against quadratic parsing).

``--examples`` (default 2,000) bounds each run, ``--minutes`` (default 10) their time together.
Exit code 1 if any example failed.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from assessor.model import ChosenPilot, PilotStatus, ScoringSettings  # noqa: E402
from assessor.report.commentary import commentary_blocks  # noqa: E402
from assessor.report.fonts import register_fonts  # noqa: E402
from assessor.report.markdown_blocks import parse, plain_text  # noqa: E402
from assessor.report.pdf import PdfRenderer  # noqa: E402
from assessor.report.plan_workbook import workbook_bytes  # noqa: E402
from assessor.report.styles import make_styles  # noqa: E402
from tests.factories import make_assessment  # noqa: E402

MARKS = [
    "*",
    "**",
    "_",
    "#",
    "# ",
    "- ",
    "+ ",
    "1. ",
    "9) ",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "<b>",
    "&amp;",
    "\\",
]
TEXTS = st.one_of(
    st.text(max_size=2_000),
    st.lists(st.sampled_from(MARKS) | st.text(max_size=12), max_size=300).map("".join),
)
FORMULA = re.compile(rb"<(\w+:)?f[ >/]")


def markdown_case(text: str) -> None:
    plain_text(parse(text))
    story = PdfRenderer(make_styles("#1F4E79"), ScoringSettings()).flowables(commentary_blocks(text))
    SimpleDocTemplate(io.BytesIO()).build(story)


def workbook_case(text: str) -> None:
    assessment = make_assessment()
    pilot = assessment.questionnaire.pilots[0].id
    assessment.set_pilot(
        ChosenPilot(
            pilot,
            PilotStatus.ACCEPTED,
            owner=text,
            measures=[text, text[::-1]],
            baseline=text,
            start_date=text[:20],
            notes=text,
        )
    )
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(assessment))) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and FORMULA.search(archive.read(name)):
                raise AssertionError(f"a formula in {name}")


def run(name: str, case: Callable[[str], None], examples: int, stop_at: float) -> tuple[int, list[str]]:
    ran = 0
    failures: list[str] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(TEXTS)
    def each(text: str) -> None:
        nonlocal ran
        if time.perf_counter() > stop_at:
            return
        ran += 1
        try:
            case(text)
        except Exception as error:  # counted and shown, and the run goes on
            failures.append(f"{text!r:.200}\n" + "".join(traceback.format_exception(error)[-3:]))
            print(f"FAILED {name}: {type(error).__name__}: {error}"[:300], flush=True)

    each()
    return ran, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2_000)
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    register_fonts()
    started = time.perf_counter()
    stop_at = started + args.minutes * 60
    failed = 0
    for name, case in (("markdown", markdown_case), ("workbook", workbook_case)):
        began = time.perf_counter()
        ran, failures = run(name, case, args.examples, stop_at)
        took = time.perf_counter() - began
        failed += len(failures)
        print(
            f"{name}: {ran} examples, {len(failures)} failed, {took:.1f} s ({1000 * took / max(ran, 1):.1f} ms each)"
        )
        for failure in failures[:5]:
            print(f"--- {failure}")
    for label, text in (
        ("200,000 asterisks", "*" * 200_000),
        ("100,000 '_a'", "_a" * 100_000),
        ("50,000 list items", "- x\n" * 50_000),
        ("20,000 nested items", "".join("  " * (n % 30) + "- x\n" for n in range(20_000))),
    ):
        began = time.perf_counter()
        blocks = parse(text)
        print(f"read {label}: {time.perf_counter() - began:.2f} s, {len(blocks)} blocks")
    print(f"time: {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
