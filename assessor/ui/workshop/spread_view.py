"""The anonymous spread of one question, drawn as dots: one row per level (then Don't know, Not
applicable), one dot per answer, the level's descriptor beside it so the talk is about evidence.

With two rounds, each row shows round 1 as hollow circles above the latest round's filled dots, labelled,
so the change is told by shape and text, not colour. The agreed answer is marked "◆ agreed" in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from assessor.model import Choice, NonAnswer, Questionnaire
from assessor.scoring.results import Spread
from assessor.ui import theme


@dataclass(frozen=True)
class Category:
    """One row of the spread: a level, Don't know or Not applicable."""

    choice: Choice
    label: str
    descriptor: str

    def count(self, spread: Spread) -> int:
        if self.choice is NonAnswer.DONT_KNOW:
            return spread.dont_know
        if self.choice is NonAnswer.NOT_APPLICABLE:
            return spread.not_applicable
        return int(spread.distribution.get(int(self.choice), 0))


def categories(questionnaire: Questionnaire, question_id: str) -> list[Category]:
    question = questionnaire.question(question_id)
    scale = questionnaire.scale
    rows = [
        Category(level.value, f"{key}  {level.name}", question.descriptors.get(level.value, level.descriptor))
        for key, level in enumerate(scale.levels, start=1)
    ]
    if scale.allow_dont_know:
        rows.append(Category(NonAnswer.DONT_KNOW, "Don't know", "Nobody here can say from evidence."))
    if scale.allow_not_applicable and question.allow_not_applicable:
        rows.append(Category(NonAnswer.NOT_APPLICABLE, "Not applicable", "This does not apply here."))
    return rows


def choice_text(questionnaire: Questionnaire, choice: Choice | None) -> str:
    if choice is None:
        return "not agreed yet"
    if isinstance(choice, NonAnswer):
        return choice.label
    values = questionnaire.scale.values
    return f"{values.index(choice) + 1}  {questionnaire.scale.level(choice).name}"


class DotRow(QWidget):
    """One category's dots for each round (round counts oldest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: tuple[int, ...] = ()
        self.scale_max = 1
        self.agreed = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_counts(self, counts: Sequence[int], scale_max: int, *, agreed: bool) -> None:
        self.counts = tuple(counts)
        self.scale_max = max(scale_max, 1)
        self.agreed = agreed
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 12, int(line * 1.6 * max(len(self.counts), 1)))

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 6, int(line * 1.2 * max(len(self.counts), 1)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        # The widget's own text colour (the presenter's black on white; the theme's, dark or high-contrast,
        # elsewhere) and the theme's accent where it shows on this background, so the dots stay visible.
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        background = self.palette().color(QPalette.ColorRole.Window)
        accent = theme.current().accent
        if theme.contrast_ratio(accent, background) < theme.UI_RATIO:
            accent = ink
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        rounds = len(self.counts)
        several = rounds > 1
        label_width = metrics.horizontalAdvance("Round 2  ") if several else 0
        count_width = metrics.horizontalAdvance(" 00")
        lane = self.height() / max(rounds, 1)
        pad = 6.0
        usable = self.width() - label_width - count_width - 2 * pad
        # The same dot size on every row (from the font, not the row's height): counts compare by eye.
        step = min(metrics.height() * 1.3, usable / (self.scale_max + 0.5))
        radius = max(min(step * 0.36, lane * 0.32), 2.0)
        if self.agreed:
            painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 4, 4)
        for index, count in enumerate(self.counts):
            latest = index == rounds - 1
            top = index * lane
            painter.setPen(ink)
            if several:
                painter.drawText(
                    QRectF(pad, top, label_width, lane),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    f"Round {index + 1}",
                )
            painter.setPen(QPen(ink if latest else accent, max(radius * 0.35, 1.5)))
            painter.setBrush(ink if latest else Qt.BrushStyle.NoBrush)
            centre_y = top + lane / 2
            for dot in range(count):
                x = pad + label_width + step * (dot + 0.5)
                painter.drawEllipse(QPointF(x, centre_y), radius, radius)
            painter.setPen(ink)
            painter.drawText(
                QRectF(self.width() - count_width - pad, top, count_width, lane),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(count),
            )
        painter.end()


class SpreadGrid(QWidget):
    """Rows of [level name] [dots] [descriptor]; ``show_spread`` fills it for one question."""

    def __init__(self, parent: QWidget | None = None, *, descriptors: bool = True) -> None:
        super().__init__(parent)
        self.with_descriptors = descriptors
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 3)
        if descriptors:
            self.grid.setColumnStretch(2, 4)
        self.names: list[QLabel] = []
        self.rows: list[DotRow] = []
        self.descriptors: list[QLabel] = []
        self._fonts: tuple[QFont, QFont] | None = None
        self.setAccessibleName("Spread of answers")

    def set_fonts(self, text: QFont, descriptor: QFont) -> None:
        """Explicit fonts for every row (the presenter's large type; style sheets stop inheritance)."""
        self._fonts = (QFont(text), QFont(descriptor))
        for index in range(len(self.rows)):
            self._apply_fonts(index)

    def _apply_fonts(self, index: int) -> None:
        if self._fonts is None:
            return
        text, descriptor = self._fonts
        bold = QFont(text)
        bold.setBold(True)
        self.names[index].setFont(bold)
        self.rows[index].setFont(text)
        self.descriptors[index].setFont(descriptor)

    def show_spread(
        self,
        questionnaire: Questionnaire,
        question_id: str,
        spreads: Sequence[Spread],
        agreed: Choice | None,
    ) -> None:
        cats = categories(questionnaire, question_id)
        self._ensure_rows(len(cats))
        top = max([cat.count(s) for cat in cats for s in spreads] + [4])
        for index, cat in enumerate(cats):
            counts = [cat.count(s) for s in spreads] or [0]
            is_agreed = agreed is not None and agreed == cat.choice
            name = self.names[index]
            name.setText(f"{cat.label}\n◆ agreed" if is_agreed else cat.label)
            row = self.rows[index]
            row.set_counts(counts, top, agreed=is_agreed)
            per_round = (
                ", ".join(f"round {n}: {c}" for n, c in enumerate(counts, start=1))
                if len(counts) > 1
                else f"{counts[0]}"
            )
            row.setAccessibleName(
                f"{cat.label.strip()}: {per_round} {'answer' if counts[-1] == 1 else 'answers'}"
            )
            row.setToolTip(row.accessibleName())
            self.descriptors[index].setText(cat.descriptor)
            for widget in (name, row, self.descriptors[index]):
                widget.setVisible(True)
            self.descriptors[index].setVisible(self.with_descriptors)
        for index in range(len(cats), len(self.rows)):
            for widget in (self.names[index], self.rows[index], self.descriptors[index]):
                widget.setVisible(False)

    def _ensure_rows(self, count: int) -> None:
        while len(self.rows) < count:
            row = len(self.rows)
            name = QLabel(self)
            bold = QFont()  # only the weight is set, so the size still follows the parent's font
            bold.setBold(True)
            name.setFont(bold)
            dots = DotRow(self)
            descriptor = QLabel(self)
            descriptor.setWordWrap(True)
            descriptor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(dots, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(descriptor, row, 2)
            self.names.append(name)
            self.rows.append(dots)
            self.descriptors.append(descriptor)
            self._apply_fonts(row)
