"""Build the demo assessment shipped as ``resources/demo.assessment``: ``.venv/bin/python tools/make_demo.py``.

A fictional council, Northbridge Borough Council, assessed with the default questionnaire by six people in
individual rounds: a mix of agreement and divergence, some Don't know and Not applicable, a few agreed
answers with rationale and dissent, chosen starter pilots with owners, and the consultant's commentary.

This file is the single source of the demo's content: people, scores, agreed answers, notes, the pilots'
owners and review dates, and the commentary. The demo is an example people copy, so its text follows the
report's own promise: no agreed answer, dissent or commentary says whose view something was, by name or by
role (docs/content-checklist.md).

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
from assessor.recommend import Recommendation, recommend  # noqa: E402
from assessor.recommend.engine import review_dates  # noqa: E402
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
    "partners.vcs": 2.1,
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
    "enablers.money": 2.3,
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

#: Questions the last two people in PEOPLE could not see into: both answer Don't know. (Only this code knows
#: whose answers these were; nothing the demo writes may say so.)
UNSEEN = ("workforce.voice.response", "workforce.capability.motivation", "enablers.evidence.outcomes")

#: Agreed answers after discussion: (choice, rationale, dissent).
CONSENSUS: dict[str, tuple[int | str, str, str]] = {
    "partners.trust.depth": (
        2,
        "Our links with the hospital trust and the police rest on two or three people. When the last "
        "director of public health left, the joint work on falls stalled for six months.",
        "A minority view: the new joint commissioning board now carries the relationship with the NHS.",
    ),
    "partners.arrangements.health-care": (
        3,
        "The discharge-to-assess team is one team in practice; the community mental health team is not. "
        "We agreed on the level the larger team shows.",
        "A minority view: the joint team does not involve community organisations at all.",
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
        "A minority view: the town centre plan was co-designed with residents.",
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

#: Each pilot's owner (an officer whose job covers its subject) and its review dates, in days after
#: PILOT_START, set by the pilot's own timescale: usually a first check where its stop rule looks, and the end.
#: Every pilot in the library has an entry, so a change of scores that picks other pilots still builds.
PILOT_PLANS: dict[str, tuple[str, tuple[int, ...]]] = {
    "everyday-contacts-map": ("Head of Communities", (28, 56)),
    "postal-check-in": ("Head of Prevention, Adult Social Care", (61, 183)),
    "crews-eyes-and-ears": ("Head of Waste and Street Services", (91, 183)),
    "fire-safe-and-well": ("Head of Prevention, Adult Social Care", (91, 183)),
    "partnership-health-check": ("Head of Policy and Partnerships", (90, 365)),
    "one-page-joint-results": ("Head of Policy and Partnerships", (183, 365)),
    "gp-community-connectors": ("Head of Prevention, Adult Social Care", (183, 365)),
    "vcs-funding-review": ("Head of Communities", (183, 365)),
    "fix-it-workshop": ("Head of Service Improvement", (45, 90)),
    "frontline-service-review": ("Head of Service Improvement", (42, 84)),
    "staff-ideas-reply": ("Head of HR and Organisational Development", (42, 91)),
    "healthy-conversations": ("Director of Public Health", (45, 91)),
    "permission-to-try": ("Director of Place and Regeneration", (183, 365)),
    "street-champions-comparison": ("Head of Neighbourhood Services", (183, 274)),
    "values-based-recruitment": ("Head of Fostering", (183, 365)),
    "community-health-champions": ("Director of Public Health", (91, 183)),
    "participatory-budgeting-round": ("Head of Communities", (91, 183)),
    "local-area-coordination": ("Head of Prevention, Adult Social Care", (365, 548)),
    "community-investment-fund": ("Head of Communities", (183, 365)),
    "coproduction-ladder-review": ("Head of Policy and Partnerships", (91, 183)),
    "trial-with-research-partner": ("Head of Insight and Performance", (91, 274)),
    "collaboration-champion": ("Head of Policy and Partnerships", (122, 183)),
    "cost-joint-work": ("Director of Resources (chief finance officer)", (91, 365)),
    "what-did-not-work": ("Head of Policy and Partnerships", (91, 183, 365)),
}

#: How many triggered pilots the team accepts (the sharing pilot comes on top).
TRIALS = 3

COMMENTARY_OVERALL = (
    "Northbridge's leadership team sees itself as a council that partners well at the top and means to "
    "share power with residents, and the scores bear out the first more than the second. Shared aims with "
    "the NHS are written down and leadership intent is clear, but joint work is seldom measured, trials run "
    "without agreed stop rules, and the council rarely writes down or shares what it learns, least of all "
    "what did not work. Views were most divided on how deep relationships with partners go and how free "
    "staff are to try things, and many answers on how the council treats its own staff were Don't know: the "
    "team cannot yet see its workforce clearly. The team chose four pilots: three small trials, each aimed "
    "at a different low score and each with a rule for stopping or scaling it, and one that shares what all "
    "three find, whatever it shows."
)

COMMENTARY_AREAS = {
    "partners": (
        "Shared aims with the NHS are written down and owned, which many councils lack. The weaknesses are "
        "measuring and reviewing joint work together, relationships that rest on a few people rather than "
        "on how the organisations work, and one-year grants that leave the voluntary sector little room to "
        "act as a partner."
    ),
    "workforce": (
        "The team was least sure here: many answers were Don't know, and views on how free staff are to try "
        "things covered the whole scale. Services work together around shared households, but redesign is "
        "still done to frontline staff rather than by them."
    ),
    "public": (
        "Volunteering is the clearest strength, built on the community hubs of 2020. Residents have little "
        "say over money or assets, and engagement is not checked against who lives in the borough."
    ),
    "enablers": (
        "Leadership intent is clear in the council plan. What is missing is the machinery: trials without "
        "agreed stop rules, few baselines, joint work seldom costed against what it saves, and no routine "
        "for recording and sharing lessons."
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
            # The scope says what is assessed, not who took part: one participant asked to stay anonymous,
            # and naming their organisation here would name them.
            scope="Whole council: how the council works with partners, with its own staff and with residents",
            date=DEMO_DATE,
            facilitator="Priya Raman, Head of Policy and Partnerships",
            consultant="Alex Morgan, Civic Partners Consulting",
            organisation_type="Borough council",
            nation="England",
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


def _plan(pilot_id: str) -> tuple[str, list[str]]:
    """The owner and review dates of a pilot, from PILOT_PLANS; a clear error if the library grew."""
    try:
        owner, days = PILOT_PLANS[pilot_id]
    except KeyError:
        message = f"tools/make_demo.py: add the pilot '{pilot_id}' to PILOT_PLANS (owner, review days)."
        raise SystemExit(message) from None
    return owner, list(review_dates(PILOT_START, days))


def _choose_pilots(assessment: Assessment) -> None:
    """The team accepts TRIALS recommendations, each for a different low score, and the sharing pilot.

    A recommendation whose weakest dimension an accepted pilot already works on is rejected with a reason, as a
    team would do; so is the first one left over once TRIALS are accepted.
    """
    recommendations = recommend(assessment, score_assessment(assessment))
    accepted: list[Recommendation] = []
    covered: dict[str, str] = {}
    for recommendation in (r for r in recommendations if not r.always):
        weakest = recommendation.triggered_by[0] if recommendation.triggered_by else ""
        if len(accepted) < TRIALS and weakest not in covered:
            accepted.append(recommendation)
            covered[weakest] = recommendation.pilot.title
            owner, dates = _plan(recommendation.pilot.id)
            assessment.set_pilot(
                ChosenPilot(
                    pilot_id=recommendation.pilot.id,
                    status=PilotStatus.ACCEPTED,
                    owner=owner,
                    measures=list(recommendation.measures),
                    baseline=recommendation.baseline,
                    start_date=PILOT_START,
                    review_dates=dates,
                )
            )
            continue
        same = covered.get(weakest)
        note = (
            f"Not now: it works on the same low score as '{same}'. The team will look at it again when that "
            "pilot is first reviewed."
            if same
            else f"Not now: the team will run {_WORDS[TRIALS]} trials at a time and look at this again at the "
            "first review."
        )
        assessment.set_pilot(
            ChosenPilot(pilot_id=recommendation.pilot.id, status=PilotStatus.REJECTED, reason=note)
        )
        if not same:
            break
    for recommendation in recommendations:
        if recommendation.always:
            owner, dates = _plan(recommendation.pilot.id)
            assessment.set_pilot(
                ChosenPilot(
                    pilot_id=recommendation.pilot.id,
                    status=PilotStatus.ACCEPTED,
                    owner=owner,
                    measures=[
                        *recommendation.measures,
                        "A short note on each pilot published by 31 March 2026",
                    ],
                    baseline=recommendation.baseline,
                    start_date=PILOT_START,
                    review_dates=dates,
                    notes=f"Results of all {_WORDS[len(accepted)]} trials to be shared, including anything that "
                    "did not work.",
                )
            )


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


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
