"""Long content never stops the report: every text of any length flows across pages at its own size,
whole, and an unexpected failure while laying out gives a message and a log entry, not a traceback."""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from assessor.model import Answer, Assessment, Consensus
from assessor.report import ReportError, render_report, write_report
from assessor.report.styles import MARGIN_BOTTOM, MARGIN_TOP, PAGE_SIZE
from tests.factories import make_assessment, make_questionnaire
from tests.report_helpers import pdf_text, rich_assessment

#: A paragraph of ordinary evidence, about 230 words and 1,400 characters.
EVIDENCE = (
    "The joint commissioning board met four times last year, but two of those meetings were cancelled at "
    "short notice and the minutes of the others record no decisions on pooled budgets. Health colleagues "
    "said in interviews that they see the board as a place to report, not to decide. The voluntary sector "
    "forum has asked twice for a seat and has not had a reply. Officers in adult social care described "
    "good day-to-day working with the hospital discharge team, built on two long-standing relationships; "
    "when one of those managers left in the autumn, delayed discharges rose for three months. The "
    "partnership strategy was refreshed in 2023 but has no measures and no named owners, and the "
    "community safety partnership uses a different set of priorities. Staff surveys show that fewer than "
    "a third of frontline staff know who to contact in partner organisations. On the positive side, the "
    "housing and public health teams have co-located one day a week since the spring and say that "
    "referrals are faster; the family hubs pilot has a shared data agreement that others could copy. "
    "Elected members have asked for a single view of partnership spending, which does not yet exist, "
    "and the audit committee noted the risk in its last annual report. Evidence: board minutes, the "
    "2023 strategy, interviews with six officers, and the staff survey of November."
)


def flat(data: bytes) -> str:
    """The text inside the page frames (no running header or footer, which would come between the
    parts of a text split across pages), with every white space removed (wrapping breaks lines anywhere)."""
    parts: list[str] = []
    top, bottom = PAGE_SIZE[1] - MARGIN_TOP + 2, MARGIN_BOTTOM - 2

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if bottom <= y <= top:
            parts.append(text)

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return "".join("".join(parts).split())


def whole(text: str) -> str:
    return "".join(text.split())


def font_sizes(data: bytes, marker: str) -> list[float]:
    """The size, as drawn (scaling included), of every piece of text containing ``marker``."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if marker in text:
            scale = math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2])) * math.sqrt(
                abs(tm[0] * tm[3] - tm[1] * tm[2])
            )
            sizes.append(round(size * scale, 2))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def with_note(note: str) -> Assessment:
    assessment = rich_assessment()
    assessment.set_answer("p1", "a1.d1.q1", Answer(1, note=note))
    return assessment


def test_an_ordinary_long_evidence_note_is_reported_in_full() -> None:
    assert 1300 < len(EVIDENCE) < 1500
    data = render_report(with_note(EVIDENCE))
    # In full in the findings and in the appendix, where it moved below the table, its start in the cell.
    text = flat(data)
    assert text.count(whole(EVIDENCE)) >= 2
    assert "(continuedinnote1belowthetable)" in text and "Notetothetableabove" in text


def test_eighty_participants_with_notes_on_one_question() -> None:
    questionnaire = make_questionnaire(areas=1, dimensions=1, questions=3)
    assessment = make_assessment(questionnaire, participants=80)
    notes = []
    for index, participant in enumerate(assessment.participants):
        note = f"Observation {index:02d}: the board has not met since the spring and nobody owns the plan."
        notes.append(note)
        assessment.set_answer(participant.id, "a1.d1.q1", Answer(1 + index % 4, note=note))
    text = flat(render_report(assessment))
    for note in notes:
        assert text.count(whole(note)) >= 2, note


@pytest.mark.parametrize("where", ["overall", "area"])
def test_a_long_commentary_flows_onto_more_pages_at_the_body_size(where: str) -> None:
    words = " ".join(f"zq{n % 10}x" for n in range(3000))
    short = rich_assessment()
    long = rich_assessment()
    if where == "overall":
        long.commentary.overall = words
    else:
        long.commentary.areas["a1"] = words
    short_data, long_data = render_report(short), render_report(long)
    assert page_count(long_data) >= page_count(short_data) + 3
    sizes = font_sizes(long_data, "zq")
    assert sizes and min(sizes) == max(sizes) == 10.0, sorted(set(sizes))
    assert whole(words) in flat(long_data)


def test_the_executive_summary_still_fits_one_page_when_it_can() -> None:
    pages = pdf_text(render_report(rich_assessment()))
    summary = next(number for number, page in enumerate(pages) if "Strongest dimensions" in page)
    assert "partnerships are strong at the top" in pages[summary]
    assert "Charts" in pages[summary + 1]


def _long(label: str, words: int = 400) -> str:
    return " ".join(f"{label}{n}" for n in range(words))


FIELDS: dict[str, Callable[[Assessment, str], None]] = {
    "owner": lambda a, text: setattr(a.pilots[0], "owner", text),
    "pilot notes": lambda a, text: setattr(a.pilots[0], "notes", text),
    "baseline": lambda a, text: setattr(a.pilots[0], "baseline", text),
    "measures": lambda a, text: setattr(a.pilots[0], "measures", [text, text[:50]]),
    "rationale": lambda a, text: a.set_consensus("a2.d1.q1", Consensus(3, rationale=text)),
    "dissent": lambda a, text: a.set_consensus("a2.d1.q1", Consensus(3, rationale="r", dissent=text)),
    "scope": lambda a, text: setattr(a.details, "scope", text),
    "organisation": lambda a, text: setattr(a.details, "organisation", text),
    "facilitator": lambda a, text: setattr(a.details, "facilitator", text),
    "consultant": lambda a, text: setattr(a.details, "consultant", text),
    "confidentiality": lambda a, text: setattr(a.branding, "confidentiality", text),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_very_long_field_is_reported_whole(field: str) -> None:
    assessment = rich_assessment()
    text = _long("w", 1500)
    FIELDS[field](assessment, text)
    data = render_report(assessment)
    if field not in {"organisation", "confidentiality"}:  # these also run in the header or footer, cut
        assert whole(text) in flat(data)


def test_a_very_long_report_title_wraps_on_the_cover_and_is_cut_at_a_word_in_the_header() -> None:
    assessment = rich_assessment()
    title = _long("title", 600)
    assessment.branding.report_title = title
    data = render_report(assessment)
    pages = pdf_text(data)
    assert whole(title) in flat(data)
    header = next(line for line in pages[-1].splitlines() if line.rstrip().endswith("…"))
    cut = header.rstrip()[:-1].split()[-1]
    assert cut in title.split(), header  # the ellipsis follows a whole word


def test_long_names_and_roles_are_shown_whole_when_names_are_on() -> None:
    assessment = rich_assessment()
    assessment.show_names = True
    for participant in assessment.participants:
        participant.show_name = True
    assessment.participants[0].name = _long("name", 300)
    assessment.participants[1].role = _long("role", 300)
    text = flat(render_report(assessment))
    assert whole(assessment.participants[0].name) in text
    assert whole(assessment.participants[1].role) in text


@pytest.mark.parametrize(
    "note",
    [
        "https://example.org/" + "a" * 5000,
        "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch" * 80,
        "Ζωή " * 2000,
        "\t".join(["tabbed"] * 300) + "\n" * 50 + "end",
    ],
    ids=["url", "welsh-word", "greek", "tabs-and-breaks"],
)
def test_long_unbroken_words_urls_and_odd_spacing_wrap(note: str) -> None:
    data = render_report(with_note(note))
    assert whole(note) in flat(data)


def test_control_characters_do_not_stop_the_report() -> None:
    note = "bell\x07 nul\x00 escape\x1b vertical\x0b formfeed\x0c next\x85 end"
    text = flat(render_report(with_note(note)))
    assert "bellnulescapeverticalformfeednextend" in text


def test_a_long_question_area_and_pilot_title_do_not_stop_the_report() -> None:
    from dataclasses import replace

    assessment = rich_assessment()
    questionnaire = assessment.questionnaire
    long_title = _long("area", 500)
    areas = list(questionnaire.areas)
    dimension = replace(
        areas[0].dimensions[0],
        title=_long("dim", 300),
        questions=(
            replace(areas[0].dimensions[0].questions[0], text=_long("question", 800)),
            *areas[0].dimensions[0].questions[1:],
        ),
    )
    areas[0] = replace(areas[0], title=long_title, dimensions=(dimension, *areas[0].dimensions[1:]))
    pilots = tuple(replace(p, title=_long("pilot", 300)) for p in questionnaire.pilots)
    assessment.questionnaire = replace(questionnaire, areas=tuple(areas), pilots=pilots)
    data = render_report(assessment)
    assert whole(long_title) in flat(data)


def test_an_unexpected_layout_failure_is_a_report_error_naming_the_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    from assessor import userdirs
    from assessor.report import template

    def broken(self: object, story: object) -> None:
        raise RuntimeError("a flowable went wrong")

    monkeypatch.setattr(template.ReportDocument, "build_report", broken)
    target = tmp_path / "report.pdf"  # type: ignore[operator]
    with pytest.raises(ReportError) as caught:
        write_report(rich_assessment(), target)
    message = str(caught.value)
    assert "could not be laid out" in message and str(userdirs.log_file()) in message
    assert "Traceback" not in message
    log = userdirs.log_file().read_text(encoding="utf-8")
    assert "RuntimeError: a flowable went wrong" in log and "Traceback" in log
    assert not target.exists() and not list(target.parent.iterdir())  # type: ignore[attr-defined]


def test_the_report_command_gives_a_message_and_exit_code_2_when_layout_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor import userdirs
    from assessor.cli import main
    from assessor.report import template

    def broken(self: object, story: object) -> None:
        raise ZeroDivisionError("division by zero somewhere in the layout")

    monkeypatch.setattr(template.ReportDocument, "build_report", broken)
    target = tmp_path / "out.pdf"  # type: ignore[operator]
    assert main(["report", "--demo", "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert "could not be laid out" in captured.err and str(userdirs.log_file()) in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert "ZeroDivisionError: division by zero" in userdirs.log_file().read_text(encoding="utf-8")
    assert not target.exists()


def test_clean_leaves_out_what_no_font_draws_and_keeps_the_rest() -> None:
    from assessor.report.markup import clean, one_line

    assert clean("Llŷn Ζωή zażółć التعاون 👩\u200d👩\u200d👧") == "Llŷn Ζωή zażółć التعاون 👩\u200d👩\u200d👧"
    assert clean("a\tb\r\nc\rd\u2028e\x00f\x07g\x85h\ud800i") == "a b\nc\nd\nefghi"
    assert one_line("  two\n\nlines\t here ") == "two lines here"


def test_fit_text_at_a_word_ends_the_start_at_a_whole_word() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from assessor.report.fonts import REGULAR, register_fonts
    from assessor.report.markup import fit_text

    register_fonts()
    text = "Partnership working across the county and its neighbours"
    for width in (60, 90, 120, 150):
        fitted = fit_text(text, REGULAR, 8, width, at_word=True)
        assert stringWidth(fitted, REGULAR, 8) <= width
        start = fitted[:-1]
        assert fitted.endswith("…") and text.startswith(start) and text[len(start)] == " "
    # One unbroken word can only be cut inside it.
    assert fit_text("x" * 500, REGULAR, 8, 50, at_word=True).startswith("xxx")
