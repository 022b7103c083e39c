"""The values in effect for a pilot the team chose, and how chosen pilots are numbered.

A :class:`~assessor.model.ChosenPilot` keeps only what the team changed: an empty text (or list) means "as the
pilot library has it". :func:`pilot_values` merges the two, so the application, the report and the action-plan
workbook all show the same title, cost, first step and dates. :func:`with_team_value` is the other half: it
records a value the team typed, keeping it empty when it is the library's own (so a pilot the team did not
change follows its questionnaire).

Numbering, one rule everywhere: the pilots the team accepted are numbered 1, 2, ... in the order they appear in
``assessment.pilots``, which is the order they were accepted (the application moves a pilot to the end of the
list when it is accepted). When the team has accepted none, the recommended pilots are numbered by their rank.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from assessor.model import Assessment, AssessmentError, ChosenPilot, Pilot, PilotStatus
from assessor.recommend.engine import review_dates

#: The pilot texts the team may reword; an empty value keeps the library's.
TEAM_TEXTS = ("title", "summary", "size", "timescale", "baseline", "stop_scale_rule", "cost", "first_step")
#: The team's own fields, which have no library value.
OWN_TEXTS = ("owner", "start_date", "notes", "reason")
#: The list fields: what to measure (the pilot's outcomes) and the review dates.
LISTS = ("measures", "review_dates")


@dataclass(frozen=True)
class PilotValues:
    """One pilot as the team has it: the library's pilot with the team's wording in place, and the team's
    decision, owner, dates and notes."""

    #: The library's pilot with the team's title, summary, size, timescale, baseline, stop/scale rule, cost,
    #: first step and outcomes (what to measure) in place of its own.
    pilot: Pilot
    #: The pilot as the library has it.
    library: Pilot
    status: PilotStatus
    owner: str
    #: As the team typed it (normally an ISO date), or "".
    start_date: str
    #: ISO dates as the team typed them, or the questionnaire's review days after the start (or the assessment)
    #: date.
    review_dates: tuple[str, ...]
    notes: str
    #: Why the team did not choose it ("" when it gave no reason).
    reason: str

    @property
    def measures(self) -> tuple[str, ...]:
        return self.pilot.outcomes

    @property
    def baseline(self) -> str:
        return self.pilot.baseline


def library_pilot(assessment: Assessment, pilot_id: str) -> Pilot:
    """The questionnaire's pilot; AssessmentError if its library has none of that id."""
    try:
        return assessment.questionnaire.pilot(pilot_id)
    except KeyError:
        raise AssessmentError(f"The pilot library has no pilot {pilot_id!r}.") from None


def default_review_dates(assessment: Assessment, start_date: str = "") -> tuple[str, ...]:
    """The questionnaire's review days (90 and 365 in the shipped one) after the start date, or after the
    assessment date when the start date is missing or not an ISO date; empty when neither is a date."""
    days = assessment.questionnaire.scoring.review_days
    return review_dates(start_date, days) or review_dates(assessment.details.date, days)


def pilot_values(assessment: Assessment, chosen: ChosenPilot | str) -> PilotValues:
    """The values in effect for a pilot: the team's where it gave one, else the library's (``chosen`` may be a
    pilot id the team has not touched)."""
    if isinstance(chosen, str):
        chosen = assessment.chosen_pilot(chosen) or ChosenPilot(pilot_id=chosen)
    library = library_pilot(assessment, chosen.pilot_id)
    texts = {name: getattr(chosen, name).strip() or getattr(library, name) for name in TEAM_TEXTS}
    measures = tuple(line.strip() for line in chosen.measures if line.strip()) or library.outcomes
    typed_reviews = tuple(day.strip() for day in chosen.review_dates if day.strip())
    return PilotValues(
        pilot=dataclasses.replace(library, outcomes=measures, **texts),
        library=library,
        status=chosen.status,
        owner=chosen.owner.strip(),
        start_date=chosen.start_date.strip(),
        review_dates=typed_reviews or default_review_dates(assessment, chosen.start_date),
        notes=chosen.notes.strip(),
        reason=chosen.reason.strip(),
    )


def with_team_value(
    assessment: Assessment, chosen: ChosenPilot, name: str, value: str | list[str] | tuple[str, ...]
) -> ChosenPilot:
    """``chosen`` with one field set to what the team typed, kept empty when it is the library's own value.

    Texts are kept as typed (so typing a space is not undone under the cursor) and compared with the
    library's without surrounding spaces; list items are trimmed and blank ones dropped."""
    library = library_pilot(assessment, chosen.pilot_id)
    if name in LISTS:
        if isinstance(value, str):
            raise TypeError(f"{name} is a list")
        items = [item.strip() for item in value if item.strip()]
        default = (
            library.outcomes if name == "measures" else default_review_dates(assessment, chosen.start_date)
        )
        stored: str | list[str] = [] if tuple(items) == tuple(default) else items
    elif name in TEAM_TEXTS or name in OWN_TEXTS:
        if not isinstance(value, str):
            raise TypeError(f"{name} is a text")
        library_text = getattr(library, name).strip() if name in TEAM_TEXTS else None
        stored = "" if value.strip() == library_text else value
    else:
        raise ValueError(f"A chosen pilot has no field {name!r} the team can edit.")
    changes: dict[str, Any] = {name: stored}  # one field of the record, checked above
    return dataclasses.replace(chosen, **changes)


def _known(assessment: Assessment, status: PilotStatus) -> list[ChosenPilot]:
    known = {pilot.id for pilot in assessment.questionnaire.pilots}
    return [c for c in assessment.pilots if c.status is status and c.pilot_id in known]


def accepted_pilots(assessment: Assessment) -> list[ChosenPilot]:
    """The pilots the team accepted, in their numbered order (the order they were accepted)."""
    return _known(assessment, PilotStatus.ACCEPTED)


def rejected_pilots(assessment: Assessment) -> list[ChosenPilot]:
    """The pilots the team considered and did not choose, in the order recorded."""
    return _known(assessment, PilotStatus.REJECTED)


def pilot_numbers(assessment: Assessment) -> dict[str, int]:
    """Pilot id -> its number (1 for the first) for each accepted pilot."""
    return {chosen.pilot_id: number for number, chosen in enumerate(accepted_pilots(assessment), start=1)}


def with_status(assessment: Assessment, pilot_id: str, status: PilotStatus) -> list[ChosenPilot]:
    """The assessment's pilot decisions with ``pilot_id`` set to ``status``: a pilot newly accepted moves to the
    end, so that it takes the next number (the list itself is not changed)."""
    library_pilot(assessment, pilot_id)
    pilots = list(assessment.pilots)
    existing = assessment.chosen_pilot(pilot_id)
    changed = dataclasses.replace(existing or ChosenPilot(pilot_id=pilot_id), status=status)
    if existing is None:
        return [*pilots, changed]
    index = pilots.index(existing)
    if status is PilotStatus.ACCEPTED and existing.status is not PilotStatus.ACCEPTED:
        return [*pilots[:index], *pilots[index + 1 :], changed]
    pilots[index] = changed
    return pilots
