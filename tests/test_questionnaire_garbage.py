"""Whatever it is given, the loader either returns a questionnaire or raises QuestionnaireError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model.questionnaire import Questionnaire
from assessor.questionnaire import QuestionnaireError, questionnaire_from_text

EXAMPLE = (Path(__file__).resolve().parent / "data" / "example-partnership-check.yaml").read_text(
    encoding="utf-8"
)
EXAMPLE_LINES = EXAMPLE.splitlines(keepends=True)
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces of YAML syntax, so that random text is often YAML with odd structure, not just a plain string.
yaml_bits = st.sampled_from(
    [
        "\n",
        "  ",
        "- ",
        ": ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!x ",
        "'",
        '"',
        "#",
        "---\n",
        "? ",
        "|\n",
        ">\n",
        "format: 1\n",
        "id: x\n",
        "1: ",
        "null",
        "true",
        "~",
        "\t",
        "%YAML 1.1\n",
        "areas:\n",
        "descriptors:\n",
        "\x00",
        "\ufeff",
        "é",
        ".inf",
        "0x1F",
        "1e999",
    ]
)


def outcome(text: str | bytes) -> Questionnaire | None:
    try:
        return questionnaire_from_text(text, file="garbage.yaml")
    except QuestionnaireError as error:
        assert error.problems, "an error must name at least one problem"
        assert all(problem.file == "garbage.yaml" and problem.line >= 0 for problem in error.problems)
        assert all(problem.message for problem in error.problems)
        return None


@FEW
@given(st.lists(yaml_bits | st.text(max_size=8), max_size=40).map("".join))
def test_random_yaml_like_text(text: str) -> None:
    outcome(text)


@FEW
@given(st.binary(max_size=200))
def test_random_bytes(data: bytes) -> None:
    outcome(data)


@FEW
@given(
    st.lists(
        st.tuples(st.integers(0, len(EXAMPLE_LINES) - 1), st.sampled_from(["drop", "dup", "indent", "cut"])),
        min_size=1,
        max_size=4,
    )
)
def test_mangled_copies_of_a_valid_file(edits: list[tuple[int, str]]) -> None:
    lines = list(EXAMPLE_LINES)
    for index, edit in edits:
        index = min(index, len(lines) - 1)
        if edit == "drop":
            del lines[index]
        elif edit == "dup":
            lines.insert(index, lines[index])
        elif edit == "indent":
            lines[index] = "  " + lines[index]
        else:
            lines[index] = lines[index][: len(lines[index]) // 2] + "\n"
        if not lines:
            break
    result = outcome("".join(lines))
    if result is not None:
        assert result.scale.levels and all(
            len(q.descriptors) == len(result.scale.levels) for q in result.iter_questions()
        )
