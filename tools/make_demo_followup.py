"""Build the demo follow-up shipped as ``resources/demo-followup.assessment``:
``.venv/bin/python tools/make_demo_followup.py`` (after ``tools/make_demo.py``).

Northbridge a year on: a follow-up of ``resources/demo.assessment`` made by the application's own
``start_followup``, answered again by the same six people, differently. Where the first year's pilots ran (staff
redesigning a process, resident groups funded, learning shared) the team now scores higher by about a level;
elsewhere answers move by less than the team's own spread. The pilots' logs are filled in: one scaled, one
stopped with why, two on track, with dated readings against their baselines.

Seeded, like the demo: the same demo always gives the same follow-up (only ``saved_at`` differs).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.history import start_followup  # noqa: E402
from assessor.model import (  # noqa: E402
    Answer,
    Assessment,
    Consensus,
    NonAnswer,
    PilotLog,
    PilotProgress,
    Reading,
    StatusChange,
)
from assessor.paths import resource  # noqa: E402
from assessor.recommend.pilot_values import pilot_values  # noqa: E402

SEED = 20260312
FOLLOWUP_DATE = "2026-03-12"

#: Dimension id -> how far the team's answers move a year on (levels). Unlisted dimensions: no shift.
SHIFTS = {
    "workforce.voice": 1,
    "workforce.redesign": 1,
    "workforce.permission": 1,
    "public.resources": 1,
    "public.strengths": 1,
    "enablers.learning": 1,
    "enablers.experimentation": 1,
    "partners.review": -1,
}

STARTED, ON_TRACK, STOPPED, SCALED = (
    PilotProgress.STARTED,
    PilotProgress.ON_TRACK,
    PilotProgress.STOPPED,
    PilotProgress.SCALED,
)


def _log(assessment: Assessment, pilot_id: str) -> PilotLog:
    """The demo's log of one pilot, worded for the measures the pilot has."""
    measures = pilot_values(assessment, pilot_id).measures
    if pilot_id == "fix-it-workshop":
        return PilotLog(
            statuses=(
                StatusChange(
                    "2025-04-07", STARTED, "Staff from housing repairs chose the repairs booking process."
                ),
                StatusChange("2025-07-10", ON_TRACK, "Four ideas in testing."),
                StatusChange(
                    "2026-02-20", SCALED, "Run again for council tax queries and for school admissions."
                ),
            ),
            baselines=(
                Reading("2025-04-01", measures[0], "0"),
                Reading("2025-04-01", measures[1], "19 days"),
            ),
            readings=(
                Reading("2025-07-10", measures[0], "14", "4 of 14 tested within 90 days"),
                Reading("2025-07-10", measures[1], "15 days"),
                Reading("2026-01-15", measures[1], "11 days", "Booking to repair, median"),
            ),
            learnt="Frontline staff knew where the delays were; the fixes that worked needed no new system, only "
            "permission to drop two hand-offs.",
            why="The rule's scale test was met: one tested idea cut the time from booking to repair by 8 days.",
            differently="Invite the contact centre from the start: two of the best ideas came from them late.",
            rule_followed=True,
        )
    if pilot_id == "trial-with-research-partner":
        return PilotLog(
            statuses=(
                StatusChange(
                    "2025-05-01", STARTED, "Trial of a reminder letter for council tax direct debits."
                ),
                StatusChange("2025-10-15", STOPPED, "No effect large enough to be worth the cost."),
            ),
            baselines=(Reading("2025-04-20", measures[1], "31%", "Direct debit sign-ups after a bill"),),
            readings=(Reading("2025-10-01", measures[1], "32%", "Comparison group: 31%"),),
            learnt="The new letter made no measurable difference: residents who were going to switch already had. "
            "The trial itself worked: the plan was agreed before the start and the result came in on time.",
            why="Stopped as the rule says: no clear effect against the comparison group. The result was "
            "published, with the plan, on the council's website.",
            differently="Test a change at the point people pay, not a letter they receive afterwards.",
            rule_followed=True,
        )
    if pilot_id == "community-investment-fund":
        return PilotLog(
            statuses=(
                StatusChange("2025-06-02", STARTED),
                StatusChange("2025-11-20", ON_TRACK, "Second round opened."),
            ),
            baselines=(Reading("2025-05-15", measures[0], "0"), Reading("2025-05-15", measures[2], "0")),
            readings=(
                Reading("2025-09-30", measures[0], "12"),
                Reading("2026-02-28", measures[0], "11", "One group merged with another"),
                Reading("2026-02-28", measures[2], "340"),
            ),
            learnt="Small grants with a simple form reached groups the council had never funded.",
        )
    return PilotLog(
        statuses=(StatusChange("2025-04-07", STARTED), StatusChange("2025-09-30", ON_TRACK)),
        baselines=(Reading("2025-04-01", measures[0], "0"),),
        readings=(Reading("2025-09-30", measures[0], "2"), Reading("2026-02-28", measures[0], "5")),
        learnt="The note on the stopped trial was read more than any other.",
    )


def build_followup(demo: Assessment) -> Assessment:
    rng = random.Random(SEED)
    assessment = start_followup(demo, date=FOLLOWUP_DATE).assessment
    assessment.id = f"{rng.getrandbits(128):032x}"
    levels = demo.questionnaire.scale.values
    questionnaire = assessment.questionnaire
    for question in questionnaire.iter_questions():
        shift = SHIFTS.get(questionnaire.dimension_of(question.id).id, 0)
        for participant in assessment.participants:
            before = demo.answer(participant.id, question.id)
            if before is None:
                continue
            choice = before.choice
            if isinstance(choice, NonAnswer):
                # A year on, most who did not know now do.
                choice = choice if rng.random() < 0.4 else round(2 + shift)
            else:
                noise = rng.choice((-1, 1)) if shift == 0 and rng.random() < 0.08 else 0
                moved = choice + shift + noise
                choice = min(max(moved, levels[0]), levels[-1])
            assessment.set_answer(participant.id, question.id, Answer(choice, before.confidence))
    first_redesign = questionnaire.dimensions["workforce.redesign"].questions[0].id
    assessment.set_consensus(
        first_redesign,
        Consensus(3, "Staff redesigned the repairs process this year, and it is now being repeated."),
    )
    for chosen in assessment.pilots:
        chosen.log = _log(assessment, chosen.pilot_id)
    return assessment


def main(argv: list[str] | None = None) -> int:
    from assessor.scoring import score_assessment
    from assessor.storage import load_assessment, save_assessment

    parser = argparse.ArgumentParser(description="Build resources/demo-followup.assessment.")
    parser.add_argument("-o", "--output", type=Path, default=resource("demo-followup.assessment"))
    args = parser.parse_args(argv)
    demo = load_assessment(resource("demo.assessment")).assessment
    assessment = build_followup(demo)
    save_assessment(assessment, args.output, backup=False)
    print(f"Wrote {args.output}: overall {score_assessment(assessment).overall:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
