"""The learning card: one page on one chosen pilot, to share outside the organisation what was tried, what
happened and what was learnt, whether the pilot was scaled or stopped.

Built as the report's blocks (``blocks.py``), so the PDF (``card_pdf.py``) and the Markdown
(``markdown_writer.py``) say the same. The card never names a person: every text the team typed passes
through the redactor (``redaction.py``), which replaces each participant's name and role, the pilot's owner,
the facilitator and the consultant (and the organisation's name, unless the user opts in) with a neutral
phrase, and counts what it removed. It says where the pilot ran by the kind of organisation and its nation
("A unitary authority in England"), and names the organisation only with ``name_organisation``.

A :class:`Fit` says how much of the team's text the card shows: each long text is cut to about so many
characters, ending "… (continued in the full report)", and only the latest changes of status are listed;
``card_pdf.fitted_card`` chooses the most generous of ``FITS`` at which the card fits one page.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor.history.pilot_results import MeasureResult, PilotResults, pilot_results
from assessor.model import Assessment, ChosenPilot, PilotProgress, Reading
from assessor.recommend.pilot_values import accepted_pilots, pilot_numbers, pilot_values
from assessor.report import blocks
from assessor.report.blocks import Block, Cell, ReportContent
from assessor.report.errors import ReportError
from assessor.report.redaction import Redactor, people_redactor
from assessor.report.sections.common import long_date

#: What a cut text ends with.
CONTINUED = " (continued in the full report)"


@dataclass(frozen=True)
class Fit:
    """How much of the team's text a card shows: long texts (what was learnt, why, ...) cut at ``text``
    characters, notes at ``note``, table cells at ``cell`` (None: whole); the latest ``history`` changes of
    status (None: all) and the first ``measures`` measures."""

    text: int | None = None
    note: int | None = None
    cell: int | None = None
    history: int | None = None
    measures: int = 8


#: The fits tried, most generous first, until the card fits one page (the first cuts nothing).
FITS: tuple[Fit, ...] = (
    Fit(),
    Fit(1500, 400, 300, 8, 8),
    Fit(1000, 250, 200, 6, 8),
    Fit(700, 160, 150, 5, 6),
    Fit(480, 120, 110, 4, 6),
    Fit(320, 90, 90, 3, 5),
    Fit(220, 70, 80, 2, 4),
    Fit(150, 50, 60, 0, 3),
    Fit(90, 40, 50, 0, 3),
)

#: The heading under the title, by status: a stopped pilot's is no less plain than a scaled one's.
STATUS_HEADINGS = {
    PilotProgress.PROPOSED: "Not started yet: what was planned",
    PilotProgress.STARTED: "Started: what we are learning",
    PilotProgress.ON_TRACK: "On track: what we are learning",
    PilotProgress.STOPPED: "Stopped: what we learnt",
    PilotProgress.SCALED: "Scaled: what worked",
}

NO_RESULTS = "No results recorded yet."


@dataclass(frozen=True)
class CardOptions:
    #: Name the organisation on the card (off unless the user opts in).
    name_organisation: bool = False


@dataclass(frozen=True)
class LearningCard:
    """One pilot's card: its blocks and properties, and how many names and roles were taken out."""

    pilot_id: str
    #: The pilot's number among the accepted pilots (as everywhere else), or None.
    number: int | None
    title: str
    status: PilotProgress
    content: ReportContent
    #: How many names, roles and mentions of the organisation the redactor replaced.
    removed: int


class UnknownPilotError(ReportError):
    """No chosen pilot has the id asked for; the message lists those there are."""


def card_pilots(assessment: Assessment) -> list[ChosenPilot]:
    """The pilots a card can be made for: the accepted ones, in their numbered order."""
    return accepted_pilots(assessment)


def pilot_choices(assessment: Assessment) -> list[tuple[int, str, str]]:
    """(number, pilot id, title) of each pilot a card can be made for."""
    numbers = pilot_numbers(assessment)
    return [
        (numbers[chosen.pilot_id], chosen.pilot_id, pilot_values(assessment, chosen).pilot.title)
        for chosen in card_pilots(assessment)
    ]


def find_pilot(assessment: Assessment, pilot_id: str) -> ChosenPilot:
    """The accepted pilot ``pilot_id``; ``UnknownPilotError`` naming the ones there are otherwise."""
    for chosen in card_pilots(assessment):
        if chosen.pilot_id == pilot_id.strip():
            return chosen
    choices = pilot_choices(assessment)
    if not choices:
        raise UnknownPilotError(
            f"There is no chosen pilot {pilot_id.strip()!r}: this assessment has no accepted pilots yet. Accept a "
            "pilot on the results page first."
        )
    listed = "\n".join(f"  {pid}  ({number}. {title})" for number, pid, title in choices)
    opening = (
        f"There is no chosen pilot {pilot_id.strip()!r}." if pilot_id.strip() else "Give a chosen pilot's id."
    )
    raise UnknownPilotError(f"{opening} The chosen pilots are:\n{listed}")


def cut(value: str, limit: int | None) -> str:
    """A text as typed (cleaned), or when longer than ``limit`` its start ending "… (continued in the full
    report)"."""
    whole = blocks.text(value)
    if limit is None or len(" ".join(whole.split())) <= limit:
        return whole
    return blocks.shorten(whole, limit) + CONTINUED


def _a(phrase: str) -> str:
    """ "a" or "an" before ``phrase`` (by its sound, as far as spelling tells)."""
    word = phrase.split()[0] if phrase.split() else ""
    if len(word) > 1 and word.isupper():  # an initialism: "an NHS trust", "a UK body"
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "uti", "eu", "one")):
        return "a"
    if lower.startswith(("hour", "honour", "heir")):
        return "an"
    return "an" if lower[:1] in ("a", "e", "i", "o", "u") else "a"


def _lower_first(phrase: str) -> str:
    """The phrase with a lower-case first letter unless its first word is an initialism or a name."""
    word = phrase.split()[0] if phrase.split() else ""
    if len(word) > 1 and not word[1:].islower():
        return phrase
    return phrase[:1].lower() + phrase[1:]


def where_text(assessment: Assessment, redact: Redactor, *, name_organisation: bool) -> str:
    """Where the pilot ran: "A unitary authority in England"; without a kind, the questionnaire's word for who
    is assessed ("A partnership in Wales"), and with neither kind nor nation, that word alone or "A UK
    organisation"; with ``name_organisation``, the name first."""
    details = assessment.details
    noun = assessment.questionnaire.wording.organisation.strip() or "organisation"
    kind = _lower_first(" ".join(redact(blocks.text(details.organisation_type)).split()))
    nation = " ".join(redact(blocks.text(details.nation)).split())
    if not kind and not nation and noun == "organisation":
        phrase = "a UK organisation"
    else:
        kind = kind or noun
        phrase = f"{_a(kind)} {kind}" + (f" in {nation}" if nation else "")
    name = " ".join(blocks.text(details.organisation).split())
    if name_organisation and name:
        return f"{name}, {phrase}"
    return phrase[:1].upper() + phrase[1:]


@dataclass(frozen=True)
class _Texts:
    """The pilot's texts with people taken out, before any cutting."""

    title: str
    summary: str
    where: str
    rule: str
    baseline_plan: str
    learnt: str
    why: str
    differently: str
    #: (date, status, note) in date order.
    history: tuple[tuple[str, PilotProgress, str], ...]
    #: (measure, baseline, latest, change) per measure.
    measures: tuple[tuple[str, str, str, str], ...]
    has_results: bool


def _reading_text(reading: Reading | None, redact: Redactor) -> str:
    if reading is None:
        return "—"
    parts = [redact(blocks.text(reading.value)) or "—"]
    if reading.date.strip():
        parts.append(long_date(reading.date))
    text = ", ".join(parts)
    note = redact(blocks.text(reading.note))
    return f"{text} ({note})" if note else text


def _change(measure: MeasureResult) -> str:
    if measure.latest is None:
        return "No reading yet" if measure.baseline is not None else "Not measured yet"
    if measure.baseline is None:
        return "No baseline to compare with"
    # Words only: the baseline and the latest value are in their own (redacted, cut) columns, so the change
    # quotes neither (a value as typed may hold a name).
    return measure.change_words() or "Not compared (not a number)"


def _texts(assessment: Assessment, results: PilotResults, redact: Redactor, *, named: bool) -> _Texts:
    library = pilot_values(assessment, results.pilot_id).library

    def typed(value: str, library_value: str) -> str:
        """The team's own wording is searched for people; the library's is shown as written."""
        value = blocks.text(value)
        return value if value == blocks.text(library_value) else redact(value)

    measures = tuple(
        (
            typed(m.measure, m.measure if m.measure in library.outcomes else ""),
            _reading_text(m.baseline, redact),
            _reading_text(m.latest, redact),
            _change(m),
        )
        for m in results.measures
    )
    return _Texts(
        title=typed(results.title, library.title),
        summary=typed(results.summary, library.summary),
        where=where_text(assessment, redact, name_organisation=named),
        rule=typed(results.stop_scale_rule, library.stop_scale_rule),
        baseline_plan=typed(results.baseline_plan, library.baseline),
        learnt=redact(blocks.text(results.learnt)),
        why=redact(blocks.text(results.why)),
        differently=redact(blocks.text(results.differently)),
        history=tuple(
            (change.date, change.status, redact(blocks.text(change.note))) for change in results.history
        ),
        measures=measures,
        has_results=results.has_results,
    )


def _decided_on(results: PilotResults) -> str:
    """The date of the latest status (the decision's, for a stopped or scaled pilot)."""
    for change in reversed(results.history):
        if change.status is results.status:
            return change.date
    return ""


def _when(results: PilotResults) -> str:
    parts = []
    if results.chosen_in.strip():
        parts.append(f"chosen {long_date(results.chosen_in)}")
    if results.started.strip():
        began = any(change.status is not PilotProgress.PROPOSED for change in results.history)
        parts.append(f"{'started' if began else 'planned to start'} {long_date(results.started)}")
    decided = _decided_on(results)
    if results.status.is_decided and decided.strip():
        parts.append(f"{results.status.label.lower()} {long_date(decided)}")
    if not parts:
        return "Not started yet"
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _decision(results: PilotResults, why: str) -> list[Block]:
    status = results.status
    decided = _decided_on(results)
    on = f" on {long_date(decided)}" if decided.strip() else ""
    if status.is_decided:
        opening = f"{status.label}{on}."
    elif status is PilotProgress.PROPOSED:
        opening = "Not started yet: no decision to stop or scale."
    else:
        opening = f"{status.label} (as recorded{on}): no decision to stop or scale yet."
    story: list[Block] = [blocks.Paragraph((blocks.bold(opening),))]
    if why:
        story.append(blocks.Paragraph(blocks.plain(why)))
    elif status.is_decided:
        story.append(blocks.Paragraph(blocks.plain("The team did not record why."), "muted"))
    return story


@dataclass(frozen=True)
class CardSource:
    """What a card is made from: the pilot's results and its texts with people taken out (done once, however
    many times the card is laid out to fit its page)."""

    assessment: Assessment
    options: CardOptions
    pilot_id: str
    results: PilotResults
    texts: _Texts
    removed: int


def card_source(assessment: Assessment, pilot_id: str, options: CardOptions | None = None) -> CardSource:
    """The accepted pilot ``pilot_id``'s results and texts, people taken out (``UnknownPilotError`` if there
    is no such pilot)."""
    options = options or CardOptions()
    chosen = find_pilot(assessment, pilot_id)
    results = pilot_results(assessment, chosen)
    redact = people_redactor(
        assessment, owners=[c.owner for c in assessment.pilots], name_organisation=options.name_organisation
    )
    texts = _texts(assessment, results, redact, named=options.name_organisation)
    return CardSource(assessment, options, chosen.pilot_id, results, texts, redact.removed)


def build_card(
    assessment: Assessment,
    pilot_id: str,
    options: CardOptions | None = None,
    *,
    fit: Fit | None = None,
) -> LearningCard:
    """The card of the accepted pilot ``pilot_id`` (``UnknownPilotError`` if there is none), showing as much
    as ``fit`` says (everything by default)."""
    return card_from(card_source(assessment, pilot_id, options), fit)


def card_from(source: CardSource, fit: Fit | None = None) -> LearningCard:
    """The card's blocks from its source, showing as much as ``fit`` says (everything by default)."""
    assessment, options, results, texts = source.assessment, source.options, source.results, source.texts
    fit = fit or FITS[0]
    limit, short, cell_limit = fit.text, fit.note, fit.cell

    story: list[Block] = [
        blocks.Paragraph(blocks.plain("Learning card"), "muted"),
        blocks.Heading(cut(texts.title, 150), 0, key="card", toc=False),
        blocks.Heading(STATUS_HEADINGS[results.status], 1, key="status", toc=False),
    ]
    facts: list[tuple[str, str]] = [
        ("What was tried", cut(texts.summary, limit)),
        ("Where", cut(texts.where, 200)),
        ("When", _when(results)),
    ]
    if texts.rule:
        facts.append(("Stop/scale rule", cut(texts.rule, limit)))
    story.append(
        blocks.Table(
            (),
            tuple((Cell((blocks.bold(label),)), blocks.cell(value)) for label, value in facts),
            (35 / 170, 135 / 170),
            kind="facts",
        )
    )

    story.append(blocks.Heading("Results against the baseline", 2, key="results", toc=False))
    if texts.has_results:
        shown = fit.measures
        rows = [
            [cut(name, cell_limit), cut(baseline, cell_limit), cut(latest, cell_limit), change]
            for name, baseline, latest, change in texts.measures[:shown]
        ]
        story.append(blocks.grid(["Measure", "Baseline", "Latest", "Change"], rows, (0.34, 0.2, 0.22, 0.24)))
        more = len(texts.measures) - shown
        if more > 0:
            story.append(
                blocks.Paragraph(
                    blocks.plain(f"And {more} more measure{'s' if more != 1 else ''}: see the full report."),
                    "muted",
                )
            )
    else:
        story.append(blocks.Paragraph((blocks.bold(NO_RESULTS),)))
        planned = [name for name, *_ in texts.measures]
        if planned:
            story.append(
                blocks.Paragraph(
                    blocks.plain(
                        "Measures planned: " + "; ".join(cut(name, cell_limit) for name in planned[:4])
                    ),
                    "small",
                )
            )
    if texts.baseline_plan:
        story.append(blocks.Space(4))
        story.append(
            blocks.Paragraph(
                blocks.plain("How the baseline is taken: " + cut(texts.baseline_plan, short)), "muted"
            )
        )

    heading = "The decision and why" if results.status.is_decided else "Where it stands"
    story.append(blocks.Heading(heading, 2, key="decision", toc=False))
    story += _decision(results, cut(texts.why, limit))
    if results.status.is_decided:  # before a decision, the line above says there is none
        story.append(blocks.Paragraph(blocks.plain(results.rule_text), "small"))
    history = [
        f"{long_date(date) or 'Undated'}: {status.label}." + (f" {cut(note, short)}" if note else "")
        for date, status, note in texts.history
    ]
    kept = len(history) if fit.history is None else fit.history
    if history and kept:
        earlier = len(history) - kept
        items = [
            *(
                [f"And {earlier} earlier change{'s' if earlier != 1 else ''} of status."]
                if earlier > 0
                else []
            )
        ]
        story.append(
            blocks.BulletList(tuple(blocks.plain(item) for item in [*items, *history[-kept:]]), small=True)
        )

    story.append(blocks.Heading("What we learnt", 2, key="learnt", toc=False))
    learnt = cut(texts.learnt, limit)
    story.append(
        blocks.Paragraph(blocks.plain(learnt))
        if learnt
        else blocks.Paragraph(blocks.plain("Nothing recorded yet."), "muted")
    )
    story.append(blocks.Heading("What we would do differently", 2, key="differently", toc=False))
    differently = cut(texts.differently, limit)
    story.append(
        blocks.Paragraph(blocks.plain(differently))
        if differently
        else blocks.Paragraph(blocks.plain("Nothing recorded yet."), "muted")
    )
    story.append(blocks.Space(6))
    story.append(blocks.Paragraph(blocks.plain(_closing(assessment, options)), "muted"))

    organisation = " ".join(blocks.text(assessment.details.organisation).split())
    named = options.name_organisation and bool(organisation)
    title = f"Learning card: {' '.join(texts.title.split())}"
    content = ReportContent(
        title=title,
        organisation=organisation if named else texts.where,
        header_title="Learning card",
        author=organisation if named else "Collaboration Assessor",
        subject=f"{texts.where}: what was tried, what happened and what was learnt",
        footer_note="A learning card: it names no one. Shared so that others can learn from what was tried.",
        iso_date=assessment.details.date,
        accent=assessment.branding.accent_colour,
        council_logo=None,
        consultancy_logo=None,
        body=story,
    )
    return LearningCard(
        pilot_id=source.pilot_id,
        number=pilot_numbers(assessment).get(source.pilot_id),
        title=texts.title,
        status=results.status,
        content=content,
        removed=source.removed,
    )


def _closing(assessment: Assessment, options: CardOptions) -> str:
    date = long_date(assessment.details.date)
    made = f"Made from the assessment of {date}" if date else "Made from the assessment"
    noun = assessment.questionnaire.wording.organisation or "organisation"
    who = "no person and no role" if options.name_organisation else f"no person, no role and not the {noun}"
    return (
        f"{made}. The card names {who}: any such name in the team's notes is replaced with a neutral phrase."
    )
