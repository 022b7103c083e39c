"""The rules between the values of a file, checked as it is read: each broken one names its place.

The field readers (:mod:`.fields`) check each value's shape; these check what the values mean together:
a questionnaire snapshot whose question has a descriptor for a level the scale lacks, an answer to a
question or from a participant that does not exist, a level the scale does not have, the same id twice.
The model refuses such values when the application makes a change, so a file that breaks one has been
damaged or edited by hand; reading on would fail later, far from the cause (a KeyError in ``report``).

Every check raises :class:`~assessor.storage.fields.FormatError` with the path of the value
(``assessment.rounds[0].answers.p1.q3.choice``), as the field readers do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assessor.model import (
    Assessment,
    AssessmentError,
    Choice,
    Participant,
    Questionnaire,
    Round,
)
from assessor.model.questionnaire import MAX_REVIEW_DAYS, SCORING_LIMITS
from assessor.model.records import Answer
from assessor.storage.fields import FormatError

#: The furthest review date, in days after the assessment (a hundred years; dates end at the year 9999).


def _listed(values: Iterable[object]) -> str:
    shown = [str(value) for value in values]
    if len(shown) > 8:
        shown = [*shown[:8], "..."]
    return ", ".join(shown) or "none"


def _unique(ids: Iterable[tuple[str, str]], what: str) -> None:
    """Each (id, where) pair's id only once."""
    seen: dict[str, str] = {}
    for value, where in ids:
        if value in seen:
            raise FormatError(where, f"the {what} id {value!r} is used twice (also at {seen[value]})")
        seen[value] = where


def check_questionnaire(q: Questionnaire, where: str) -> None:
    """The snapshot's own consistency: a sound scale, descriptors of its levels, unique ids, sane scoring."""
    values = q.scale.values
    for index in range(1, len(values)):
        if values[index] <= values[index - 1]:
            raise FormatError(
                f"{where}.scale.levels[{index}].value",
                f"the levels must rise in value, but {values[index]} follows {values[index - 1]}",
            )
    if not q.areas:
        raise FormatError(f"{where}.areas", "the questionnaire has no areas")
    areas, dimensions, questions = [], [], []
    for ai, area in enumerate(q.areas):
        aw = f"{where}.areas[{ai}]"
        areas.append((area.id, f"{aw}.id"))
        for di, dimension in enumerate(area.dimensions):
            dw = f"{aw}.dimensions[{di}]"
            dimensions.append((dimension.id, f"{dw}.id"))
            for qi, question in enumerate(dimension.questions):
                qw = f"{dw}.questions[{qi}]"
                questions.append((question.id, f"{qw}.id"))
                for level in question.descriptors:
                    if level not in values:
                        raise FormatError(
                            f"{qw}.descriptors.{level}",
                            f"the scale has no level {level} (levels: {_listed(values)})",
                        )
                if question.weight <= 0:
                    raise FormatError(f"{qw}.weight", f"a weight must be above 0, found {question.weight:g}")
    _unique(areas, "area")
    _unique(dimensions, "dimension")
    _unique(questions, "question")
    _unique(((p.id, f"{where}.pilots[{i}].id") for i, p in enumerate(q.pilots)), "pilot")
    _unique(((s.id, f"{where}.sources[{i}].id") for i, s in enumerate(q.sources)), "source")
    _check_scoring(q, f"{where}.scoring")


def _check_scoring(q: Questionnaire, where: str) -> None:
    settings = q.scoring
    if not settings.bands:
        raise FormatError(f"{where}.bands", "there are no score bands")
    _unique(((b.id, f"{where}.bands[{i}].id") for i, b in enumerate(settings.bands)), "band")
    if settings.cap_level not in q.scale.values:
        raise FormatError(
            f"{where}.cap_level",
            f"the scale has no level {settings.cap_level} (levels: {_listed(q.scale.values)})",
        )
    for name, (low, high) in SCORING_LIMITS.items():
        value = getattr(settings, name)
        if value < low or (high is not None and value > high):
            limits = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
            raise FormatError(f"{where}.{name}", f"must be {limits}, found {value:g}")
    for index, days in enumerate(settings.review_days):
        if not 1 <= days <= MAX_REVIEW_DAYS:
            raise FormatError(
                f"{where}.review_days[{index}]", f"must be from 1 to {MAX_REVIEW_DAYS:,}, found {days}"
            )


def check_assessment(a: Assessment, where: str) -> None:
    """Everything an assessment names exists: participants, questions, levels, pilots, areas; ids unique."""
    q = a.questionnaire
    _unique(((p.id, f"{where}.participants[{i}].id") for i, p in enumerate(a.participants)), "participant")
    people = [p.id for p in a.participants]
    for index, the_round in enumerate(a.rounds):
        _check_round(a, index, the_round, people, f"{where}.rounds[{index}]")
    for qid, consensus in a.consensus.items():
        _check_choice(a, qid, consensus.choice, f"{where}.consensus.{qid}.choice")
    for index, qid in enumerate(a.parked):
        _known_question(q, qid, f"{where}.parked[{index}]")
    for pid, flagged in a.flags.items():
        if pid not in people:
            raise FormatError(f"{where}.flags.{pid}", f"there is no participant {pid!r}")
        for index, qid in enumerate(flagged):
            _known_question(q, qid, f"{where}.flags.{pid}[{index}]")
    pilots = []
    for index, chosen in enumerate(a.pilots):
        pw = f"{where}.pilots[{index}].pilot_id"
        if chosen.pilot_id not in {p.id for p in q.pilots}:
            raise FormatError(pw, f"the questionnaire has no pilot {chosen.pilot_id!r}")
        pilots.append((chosen.pilot_id, pw))
    _unique(pilots, "pilot")
    area_ids = {area.id for area in q.areas}
    for area_id in a.commentary.areas:
        if area_id not in area_ids:
            raise FormatError(
                f"{where}.commentary.areas.{area_id}",
                f"the questionnaire has no area {area_id!r} (areas: {_listed(area_ids)})",
            )


def check_pack_answers(
    q: Questionnaire,
    participant: Participant,
    round_index: int,
    questions: list[str] | None,
    answers: Mapping[str, Answer],
    where: str,
) -> None:
    """A participant pack's round, questions and answers (``where`` is the pack's own path, "pack")."""
    if round_index < 0:
        raise FormatError(f"{where}.round", f"a round number cannot be below 0, found {round_index}")
    probe = Assessment(questionnaire=q, participants=[participant], rounds=[Round(questions=questions)])
    if questions is not None:
        if not questions:
            raise FormatError(f"{where}.questions", "a further round needs at least one question")
        for qi, qid in enumerate(questions):
            _known_question(q, qid, f"{where}.questions[{qi}]")
        _unique(((qid, f"{where}.questions[{i}]") for i, qid in enumerate(questions)), "question")
    check_answers(probe, probe.rounds[0], round_index, answers, f"{where}.answers")


def _check_round(a: Assessment, index: int, the_round: Round, people: list[str], where: str) -> None:
    q = a.questionnaire
    if the_round.questions is not None:
        if not the_round.questions:
            raise FormatError(f"{where}.questions", "a further round needs at least one question")
        for qi, qid in enumerate(the_round.questions):
            _known_question(q, qid, f"{where}.questions[{qi}]")
        _unique(((qid, f"{where}.questions[{i}]") for i, qid in enumerate(the_round.questions)), "question")
    for pid, answers in the_round.answers.items():
        if pid not in people:
            raise FormatError(
                f"{where}.answers.{pid}", f"there is no participant {pid!r} (participants: {_listed(people)})"
            )
        check_answers(a, the_round, index, answers, f"{where}.answers.{pid}")
    for qid, tally in the_round.tallies.items():
        tw = f"{where}.tallies.{qid}"
        _in_round(a, the_round, index, qid, tw)
        for value, count in tally.counts.items():
            _check_choice(a, qid, value, f"{tw}.counts.{value}")
            if count < 0:
                raise FormatError(f"{tw}.counts.{value}", f"a count cannot be below 0, found {count}")
        for name in ("dont_know", "not_applicable"):
            count = getattr(tally, name)
            if count < 0:
                raise FormatError(f"{tw}.{name}", f"a count cannot be below 0, found {count}")
        if tally.dont_know:
            _check_choice(a, qid, _non_answer("dk"), f"{tw}.dont_know")
        if tally.not_applicable:
            _check_choice(a, qid, _non_answer("na"), f"{tw}.not_applicable")


def check_answers(
    a: Assessment, the_round: Round, index: int, answers: Mapping[str, Answer], where: str
) -> None:
    """One participant's answers in round ``index``: known questions the round covers, levels of the scale."""
    for qid, answer in answers.items():
        _in_round(a, the_round, index, qid, f"{where}.{qid}")
        _check_choice(a, qid, answer.choice, f"{where}.{qid}.choice")


def _in_round(a: Assessment, the_round: Round, index: int, qid: str, where: str) -> None:
    _known_question(a.questionnaire, qid, where)
    if not the_round.covers(qid):
        raise FormatError(where, f"round {index + 1} does not re-score question {qid!r}")


def _known_question(q: Questionnaire, qid: Any, where: str) -> None:
    if qid not in q.questions:
        raise FormatError(where, f"the questionnaire has no question {qid!r}")


def _check_choice(a: Assessment, qid: str, choice: Choice, where: str) -> None:
    _known_question(a.questionnaire, qid, where.rsplit(".", 1)[0] if where.endswith(".choice") else where)
    try:
        a._check_choice(qid, choice)  # the model's own rule, so the two can never differ
    except AssessmentError as error:
        raise FormatError(where, str(error).rstrip(".")) from None


def _non_answer(value: str) -> Choice:
    from assessor.model import NonAnswer

    return NonAnswer(value)
