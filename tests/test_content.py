"""Checks of the default questionnaire's content: the rules issue 3 sets for questions, descriptors and pilots.

These read the shipped file through the real loader, so a content edit that breaks a rule fails here with the
question or pilot named. The helpers are tested too, so a check that could never fail is caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessor.cli.questionnaire_text import default_questionnaire_path, markdown
from assessor.model.questionnaire import Questionnaire
from assessor.questionnaire import load_questionnaire
from tests.conftest import run_cli

MAX_QUESTION_WORDS = 35
MAX_DESCRIPTOR_WORDS = 60
MAX_SHARED_WITH_NEXT = 0.5

#: Words and phrases the content must never use: filler that makes a council leader stop reading.
BANNED = (
    "synergy",
    "synergies",
    "synergistic",
    "leverage",
    "leveraging",
    "best-in-class",
    "best in class",
    "holistic",
    "going forward",
    "paradigm",
    "stakeholder",
    "world-class",
    "cutting-edge",
    "game-changer",
    "game changer",
    "deep dive",
    "blue-sky",
    "low-hanging fruit",
    "move the needle",
    "thought leadership",
    "value-add",
    "empower",
    "empowering",
    "empowerment",
    "step change",
    "transformational",
    "ecosystem",
    "journey",
    "robust",
    "utilise",
    "utilize",
    "mindset",
    "bandwidth",
    "touch base",
    "reach out",
    "key stakeholders",
    "innovative",
    "win-win",
    "at the end of the day",
    "joined-up thinking",
)

#: Common words left out when comparing two descriptors: sharing "the" says nothing about being a near copy.
_STOPWORD_TEXT = """a an the and or but of to in on at by for with from as is are was were be been it its this that these
    those there their they them we our us you your not no nor so if than then into over only also any each
    every some all more most other such can may might will would should could do does did has have had about
    up out what which who whom when where how why own same very just one"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def words(text: str) -> list[str]:
    """The words of a text, lower case (hyphenated words and figures such as '£6.75' count as one)."""
    return re.findall(r"[a-z0-9£%']+(?:[-.][a-z0-9]+)*", text.lower())


def content_words(text: str) -> set[str]:
    return {w.strip("'") for w in words(text)} - STOPWORDS - {""}


def shared_share(first: str, second: str) -> float:
    """The share of the shorter text's content words that also appear in the other text."""
    a, b = content_words(first), content_words(second)
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def all_strings(node: Any) -> Iterator[str]:
    """Every string in a parsed YAML tree, keys included."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from all_strings(key)
            yield from all_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_strings(item)


@pytest.fixture(scope="module")
def path() -> Path:
    return default_questionnaire_path()


@pytest.fixture(scope="module")
def q(path: Path) -> Questionnaire:
    return load_questionnaire(path)


# The helpers themselves -----------------------------------------------------------------------------------


def test_shared_share_flags_a_near_copy_and_passes_a_distinct_pair() -> None:
    near_copy = shared_share(
        "A named officer keeps a map of partners, updated yearly.",
        "A named officer keeps a map of partners, updated monthly.",
    )
    distinct = shared_share(
        "Nobody records who takes part.",
        "Groups that used to be missing now help design engagement.",
    )
    assert near_copy >= MAX_SHARED_WITH_NEXT
    assert distinct < MAX_SHARED_WITH_NEXT


def test_words_counts_hyphenated_words_and_money_as_one() -> None:
    assert words("Cost per visit (£6.75), end-to-end.") == ["cost", "per", "visit", "£6.75", "end-to-end"]


# Shape ------------------------------------------------------------------------------------------------------


def test_the_shipped_file_loads_and_validates(path: Path) -> None:
    code, out, err = run_cli("validate", str(path))
    assert code == 0, err
    assert out.startswith("OK ")


def test_counts_of_questions_dimensions_and_pilots(q: Questionnaire) -> None:
    assert 40 <= q.question_count <= 60
    assert 18 <= len(q.dimensions) <= 24
    assert len(q.pilots) >= 15


def test_three_areas_of_collaboration_and_one_of_enablers(q: Questionnaire) -> None:
    assert [area.enabler for area in q.areas] == [False, False, False, True]


def test_scale_has_four_named_levels_and_both_non_answers(q: Questionnaire) -> None:
    assert q.scale.values == (1, 2, 3, 4)
    assert all(level.name and level.descriptor for level in q.scale.levels)
    assert q.scale.allow_dont_know and q.scale.allow_not_applicable


def test_every_dimension_cites_known_sources(q: Questionnaire) -> None:
    known = {source.id for source in q.sources}
    for dimension in q.dimensions.values():
        assert dimension.sources, dimension.id
        assert set(dimension.sources) <= known, dimension.id


def test_identity_and_credits_are_filled_in(q: Questionnaire) -> None:
    assert q.authors and q.licence and q.guide
    assert "inspired by" in q.description.lower()
    assert "not that report's own model" in q.description
    for framework in (
        "Partnership Assessment Tool",
        "Wilder",
        "co-production",
        "Social Care Institute",
        "Engage for Success",
        "Investors in People",
        "Wales",
        "Christie",
    ):
        assert framework in q.attribution, framework


# Questions and descriptors ----------------------------------------------------------------------------------


def test_every_question_has_a_distinct_non_empty_descriptor_for_each_level(q: Questionnaire) -> None:
    for question in q.questions.values():
        texts = [question.descriptors.get(value, "").strip() for value in q.scale.values]
        assert all(texts), question.id
        assert len(set(texts)) == len(texts), question.id


def test_neighbouring_descriptors_share_under_half_their_words(q: Questionnaire) -> None:
    too_close = []
    for question in q.questions.values():
        for lower, upper in zip(q.scale.values, q.scale.values[1:], strict=False):
            share = shared_share(question.descriptors[lower], question.descriptors[upper])
            if share >= MAX_SHARED_WITH_NEXT:
                too_close.append(f"{question.id} levels {lower}-{upper}: {share:.0%}")
    assert not too_close


def test_question_texts_are_short_and_ask_one_thing(q: Questionnaire) -> None:
    for question in q.questions.values():
        assert len(words(question.text)) <= MAX_QUESTION_WORDS, question.id
        assert question.text.endswith("?"), question.id
        assert question.text.count("?") == 1, question.id
        # "X and/or Y?" joining two verbs is the usual sign of two questions in one.
        assert not re.search(r"\band (do|does|is|are|have|has|can)\b", question.text), question.id


def test_descriptors_are_short(q: Questionnaire) -> None:
    for question in q.questions.values():
        for value, text in question.descriptors.items():
            assert len(words(text)) <= MAX_DESCRIPTOR_WORDS, f"{question.id} level {value}"


def test_every_question_has_two_to_four_evidence_prompts(q: Questionnaire) -> None:
    for question in q.questions.values():
        assert 2 <= len(question.evidence) <= 4, question.id


def test_not_applicable_is_offered_only_where_the_guidance_says_when(q: Questionnaire) -> None:
    offered = [question for question in q.questions.values() if question.allow_not_applicable]
    assert offered, "at least one question must allow N/A (e.g. adult social care in a district council)"
    for question in offered:
        assert question.not_applicable_when, question.id
        assert "Not applicable" in question.guidance, question.id
    assert any("District councils" in question.not_applicable_when for question in offered)


def test_every_dimension_has_at_least_two_questions(q: Questionnaire) -> None:
    for dimension in q.dimensions.values():
        assert len(dimension.questions) >= 2, dimension.id


# Pilots -----------------------------------------------------------------------------------------------------


def test_every_dimension_triggers_at_least_one_pilot(q: Questionnaire) -> None:
    triggered = {dimension_id for pilot in q.pilots for dimension_id in pilot.triggers}
    assert set(q.dimensions) - triggered == set()


def test_every_pilot_trigger_and_area_exists(q: Questionnaire) -> None:
    area_ids = {area.id for area in q.areas}
    for pilot in q.pilots:
        assert pilot.triggers, pilot.id
        assert set(pilot.triggers) <= set(q.dimensions), pilot.id
        assert pilot.area in area_ids, pilot.id


def test_every_pilot_has_outcome_baseline_rule_size_timescale_and_example(q: Questionnaire) -> None:
    for pilot in q.pilots:
        assert pilot.outcomes and all(o.strip() for o in pilot.outcomes), pilot.id
        assert pilot.baseline.strip(), pilot.id
        assert pilot.stop_scale_rule.strip(), pilot.id
        assert "stop" in pilot.stop_scale_rule.lower() or "drop" in pilot.stop_scale_rule.lower(), pilot.id
        assert "scale" in pilot.stop_scale_rule.lower() or "extend" in pilot.stop_scale_rule.lower(), pilot.id
        assert pilot.size and pilot.timescale and pilot.summary, pilot.id
        assert pilot.effort in {"low", "medium", "high"}, pilot.id
        assert pilot.examples and all(e.source.strip() for e in pilot.examples), pilot.id


def test_exactly_one_pilot_is_always_recommended_and_it_shares_what_did_not_work(q: Questionnaire) -> None:
    always = [pilot for pilot in q.pilots if pilot.always_recommend]
    assert len(always) == 1
    assert "did not work" in always[0].summary


def test_unverified_examples_are_worded_as_reports_not_facts(q: Questionnaire) -> None:
    unverified = [e for pilot in q.pilots for e in pilot.examples if not e.verified]
    assert unverified
    for example in unverified:
        # Said as reported, and said plainly that it has not been checked against the primary source.
        assert "reported" in example.text, example.text
        assert "checked against" in example.text, example.text


# Wording ----------------------------------------------------------------------------------------------------


def test_no_banned_buzzwords_anywhere(path: Path) -> None:
    text = "\n".join(all_strings(yaml.safe_load(path.read_text(encoding="utf-8")))).lower()
    found = [word for word in BANNED if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)]
    assert found == []


def test_the_buzzword_check_would_catch_one() -> None:
    text = "we will leverage partners going forward"
    assert [w for w in BANNED if re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text)] == [
        "leverage",
        "going forward",
    ]


#: American spellings that must not appear (British English throughout): the pattern, then the British form.
AMERICAN_SPELLINGS = {
    r"organiz\w*": "organis-",
    r"programs?": "programme",
    r"cent(er|ers|ered)": "centre",
    r"behavior\w*": "behaviour",
    r"color\w*": "colour",
    r"favor\w*": "favour",
    r"honor\w*": "honour",
    r"labor": "labour",
    r"neighbor\w*": "neighbour",
    r"defense": "defence",
    r"enroll(s|ment)?": "enrol, enrolment",
    r"fulfill": "fulfil",
    r"toward": "towards",
    r"aging": "ageing",
    r"catalog": "catalogue",
    r"analyz\w*": "analyse",
    r"(recogni|prioriti|reali|mini|maxi|utili|speciali|mobili|empha|summari|criti|apologi|categori|"
    r"standardi|customi|moderni|finali)z(e|es|ed|ing|ation|ations)": "-ise, -isation",
}


def american_spellings(text: str) -> list[str]:
    """The American spellings in a text, as found (lower case), in the order of AMERICAN_SPELLINGS."""
    found = []
    for pattern in AMERICAN_SPELLINGS:
        found += [m.group(0) for m in re.finditer(rf"(?<![a-z]){pattern}(?![a-z])", text.lower())]
    return found


def test_the_spelling_check_catches_american_forms_and_passes_british_ones() -> None:
    assert american_spellings("The organization's program center changed its behavior.") == [
        "organization",
        "program",
        "center",
        "behavior",
    ]
    assert (
        american_spellings("The organisation's programme centre changed its behaviour; we recognise it.")
        == []
    )
    assert american_spellings("We prioritized and enrolled nobody.") == ["prioritized"]


def test_british_spelling_throughout(path: Path, q: Questionnaire) -> None:
    text = "\n".join(all_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert american_spellings(text) == []
    # The printed appendix adds its own labels ("Evidence to look at", "Suggested when ..."): those too.
    assert american_spellings(markdown(q)) == []


#: Adjectives that make a descriptor a judgement rather than something you can see. "How well" in a question
#: is fine; a level that says "good links" or "strong relationships" is not.
VAGUE = (
    "good",
    "strong",
    "strongly",
    "effective",
    "effectively",
    "excellent",
    "robust",
    "appropriate",
    "meaningful",
    "genuine",
    "genuinely",
    "proper",
    "properly",
    "adequate",
    "real",
    "successful",
    "poor",
)


def vague_words(text: str) -> list[str]:
    return [w for w in words(text) if w in VAGUE]


def test_the_vague_word_check_catches_one() -> None:
    assert vague_words("Some services have good links and real powers.") == ["good", "real"]
    assert vague_words("A named officer keeps a map, updated yearly.") == []


def test_descriptors_describe_what_you_would_see_not_how_good_it_is(q: Questionnaire) -> None:
    found = [
        f"{question.id} level {value}: {vague_words(text)}"
        for question in q.questions.values()
        for value, text in question.descriptors.items()
        if vague_words(text)
    ]
    assert found == []


#: "... do we write down what we learnt and share it ...": a second verb after "and" or "or" is the usual sign
#: of two questions in one.
_SECOND_VERBS = (
    "share|shares|record|records|publish|publishes|use|uses|act|acts|report|reports|review|reviews|measure|"
    "measures|track|tracks|connect|connecting|keep|keeps|tell|tells|write|writes|agree|agrees|fund|funds|"
    "support|supports|set|sets|make|makes|take|takes|give|gives|involve|involves|change|changes|design|designs"
)


def joins_two_asks(text: str) -> bool:
    return bool(re.search(rf"\b(and|or) (it |them |we |they )?({_SECOND_VERBS})\b", text.lower()))


def test_the_two_asks_check_catches_a_joined_verb_and_passes_a_list() -> None:
    assert joins_two_asks("Do we write down what we learnt and share it inside the council?")
    assert joins_two_asks("Is there a person whose job includes finding partners and connecting joint work?")
    assert not joins_two_asks("Do we remove barriers such as meeting times, language, disability or cost?")


def test_no_question_joins_two_asks(q: Questionnaire) -> None:
    assert [question.id for question in q.questions.values() if joins_two_asks(question.text)] == []


#: Terms a councillor may not know: the first question that uses one explains it in its guidance.
TERMS = (
    "co-production",
    "co-design",
    "participatory budgeting",
    "making every contact count",
    "local area coordination",
    "social prescribing",
    "fix-it workshop",
    "strengths-based",
    "information-sharing agreement",
    "asset transfer",
    "stop-or-scale",
    "baseline",
)


def test_each_term_is_explained_where_it_is_first_used(q: Questionnaire) -> None:
    unexplained = []
    for term in TERMS:
        for question in q.questions.values():
            body = " ".join([question.text, question.guidance, *question.descriptors.values()]).lower()
            if term in body:
                if term not in question.guidance.lower():
                    unexplained.append(f"{term} (first used in {question.id})")
                break
    assert unexplained == []


def test_social_care_questions_say_how_scotland_and_wales_differ(q: Questionnaire) -> None:
    care = [question for question in q.questions.values() if "social care" in question.text.lower()]
    assert care
    for question in care:
        assert "Scotland" in question.guidance and "Wales" in question.guidance, question.id
        assert question.allow_not_applicable and "District councils" in question.not_applicable_when


_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|quarter|none|no)\b")


def test_every_stop_scale_rule_has_a_number_or_a_plain_test(q: Questionnaire) -> None:
    for pilot in q.pilots:
        rule = pilot.stop_scale_rule.lower()
        # A number ("fewer than half", "after six months") or a comparison with the baseline ("lower than").
        assert _NUMBER.search(rule) or " than " in rule, pilot.id
        # A threshold left for later ("an agreed level") is no rule at all.
        assert not re.search(r"agreed (level|time|threshold|target)", rule), pilot.id


# The print-questionnaire command ----------------------------------------------------------------------------


def test_markdown_carries_every_question_descriptor_and_pilot(q: Questionnaire) -> None:
    text = markdown(q)
    assert text.startswith(f"# {q.title}\n")
    for number, question in enumerate(q.questions.values(), start=1):
        assert f"#### Q{number}. " in text
        assert f"`{question.id}`" in text
    assert text.count("- **1 Emerging:**") == q.question_count
    assert text.count("- **4 Leading:**") == q.question_count
    for pilot in q.pilots:
        assert f"### {pilot.title}" in text
    assert "Reported example (not verified)" in text
    assert "*Always recommended*" in text
    assert "## Facilitator's guide" in text


def test_print_questionnaire_command_prints_the_default(tmp_path: Path, q: Questionnaire) -> None:
    code, out, err = run_cli("print-questionnaire")
    assert code == 0, err
    assert out.startswith(f"# {q.title}")
    assert "£6.75" in out  # UTF-8 reaches the console whatever its encoding
    assert "PySide6" not in err

    target = tmp_path / "questionnaire.md"
    code, out, err = run_cli("print-questionnaire", str(default_questionnaire_path()), "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == markdown(q)


def test_print_questionnaire_gives_a_clear_message_for_a_bad_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\ntitle: Broken\n", encoding="utf-8")
    code, out, err = run_cli("print-questionnaire", str(broken))
    assert code == 2
    assert out == ""
    assert "broken.yaml" in err and "Traceback" not in err
