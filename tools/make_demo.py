"""Build the demo assessment shipped as ``resources/demo.assessment``: ``.venv/bin/python tools/make_demo.py``.

A fictional council, Northbridge Borough Council, assessed with the default questionnaire by six people in
individual rounds: a mix of agreement and divergence, some Don't know and Not applicable, a few agreed
answers with rationale and dissent, chosen starter pilots with owners, and the consultant's commentary.

Everything is seeded, so the same questionnaire always gives the same assessment (only the file's
``saved_at`` differs between runs). Run it again after changing the default questionnaire, then check the
commentary still fits the scores (``python main.py score --demo``).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor.model import (  # noqa: E402
    Answer,
    Assessment,
    Branding,
    ChosenPilot,
    Commentary,
    Confidence,
    Consensus,
    Details,
    Mode,
    NonAnswer,
    PilotStatus,
    Questionnaire,
)
from assessor.paths import questionnaires_dir, resource  # noqa: E402
from assessor.recommend import recommend  # noqa: E402
from assessor.scoring import score_assessment  # noqa: E402

SEED = 20250314
DEMO_DATE = "2025-03-14"
PILOT_START = "2025-04-07"

#: (name, role, anonymous, bias added to every level, chance of Don't know per area)
PEOPLE = [
    ("Helen Carter", "Chief Executive", False, 0.25, {}),
    ("David Okafor", "Director of Adult Social Care and Health", False, 0.0, {}),
    ("Sarah Lewis", "Director of Place and Regeneration", False, 0.1, {}),
    ("Tom Whitfield", "Director of Resources", False, -0.1, {"public": 0.05}),
    ("Cllr Aisha Begum", "Cabinet Member for Communities", False, 0.05, {"workforce": 0.1}),
    (
        "Gareth Evans",
        "Chief Executive, Northbridge Council for Voluntary Service",
        True,
        -0.3,
        {"workforce": 0.15, "enablers": 0.1},
    ),
]

#: The story: where the council stands on each dimension, before each person's own view.
CENTRES = {
    "partners.purpose": 3.1,
    "partners.reach": 2.2,
    "partners.trust": 2.9,
    "partners.arrangements": 2.6,
    "partners.review": 1.8,
    "workforce.voice": 2.3,
    "workforce.redesign": 1.6,
    "workforce.permission": 2.0,
    "workforce.across": 2.5,
    "workforce.capability": 2.2,
    "public.involvement": 2.3,
    "public.strengths": 2.9,
    "public.motivation": 1.8,
    "public.volunteering": 3.3,
    "public.resources": 1.6,
    "public.inclusion": 2.1,
    "enablers.leadership": 3.3,
    "enablers.experimentation": 2.0,
    "enablers.evidence": 2.3,
    "enablers.learning": 1.4,
    "enablers.capacity": 2.4,
}

#: Questions where the team split: one answer per person, in PEOPLE order ("dk"/"na" for non-answers).
CONTESTED: dict[str, list[int | str]] = {
    "partners.trust.depth": [4, 2, 3, 2, 3, 1],
    "partners.arrangements.health-care": [3, 4, 3, "na", 3, 1],
    "workforce.permission.try": [4, 1, 3, 2, 2, "dk"],
    "public.involvement.design": [3, 2, 4, 2, 3, 1],
    "enablers.experimentation.stop-scale": [3, 1, 2, 1, "dk", 1],
    "public.volunteering.reciprocity": [4, 3, 4, 3, 4, 2],
}

#: Questions the cabinet member and the voluntary sector could not see into: both answer Don't know.
UNSEEN = ("workforce.voice.response", "workforce.capability.recognition", "enablers.evidence.outcomes")

#: Agreed answers after discussion: (choice, rationale, dissent).
CONSENSUS: dict[str, tuple[int | str, str, str]] = {
    "partners.trust.depth": (
        2,
        "Our links with the hospital trust and the police rest on two or three people. When the last "
        "director of public health left, the joint work on falls stalled for six months.",
        "One director felt the new joint commissioning board now carries the relationship with the NHS.",
    ),
    "partners.arrangements.health-care": (
        3,
        "The discharge-to-assess team is one team in practice; the community mental health team is not. "
        "We agreed on the level the larger team shows.",
        "The voluntary sector view: the joint team does not involve community organisations at all.",
    ),
    "workforce.permission.try": (
        2,
        "Frontline managers can change rotas, but anything touching a form or a system still needs "
        "three sign-offs. The staff survey says the same.",
        "",
    ),
    "public.involvement.design": (
        2,
        "Residents shaped the library changes, but the waste collection and parking changes were "
        "consulted on once the design was settled.",
        "The Director of Place considers the town centre plan co-designed; recorded as a minority view.",
    ),
    "workforce.voice.response": (
        "dk",
        "Nobody could say how often staff hear back. The team agreed to ask staff before scoring it.",
        "",
    ),
}

#: Evidence notes some people added: question id -> (person index, note).
NOTES = {
    "partners.purpose.joint-aims": (0, "Health and wellbeing board agreed three joint aims in June 2024."),
    "partners.review.measures": (1, "The better care fund dashboard counts activity, not outcomes."),
    "public.resources.budgeting": (4, "The ward grants scheme is decided by councillors, not residents."),
    "enablers.learning.failures": (0, "We have never published a project that did not work."),
    "workforce.redesign.hack-day": (2, "Highways ran one in 2023; nothing since."),
}

OWNERS = {
    "partners": "Director of Place and Regeneration",
    "workforce": "Director of Resources",
    "public": "Cabinet Member for Communities, with the Head of Communities",
    "enablers": "Head of Policy and Partnerships",
}

COMMENTARY_OVERALL = (
    "Northbridge's leadership team sees itself as a council that partners well at the top and means to "
    "share power with residents, and the scores bear out the first more than the second. Relationships "
    "with the NHS and the voluntary sector are real but rest on a handful of people, joint work is seldom "
    "measured, and the council rarely writes down or shares what it learns, least of all what did not "
    "work. The strongest signal in the workshop was the gap between the chief officers and the voluntary "
    "sector's view, and the number of Don't know answers on how staff experience the council: the team "
    "cannot yet see its own workforce clearly. We suggest three small pilots with clear stop and scale "
    "rules, and a commitment to publish their results whatever they show."
)

COMMENTARY_AREAS = {
    "partners": (
        "Shared aims with the NHS are written down and owned, which many councils lack. The weaknesses are "
        "measuring and reviewing joint work together, and relationships that rest on a few people rather "
        "than on how the organisations work."
    ),
    "workforce": (
        "The team was least sure here: the voluntary sector and the cabinet member often could not say, "
        "and the directors disagreed about how free staff are to try things. Redesign is still done to "
        "frontline staff rather than by them."
    ),
    "public": (
        "Volunteering is a genuine strength, built on the community hubs of 2020. Residents have little "
        "say over money or assets, and engagement is not checked against who lives in the borough."
    ),
    "enablers": (
        "Leadership intent is clear in the council plan. What is missing is the machinery: trials without "
        "agreed stop rules, few baselines, and no routine for recording and sharing lessons."
    ),
}


def _choice(value: int | str) -> int | NonAnswer:
    return NonAnswer(value) if isinstance(value, str) else value


def build_demo(questionnaire: Questionnaire) -> Assessment:
    """The demo assessment for ``questionnaire`` (the default one), the same every time."""
    rng = random.Random(SEED)
    assessment = Assessment(
        questionnaire=questionnaire,
        details=Details(
            organisation="Northbridge Borough Council",
            scope="Whole council: the corporate leadership team, with the cabinet member for communities "
            "and the chief executive of the local council for voluntary service",
            date=DEMO_DATE,
            facilitator="Priya Raman, Head of Policy and Partnerships",
            consultant="Alex Morgan, Civic Partners Consulting",
        ),
        mode=Mode.INDIVIDUAL,
        branding=Branding.for_wording(questionnaire.wording),
        id=f"{rng.getrandbits(128):032x}",
    )
    for name, role, anonymous, _, _ in PEOPLE:
        assessment.add_participant(name, role, anonymous=anonymous)
    levels = questionnaire.scale.values
    for question in questionnaire.iter_questions():
        dimension = questionnaire.dimension_of(question.id)
        area = questionnaire.area_of(dimension.id)
        centre = CENTRES.get(dimension.id, 2.5) + rng.gauss(0, 0.2)
        for index, (participant, (_, _, _, bias, dk_chance)) in enumerate(
            zip(assessment.participants, PEOPLE, strict=True)
        ):
            if question.id in CONTESTED:
                choice = _choice(CONTESTED[question.id][index])
            elif (question.id in UNSEEN and index >= 4) or rng.random() < dk_chance.get(area.id, 0.03):
                choice = NonAnswer.DONT_KNOW
            else:
                raw = round(centre + bias + rng.gauss(0, 0.3))
                choice = min(max(raw, levels[0]), levels[-1])
            note = NOTES[question.id][1] if NOTES.get(question.id, (-1, ""))[0] == index else ""
            confidence = None
            if not isinstance(choice, NonAnswer):
                confidence = rng.choice(
                    [Confidence.HIGH, Confidence.MEDIUM, Confidence.MEDIUM, Confidence.LOW]
                )
            assessment.set_answer(participant.id, question.id, Answer(choice, confidence, note))
    for question_id, (choice, rationale, dissent) in CONSENSUS.items():
        if question_id in questionnaire.questions:
            assessment.set_consensus(question_id, Consensus(_choice(choice), rationale, dissent))
    _choose_pilots(assessment)
    assessment.commentary = Commentary(
        overall=COMMENTARY_OVERALL,
        areas={
            area.id: COMMENTARY_AREAS[area.id] for area in questionnaire.areas if area.id in COMMENTARY_AREAS
        },
    )
    return assessment


def _choose_pilots(assessment: Assessment) -> None:
    """The team accepts the first three recommendations and the sharing pilot, and rejects the fourth."""
    recommendations = recommend(assessment, score_assessment(assessment))
    triggered = [r for r in recommendations if not r.always]
    for position, recommendation in enumerate(triggered[:4]):
        accepted = position < 3
        assessment.set_pilot(
            ChosenPilot(
                pilot_id=recommendation.pilot.id,
                status=PilotStatus.ACCEPTED if accepted else PilotStatus.REJECTED,
                owner=OWNERS.get(recommendation.pilot.area, "Chief Executive") if accepted else "",
                measures=list(recommendation.measures) if accepted else [],
                baseline=recommendation.baseline if accepted else "",
                start_date=PILOT_START if accepted else "",
                review_dates=list(recommendation.review_dates) if accepted else [],
                notes=""
                if accepted
                else "Not now: the team will run three pilots at a time and look at this again at the 90-day review.",
            )
        )
    for recommendation in recommendations:
        if recommendation.always:
            assessment.set_pilot(
                ChosenPilot(
                    pilot_id=recommendation.pilot.id,
                    status=PilotStatus.ACCEPTED,
                    owner="Head of Policy and Partnerships",
                    measures=[
                        *recommendation.measures,
                        "A short note on each pilot published by 31 March 2026",
                    ],
                    baseline=recommendation.baseline,
                    start_date=PILOT_START,
                    review_dates=list(recommendation.review_dates),
                    notes="Results of all three pilots to be shared, including anything that did not work.",
                )
            )


def main(argv: list[str] | None = None) -> int:
    from assessor.questionnaire import load_questionnaire
    from assessor.storage import save_assessment

    parser = argparse.ArgumentParser(description="Build resources/demo.assessment.")
    parser.add_argument("-o", "--output", type=Path, default=resource("demo.assessment"))
    args = parser.parse_args(argv)
    questionnaire = load_questionnaire(questionnaires_dir() / "council-collaboration.yaml")
    assessment = build_demo(questionnaire)
    save_assessment(assessment, args.output, backup=False)
    results = score_assessment(assessment)
    print(f"Wrote {args.output}")
    print(
        f"  overall {results.overall:.2f}; divergent questions {len(results.divergent)}; "
        f"visibility gaps {len(results.visibility_gaps)}; agreed answers {len(assessment.consensus)}"
    )
    for chosen in assessment.pilots:
        print(f"  pilot {chosen.pilot_id}: {chosen.status.value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
