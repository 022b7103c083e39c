"""A chosen pilot's log read against its baseline and its stop/scale rule: what the follow-up's report and
the learning card show.

A reading's value is text as typed; one that starts with a number ("42", "42%", "£1,200", "-3.5 days",
"12 sign-ups") is compared with the baseline's number, and anything else is shown as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessor.model import Assessment, ChosenPilot, PilotProgress, Reading, StatusChange
from assessor.recommend.pilot_values import pilot_values

#: A value's leading number: an optional sign (before or after a currency sign), digits grouped in threes by
#: commas or not at all, optional decimals; not followed by more of a number ("1,2,3", "12,5"), a range or a
#: date ("3-4 weeks", "2025-01-01", "3/4").
_NUMBER = re.compile(r"^\s*([-−+]?)\s*[£$€]?\s*([-−+]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]|[-−/.]\d)")


def leading_number(text: str) -> float | None:
    """The number a value starts with ("£1,200" -> 1200.0, "42%" -> 42.0, "−3" -> -3.0, "-£5" -> -5.0);
    None without one, or where what follows makes it something else ("1,2,3", "2025-01-01", "3-4 weeks")."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    before, after, whole, decimals = match.groups()
    if before and after:
        return None  # "-£-5": two signs
    negative = (before or after) in ("-", "−")
    number = float(whole.replace(",", "") + (decimals or ""))
    return -number if negative else number


def _plain(number: float) -> str:
    """1200.0 -> "1,200", 2.5 -> "2.5" (at most two decimals; a smaller change keeps three figures)."""
    if float(number).is_integer():
        return f"{int(number):,}"
    if abs(number) < 0.01:
        return f"{number:.3g}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class MeasureResult:
    """One measure: its baseline, its readings in date order and the latest against the baseline."""

    measure: str
    baseline: Reading | None
    readings: tuple[Reading, ...]

    @property
    def latest(self) -> Reading | None:
        return self.readings[-1] if self.readings else None

    @property
    def change(self) -> float | None:
        """The latest reading's number minus the baseline's; None unless both start with a number."""
        if self.baseline is None or self.latest is None:
            return None
        before, after = leading_number(self.baseline.value), leading_number(self.latest.value)
        return None if before is None or after is None else after - before

    def change_words(self) -> str:
        """ "up 8", "down 3", "no change", or "" where the values cannot be compared (the learning card
        shows this beside the baseline and the latest value, so it quotes neither)."""
        change = self.change
        if change is None:
            return ""
        if change == 0:
            return "no change"
        return ("up " if change > 0 else "down ") + _plain(abs(change))

    def change_text(self) -> str:
        """ "up 8 (12 to 20)", "down 3 (...)", "no change (...)", or "" where the values cannot be compared."""
        words = self.change_words()
        if not words or self.baseline is None or self.latest is None:
            return ""
        return f"{words} ({self.baseline.value.strip()} to {self.latest.value.strip()})"


@dataclass(frozen=True)
class PilotResults:
    """Everything the report and the learning card say of one chosen pilot's progress."""

    pilot_id: str
    title: str
    summary: str
    status: PilotProgress
    #: Status changes in date order (ties in the order recorded).
    history: tuple[StatusChange, ...]
    measures: tuple[MeasureResult, ...]
    baseline_plan: str
    stop_scale_rule: str
    rule_followed: bool | None
    learnt: str
    why: str
    differently: str
    start_date: str
    #: The date of the earlier assessment that chose it ("" when chosen in this one).
    chosen_in: str

    @property
    def has_results(self) -> bool:
        return any(m.readings or m.baseline for m in self.measures)

    @property
    def rule_text(self) -> str:
        """Whether the stop/scale rule was followed, in words."""
        if self.rule_followed is True:
            return "The stop/scale rule was followed."
        if self.rule_followed is False:
            return "The stop/scale rule was not followed."
        if self.status.is_decided:
            return "Whether the stop/scale rule was followed was not recorded."
        return "No stop or scale decision yet."

    @property
    def started(self) -> str:
        """The date it started: the first "started" status, else the planned start date."""
        for change in self.history:
            if change.status is PilotProgress.STARTED and change.date:
                return change.date
        return self.start_date


def pilot_results(assessment: Assessment, chosen: ChosenPilot | str) -> PilotResults:
    """The pilot's log as results: measures in the pilot's order (then any others the log names)."""
    values = pilot_values(assessment, chosen)
    found = assessment.chosen_pilot(chosen) if isinstance(chosen, str) else chosen
    if found is None:
        found = ChosenPilot(values.library.id)  # a pilot without a decision: an empty log
    log = found.log
    names = list(values.measures)
    for reading in (*log.baselines, *log.readings):
        if reading.measure not in names:
            names.append(reading.measure)
    ordered_readings = sorted(enumerate(log.readings), key=lambda pair: (pair[1].date, pair[0]))
    measures = tuple(
        MeasureResult(
            measure=name,
            baseline=log.baseline_of(name),
            readings=tuple(reading for _, reading in ordered_readings if reading.measure == name),
        )
        for name in names
    )
    history = tuple(change for _, change in sorted(enumerate(log.statuses), key=lambda p: (p[1].date, p[0])))
    return PilotResults(
        pilot_id=found.pilot_id,
        title=values.pilot.title,
        summary=values.pilot.summary,
        status=log.status,
        history=history,
        measures=measures,
        baseline_plan=values.baseline,
        stop_scale_rule=values.pilot.stop_scale_rule,
        rule_followed=log.rule_followed,
        learnt=log.learnt,
        why=log.why,
        differently=log.differently,
        start_date=values.start_date,
        chosen_in=found.chosen_in,
    )
