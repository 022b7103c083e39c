"""The learning card: one page per chosen pilot, PDF and Markdown of the same content, and never a person's
name or role (nor the organisation's name unless the user opts in)."""

from __future__ import annotations

import copy
import dataclasses
import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from assessor.history.pilot_results import pilot_results
from assessor.model import Assessment, PilotLog, PilotProgress, Reading, StatusChange
from assessor.report.card import (
    CONTINUED,
    NO_RESULTS,
    STATUS_HEADINGS,
    CardOptions,
    UnknownPilotError,
    build_card,
    card_pilots,
    where_text,
)
from assessor.report.card_pdf import card_bytes, fitted_card
from assessor.report.markdown_writer import escape, markdown, unescape
from assessor.report.redaction import Redactor, people_redactor
from assessor.storage import load_assessment
from tests.report_helpers import pdf_text

ROOT = Path(__file__).resolve().parent.parent
ORGANISATION = "Northbridge Borough Council"


@pytest.fixture(scope="module")
def followup() -> Assessment:
    return load_assessment(ROOT / "resources" / "demo-followup.assessment").assessment


def fresh(assessment: Assessment) -> Assessment:
    """A copy to change (the frozen questionnaire is shared)."""
    return copy.deepcopy(assessment, {id(assessment.questionnaire): assessment.questionnaire})


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def card_texts(assessment: Assessment, pilot_id: str, options: CardOptions | None = None) -> tuple[str, str]:
    """The card's PDF text (with its properties and bookmarks) and its Markdown's text (escapes removed),
    each on one line."""
    fitted = fitted_card(assessment, pilot_id, options)
    reader = PdfReader(io.BytesIO(fitted.pdf))
    info = reader.metadata or {}
    properties = [
        str(info.get(key, "")) for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator")
    ]
    outline = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")  # type: ignore[index]
    text = " ".join([*pdf_text(fitted.pdf), *properties, *outline, xmp])
    return flat(text), flat(unescape(markdown(fitted.card.content)))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def occurrences(term: str, text: str) -> int:
    """How often ``term`` occurs in ``text`` as whole words, ignoring case."""
    wanted, found = words(term), words(text)
    if not wanted:
        return 0
    return sum(found[i : i + len(wanted)] == wanted for i in range(len(found) - len(wanted) + 1))


def people(assessment: Assessment) -> list[str]:
    """Every name and role the card must never show."""
    details = assessment.details
    found = [p.name for p in assessment.participants] + [p.role for p in assessment.participants if p.role]
    found += [c.owner for c in assessment.pilots if c.owner]
    found += [details.facilitator, details.consultant]
    for value in (details.facilitator, details.consultant):
        found += [part.strip() for part in value.split(",")]
    return [name for name in found if name.strip()]


def with_names_in_notes(assessment: Assessment) -> Assessment:
    """A copy whose every pilot's notes name people, their roles, the owner and the organisation."""
    copied = fresh(assessment)
    names = people(copied)
    mention = " ".join(f"{name} helped." for name in names) + f" {ORGANISATION} paid. The Northbridge site."
    for chosen in copied.pilots:
        log = chosen.log
        copied.set_pilot_log(
            chosen.pilot_id,
            dataclasses.replace(
                log,
                learnt=f"{log.learnt} {mention}",
                why=f"{mention} {log.why}",
                differently=f"Ask {names[0]} first. {log.differently}",
                statuses=tuple(dataclasses.replace(s, note=f"{s.note} {names[1]}") for s in log.statuses),
                # A value as typed may name someone too ("11 days per Helen Carter"): the card's change
                # column once quoted the values unredacted.
                readings=tuple(
                    dataclasses.replace(r, value=f"{r.value} per {names[3]}", note=f"{names[2]} counted")
                    for r in log.readings
                ),
                baselines=tuple(
                    dataclasses.replace(r, value=f"{r.value} per {names[4]}") for r in log.baselines
                ),
            ),
        )
    return copied


# What a card says --------------------------------------------------------------------------------------


def test_every_chosen_pilots_card_is_one_page_with_what_happened(followup: Assessment) -> None:
    chosen = card_pilots(followup)
    assert len(chosen) == 4
    for pilot in chosen:
        results = pilot_results(followup, pilot)
        fitted = fitted_card(followup, pilot.pilot_id)
        reader = PdfReader(io.BytesIO(fitted.pdf))
        assert len(reader.pages) == 1, pilot.pilot_id
        assert not fitted.is_cut  # the demo's texts fit whole
        assert reader.metadata is not None and reader.metadata.title == f"Learning card: {results.title}"
        pdf, md = card_texts(followup, pilot.pilot_id)
        expected = [results.title, STATUS_HEADINGS[results.status], flat(results.learnt)]
        expected += [m.change_words() for m in results.measures if m.change_words()]
        expected += [flat(results.why)] if results.why else []
        expected += [flat(results.differently)] if results.differently else []
        for text in expected:
            assert text in pdf, (pilot.pilot_id, text)
            assert text in md, (pilot.pilot_id, text)


def test_the_markdown_says_what_the_pdf_says(followup: Assessment) -> None:
    for pilot in card_pilots(followup):
        fitted = fitted_card(followup, pilot.pilot_id)
        pdf = words(" ".join(pdf_text(fitted.pdf)))
        footer = words(fitted.card.content.footer_note)  # drawn at the foot of the page
        assert pdf[-len(footer) :] == footer
        # Markdown's marks (#, -, **, |, ---) are not words: the words are the same, in the same order.
        assert words(unescape(markdown(fitted.card.content))) == pdf[: -len(footer)]


def test_a_stopped_pilot_makes_a_card_as_readily_as_a_scaled_one(followup: Assessment) -> None:
    pdf, md = card_texts(followup, "trial-with-research-partner")
    for text in (
        "Stopped: what we learnt",
        "Stopped on 15 October 2025.",
        "The stop/scale rule was followed.",
    ):
        assert text in pdf and text in md
    assert "31%, 20 April 2025" in pdf and "up 1" in pdf
    assert "Chosen 14 March 2025; started 1 May 2025; stopped 15 October 2025" in pdf
    scaled, _ = card_texts(followup, "fix-it-workshop")
    assert "Scaled: what worked" in scaled and "down 8" in scaled


def test_a_pilot_with_an_empty_log_still_makes_a_sensible_card(followup: Assessment) -> None:
    assessment = fresh(followup)
    assessment.set_pilot_log("community-investment-fund", PilotLog())
    fitted = fitted_card(assessment, "community-investment-fund")
    assert fitted.pages == 1 and fitted.card.status is PilotProgress.PROPOSED
    pdf, md = card_texts(assessment, "community-investment-fund")
    for text in (
        NO_RESULTS,
        STATUS_HEADINGS[PilotProgress.PROPOSED],
        "Where it stands",
        "Nothing recorded yet.",
    ):
        assert text in pdf and text in md
    assert "Measures planned:" in pdf


def test_long_notes_are_cut_to_keep_one_page(followup: Assessment) -> None:
    assessment = fresh(followup)
    long = " ".join(f"Sentence {n} of what the team learnt about the repairs process." for n in range(150))
    log = assessment.chosen_pilot("fix-it-workshop")
    assert log is not None
    many = tuple(
        Reading(
            f"2025-{m:02d}-01", "Time, cost or error rate of the process, before and after", f"{m} days", long
        )
        for m in range(1, 13)
    )
    assessment.set_pilot_log(
        "fix-it-workshop",
        dataclasses.replace(
            log.log,
            learnt=long,
            why=long,
            differently=long,
            readings=log.log.readings + many,
            statuses=log.log.statuses
            + tuple(StatusChange(f"2025-08-{d:02d}", PilotProgress.ON_TRACK, long) for d in range(1, 20)),
        ),
    )
    fitted = fitted_card(assessment, "fix-it-workshop")
    assert fitted.pages == 1 and fitted.is_cut
    pdf, md = card_texts(assessment, "fix-it-workshop")
    assert flat(CONTINUED) in pdf and flat(CONTINUED) in md
    assert "Sentence 0 of what the team learnt" in pdf


def test_the_same_assessment_makes_the_same_bytes(followup: Assessment) -> None:
    first = card_bytes(followup, "fix-it-workshop", "pdf")[0]
    assert card_bytes(fresh(followup), "fix-it-workshop", "pdf")[0] == first
    reader = PdfReader(io.BytesIO(first))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert fonts and all("DejaVu" in font for font in fonts), fonts
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4


def test_an_unknown_pilot_lists_the_chosen_ones(followup: Assessment) -> None:
    with pytest.raises(UnknownPilotError) as raised:
        build_card(followup, "no-such-pilot")
    message = str(raised.value)
    assert "no-such-pilot" in message
    for pilot in card_pilots(followup):
        assert pilot.pilot_id in message and pilot_results(followup, pilot).title in message


@pytest.mark.parametrize(
    ("kind", "nation", "noun", "expected"),
    [
        ("District council", "England", "council", "A district council in England"),
        ("unitary authority", "Wales", "council", "A unitary authority in Wales"),
        ("NHS trust", "Scotland", "organisation", "An NHS trust in Scotland"),
        ("integrated care board", "", "organisation", "An integrated care board"),
        ("", "Northern Ireland", "council", "A council in Northern Ireland"),
        ("", "", "council", "A council"),
        ("", "", "organisation", "A UK organisation"),
    ],
)
def test_where_is_said_by_kind_and_nation(
    followup: Assessment, kind: str, nation: str, noun: str, expected: str
) -> None:
    assessment = fresh(followup)
    assessment.set_details(dataclasses.replace(assessment.details, organisation_type=kind, nation=nation))
    assessment.questionnaire = dataclasses.replace(
        assessment.questionnaire,
        wording=dataclasses.replace(assessment.questionnaire.wording, organisation=noun),
    )
    redact = people_redactor(assessment)
    assert where_text(assessment, redact, name_organisation=False) == expected
    named = where_text(assessment, redact, name_organisation=True)
    assert named.startswith(f"{ORGANISATION}, ") and named.endswith(expected[1:])


# No people -------------------------------------------------------------------------------------------


def test_no_card_names_a_person_a_role_or_unless_asked_the_organisation(followup: Assessment) -> None:
    for assessment in (followup, with_names_in_notes(followup)):
        names = people(assessment)
        assert len(names) >= 15
        for pilot in card_pilots(assessment):
            for named in (False, True):
                pdf, md = card_texts(assessment, pilot.pilot_id, CardOptions(name_organisation=named))
                for text in (pdf, md):
                    for name in names:
                        assert occurrences(name, text) == 0, (pilot.pilot_id, name)
                    assert (occurrences(ORGANISATION, text) > 0) is named
                    if not named:
                        assert occurrences("Northbridge", text) == 0


def test_the_card_counts_what_it_took_out(followup: Assessment) -> None:
    assert fitted_card(followup, "fix-it-workshop").card.removed == 0
    card = build_card(with_names_in_notes(followup), "fix-it-workshop")  # nothing cut
    text = flat(unescape(markdown(card.content)))
    assert card.removed == sum(
        text.count(phrase) for phrase in ("[a colleague]", "[a role]", "[the council]")
    )
    assert card.removed >= 40
    assert "[a colleague] helped." in text and "[a role] helped." in text and "[the council] paid." in text


def test_addresses_are_taken_out_and_ordinary_words_left_alone(followup: Assessment) -> None:
    redact = people_redactor(followup)
    typed = (
        "Council tax letters went out. Published on www.northbridge.gov.uk/trials and northbridge.gov.uk; "
        "mail helen.carter@example.org. See https://example.org/guide, e.g. 3.5 days. Helen said so; "
        "the director of resources agreed, as did Cllr Aisha Begum."
    )
    assert redact(typed) == (
        "Council tax letters went out. Published on [the council] and [the council]; mail [an email address]. "
        "See https://example.org/guide, e.g. 3.5 days. [a colleague] said so; the [a role] agreed, as did "
        "[a colleague]."
    )
    assert redact.removed == 6
    initials = Redactor()
    initials.add_name("A")
    initials.add_details("-, J", person=True)
    assert initials("A plan - a good one, J thought.") == "A plan - a good one, J thought."
    named = people_redactor(followup, name_organisation=True)
    assert named("On www.northbridge.gov.uk, Northbridge Borough Council.") == (
        "On www.northbridge.gov.uk, Northbridge Borough Council."
    )


#: Names to hide: Welsh, hostile unicode, short names that are inside other words.
HOSTILE_NAMES = [
    "Siân ap Dafydd",
    "Gwenllian Ŷwain",
    "Rhodri Ŵynne",
    "Ann Lee",
    "Ed Al",
    "Zoë O'Brien",
    "Jürgen Groß",
    "İlkay Öztürk",
    "Ιωάννης Παπαδόπουλος",
    "Олена Коваль",
    "محمد علي",
    "李雷",
    "Dylan Thomas-Jones",
]
#: Ordinary words that hold the names above inside them: none may be changed.
ORDINARY = "Annual planning: the editor's ale, a thomasina, allegedly grossly edited; Dafyddiaid and plans."

name_text = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzâêîôûŵŷäöüßıİçğşéèñøåłńśźżαβγδλωжзийклмнпр"),
    min_size=2,
    max_size=9,
).map(lambda s: s[:1].upper() + s[1:])
names = st.one_of(st.sampled_from(HOSTILE_NAMES), st.builds(lambda a, b: f"{a} {b}", name_text, name_text))
variants = st.sampled_from(
    [
        str,
        str.upper,
        str.lower,
        str.title,
        lambda s: unicodedata.normalize("NFD", s),  # "Sia\u0302n": the accents typed apart
        lambda s: s.replace(" ", "\n  "),  # broken across lines
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=names,
    role=names,
    owner=names,
    case=variants,
    where=st.sampled_from(["learnt", "why", "differently", "note"]),
)
def test_no_name_survives_in_the_free_text(
    followup: Assessment, name: str, role: str, owner: str, case: object, where: str
) -> None:
    ordinary_words = set(words(ORDINARY)) | set(words("What we learnt Stopped rule colleague role council"))
    assume_clear = all(set(words(n)).isdisjoint(ordinary_words) for n in (name, role, owner))
    if not assume_clear:
        return
    assessment = fresh(followup)
    assessment.participants[0].name = name
    assessment.participants[0].role = f"Head of {role}"
    chosen = assessment.chosen_pilot("trial-with-research-partner")
    assert chosen is not None
    assessment.set_pilot(dataclasses.replace(chosen, owner=owner))
    vary = case if callable(case) else str
    mention = f"{ORDINARY} {vary(name)} and {vary('Head of ' + role)} spoke; {vary(owner)} agreed."
    log = chosen.log
    changed = {
        "learnt": {"learnt": mention},
        "why": {"why": mention},
        "differently": {"differently": mention},
        "note": {"statuses": tuple(dataclasses.replace(s, note=mention) for s in log.statuses)},
    }[where]
    assessment.set_pilot_log("trial-with-research-partner", dataclasses.replace(log, **changed))
    fitted = fitted_card(assessment, "trial-with-research-partner")
    card = fitted.card
    md = flat(unescape(markdown(card.content)))
    pdf = flat(" ".join(pdf_text(fitted.pdf)))
    for text in (md, pdf):
        assert flat(ORDINARY) in text
        for hidden in (name, f"Head of {role}", owner):
            assert occurrences(hidden, text) == 0, (hidden, text)
    assert card.removed >= 3


def test_markdown_escapes_what_the_team_typed() -> None:
    typed = "# not a heading *not bold* [not](a link) <b>not html</b> | pipe\n1. not a list\n- nor this"
    assert unescape(escape(typed)) == typed
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(escape(typed))
    assert "<h1>" not in html and "<em>" not in html and "<a " not in html and "<ol>" not in html
    assert "<ul>" not in html and "<b>" not in html


# The command line --------------------------------------------------------------------------------------

FOLLOWUP = ROOT / "resources" / "demo-followup.assessment"


def test_the_command_writes_a_pdf_or_markdown_by_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.cli import main

    assert (
        main(["learning-card", str(FOLLOWUP), "trial-with-research-partner", "-o", str(tmp_path / "c.pdf")])
        == 0
    )
    assert "Learning card written" in capsys.readouterr().out
    pages = pdf_text((tmp_path / "c.pdf").read_bytes())
    assert len(pages) == 1 and "Stopped: what we learnt" in pages[0]
    assert (
        main(["learning-card", str(FOLLOWUP), "trial-with-research-partner", "-o", str(tmp_path / "c.md")])
        == 0
    )
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert md.startswith("Learning card\n\n# A fair test with a research partner\n")
    assert "Northbridge" not in md and "Northbridge" not in pages[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.md", "c.pdf"]


def test_the_command_names_the_organisation_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.cli import main

    out = tmp_path / "c.md"
    assert (
        main(["learning-card", str(FOLLOWUP), "fix-it-workshop", "-o", str(out), "--name-organisation"]) == 0
    )
    assert ORGANISATION in out.read_text(encoding="utf-8")


def test_the_command_says_how_many_names_it_took_out(
    tmp_path: Path, followup: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.cli import main
    from assessor.storage import save_assessment

    source = save_assessment(with_names_in_notes(followup), tmp_path / "named.assessment")
    assert main(["learning-card", str(source), "fix-it-workshop", "-o", str(tmp_path / "c.pdf")]) == 0
    err = capsys.readouterr().err
    assert re.search(r"\b\d{2,} names or roles of people .* taken out", err), err


def test_the_command_writes_every_card_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.cli import main

    assert main(["learning-card", str(FOLLOWUP), "--all", "--markdown", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "1 fix-it-workshop.md",
        "2 trial-with-research-partner.md",
        "3 community-investment-fund.md",
        "4 what-did-not-work.md",
    ]
    assert "4 learning cards written" in capsys.readouterr().out


@pytest.mark.parametrize("pilot", ["no-such-pilot", None])
def test_an_unknown_pilot_is_bad_input_listing_the_chosen_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pilot: str | None
) -> None:
    from assessor.cli import main
    from assessor.cli.exit_codes import EXIT_BAD_INPUT

    args = ["learning-card", str(FOLLOWUP), *([pilot] if pilot else []), "-o", str(tmp_path / "c.pdf")]
    assert main(args) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "fix-it-workshop  (1. A fix-it workshop on one process)" in err
    assert "what-did-not-work  (4. Share what did not work)" in err
    assert "Traceback" not in err and list(tmp_path.iterdir()) == []


def test_a_locked_target_is_a_message_exit_2_and_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from assessor.cli import main
    from assessor.cli.exit_codes import EXIT_BAD_INPUT

    target = tmp_path / "card.pdf"
    target.write_bytes(b"the old card")

    def locked(*args: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(os, "replace", locked)
    assert main(["learning-card", str(FOLLOWUP), "fix-it-workshop", "-o", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert str(target) in err and "close it" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["card.pdf"] and target.read_bytes() == b"the old card"


def test_a_missing_folder_or_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assessor.cli import main
    from assessor.cli.exit_codes import EXIT_BAD_INPUT

    assert (
        main(["learning-card", str(FOLLOWUP), "fix-it-workshop", "-o", str(tmp_path / "no" / "c.pdf")])
        == EXIT_BAD_INPUT
    )
    assert "does not exist" in capsys.readouterr().err
    assert main(["learning-card", str(tmp_path / "none.assessment"), "x", "-o", str(tmp_path / "c.pdf")]) == (
        EXIT_BAD_INPUT
    )
    assert main(["learning-card", str(FOLLOWUP), "--all", "-o", str(tmp_path / "c.pdf")]) == EXIT_BAD_INPUT
    assert "not a folder" in capsys.readouterr().err


def test_a_folder_that_refuses_writing_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from assessor.cli import main
    from assessor.cli.exit_codes import EXIT_BAD_INPUT

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores folder permissions
    assert (
        main(["learning-card", str(FOLLOWUP), "fix-it-workshop", "-o", str(tmp_path / "c.pdf")])
        == EXIT_BAD_INPUT
    )
    assert "cannot be written in" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
