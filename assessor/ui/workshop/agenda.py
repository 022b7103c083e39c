"""The workshop agenda: a time box per area with a timer the facilitator starts, pauses and extends, and the
items parked for later listed at the end.

The agenda is saved with the assessment (``Assessment.agenda``, an ``AgendaState``): every change is written
into it and reported with ``edited`` (the workshop marks the assessment changed, so autosave and recovery
have it), and while the timer runs the time used is written each second and reported each minute. Opened
again, the agenda is as it was left, except that a timer that was running comes back paused (and the panel
says so): the time the laptop was off is not counted.

Keys (anywhere in the window): F9 starts or pauses, Shift+F9 adds five minutes, F8 moves to the next area.

The agenda follows what is on screen: when the answer page or the reveal shows a question of another area,
the time box shown (and timed) is that area's (:meth:`Agenda.follow`). When a time box runs over, it says so
once (``overran``): the panel shows a warning line, and the workshop puts the words in the status bar and
announces them to a screen reader.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessor.model import AgendaState, Assessment
from assessor.ui.theme import heading, muted, scaled_font, tab_chain

EXTEND_MINUTES = 5
#: While the timer runs, the time used is reported as a change (for the recovery file) this often.
RECORD_EVERY_SECONDS = 60


@dataclass
class TimeBox:
    area_id: str
    title: str
    minutes: int


#: The longest time box the panel offers (a working day): longer ones in a file are shown as this.
MAX_MINUTES = 600


def default_minutes(question_count: int) -> int:
    """About two and a half minutes of discussion a question, in steps of five, from ten to MAX_MINUTES."""
    return min(MAX_MINUTES, max(10, 5 * round(question_count * 2.5 / 5)))


def clock_text(seconds: float) -> str:
    whole = int(abs(seconds) + 0.999) if seconds < 0 else int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class Agenda(QObject):
    """Time boxes and one running timer. ``clock`` is injectable so tests need not wait."""

    #: Anything shown changed (also every second while the timer runs).
    changed = Signal()
    #: The facilitator changed the agenda (and, while the timer runs, once a minute): it is unsaved.
    edited = Signal()
    #: The current time box has just run over: what to say (once per time box, until it is extended).
    overran = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.boxes: list[TimeBox] = []
        self.current = 0
        self.running = False
        #: The timer was running when the assessment was saved, and came back paused.
        self.resumed_paused = False
        self._assessment: Assessment | None = None
        self._used = 0.0  # seconds used in the current box before the last start
        self._used_before: dict[str, float] = {}  # area id -> seconds used, for the areas not current
        self._started_at = 0.0
        self._extra: dict[int, int] = {}
        self._ticks = 0
        #: The time boxes whose overrun has been announced (an extension that gives time back clears it).
        self._announced: set[int] = set()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)

    def load(self, assessment: Assessment | None) -> None:
        """Show ``assessment``'s agenda as it was saved (the defaults where it has none)."""
        self._assessment = None
        self._run(False)
        self.boxes = []
        saved = assessment.agenda if assessment is not None else AgendaState()
        if assessment is not None:
            for area in assessment.questionnaire.areas:
                count = sum(len(d.questions) for d in area.dimensions)
                minutes = saved.minutes.get(area.id, default_minutes(count))
                self.boxes.append(TimeBox(area.id, area.title, min(MAX_MINUTES, max(1, minutes))))
        ids = [box.area_id for box in self.boxes]
        self.current = ids.index(saved.current) if saved.current in ids else 0
        self._extra = {ids.index(aid): extra for aid, extra in saved.extra.items() if aid in ids and extra}
        self._used_before = {aid: float(seconds) for aid, seconds in saved.elapsed.items() if aid in ids}
        self._used = self._used_before.pop(ids[self.current], 0.0) if ids else 0.0
        self.resumed_paused = saved.running and bool(ids)
        self._assessment = assessment
        self.changed.emit()

    def state(self) -> AgendaState:
        """The agenda as it stands, as saved in the assessment (a running timer's time up to now)."""
        elapsed = {aid: int(seconds) for aid, seconds in self._used_before.items() if int(seconds) > 0}
        box = self.box()
        if box is not None and int(self.elapsed()) > 0:
            elapsed[box.area_id] = int(self.elapsed())
        return AgendaState(
            minutes={b.area_id: b.minutes for b in self.boxes},
            extra={self.boxes[i].area_id: extra for i, extra in sorted(self._extra.items()) if extra},
            elapsed=dict(sorted(elapsed.items())),
            current=box.area_id if box is not None else "",
            running=self.running,
        )

    def _record(self, *, edited: bool = True) -> None:
        """Write the agenda into the assessment; ``edited`` reports it as a change."""
        if self._assessment is None or not self.boxes:
            return
        self._assessment.set_agenda(self.state())
        if edited:
            self.edited.emit()

    def _tick(self) -> None:
        self._ticks += 1
        self._record(edited=self._ticks % RECORD_EVERY_SECONDS == 0)
        self.changed.emit()
        self.check_overrun()

    def check_overrun(self) -> None:
        """Emit ``overran`` the first time the current box is past its time (again after an extension)."""
        box = self.box()
        if box is None:
            return
        if self.remaining() >= 0:
            self._announced.discard(self.current)
            return
        if self.current in self._announced:
            return
        self._announced.add(self.current)
        self.overran.emit(self.overrun_text())

    def is_over(self) -> bool:
        return self.box() is not None and self.remaining() < 0

    def overrun_text(self) -> str:
        """The words for a time box that has run over: which, by how much, and what to do."""
        box = self.box()
        if box is None:
            return ""
        return (
            f"Time is up for {box.title}: over by {clock_text(self.remaining())}. Press Shift+F9 for "
            f"{EXTEND_MINUTES} more minutes or F8 for the next area."
        )

    # Reading ------------------------------------------------------------------------------------

    def box(self) -> TimeBox | None:
        return self.boxes[self.current] if self.boxes else None

    def elapsed(self) -> float:
        return self._used + (self.clock() - self._started_at if self.running else 0.0)

    def allowed(self) -> float:
        box = self.box()
        return 0.0 if box is None else (box.minutes + self._extra.get(self.current, 0)) * 60.0

    def remaining(self) -> float:
        return self.allowed() - self.elapsed()

    def status_text(self) -> str:
        """The timer in words: never colour alone."""
        box = self.box()
        if box is None:
            return "No agenda"
        return f"{box.title}: {self._time_left('over time by')}"

    def short_text(self) -> str:
        """The timer alone (the presenter shows the area elsewhere)."""
        return self._time_left("Over by")

    def _time_left(self, over: str) -> str:
        """The time left ("12:30 left (running)"), or past the time box ``over`` and the overrun ("Over by
        1:05 (paused)")."""
        left = self.remaining()
        state = "running" if self.running else "paused"
        if left < 0:
            return f"{over} {clock_text(left)} ({state})"
        return f"{clock_text(left)} left ({state})"

    # Changing -----------------------------------------------------------------------------------

    def start(self) -> None:
        if self._run(True):
            self._record()
            self.changed.emit()

    def pause(self) -> None:
        if self._run(False):
            self._record()
            self.changed.emit()

    def _run(self, running: bool) -> bool:
        """Start or stop the timer; whether anything changed."""
        if running == self.running or not self.boxes:
            return False
        if running:
            self.resumed_paused = False
            self._started_at = self.clock()
            self._ticks = 0
            self.ticker.start()
        else:
            self._used = self.elapsed()
            self.ticker.stop()
        self.running = running
        return True

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, minutes: int = EXTEND_MINUTES) -> None:
        if self.boxes:
            self._extra[self.current] = self._extra.get(self.current, 0) + minutes
            self._record()
            self.changed.emit()
            self.check_overrun()

    def set_minutes(self, index: int, minutes: int) -> None:
        if self.boxes[index].minutes != max(1, minutes):
            self.boxes[index].minutes = max(1, minutes)
            self._record()
        self.changed.emit()

    def go_to(self, index: int) -> None:
        """Move to another area; the time used in each area is kept (coming back carries on from it)."""
        if self.boxes:
            self._move(min(max(index, 0), len(self.boxes) - 1), edited=True)

    def next_area(self) -> None:
        self.go_to(self.current + 1)

    def follow(self, area_id: str) -> None:
        """Show (and time) the time box of ``area_id``, the area of the question on screen. While the timer
        runs the move is written into the assessment (and is unsaved work); stopped, it is only shown, so
        looking through questions changes nothing in the assessment."""
        ids = [box.area_id for box in self.boxes]
        if area_id in ids and ids.index(area_id) != self.current:
            self._move(ids.index(area_id), edited=self.running)

    def _move(self, index: int, *, edited: bool) -> None:
        """Make box ``index`` the current one; ``edited``: write the agenda into the assessment as a change."""
        was_running = self.running
        self._run(False)
        self._used_before[self.boxes[self.current].area_id] = self._used
        self.current = index
        self._used = self._used_before.pop(self.boxes[self.current].area_id, 0.0)
        if was_running:
            self._run(True)
        if edited:
            self._record()
        self.changed.emit()
        self.check_overrun()


class AgendaPanel(QWidget):
    """The agenda as a side panel: time boxes, the timer with its buttons, and the parked items."""

    def __init__(self, agenda: Agenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = agenda
        self.setAccessibleName("Agenda and timer")
        layout = QVBoxLayout(self)
        self.timer_label = QLabel(self)
        self.timer_label.setFont(scaled_font(self.timer_label, 1.3, bold=True))
        self.timer_label.setWordWrap(True)
        # Its name is its text (the time left changes); what it is, its description.
        self.timer_label.setAccessibleDescription("Timer")
        layout.addWidget(self.timer_label)
        self.resume_note = muted(
            "The timer was running when this assessment was saved. It is paused now, so the time the "
            "laptop was closed is not counted: press Start (F9) to carry on.",
            self,
        )
        self.resume_note.setWordWrap(True)
        self.resume_note.setAccessibleDescription("Timer restored paused")
        layout.addWidget(self.resume_note)
        # Past the time box: a framed warning line, in words (never colour alone).
        self.over_note = QLabel(self)
        self.over_note.setWordWrap(True)
        self.over_note.setObjectName("overrun")
        self.over_note.setStyleSheet(
            "QLabel#overrun { border: 3px solid #B3261E; padding: 4px; font-weight: bold; }"
        )
        self.over_note.setAccessibleName("Time box over")
        self.over_note.hide()
        layout.addWidget(self.over_note)
        # Two rows of buttons, not three abreast: the panel stays narrow enough for the window to fit 1024 px.
        buttons = QGridLayout()
        self.start_button = QPushButton("Start (F9)", self)
        self.extend_button = QPushButton(f"+{EXTEND_MINUTES} min (Shift+F9)", self)
        self.next_button = QPushButton("Next area (F8)", self)
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.extend_button, 0, 1)
        buttons.addWidget(self.next_button, 1, 0, 1, 2)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(agenda.toggle)
        self.extend_button.clicked.connect(lambda: agenda.extend())
        self.next_button.clicked.connect(agenda.next_area)
        self.boxes_grid = QGridLayout()
        layout.addLayout(self.boxes_grid)
        self._spins: list[QSpinBox] = []
        self._marks: list[QLabel] = []
        layout.addWidget(heading("Parked for later", 1.0, self, level=3))
        self.parked = QListWidget(self)
        self.parked.setWordWrap(True)
        self.parked.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parked.setAccessibleName("Questions parked for later (Enter opens one in the reveal)")
        layout.addWidget(self.parked, 1)
        layout.addWidget(
            muted(
                "Park a question from the reveal (F or its Park button), or with F on the answer page when "
                "recording team answers. A participant's own flag parks nothing.",
                self,
            )
        )
        #: The timer's state last told to a screen reader: (running, area's index).
        self._announced: tuple[bool, int] | None = None
        agenda.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        agenda = self.agenda
        if len(self._spins) != len(agenda.boxes):
            self._rebuild_boxes()
        self._announce_change()
        self.timer_label.setText(agenda.status_text())
        self.resume_note.setVisible(agenda.resumed_paused)
        over = agenda.is_over()
        if over:
            self.over_note.setText("⚠ " + agenda.overrun_text())
        self.over_note.setVisible(over)
        self.start_button.setText("Pause (F9)" if agenda.running else "Start (F9)")
        for index, box in enumerate(agenda.boxes):
            self._marks[index].setText("▶ now" if index == agenda.current else "")
            spin = self._spins[index]
            if spin.value() != box.minutes:
                spin.blockSignals(True)
                spin.setValue(box.minutes)
                spin.blockSignals(False)

    def _announce_change(self) -> None:
        """The timer started, paused or moved to another area: said to a screen reader (WCAG 4.1.3), not
        each second's tick."""
        agenda = self.agenda
        state = (agenda.running, agenda.current)
        before = self._announced
        self._announced = state
        if before is None or before == state or not agenda.boxes:
            return
        from assessor.ui.accessibility import announce

        if before[1] != state[1]:
            announce(self.timer_label, f"Now {agenda.boxes[agenda.current].title}. {agenda.status_text()}")
        else:
            announce(
                self.timer_label, f"Timer {'started' if agenda.running else 'paused'}. {agenda.status_text()}"
            )

    def _rebuild_boxes(self) -> None:
        while self.boxes_grid.count():
            item = self.boxes_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._spins, self._marks = [], []
        for index, box in enumerate(self.agenda.boxes):
            mark = QLabel(self)
            title = QLabel(box.title, self)
            title.setWordWrap(True)
            spin = QSpinBox(self)
            spin.setRange(1, MAX_MINUTES)
            spin.setSuffix(" min")
            spin.setAccessibleName(f"Time box for {box.title}, minutes")
            title.setBuddy(spin)
            spin.valueChanged.connect(lambda value, i=index: self.agenda.set_minutes(i, value))
            self.boxes_grid.addWidget(mark, index, 0)
            self.boxes_grid.addWidget(title, index, 1)
            self.boxes_grid.addWidget(spin, index, 2)
            self._spins.append(spin)
            self._marks.append(mark)
        self.boxes_grid.setColumnStretch(1, 1)
        # The time boxes are made after the parked list under them: Tab follows the screen (WCAG 2.4.3).
        tab_chain([self.next_button, *self._spins, self.parked])

    def show_parked(self, assessment: Assessment | None) -> None:
        self.parked.clear()
        if assessment is None:
            return
        numbers = {qid: n for n, qid in enumerate(assessment.questionnaire.questions, start=1)}
        for qid in assessment.parked:
            item = QListWidgetItem(f"⚑ {numbers[qid]}. {assessment.questionnaire.question(qid).text}")
            item.setData(256, qid)
            self.parked.addItem(item)
        if not assessment.parked:
            self.parked.addItem("Nothing parked.")
