"""Random valid assessments with extreme but legal content, for the report's property test and its long
run (``bench/bench_report_fuzz.py``).

Texts run from empty to 20,000 characters and mix Welsh, Greek, Polish, right-to-left Arabic, emoji,
zero-width joiners, tabs, line breaks, long unbroken words, URLs and any other character the file can
hold (anything but a lone surrogate, which cannot be written as UTF-8, so no saved file carries one;
control characters can, so they are in). Questionnaires are the shipped one or generated ones of 3 to 7
levels and 1 to 300 questions; 1 to 200 participants; every question has at least one note.

A long text is one drawn piece repeated to its length, so an example stays cheap to draw and shrink.
``budget_chars`` caps the characters of all the texts of one assessment together and ``max_areas`` the
areas of a generated questionnaire, so that a run stays time-boxed.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from assessor.model import (
    Answer,
    Assessment,
    ChosenPilot,
    Consensus,
    Mode,
    NonAnswer,
    PilotStatus,
    Questionnaire,
)
from tests.factories import make_assessment, make_questionnaire

#: Pieces of real text in the scripts and shapes the report must cope with.
PIECES = (
    "Cyngor Sir Ynys Môn: Llŷn a Chŵm, Rhondda Cynon Taf",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    "Η συνεργασία μεταξύ των υπηρεσιών είναι καλή",
    "Zażółć gęślą jaźń; współpraca z partnerami",
    "التعاون بين المجلس والشركاء جيد جدا",
    "שיתוף פעולה",
    "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇬🇧",
    "a\u200db\u200cc\u200bd\u2060e\u00adf",
    "\t\tindented\tand\ttabbed",
    "line one\nline two\r\nline three\rline four\n\n\n",
    "https://www.example.gov.uk/partnerships/strategy-2025/appendix?id=12345&view=full#section-7",
    "x" * 300,
    "ordinary evidence from the board minutes, the staff survey and six interviews",
    "<b>not markup</b> & &amp; <br/> <font size=40>",
    "\x00\x07\x1b\x0b\x0c\x7f\x85\u2028\u2029\ufeff\ufffd",
)

#: Any character a saved file can hold (Unicode categories other than lone surrogates).
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)

#: Texts of one assessment together, in characters, for the test suite (the long run allows more).
SUITE_BUDGET = 20_000
#: Areas of a generated questionnaire in the test suite: every area adds pages (its findings, charts and
#: appendix part), so 300 one-question areas make a report of several hundred pages. The long run
#: allows up to 300.
SUITE_AREAS = 10


@dataclass
class _Budget:
    left: int


@st.composite
def extreme_text(draw: st.DrawFn, budget: _Budget, max_length: int = 20_000) -> str:
    """Empty, short, or long: one or more pieces joined, repeated up to a drawn length."""
    kind = draw(st.sampled_from(["empty", "short", "short", "long"]))
    if kind == "empty" or budget.left <= 0:
        return ""
    pieces = draw(st.lists(st.sampled_from(PIECES) | ANY_TEXT, min_size=1, max_size=4))
    separator = draw(st.sampled_from([" ", "", "\n", "\t", " / "]))
    unit = separator.join(pieces) or "x"
    if kind == "short":
        text = unit[:200]
    else:
        length = draw(st.integers(200, max_length))
        text = (unit * (length // len(unit) + 1))[:length]
    text = text[: max(0, budget.left)]
    budget.left -= len(text)
    return text


@functools.cache
def shipped_questionnaire() -> Questionnaire:
    from assessor.paths import questionnaires_dir
    from assessor.questionnaire import load_questionnaire

    return load_questionnaire(questionnaires_dir() / "council-collaboration.yaml")


@st.composite
def questionnaires(draw: st.DrawFn, budget: _Budget, max_areas: int = 300) -> Questionnaire:
    """The shipped questionnaire, or a generated one of 3 to 7 levels, 1 to 300 questions and 1 to
    ``max_areas`` areas, perhaps with an extreme area title, dimension title and question text."""
    if draw(st.booleans()):
        return shipped_questionnaire()
    total = draw(st.integers(1, 300))
    # Any shape: one area of 300 dimensions, 300 areas of one question, or anything between.
    areas = draw(st.integers(1, min(total, max_areas)))
    dimensions = draw(st.integers(1, total // areas))
    questions = max(1, total // (areas * dimensions))
    questionnaire = make_questionnaire(
        levels=draw(st.integers(3, 7)), areas=areas, dimensions=dimensions, questions=questions
    )
    if draw(st.booleans()):
        area = questionnaire.areas[0]
        dimension = area.dimensions[0]
        question = replace(dimension.questions[0], text=draw(extreme_text(budget, 3000)) or "Q?")
        dimension = replace(
            dimension,
            title=draw(extreme_text(budget, 3000)) or "D",
            questions=(question, *dimension.questions[1:]),
        )
        area = replace(
            area, title=draw(extreme_text(budget, 3000)) or "A", dimensions=(dimension, *area.dimensions[1:])
        )
        questionnaire = replace(questionnaire, areas=(area, *questionnaire.areas[1:]))
    return questionnaire


@st.composite
def assessments(
    draw: st.DrawFn, budget_chars: int = SUITE_BUDGET, max_areas: int = SUITE_AREAS
) -> Assessment:
    """A valid assessment with extreme content (see the module's docstring)."""
    budget = _Budget(budget_chars)
    text = functools.partial(extreme_text, budget)
    questionnaire = draw(questionnaires(budget, max_areas))
    people = draw(st.integers(1, 200))
    assessment = make_assessment(questionnaire, participants=people)
    assessment.mode = draw(st.sampled_from([Mode.INDIVIDUAL, Mode.TEAM]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    values = questionnaire.scale.values
    question_ids = list(questionnaire.questions)
    # Answers for everyone, drawn cheaply from a seeded generator (and checked by the model); the
    # notes from hypothesis.
    scale = questionnaire.scale
    answers = assessment.rounds[0].answers
    for participant in assessment.participants:
        for question_id in question_ids:
            roll = rng.random()
            choice: int | NonAnswer = rng.choice(values)
            if roll < 0.06 and scale.allow_dont_know:
                choice = NonAnswer.DONT_KNOW
            elif (
                roll < 0.09
                and scale.allow_not_applicable
                and questionnaire.question(question_id).allow_not_applicable
            ):
                choice = NonAnswer.NOT_APPLICABLE
            if roll > 0.05:
                assessment.set_answer(participant.id, question_id, Answer(choice))
    # Every question noted, by someone; some by many (the same participant's note on several questions
    # may repeat, as real notes do).
    for question_id in question_ids:
        for _ in range(draw(st.integers(1, 3))):
            participant = rng.choice(assessment.participants)
            previous = answers.get(participant.id, {}).get(question_id)
            choice = previous.choice if previous is not None else rng.choice(values)
            assessment.set_answer(participant.id, question_id, Answer(choice, note=draw(text()) or "noted"))
    crowded = rng.choice(question_ids)
    for participant in assessment.participants:  # one question noted by everyone
        previous = answers.get(participant.id, {}).get(crowded)
        note = f"{participant.id}: " + draw(text())[:300]
        assessment.set_answer(
            participant.id, crowded, Answer(previous.choice if previous else values[0], note=note)
        )
    for question_id in rng.sample(question_ids, k=min(len(question_ids), draw(st.integers(0, 5)))):
        assessment.set_consensus(
            question_id,
            Consensus(rng.choice(values), rationale=draw(text()), dissent=draw(text()), note=draw(text())),
        )
    details = assessment.details
    details.organisation, details.scope = draw(text()), draw(text())
    details.facilitator, details.consultant = draw(text()), draw(text())
    details.date = draw(st.sampled_from(["", "2025-03-14", "not a date", "1999-12-31"]))
    branding = assessment.branding
    branding.report_title, branding.confidentiality = draw(text()), draw(text())
    branding.accent_colour = draw(st.sampled_from(["#1F4E79", "#FFFF00", "", "nonsense", "#000"]))
    assessment.show_names = draw(st.booleans())
    for participant in assessment.participants[: draw(st.integers(0, 3))]:
        participant.name, participant.role = draw(text()) or "N", draw(text())
        participant.anonymous = draw(st.booleans())
    assessment.commentary.overall = draw(text())
    for area in questionnaire.areas[: draw(st.integers(0, 2))]:
        assessment.commentary.areas[area.id] = draw(text())
    for pilot in questionnaire.pilots[: draw(st.integers(0, 3))]:
        assessment.set_pilot(
            ChosenPilot(
                pilot.id,
                PilotStatus.ACCEPTED,
                owner=draw(text()),
                measures=[draw(text()) for _ in range(draw(st.integers(0, 3)))],
                baseline=draw(text()),
                review_dates=["2025-06-12", draw(st.sampled_from(["2026-01-01", "soon"]))],
                notes=draw(text()),
            )
        )
    return assessment
