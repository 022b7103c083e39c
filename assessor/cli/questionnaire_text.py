"""``python main.py print-questionnaire [FILE] [-o OUT.md]``: a questionnaire as Markdown.

It prints the whole questionnaire, to read or review away from the application: the scale, every area,
dimension and question with its guidance, level descriptors and evidence prompts, then the starter-pilot
library and the sources. With no FILE it prints the default questionnaire shipped with the application.
``markdown(q)`` is the renderer, for anything else that wants the same text.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from assessor.cli.console import write_utf8
from assessor.cli.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from assessor.model.questionnaire import Dimension, Pilot, Question, Questionnaire
from assessor.paths import questionnaires_dir
from assessor.questionnaire import QuestionnaireError, load_questionnaire

#: The file name of the questionnaire shipped as the default.
DEFAULT_QUESTIONNAIRE = "council-collaboration.yaml"

_EFFORT = {"low": "Low", "medium": "Medium", "high": "High"}


def default_questionnaire_path() -> Path:
    """Where the shipped default questionnaire is."""
    return questionnaires_dir() / DEFAULT_QUESTIONNAIRE


def _escape(text: str) -> str:
    """Text made safe to place in Markdown: characters that would start emphasis or code are escaped."""
    for char in ("\\", "`", "*", "_", "[", "]"):
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of plain text, joined into lines.

    A short first line with no full stop, followed by more text, is a heading (as in the facilitator's guide)
    and is printed in bold.
    """
    out: list[str] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and len(lines[0]) < 60 and not lines[0].endswith("."):
            out.append(f"**{_escape(lines[0])}**")
            lines = lines[1:]
        out.append(_escape(" ".join(lines)))
    return out


def _header(q: Questionnaire) -> list[str]:
    lines = [f"# {_escape(q.title)}", "", f"Version {_escape(q.version)}"]
    if q.authors:
        lines[-1] += " · " + _escape(", ".join(q.authors))
    lines.append("")
    if q.description:
        lines += [_escape(q.description), ""]
    numbers = (
        (len(q.areas), "area"),
        (len(q.dimensions), "dimension"),
        (q.question_count, "question"),
        (len(q.pilots), "starter pilot"),
    )
    counts = ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in numbers) + "."
    lines += [counts, ""]
    return lines


def _scale(q: Questionnaire) -> list[str]:
    lines = ["## The scale", "", "| Level | Name | What it means |", "|---|---|---|"]
    for level in q.scale.levels:
        lines.append(
            f"| {level.value} | {_escape(level.name)} | {_escape(level.descriptor).replace('|', '/')} |"
        )
    lines.append("")
    if q.scale.allow_dont_know:
        lines += [
            "**Don't know** may be answered: it is left out of the scores and counted as a visibility gap.",
            "",
        ]
    if q.scale.allow_not_applicable:
        lines += [
            "**Not applicable** may be answered only for questions that say when it applies; "
            "it is left out of the scores.",
            "",
        ]
    return lines


def _question(number: int, question: Question, q: Questionnaire) -> list[str]:
    lines = [f"#### Q{number}. {_escape(question.text)}", "", f"`{question.id}`", ""]
    if question.guidance:
        lines += [f"*Guidance:* {_escape(question.guidance)}", ""]
    for level in q.scale.levels:
        descriptor = question.descriptors.get(level.value, "")
        lines.append(f"- **{level.value} {_escape(level.name)}:** {_escape(descriptor)}")
    lines.append("")
    if q.scale.allow_not_applicable and question.allow_not_applicable and question.not_applicable_when:
        lines += [f"*Not applicable when:* {_escape(question.not_applicable_when)}", ""]
    if question.evidence:
        lines += ["*Evidence to look at:*", ""]
        lines += [f"- {_escape(item)}" for item in question.evidence]
        lines.append("")
    return lines


def _dimension(dimension: Dimension, source_titles: dict[str, str]) -> list[str]:
    lines = [f"### {_escape(dimension.title)}", ""]
    if dimension.description:
        lines += [_escape(dimension.description), ""]
    if dimension.sources:
        names = "; ".join(_escape(source_titles.get(s, s)) for s in dimension.sources)
        lines += [f"*Draws on:* {names}", ""]
    return lines


def _areas(q: Questionnaire) -> list[str]:
    lines: list[str] = []
    titles = {source.id: source.title for source in q.sources}
    number = 0
    for index, area in enumerate(q.areas, start=1):
        kind = " (cross-cutting enablers)" if area.enabler else ""
        lines += [f"## Area {index}: {_escape(area.title)}{kind}", ""]
        if area.description:
            lines += [_escape(area.description), ""]
        for dimension in area.dimensions:
            lines += _dimension(dimension, titles)
            for question in dimension.questions:
                number += 1
                lines += _question(number, question, q)
    return lines


def _pilot(pilot: Pilot, q: Questionnaire) -> list[str]:
    area = next((a.title for a in q.areas if a.id == pilot.area), pilot.area)
    lines = [f"### {_escape(pilot.title)}", ""]
    facts = f"*Area:* {_escape(area)} · *Effort:* {_EFFORT.get(pilot.effort, _escape(pilot.effort))}"
    if pilot.always_recommend:
        facts += " · *Always recommended*"
    lines += [facts, "", _escape(pilot.summary), ""]
    for example in pilot.examples:
        label = "Example" if example.verified else "Reported example (not verified)"
        if example.background:
            label = "Background" if example.verified else "Reported background (not verified)"
        lines += [f"*{label}:* {_escape(example.body)} *Source:* {_escape(example.source)}", ""]
    lines += ["*Measurable outcomes:*", ""] + [f"- {_escape(item)}" for item in pilot.outcomes] + [""]
    lines += [f"*Baseline to take first:* {_escape(pilot.baseline)}", ""]
    if pilot.size:
        lines += [f"*Typical size:* {_escape(pilot.size)}", ""]
    if pilot.timescale:
        lines += [f"*Timescale:* {_escape(pilot.timescale)}", ""]
    if pilot.cost:
        lines += [f"*Typical cost:* {_escape(pilot.cost)}", ""]
    if pilot.first_step:
        lines += [f"*First two weeks:* {_escape(pilot.first_step)}", ""]
    lines += [f"*Stop or scale:* {_escape(pilot.stop_scale_rule)}", ""]
    triggers = "; ".join(
        _escape(q.dimensions[d].title) if d in q.dimensions else _escape(d) for d in pilot.triggers
    )
    lines += [f"*Suggested when these score low:* {triggers}", ""]
    return lines


def markdown(q: Questionnaire) -> str:
    """The whole questionnaire as Markdown text, ending with a newline."""
    lines = _header(q) + _scale(q) + _areas(q)
    if q.pilots:
        lines += ["## Starter pilots", ""]
        for pilot in q.pilots:
            lines += _pilot(pilot, q)
    if q.guide:
        lines += ["## Facilitator's guide", ""]
        for paragraph in _paragraphs(q.guide):
            lines += [paragraph, ""]
    if q.sources or q.attribution or q.licence:
        lines += ["## Sources and credits", ""]
        if q.attribution:
            lines += [_escape(q.attribution), ""]
        lines += [
            f"- **{_escape(s.title)}**" + (f": {_escape(s.citation)}" if s.citation else "")
            for s in q.sources
        ]
        lines.append("")
        if q.licence:
            lines += [f"*Licence:* {_escape(q.licence)}", ""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=f"a questionnaire YAML file (default: the shipped {DEFAULT_QUESTIONNAIRE})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.md",
        help="write the Markdown to this file (replaced if it exists) instead of printing it",
    )


def run(args: argparse.Namespace) -> int:
    path = Path(args.file) if args.file else default_questionnaire_path()
    try:
        questionnaire = load_questionnaire(path)
    except QuestionnaireError as error:
        print(error.render(), file=sys.stderr)
        print(f"Could not print {os.fspath(path)!r}: fix the problems above and try again.", file=sys.stderr)
        return EXIT_BAD_INPUT
    text = markdown(questionnaire)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            print(
                f"Could not write {args.output!r}: {error.strerror or error}. "
                "Check the folder exists and you may write to it.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        print(f"Wrote {args.output}")
        return EXIT_OK
    # UTF-8 whatever the console's encoding, so "£" and Welsh letters never stop the output.
    write_utf8(text)
    return EXIT_OK
