"""A small but complete assessment for report tests: every section has something to say."""

from __future__ import annotations

import io

from pypdf import PdfReader

from assessor.model import Answer, Assessment, ChosenPilot, Consensus, PilotStatus
from tests.factories import make_assessment, make_questionnaire

#: Names that must never reach the PDF unless the facilitator opts in.
NAMES = ("Gwenllian Ŷwain", "Bartholomew Quince", "Rhodri Ŵynne", "Marjorie Pennyfeather")
COUNCIL = "Cyngor Sir Ynys Môn: Llŷn a Chŵm"


def rich_assessment() -> Assessment:
    questionnaire = make_questionnaire(areas=3, dimensions=3, questions=3, enabler=True)
    # Fixed answers: in area 1 one dimension is low and two high (so the cap holds the level down),
    # some questions diverge and one draws many Don't know answers.
    per_dimension = {
        "a1.d1": [1, 1, 2],
        "a1.d2": [4, 4, 4],
        "a1.d3": [4, 4, 3],
        "a2.d1": [2, 3, 2],
        "a2.d2": [3, 3, 4],
        "a2.d3": [2, 2, 3],
        "a3.d1": [3, 3, 2],
        "a3.d2": [4, 3, 4],
        "a3.d3": [2, 3, 3],
    }
    twists: dict[str, list[int | str]] = {"p3": [4, "dk", 1], "p4": ["dk", "dk", 4]}
    answers: dict[str, dict[str, int | str]] = {}
    for pid in ("p1", "p2", "p3", "p4"):
        answers[pid] = {}
        for dim_id, values in per_dimension.items():
            for number, value in enumerate(values, start=1):
                answers[pid][f"{dim_id}.q{number}"] = value
    # Area 2's first dimension: two people see it very differently, and many cannot say.
    for pid, values in twists.items():
        for number, value in enumerate(values, start=1):
            answers[pid][f"a2.d1.q{number}"] = value
    assessment = make_assessment(questionnaire, answers=answers)
    for participant, name in zip(assessment.participants, NAMES, strict=True):
        participant.name = name
    assessment.participants[0].role = "Chief executive"
    assessment.participants[1].role = "Director of adult services"
    assessment.details.organisation = COUNCIL
    assessment.details.facilitator = "A facilitator"
    assessment.details.consultant = "Example Consulting"
    assessment.details.scope = "Partnership working across the county"
    assessment.set_answer("p1", "a1.d1.q1", Answer(1, note="The joint board has not met since the spring."))
    assessment.set_consensus(
        "a2.d1.q1",
        Consensus(3, rationale="Most saw the hub as working day to day.", dissent="One director disagreed."),
    )
    assessment.commentary.overall = "The council's partnerships are strong at the top and thin below."
    assessment.commentary.areas["a1"] = "Relationships with health depend on two people."
    assessment.set_pilot(
        ChosenPilot(
            "pilot.a1.d1",
            PilotStatus.ACCEPTED,
            owner="Head of partnerships",
            review_dates=["2025-06-12", "2026-03-14"],
        )
    )
    return assessment


def pdf_text(data: bytes) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
