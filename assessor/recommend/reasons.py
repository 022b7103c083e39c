"""Why a pilot is recommended, in words a leadership team understands.

A reason names the triggering dimensions with their scores and bands (at most ``NAMED`` of them), then
says on how many of the questions behind those scores views differed widely or many did not know.
"""

from __future__ import annotations

from collections.abc import Sequence

from assessor.model import Pilot, Questionnaire, format_score
from assessor.scoring import Results

#: How many triggering dimensions a reason names; the rest are counted.
NAMED = 3


def _score_sentence(questionnaire: Questionnaire, results: Results, dimension_ids: Sequence[str]) -> str:
    threshold = questionnaire.scoring.recommend_below
    out_of = questionnaire.scale.out_of()
    parts = []
    for position, dimension_id in enumerate(dimension_ids[:NAMED]):
        scored = results.dimensions[dimension_id]
        assert scored.score is not None and scored.band is not None
        title = questionnaire.dimension(dimension_id).title
        scale = f" {out_of}" if position == 0 else ""
        part = f"{title} scores {format_score(scored.score, questionnaire.scale.step)}{scale} ({scored.band.name})"
        if scored.score >= threshold - 1e-9:
            # At or above the threshold a dimension triggers only as the lowest of its area.
            part += f", the lowest in {questionnaire.area_of(dimension_id).title}"
        parts.append(part)
    sentence = "; ".join(parts)
    hidden = len(dimension_ids) - NAMED
    if hidden > 0:
        sentence += f"; and {hidden} more {'dimension' if hidden == 1 else 'dimensions'} it addresses"
    return sentence + "."


def _flags_sentences(
    questionnaire: Questionnaire, results: Results, dimension_ids: Sequence[str]
) -> list[str]:
    question_ids = [
        question.id
        for dimension_id in dimension_ids
        for question in questionnaire.dimension(dimension_id).questions
    ]
    behind = "this score" if len(dimension_ids) == 1 else "these scores"
    total = len(question_ids)
    divergent = sum(1 for qid in question_ids if results.questions[qid].spread.divergent)
    gaps = sum(1 for qid in question_ids if results.questions[qid].spread.visibility_gap)
    sentences = []
    if divergent:
        sentences.append(
            f"Views in the team differed widely on {divergent} of the {total} questions behind {behind}."
        )
    if gaps:
        share = f"{questionnaire.scoring.visibility_gap_dk_share:.0%}"
        many = "question" if gaps == 1 else "questions"
        sentences.append(
            f"On {gaps} {many}, {share} or more of the team answered Don't know: leaders cannot easily see this work."
        )
    return sentences


def reason_for(
    questionnaire: Questionnaire, results: Results, pilot: Pilot, triggered_by: Sequence[str]
) -> str:
    """The reason shown with a recommendation: its triggering dimensions, divergence and Don't know."""
    sentences: list[str] = []
    noun = questionnaire.wording.organisation
    if pilot.always_recommend:
        sentences.append(
            f"Recommended to every {noun}: it shares what the pilots learn, including what did not work."
        )
    if triggered_by:
        sentences.append(_score_sentence(questionnaire, results, triggered_by))
        if not any(
            (results.dimensions[d].score or 0.0) < questionnaire.scoring.recommend_below - 1e-9
            for d in triggered_by
        ):
            sentences.append(f"A stretch pilot: a strong {noun} taking its weakest point further.")
        sentences.extend(_flags_sentences(questionnaire, results, triggered_by))
    for dimension_id in dict.fromkeys(pilot.triggers):
        scored = results.dimensions.get(dimension_id)
        if scored is not None and scored.insufficient:
            title = questionnaire.dimension(dimension_id).title
            sentences.append(
                f"{title} has too few answers to score ({scored.answered} of {scored.total} questions), "
                "so it could not count here."
            )
    return " ".join(sentences)
