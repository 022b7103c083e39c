"""The long run of the report's property test: ``.venv/bin/python bench/bench_report_fuzz.py``.

Renders reports of random valid assessments with extreme but legal content (``tests/report_fuzz.py``:
texts of 0 to 20,000 characters in many scripts, with emoji, zero-width joiners, control characters,
tabs, line breaks, long words and URLs; the shipped questionnaire or generated ones of 3 to 7 levels
and 1 to 300 questions; 1 to 200 participants, every question noted) and prints how many examples ran,
how many failed (each failure with its error), the time taken, and the slowest report and its pages.

``--word`` also writes each assessment's Word document and its board summary (PDF and Word), and checks
that the Word document has the PDF's headings and that the summary is at most two pages (the long run of
``tests/test_report_word.py``'s property test).

``--examples`` (default 300) bounds the run, ``--minutes`` (default 30) its time; ``--budget`` caps the
characters of one assessment's texts together (default 400,000; the suite's test uses 20,000 and at most
10 areas).
Exit code 1 if any example failed.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from assessor.model import Assessment  # noqa: E402
from assessor.report import render_report  # noqa: E402
from tests.report_fuzz import assessments  # noqa: E402


def _shape(assessment: Assessment) -> str:
    notes = sum(
        len(answer.note)
        for the_round in assessment.rounds
        for by in the_round.answers.values()
        for answer in by.values()
    )
    return (
        f"{len(assessment.questionnaire.questions)} questions, {assessment.questionnaire.scale.maximum} levels, "
        f"{len(assessment.participants)} participants, {notes:,} characters of notes"
    )


def _check_word(assessment: Assessment, pdf: bytes) -> None:
    """Write the Word document and the summary; raise AssertionError if they disagree with the PDF."""
    from assessor.report import ReportOptions
    from tests.report_text import pdf_outline, word_document, word_headings

    word = render_report(assessment, file_format="docx")
    outline = [(" ".join(title.split()), level) for title, level in pdf_outline(pdf)]
    assert word_headings(word_document(word)) == outline, "the Word document's headings differ from the PDF's"
    summary = ReportOptions(summary=True)
    pages = len(PdfReader(io.BytesIO(render_report(assessment, options=summary))).pages)
    assert pages <= 2, f"the summary has {pages} pages"
    render_report(assessment, options=summary, file_format="docx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--budget", type=int, default=400_000)
    parser.add_argument("--word", action="store_true", help="also the Word document and the summary")
    args = parser.parse_args()
    started = time.perf_counter()
    stop_at = started + args.minutes * 60
    ran = 0
    failures: list[tuple[str, str]] = []
    slowest = (0.0, "", 0)

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # no shrinking: every failure is reported as it was found
        suppress_health_check=list(HealthCheck),
    )
    @given(assessments(args.budget, max_areas=300))
    def run(assessment: Assessment) -> None:
        nonlocal ran, slowest
        if time.perf_counter() > stop_at:
            return
        ran += 1
        began = time.perf_counter()
        try:
            data = render_report(assessment)
            if args.word:
                _check_word(assessment, data)
        except Exception as error:  # counted and shown, and the run goes on
            failures.append((_shape(assessment), "".join(traceback.format_exception(error)[-3:])))
            print(f"FAILED ({_shape(assessment)}): {type(error).__name__}: {error}"[:400], flush=True)
            return
        took = time.perf_counter() - began
        if took > slowest[0]:
            slowest = (took, _shape(assessment), len(PdfReader(io.BytesIO(data)).pages))
        if ran % 10 == 0:
            print(
                f"{ran} examples, {len(failures)} failed, {time.perf_counter() - started:.0f} s", flush=True
            )

    run()
    elapsed = time.perf_counter() - started
    print()
    print(f"examples run: {ran}")
    print(f"failures:     {len(failures)}")
    print(f"time:         {elapsed:.1f} s ({elapsed / max(ran, 1):.2f} s per report)")
    print(f"slowest:      {slowest[0]:.2f} s, {slowest[2]} pages ({slowest[1]})")
    for shape, where in failures[:10]:
        print(f"\n--- {shape}\n{where}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
