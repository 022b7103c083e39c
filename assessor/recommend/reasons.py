"""Why a pilot is recommended, in words a council leader understands."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.model import Pilot, Questionnaire
from assessor.scoring import Results


def format_score(score: float) -> str:
    """A score as people read it: two decimals at most, no trailing zeros ("2.5", "3", "2.96")."""
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _dimension_sentences(questionnaire: Questionnaire, results: Results, dimension_id: str) -> list[str]:
    dimension = questionnaire.dimension(dimension_id)
    area = questionnaire.area_of(dimension_id)
    scored = results.dimensions[dimension_id]
    assert scored.score is not None and scored.band is not None
    out_of = format_score(questionnaire.scale.maximum)
    score = format_score(scored.score)
    # At or above the threshold, a dimension triggers only as the lowest of its area.
    if scored.score >= questionnaire.scoring.recommend_below - 1e-9:
        sentences = [
            f"{dimension.title} scores {score} out of {out_of} ({scored.band.name}), the lowest in "
            f"{area.title}: a stretch pilot to take it further."
        ]
    else:
        sentences = [
            f"{dimension.title} ({area.title}) scores {score} out of {out_of}, in the "
            f"{scored.band.name} band."
        ]
    question_ids = [question.id for question in dimension.questions]
    divergent = sum(1 for qid in question_ids if results.questions[qid].spread.divergent)
    gaps = sum(1 for qid in question_ids if results.questions[qid].spread.visibility_gap)
    total = len(question_ids)
    if divergent:
        sentences.append(f"Views in the team differed widely on {divergent} of its {total} questions.")
    if gaps:
        share = f"{questionnaire.scoring.visibility_gap_dk_share:.0%}"
        sentences.append(
            f"On {gaps} of its {total} questions, {share} or more of the team answered Don't know: "
            "leaders cannot easily see this work."
        )
    return sentences


def reason_for(
    questionnaire: Questionnaire,
    results: Results,
    pilot: Pilot,
    triggered_by: Sequence[str],
) -> str:
    """The reason shown with a recommendation: its triggering dimensions, divergence and Don't know."""
    sentences: list[str] = []
    if pilot.always_recommend:
        sentences.append(
            "Recommended to every council: it shares what the pilots learn, including what did not work."
        )
    for dimension_id in triggered_by:
        sentences.extend(_dimension_sentences(questionnaire, results, dimension_id))
    for dimension_id in dict.fromkeys(pilot.triggers):
        scored = results.dimensions.get(dimension_id)
        if scored is not None and scored.insufficient:
            title = questionnaire.dimension(dimension_id).title
            sentences.append(
                f"{title} has too few answers to score ({scored.answered} of {scored.total} questions), "
                "so it could not count here."
            )
    return " ".join(sentences)
