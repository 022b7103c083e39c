"""An assessment with long and hostile text wherever a user types, and every pilot chosen: for comparing
the PDF with the Word document and for the board summary's two pages."""

from __future__ import annotations

from assessor.model import Answer, Assessment, ChosenPilot, PilotStatus
from tests.report_helpers import rich_assessment
from tests.test_report_long_content import EVIDENCE

#: Text that breaks naive renderers: markup, entities, control characters, line breaks, scripts.
HOSTILE = (
    "<b>not markup</b> & &amp; <br/> Llŷn a Chŵm \x00\x07 tab\there\nline two "
    "Η συνεργασία Zażółć gęślą jaźń 👩‍👩‍👧‍👦 https://example.gov.uk/a?b=1&c=2#d "
)


def hostile_assessment() -> Assessment:
    """The rich assessment with long and hostile text wherever a user types, and every pilot chosen."""
    assessment = rich_assessment()
    long_name = ("Cyngor Bwrdeistref Sirol " + HOSTILE) * 4
    assessment.details.organisation = long_name
    assessment.details.scope = HOSTILE * 3
    assessment.details.consultant = "Consultancy " + HOSTILE
    assessment.branding.confidentiality = HOSTILE
    assessment.commentary.overall = EVIDENCE + "\n\n" + HOSTILE
    assessment.commentary.areas["a2"] = HOSTILE * 5
    assessment.set_answer("p2", "a1.d2.q1", Answer(4, note=EVIDENCE))
    for number, pilot in enumerate(assessment.questionnaire.pilots):
        assessment.set_pilot(
            ChosenPilot(
                pilot.id,
                PilotStatus.ACCEPTED,
                owner=f"Owner {number} " + HOSTILE * 2,
                measures=[HOSTILE, EVIDENCE[:300]],
                baseline=HOSTILE,
                start_date="2025-05-01" if number % 2 else "",
                review_dates=["2025-06-12", "2026-03-14"],
                notes=EVIDENCE,
            )
        )
    return assessment
