"""Hostile files are refused quickly and safely: no object construction, no expansion, no huge reads."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from assessor.questionnaire import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    QuestionnaireError,
    load_questionnaire,
    questionnaire_from_text,
)

BROKEN_DIR = Path(__file__).resolve().parent / "data" / "broken"
SECONDS = 2.0
MEGABYTES = 20


def refused(path: Path) -> QuestionnaireError:
    """Load ``path``: it must raise QuestionnaireError within SECONDS, allocating under MEGABYTES."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(QuestionnaireError) as caught:
            load_questionnaire(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < SECONDS, f"took {elapsed:.2f} s"
    assert peak < MEGABYTES * 1024 * 1024, f"allocated {peak / 1024 / 1024:.1f} MB"
    return caught.value


def test_billion_laughs_is_refused_without_expanding() -> None:
    error = refused(BROKEN_DIR / "billion-laughs.yaml")
    assert "aliases ('*lol0') are not allowed" in error.problems[0].message
    assert "85 more aliases" in error.problems[-1].message


def test_a_bigger_alias_bomb_with_anchored_mappings_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 {x: [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]}"]
    lines += [f"a{i}: &a{i} {{x: [{', '.join([f'*a{i - 1}'] * 30)}]}}" for i in range(1, 30)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = refused(path)
    assert error.problems[0].line == 2


def test_very_deep_nesting_is_refused(tmp_path: Path) -> None:
    error = refused(BROKEN_DIR / "deep-nesting.yaml")
    assert f"deeper than {MAX_DEPTH} levels" in error.problems[0].message
    for text in ("a: " + "[" * 100_000 + "]" * 100_000, "a: " + "{b: " * 5_000 + "1" + "}" * 5_000):
        path = tmp_path / "deep.yaml"
        path.write_text(text, encoding="utf-8")
        (problem,) = refused(path).problems
        assert problem.line == 1 and "deep" in problem.message


def test_a_python_object_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    path = tmp_path / "tagged.yaml"
    path.write_text(
        "format: 1\n"
        f"id: !!python/object/apply:os.mkdir [{str(marker)!r}]\n"
        f"title: !!python/object/new:pathlib.Path [{str(marker)!r}]\n",
        encoding="utf-8",
    )
    error = refused(path)
    assert not marker.exists()
    assert [(p.line, p.column) for p in error.problems] == [(2, 5), (3, 8)]
    assert "the tag '!!python/object/apply:os.mkdir' is not allowed" in error.problems[0].message
    assert "Remove the tag" in error.problems[1].message


@pytest.mark.parametrize("tag", ["!!binary", "!!set", "!!timestamp", "!custom", "!<tag:example.com:x>"])
def test_other_tags_are_refused(tag: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text(f"format: 1\ntitle: {tag} aGVsbG8=\n")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "is not allowed" in problem.message


def test_plain_tags_are_allowed() -> None:
    """!!str is harmless and sometimes used to keep a number as text."""
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text("format: 1\nversion: !!str 1.0\n")
    assert not any("tag" in problem.message for problem in caught.value.problems)


def test_a_50_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as stream:  # sparse: no 50 MB written to disk
        stream.truncate(50 * 1024 * 1024)
    (problem,) = refused(path).problems
    assert problem.line == 0
    assert "50.0 MB" in problem.message and f"at most {MAX_FILE_BYTES // 1024 // 1024} MB" in problem.message


def test_a_file_of_countless_small_values_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("items:\n" + "- x\n" * (MAX_NODES + 10), encoding="utf-8")
    assert path.stat().st_size < MAX_FILE_BYTES
    started = time.perf_counter()
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert time.perf_counter() - started < SECONDS * 2
    (problem,) = caught.value.problems
    assert f"more than {MAX_NODES:,} values" in problem.message


def test_a_review_day_beyond_a_hundred_years_is_a_problem_not_a_crash_later() -> None:
    # A day count this large cannot become a date: scoring and the report failed with OverflowError on it.
    text = (Path(__file__).resolve().parent / "data" / "example-partnership-check.yaml").read_text("utf-8")
    assert "\npilots:" in text and "\nscoring:" not in text
    text = text.replace("\npilots:", "\nscoring:\n  review_days: [90, 99999999]\npilots:", 1)
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_text(text, file="huge-review.yaml")
    [problem] = [p for p in caught.value.problems if "review day" in p.message]
    assert "36500" in problem.message and problem.line > 0
