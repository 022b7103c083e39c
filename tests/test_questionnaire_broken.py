"""One small broken file per kind of error: each is refused, naming the right line and saying what is wrong.

Every file under tests/data/broken/ must appear in BROKEN, so that a new broken file cannot go untested.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.questionnaire import QuestionnaireError, load_questionnaire

BROKEN_DIR = Path(__file__).resolve().parent / "data" / "broken"

#: file -> (line, words the message must contain, how many problems the file has in all)
BROKEN: dict[str, tuple[int, str, int]] = {
    "unknown-key.yaml": (30, "unknown key 'titel' in the area 'enablers'. Did you mean 'title'?", 1),
    "missing-key.yaml": (36, "the question 'capacity.time' has no 'text'", 1),
    "wrong-type-bool.yaml": (31, "'enabler' should be true or false, not 'perhaps'", 1),
    "wrong-type-list.yaml": (4, "'title' should be text, not a list", 1),
    "bad-id.yaml": (33, "'Staff Capacity' is not a valid id", 1),
    "duplicate-id.yaml": (36, "the question id 'aims.written' is already used on line 22", 1),
    "duplicate-key.yaml": (31, "the key 'title' appears twice in an area (first on line 30)", 1),
    "descriptor-missing.yaml": (39, "has no descriptor for level 3 (High)", 1),
    "descriptor-empty.yaml": (40, "the descriptor for level 2 is empty", 1),
    "descriptor-extra-level.yaml": (42, "the scale has no level 4", 1),
    "unknown-trigger.yaml": (
        52,
        "names the dimension 'capacty', but there is no such dimension. Did you mean 'capacity'?",
        1,
    ),
    "unknown-source.yaml": (
        20,
        "names the source 'path', but there is no such source. Did you mean 'pat'?",
        1,
    ),
    "unknown-pilot-area.yaml": (
        45,
        "names the area 'enabler', but there is no such area. Did you mean 'enablers'?",
        1,
    ),
    "pilot-no-outcomes.yaml": (47, "has no outcomes. List at least one measurable outcome", 1),
    "pilot-missing-outcomes.yaml": (43, "the pilot 'share-learning' has no 'outcomes'", 1),
    "pilot-missing-cost.yaml": (43, "the pilot 'share-learning' has no 'cost'. Add it: it is required.", 1),
    "pilot-empty-first-step.yaml": (51, "'first_step' is empty. Write text here.", 1),
    "weight-zero.yaml": (24, "is 0; a weight must be a positive number", 1),
    "weight-text.yaml": (24, "'weight' should be a number, not 'heavy'", 1),
    "scale-not-increasing.yaml": (13, "level values must increase", 1),
    "too-few-levels.yaml": (11, "the scale has 2 levels; it needs 3 to 7", 1),
    "too-many-levels.yaml": (11, "the scale has 8 levels; it needs 3 to 7", 1),
    "two-always-recommend.yaml": (64, "only one pilot may have 'always_recommend: true'", 1),
    "bands-not-descending.yaml": (17, "bands must be listed from the highest down", 1),
    "cap-level-not-on-scale.yaml": (15, "'cap_level' is 5, but the scale has no such level", 1),
    "unknown-effort.yaml": (54, "it must be low, medium or high. Did you mean 'medium'?", 1),
    "unsupported-format.yaml": (2, "format 2 is not supported", 1),
    "flow-comma.yaml": (12, "put the whole text in quotes", 2),
    "two-documents.yaml": (6, "a second YAML document starts here", 1),
    "not-utf8.yaml": (4, "the file is not UTF-8 text (byte 0xe9 here)", 1),
    "empty.yaml": (1, "the file is empty", 1),
    "comments-only.yaml": (1, "it is empty", 1),
    "syntax-error.yaml": (5, "this is not valid YAML", 1),
    "not-a-mapping.yaml": (2, "the file holds a list, not a questionnaire", 1),
    "plain-text.yaml": (1, "not a questionnaire. Its top level must be keys with values", 1),
    "python-tag.yaml": (4, "the tag '!!python/object/apply:os.system' is not allowed", 1),
    "alias.yaml": (39, "aliases ('*nothing') are not allowed", 1),
    "billion-laughs.yaml": (3, "aliases ('*lol0') are not allowed", 6),
    "deep-nesting.yaml": (42, "nests deeper than 40 levels", 1),
    "several-problems.yaml": (3, "'Several Problems' is not a valid id", 4),
}


def test_every_broken_file_is_in_the_table() -> None:
    assert sorted(path.name for path in BROKEN_DIR.glob("*.yaml")) == sorted(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_names_its_line_and_problem(name: str) -> None:
    line, gist, count = BROKEN[name]
    path = BROKEN_DIR / name
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    problems = caught.value.problems
    assert len(problems) == count, caught.value.render()
    first = problems[0]
    assert (first.file, first.line) == (str(path), line), caught.value.render()
    assert gist in first.message
    assert first.column >= 1
    assert str(first) == f"{path}:{first.line}:{first.column}: {first.message}"


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    path = BROKEN_DIR / "several-problems.yaml"
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    lines = [(p.line, p.message.split(".")[0]) for p in caught.value.problems]
    assert lines == [
        (3, "'Several Problems' is not a valid id: use lower-case letters, digits, '-', '_' and '"),
        (13, "unknown key 'titel' in the area 'only'"),
        (20, "the weight of the question 'dim"),
        (22, "the question 'dim"),
    ]
    assert caught.value.render().count("\n") == 3


def test_a_missing_file_and_a_folder_are_problems_of_the_whole_file(tmp_path: Path) -> None:
    for path, gist in ((tmp_path / "none.yaml", "no such file"), (tmp_path, "this is a folder")):
        with pytest.raises(QuestionnaireError) as caught:
            load_questionnaire(path)
        (problem,) = caught.value.problems
        assert problem.line == 0 and gist in problem.message
        assert str(problem) == f"{path}: {problem.message}"
