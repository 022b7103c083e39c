"""The spread of every question in one dimension at once: a table of counts per answer, with the
dimension's score as it stands. Dots and numbers together, so nothing relies on colour or shape alone."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from assessor.model import Assessment, NonAnswer, format_score
from assessor.scoring.disclosure import is_withheld, shown_divergent, shown_visibility_gap, withheld_text
from assessor.scoring.results import Results
from assessor.ui.theme import heading, muted
from assessor.ui.workshop.reveal_items import choice_short

MAX_DOTS = 8


def dots(count: int) -> str:
    if not count:
        return "–"
    shown = "●" * min(count, MAX_DOTS) + ("…" if count > MAX_DOTS else "")
    return f"{shown} {count}"


class DimensionView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Spread for a dimension")

    def show_dimension(
        self,
        assessment: Assessment,
        results: Results,
        dimension_id: str,
        *,
        only: Collection[str] | None = None,
        score_held: bool = False,
        earlier: Sequence[str] = (),
    ) -> None:
        """The table for one dimension: only the questions in ``only`` (all when None); a question with
        fewer answers than may be shown says so instead of its counts; ``score_held`` withholds the score
        while a round is being answered. ``earlier`` (a follow-up): lines setting the dimension's and its
        area's scores beside the last assessment's."""
        questionnaire = assessment.questionnaire
        scoring = questionnaire.scoring
        dimension = questionnaire.dimension(dimension_id)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(dimension.title, 1.35, body))
        score = results.dimensions[dimension_id]
        if score_held:
            line = "Its score is shown when everyone has finished the round."
        elif score.insufficient or score.score is None:
            line = (
                f"Not enough answers to score yet ({score.answered} of {score.total} questions have a value)."
            )
        else:
            shown = list(
                dict.fromkeys(n for n in (score.level_name, score.band.name if score.band else "") if n)
            )
            line = (
                f"Score now {format_score(score.score, questionnaire.scale.step)} ({'; '.join(shown)}) from {score.answered} of {score.total} "
                "questions."
            )
        self.score_label = QLabel(line, body)
        self.score_label.setWordWrap(True)
        layout.addWidget(self.score_label)
        self.earlier_labels = [muted(line, body) for line in earlier if line]
        for label in self.earlier_labels:
            layout.addWidget(label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        columns: list[tuple[str, object]] = [
            (f"{key} {level.name}", level.value)
            for key, level in enumerate(questionnaire.scale.levels, start=1)
        ]
        if questionnaire.scale.allow_dont_know:
            columns.append(("Don't know", NonAnswer.DONT_KNOW))
        if questionnaire.scale.allow_not_applicable:
            columns.append(("N/A", NonAnswer.NOT_APPLICABLE))
        headers = ["Question", *[name for name, _ in columns], "Agreed"]
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>", body)
            grid.addWidget(label, 0, column)
        numbers = {qid: n for n, qid in enumerate(questionnaire.questions, start=1)}
        listed = [q for q in dimension.questions if only is None or q.id in only]
        for row, question in enumerate(listed, start=1):
            spread = results.questions[question.id].spread
            question_label = QLabel(f"{numbers[question.id]}. {question.text}", body)
            question_label.setWordWrap(True)
            grid.addWidget(question_label, row, 0)
            consensus = assessment.consensus.get(question.id)
            if is_withheld(spread, scoring):
                withheld = QLabel(withheld_text(scoring).capitalize(), body)
                grid.addWidget(withheld, row, 1, 1, len(columns))
                grid.addWidget(
                    QLabel(choice_short(consensus.choice if consensus else None), body), row, len(columns) + 1
                )
                question_label.setAccessibleDescription(withheld_text(scoring))
                continue
            said = []
            for column, (name, choice) in enumerate(columns, start=1):
                if choice is NonAnswer.DONT_KNOW:
                    count = spread.dont_know
                elif choice is NonAnswer.NOT_APPLICABLE:
                    count = spread.not_applicable
                else:
                    count = spread.distribution.get(choice, 0)  # type: ignore[call-overload]  # a level value
                cell = QLabel(dots(count), body)
                cell.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                cell.setAccessibleName(f"{name}: {count}")
                grid.addWidget(cell, row, column)
                said.append(f"{name} {count}")
            flags = []
            if shown_divergent(spread, scoring):
                flags.append("≠ differ")
            if shown_visibility_gap(spread, scoring):
                flags.append("? many DK")
            agreed = choice_short(consensus.choice if consensus else None)
            grid.addWidget(QLabel(" ".join([agreed, *flags]), body), row, len(columns) + 1)
            question_label.setAccessibleDescription("; ".join(said))
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        layout.addWidget(muted("● one per answer (named answers and shows of hands alike); – nobody.", body))
        if len(listed) < len(dimension.questions):
            layout.addWidget(
                muted(
                    f"{len(dimension.questions) - len(listed)} of its questions are held back until everyone "
                    "has answered them.",
                    body,
                )
            )
        layout.addStretch(1)
        self.setWidget(body)  # the scroll area deletes the previous body
