"""Start a follow-up: a new assessment from an earlier one, answers left behind, results frozen.

Carried over: the organisation's details (the date aside), the mode and the names setting, the participants
(ids, names, roles and anonymity; answers not), the branding, and every chosen pilot with its owner, dates,
wording and log. Kept as the predecessor: the earlier assessment's id, date and a frozen copy of its results.
Not carried: answers, tallies, consensus, parked questions, flags, commentary, the agenda, pack secrets.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from assessor.history.freeze import freeze
from assessor.history.matching import QuestionChanges, question_changes
from assessor.model import Assessment, Participant, PilotStatus, Questionnaire
from assessor.recommend.pilot_values import pilot_values


class FollowUpError(ValueError):
    """A follow-up that cannot be made (a questionnaire sharing no question with the earlier one)."""


@dataclass(frozen=True)
class FollowUp:
    """The new assessment, how its questionnaire differs from the earlier one, and anything to tell the user."""

    assessment: Assessment
    changes: QuestionChanges
    notices: tuple[str, ...] = ()


def start_followup(
    earlier: Assessment, questionnaire: Questionnaire | None = None, *, date: str = ""
) -> FollowUp:
    """A follow-up of ``earlier`` on ``questionnaire`` (by default the one the earlier assessment used),
    dated ``date`` (ISO; "" leaves it for the user to fill in).

    Raises FollowUpError when the questionnaire shares no question id with the earlier one: there would be
    nothing to compare.
    """
    questionnaire = questionnaire if questionnaire is not None else earlier.questionnaire
    predecessor = freeze(earlier)
    changes = question_changes(predecessor, questionnaire)
    if not changes.shared:
        raise FollowUpError(
            f"The questionnaire “{questionnaire.title}” (version {questionnaire.version}) shares no question "
            f"with the one the earlier assessment used (“{earlier.questionnaire.title}”, version "
            f"{earlier.questionnaire.version}), so nothing could be compared. Start the follow-up with the "
            "earlier assessment's questionnaire or a later version of it."
        )
    details = dataclasses.replace(earlier.details, date=date)
    assessment = Assessment.new(questionnaire, details, mode=earlier.mode)
    assessment.show_names = earlier.show_names
    assessment.participants = [
        Participant(p.id, p.name, p.role, anonymous=p.anonymous) for p in earlier.participants
    ]
    # A copy: logos are frozen records, safe to share; the rest is plain text.
    assessment.branding = dataclasses.replace(earlier.branding)
    notices: list[str] = []
    library = {pilot.id for pilot in questionnaire.pilots}
    for chosen in earlier.pilots:
        if chosen.status is not PilotStatus.ACCEPTED:
            continue
        if chosen.pilot_id not in library:
            notices.append(
                f"The pilot “{pilot_values(earlier, chosen).pilot.title}” is not in this questionnaire's pilot library, so it was "
                "not carried over; its log stays in the earlier assessment."
            )
            continue
        assessment.pilots.append(
            dataclasses.replace(
                copy.deepcopy(chosen),
                chosen_in=chosen.chosen_in or earlier.details.date or "the last assessment",
            )
        )
    assessment.predecessor = predecessor
    if changes.any:
        notices.append(describe_changes(changes))
    return FollowUp(assessment, changes, tuple(notices))


def describe_changes(changes: QuestionChanges) -> str:
    """One sentence naming how many questions are new, dropped and reworded."""
    parts = []
    if changes.new:
        parts.append(f"{_count(len(changes.new))} new")
    if changes.dropped:
        parts.append(f"{_count(len(changes.dropped))} no longer asked")
    if changes.reworded:
        parts.append(f"{_count(len(changes.reworded))} reworded (their scores are compared with care)")
    if not parts:
        return "The questionnaire asks the same questions as last time."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"The questionnaire has changed since the last assessment: {listed}."


def _count(number: int) -> str:
    return f"{number} question" if number == 1 else f"{number} questions"
