"""The commentary's Markdown subset: what is read as paragraphs, lists, headings, bold and italic, what stays
literal text (HTML, links, images, code), and that no text at all breaks the blocks or the report."""

from __future__ import annotations

import io
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from assessor.model import ScoringSettings
from assessor.report import blocks as report_blocks
from assessor.report import render_report
from assessor.report.commentary import commentary_blocks
from assessor.report.fonts import register_fonts
from assessor.report.markdown_blocks import (
    BulletList,
    Heading,
    NumberedList,
    Paragraph,
    Run,
    commentary_text,
    parse,
    plain_text,
)
from assessor.report.pdf import PdfRenderer, markup
from assessor.report.styles import make_styles
from tests.report_helpers import pdf_text, rich_assessment
from tests.report_text import word_document, word_texts


def commentary_flowables(text: str) -> list[object]:
    """A commentary as the PDF renderer lays it out."""
    register_fonts()
    return list(PdfRenderer(make_styles("#1F4E79"), ScoringSettings()).flowables(commentary_blocks(text)))


def test_paragraphs_headings_and_emphasis() -> None:
    blocks = parse("# What we heard\n\nStrong **at the top**, *thin* below and _here_.\nA new line.\n\nTwo.")
    assert blocks == [
        Heading((Run("What we heard"),)),
        Paragraph(
            (
                Run("Strong "),
                Run("at the top", bold=True),
                Run(", "),
                Run("thin", italic=True),
                Run(" below and "),
                Run("here", italic=True),
                Run(".\nA new line."),
            )
        ),
        Paragraph((Run("Two."),)),
    ]


def test_every_heading_level_is_the_one_heading() -> None:
    assert parse("## Two\n### Three") == [Heading((Run("Two"),)), Heading((Run("Three"),))]


def test_bold_italic_together() -> None:
    [paragraph] = parse("***both*** and **bold _in italic_**")
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == (
        Run("both", bold=True, italic=True),
        Run(" and "),
        Run("bold ", bold=True),
        Run("in italic", bold=True, italic=True),
    )


def test_lists_bullets_numbers_and_nesting() -> None:
    blocks = parse("- one\n- two\n  - inner\n- three\n\n3. third\n4. fourth\n   1. sub\n5. fifth")
    assert blocks == [
        BulletList(((Run("one"),), (Run("two"),))),
        BulletList(((Run("inner"),),), level=1),
        BulletList(((Run("three"),),)),
        NumberedList(((Run("third"),), (Run("fourth"),)), start=3),
        NumberedList(((Run("sub"),),), level=1, start=1),
        NumberedList(((Run("fifth"),),), start=5),
    ]


def test_a_list_item_of_two_paragraphs_keeps_both() -> None:
    [bullets] = parse("- first part\n\n  second part\n- next")
    assert bullets == BulletList(((Run("first part\nsecond part"),), (Run("next"),)))


@pytest.mark.parametrize(
    "text",
    [
        "<b>not bold</b> <script>alert(1)</script>",
        "[a link](http://example.com) <http://example.com>",
        "![an image](picture.png)",
        "`code` and ``more``",
        "> not a quote",
        "&amp; &lt; &#65;",
        "~~not struck~~",
        "| a | b |\n|---|---|\n| 1 | 2 |",
    ],
)
def test_everything_else_stays_literal_text(text: str) -> None:
    blocks = parse(text)
    assert all(isinstance(block, Paragraph) for block in blocks)
    assert all(not run.bold and not run.italic for block in blocks for run in block.runs)  # type: ignore[union-attr]
    assert plain_text(blocks) == text


def test_indented_and_fenced_code_is_text() -> None:
    assert commentary_text("    indented\n\n```\nfenced\n```") == "indented\n\n```\nfenced\n```"


def test_a_backslash_keeps_a_mark_literal() -> None:
    assert commentary_text(r"\*not italic\* and 2\. not a list") == "*not italic* and 2. not a list"


def test_plain_text_for_the_preview() -> None:
    text = "# Heading\n\nSome **bold** text.\n\n- a\n- b\n  - c\n\n2. two\n3. three\n   more"
    assert (
        commentary_text(text)
        == "Heading\n\nSome bold text.\n\n• a\n• b\n\n  • c\n\n2. two\n3. three\n   more"
    )
    assert commentary_text("") == commentary_text("  \n ") == ""


def test_markup_is_escaped_before_bold_and_italic() -> None:
    runs = (report_blocks.Run("<b>&x</b>"), report_blocks.Run("y\nz", bold=True, italic=True))
    assert markup(runs) == "&lt;b&gt;&amp;x&lt;/b&gt;<b><i>y<br/>z</i></b>"


def test_the_commentary_becomes_the_reports_blocks() -> None:
    text = "# What we heard\n\nStrong **at the top**.\n\n- a\n  - b\n\n3. three\n4. *four*"
    assert commentary_blocks(text) == [
        report_blocks.Heading("What we heard", 2, toc=False),
        report_blocks.Paragraph(
            (
                report_blocks.Run("Strong "),
                report_blocks.Run("at the top", bold=True),
                report_blocks.Run("."),
            ),
            "quote",
        ),
        report_blocks.BulletList(((report_blocks.Run("a"),),), quote=True),
        report_blocks.BulletList(((report_blocks.Run("b"),),), quote=True, level=1),
        report_blocks.NumberedList(
            ((report_blocks.Run("three"),), (report_blocks.Run("four", italic=True),)), quote=True, start=3
        ),
    ]
    # Control characters are cleaned as in every other block.
    [paragraph] = commentary_blocks("a\x01b")
    assert isinstance(paragraph, report_blocks.Paragraph) and report_blocks.runs_text(paragraph.runs) == "ab"


def test_a_lone_mark_is_shown_as_written() -> None:
    for text in ("-", "#", "1.", "*"):
        assert commentary_blocks(text) == [report_blocks.Paragraph((report_blocks.Run(text),), "quote")]
        [paragraph] = commentary_flowables(text)
        assert paragraph.getPlainText() == text  # type: ignore[attr-defined]


def test_the_report_shows_the_formatted_commentary() -> None:
    assessment = rich_assessment()
    assessment.commentary.overall = (
        "# What we heard\n\nStrong **at the top**.\n\n- first point\n- second <b>point</b>\n\n"
        "1. agree stop rules\n2. publish [results](http://x)"
    )
    assessment.commentary.areas["a1"] = "*Relationships* depend on two people."
    data = render_report(assessment)
    text = "\n".join(pdf_text(data))
    for expected in (
        "What we heard",
        "Strong at the top.",
        "• first point",
        "• second <b>point</b>",
        "1. agree stop rules",
        "2. publish [results](http://x)",
        "Relationships depend on two people.",
    ):
        assert expected in text, expected
    assert "**" not in text and "# What" not in text
    fonts = _fonts(data)
    assert any(name.endswith("DejaVuSans-Oblique") for name in fonts)
    assert any(name.endswith("DejaVuSans-Bold") for name in fonts)
    # The Word document shows the same commentary, with the same bold, italic, lists and heading.
    document = word_document(render_report(assessment, file_format="docx"))
    said = "\n".join(word_texts(document))
    for expected in ("What we heard", "Strong at the top.", "second <b>point</b>", "agree stop rules"):
        assert expected in said, expected
    assert "**" not in said and "# What" not in said
    paragraphs = document.paragraphs
    strong = next(p for p in paragraphs if p.text == "Strong at the top.")
    assert [(run.text, bool(run.bold)) for run in strong.runs] == [
        ("Strong ", False),
        ("at the top", True),
        (".", False),
    ]
    italic = next(p for p in paragraphs if p.text == "Relationships depend on two people.")
    assert italic.runs[0].text == "Relationships" and italic.runs[0].italic
    assert next(p for p in paragraphs if p.text == "What we heard").style.name == "Heading 3"
    assert next(p for p in paragraphs if p.text == "first point").style.name == "List Bullet"
    assert next(p for p in paragraphs if p.text == "agree stop rules").style.name == "List Number"


def test_a_report_without_italic_embeds_no_italic_face() -> None:
    assessment = rich_assessment()
    assessment.commentary.overall = "Plain words only."
    fonts = _fonts(render_report(assessment))
    assert not any("Oblique" in name for name in fonts)


def _fonts(data: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for font in (font_dict or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_many_marks_are_read_quickly() -> None:
    started = time.perf_counter()
    for text in ("*" * 20_000, "_a" * 10_000, "- " * 5_000, "1. " * 5_000, "  - x\n" * 2_000, "#" * 10_000):
        parse(text)
    assert time.perf_counter() - started < 5


markdownish = st.lists(
    st.sampled_from(
        ["*", "**", "_", "#", "# ", "- ", "1. ", "\n", "\n\n", "  ", "<b>", "&", "\\", "`", "x", "é"]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), markdownish))
def test_any_text_gives_blocks_that_lay_out(text: str) -> None:
    blocks = parse(text)
    plain_text(blocks)
    story = commentary_flowables(text)
    SimpleDocTemplate(io.BytesIO()).build(story)  # type: ignore[arg-type]


@settings(max_examples=6, deadline=None)
@given(markdownish)
def test_any_commentary_makes_a_report(text: str) -> None:
    assessment = rich_assessment()
    assessment.commentary.overall = text
    assessment.commentary.areas["a1"] = text
    assert render_report(assessment).startswith(b"%PDF")


def test_the_blocks_need_no_reportlab_and_load_markdown_it_when_first_read() -> None:
    import subprocess

    code = (
        "import sys, assessor.report.markdown_blocks as m\n"
        "assert 'reportlab' not in sys.modules and 'markdown_it' not in sys.modules\n"
        "m.parse('')\n"
        "assert 'markdown_it' not in sys.modules\n"
        "m.parse('*x*')\n"
        "assert 'markdown_it' in sys.modules and 'reportlab' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
