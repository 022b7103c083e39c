"""Checks of the default questionnaire's content: the rules of docs/content-checklist.md for questions,
descriptors and pilots.

These read the shipped file through the real loader, so a content edit that breaks a rule fails here with the
question or pilot named. The helpers are tested too, so a check that could never fail is caught.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from assessor.cli.questionnaire_text import default_questionnaire_path, markdown
from assessor.model import Assessment, PilotStatus
from assessor.model.questionnaire import Pilot, Questionnaire
from assessor.paths import resource
from assessor.questionnaire import load_questionnaire
from assessor.storage import read_assessment
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


# Levels that do not flatter, today's structures, corrected facts, costed pilots ---------------------


def single_instance(text: str) -> bool:
    """Whether a descriptor is satisfied by one case ("at least one", "a single"), which is level 2, not 3."""
    return bool(re.search(r"\b(at least one|a single|one of the|in at least part)\b", text.lower()))


def attention_from_others(text: str) -> bool:
    """Whether a descriptor rewards other councils' attention (asking, citing, copying) rather than results."""
    return bool(
        re.search(
            r"other councils (have )?(asked|ask|cite|copy|copied|reuse|reused)|"
            r"(shared|published) (with|for) other councils|shared beyond the council",
            text.lower(),
        )
    )


def test_the_level_checks_catch_a_single_case_and_publicity() -> None:
    assert single_instance("At least one time-limited scheme runs with trained staff.")
    assert not single_instance("Schemes run in most of the places where residents are most at risk.")
    assert attention_from_others(
        "The map is shared with partners, and other councils have asked to reuse it."
    )
    assert attention_from_others("Results, including failures, are published for other councils.")
    assert not attention_from_others("For two years or more, joint measures have improved for residents.")


def test_the_scale_sets_routine_for_level_3_and_lasting_results_with_partners_for_level_4(
    q: Questionnaire,
) -> None:
    embedded, leading = q.scale.level(3).descriptor, q.scale.level(4).descriptor
    assert "most of the services where it matters" in embedded
    assert "two years" in leading and "residents" in leading and "partners" in leading
    assert "is not the test" in leading


def breadth(text: str) -> bool:
    """Whether a descriptor speaks of breadth (most, each, every, all, both, routine, across the area)."""
    return bool(re.search(r"\b(most|each|every|all|both|routine|routinely|across the area)\b", text.lower()))


def test_the_breadth_check_needs_a_word_of_breadth() -> None:
    assert breadth("Most plans for joint work include staff time.")
    assert not breadth("A named officer keeps a map, updated yearly.")


def test_no_level_3_is_awarded_for_a_single_case(q: Questionnaire) -> None:
    questions = q.questions.values()
    assert [question.id for question in questions if single_instance(question.descriptors[3])] == []
    assert [question.id for question in questions if not breadth(question.descriptors[3])] == []


def test_every_level_4_asks_for_lasting_results_not_attention(q: Questionnaire) -> None:
    for question in q.questions.values():
        top = question.descriptors[4]
        assert not attention_from_others(top), question.id
        assert "two years" in top, question.id
        assert "residents" in top.lower() or "partners" in top.lower(), question.id


def test_questions_with_an_obvious_yes_ask_for_the_last_two_cases_instead(q: Questionnaire) -> None:
    for question_id in (
        "partners.trust.disagreement",
        "workforce.permission.mistakes",
        "enablers.leadership.let-others-lead",
    ):
        assert q.question(question_id).text.startswith("Think of the last two"), question_id


#: Structures in England, Wales and Scotland that the content must name: label -> pattern.
STRUCTURES = {
    "integrated care boards": r"integrated care board",
    "integrated care partnerships": r"integrated care partnership",
    "place partnerships": r"place partnership",
    "Better Care Fund": r"Better Care Fund",
    "health and wellbeing boards": r"health and wellbeing board",
    "Public Services Boards (Wales)": r"Public Services Board",
    "regional partnership boards (Wales)": r"regional partnership board",
    "Community Planning Partnerships (Scotland)": r"Community Planning Partnership",
    "integration authorities (Scotland)": r"integration authorit",
    "integration joint boards (Scotland)": r"integration joint board",
    "Highland's lead-agency model": r"Highland[^.]*lead-agency|lead-agency[^.]*Highland",
    "combined or strategic authorities": r"combined or strategic authorit",
    "devolution deals": r"devolution deal",
    "reorganisation": r"reorganis",
    "police and crime commissioners": r"police and crime commissioner",
    "town, parish and community councils": r"town, parish (and|or) community council",
    "county divisions": r"division",
    "committee system": r"committee system",
    "section 151 officer": r"section 151",
    "section 95 officer (Scotland)": r"section 95",
    "medium-term financial plan": r"medium-term financial plan",
    "scrutiny": r"scrutiny",
    "trade unions": r"trade union",
    "joint consultative committee": r"joint consultative committee",
    "staff networks": r"staff network",
    "voluntary sector funding": r"grants and contracts",
    "commissioning": r"commissioning",
    "data sharing": r"information-sharing agreement",
    "data and systems": r"data and systems",
}


@pytest.fixture(scope="module")
def all_text(path: Path) -> str:
    return "\n".join(all_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_todays_structures_in_all_three_nations_are_named(all_text: str) -> None:
    flat = " ".join(all_text.split())
    missing = [label for label, pattern in STRUCTURES.items() if not re.search(pattern, flat, re.IGNORECASE)]
    assert missing == []


def test_the_structure_check_would_miss_a_structure() -> None:
    flat = "The health and wellbeing board and the local strategic partnership."
    found = [label for label, pattern in STRUCTURES.items() if re.search(pattern, flat, re.IGNORECASE)]
    assert found == ["health and wellbeing boards"]


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;])\s+", " ".join(text.split()))


def test_local_strategic_partnerships_are_mentioned_only_as_mostly_gone(all_text: str) -> None:
    mentions = [s for s in sentences(all_text) if "local strategic partnership" in s.lower()]
    assert len(mentions) <= 1
    assert all("wound up" in sentence for sentence in mentions)


def test_cabinet_always_comes_with_the_lead_committee(all_text: str) -> None:
    flat = " ".join(all_text.split())
    lonely = [
        flat[max(0, m.start() - 30) : m.end() + 40]
        for m in re.finditer(r"cabinet", flat, re.IGNORECASE)
        if "committee" not in flat[m.end() : m.end() + 40]
    ]
    # "a leader and cabinet" names the model of governance itself, next to the committee system.
    assert [
        text for text in lonely if not re.search(r"leader (and|or) cabinet|leader-and-cabinet", text)
    ] == []


def test_the_questionnaire_says_it_covers_england_wales_and_scotland(q: Questionnaire, all_text: str) -> None:
    assert "England, Wales and Scotland" in " ".join(q.description.split())
    assert "England, Wales and Scotland" in " ".join(q.guide.split())
    assert "Northern Ireland" in q.description
    assert "every kind of UK council" not in all_text and "every UK council" not in all_text


#: Figures and claims that public sources refuted: none may come back in a pilot.
REFUTED = (
    "£3.68",
    "15 councils",
    "15 local authorities",
    "All Together Better",
    "hackathon",
    "20 to 40 similar streets",
    "a fall of 15%",
    "17% against 29%",
    "by month nine",
)


def refuted_in(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [claim for claim in REFUTED if claim.lower() in flat.lower()]


def pilot_text(pilot: Pilot) -> str:
    parts = [pilot.title, pilot.summary, pilot.baseline, pilot.size, pilot.timescale, pilot.cost]
    parts += [pilot.first_step, pilot.stop_scale_rule, *pilot.outcomes]
    for example in pilot.examples:
        parts += [example.text, example.source]
    return "\n".join(parts)


def test_the_refuted_check_catches_an_old_claim() -> None:
    assert refuted_in("A study forecast £3.68 of social value; it helped 15\n  councils.") == [
        "£3.68",
        "15 councils",
    ]
    assert refuted_in("Think Local Act Personal reports about £4 for every £1.") == []


def test_no_pilot_repeats_a_refuted_figure(q: Questionnaire) -> None:
    assert {
        pilot.id: refuted_in(pilot_text(pilot)) for pilot in q.pilots if refuted_in(pilot_text(pilot))
    } == {}


def test_corrected_pilot_facts_say_what_the_sources_say(q: Questionnaire) -> None:
    frome = " ".join(pilot_text(q.pilot("gp-community-connectors")).split())
    assert "14.0%" in frome and "28.5%" in frome and "British Journal of General Practice" in frome
    assert "retrospective" in frome and "link workers" in frome
    fostering = q.pilot("values-based-recruitment").examples
    assert not any(
        "Barnsley" in e.text and "Values Modes" in e.text and "not" not in e.text for e in fostering
    )
    assert any("25 councils" in e.text for e in fostering)
    assert "£4 for every £1" in pilot_text(q.pilot("local-area-coordination"))
    postal = pilot_text(q.pilot("postal-check-in"))
    assert "Whitby" in postal and "Staywell" in postal and "£" in q.pilot("postal-check-in").cost
    assert "already" in q.pilot("fire-safe-and-well").summary
    assert "60" in q.pilot("street-champions-comparison").size
    assert "constitution" in q.pilot("permission-to-try").summary
    assert "six-month review" in q.pilot("one-page-joint-results").stop_scale_rule


def test_every_pilot_has_a_cost_and_a_first_step(q: Questionnaire) -> None:
    for pilot in q.pilots:
        assert pilot.cost.strip() and pilot.first_step.strip(), pilot.id
        # A cost says what it buys: money, staff time, or both.
        assert "£" in pilot.cost or "time" in pilot.cost, pilot.id
        assert len(words(pilot.first_step)) <= MAX_DESCRIPTOR_WORDS, pilot.id


def test_plain_words_for_the_fix_it_workshop(q: Questionnaire) -> None:
    assert "staff-hack-day" not in {pilot.id for pilot in q.pilots}
    for question in q.questions.values():
        assert "hack" not in f"{question.text} {question.guidance}".lower(), question.id
    for pilot in q.pilots:
        assert "hack" not in f"{pilot.title} {pilot.summary}".lower(), pilot.id


# The demo assessment: an example people copy ------------------------------------------------------------------

_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: Saying whose view something was: a role or group, then what they thought, said or could not say.
_ROLE = re.compile(
    r"\b(directors?|chief executive|chief officers?|cabinet member|councillors?|leader|voluntary sector('s)?)\b"
    r"[^.:;]{0,40}?\b(view|views|felt|feels|thought|thinks|said|says|considers|considered|believes|disagreed|"
    r"could not say|did not know|often could not)\b",
    re.IGNORECASE,
)


def attributes_to_role(text: str) -> bool:
    return bool(_ROLE.search(text))


def test_the_role_check_catches_the_old_demo_wording() -> None:
    assert attributes_to_role("the voluntary sector and the cabinet member often could not say")
    assert attributes_to_role("One director felt the new board carries the relationship.")
    assert not attributes_to_role("A minority view: the joint team does not involve community organisations.")
    assert not attributes_to_role(
        "one-year grants leave the voluntary sector little room to act as a partner"
    )


@pytest.fixture(scope="module")
def demo() -> Assessment:
    return read_assessment(resource("demo.assessment"))


def test_the_demo_uses_the_shipped_questionnaire(demo: Assessment, q: Questionnaire) -> None:
    assert demo.questionnaire == q  # regenerate with tools/make_demo.py after a content change


def test_the_demo_commentary_counts_the_pilots_it_chose(demo: Assessment) -> None:
    accepted = [p for p in demo.pilots if p.status is PilotStatus.ACCEPTED]
    texts = [demo.commentary.overall, *demo.commentary.areas.values()]
    counts = [
        _COUNT_WORDS[m.group(1).lower()]
        for text in texts
        for m in re.finditer(r"\b(one|two|three|four|five|six)\b (?:[a-z]+ )?pilots\b", text, re.IGNORECASE)
    ]
    assert counts and all(count == len(accepted) for count in counts)


def test_no_demo_text_says_whose_view_it_was(demo: Assessment) -> None:
    texts = [demo.commentary.overall, *demo.commentary.areas.values()]
    for consensus in demo.consensus.values():
        texts += [consensus.rationale, consensus.dissent]
    texts += [text for choice in demo.pilots for text in (choice.notes, choice.reason)]
    assert [text for text in texts if attributes_to_role(text)] == []
    for participant in demo.participants:
        assert not any(participant.role.lower() in text.lower() for text in texts), participant.role


def test_demo_pilots_follow_low_scores_with_fitting_owners_and_own_review_dates(demo: Assessment) -> None:
    from assessor.recommend.engine import review_dates
    from assessor.scoring import score_assessment

    make_demo = _make_demo_module()
    assert set(make_demo.PILOT_PLANS) == {pilot.id for pilot in demo.questionnaire.pilots}
    results = score_assessment(demo)
    threshold = demo.questionnaire.scoring.recommend_below
    accepted = [p for p in demo.pilots if p.status is PilotStatus.ACCEPTED]
    weakest = []
    for choice in accepted:
        pilot = demo.questionnaire.pilot(choice.pilot_id)
        owner, days = make_demo.PILOT_PLANS[pilot.id]
        assert choice.owner == owner and not re.search(r"cabinet|councillor|cllr", owner, re.IGNORECASE)
        assert tuple(choice.review_dates) == review_dates(make_demo.PILOT_START, days)
        if pilot.always_recommend:
            continue
        low = [d for d in pilot.triggers if (s := results.dimensions[d].score) is not None and s < threshold]
        assert low, pilot.id  # each chosen pilot follows from a low score it can move
        weakest.append(min(low, key=lambda d: results.dimensions[d].score or 0.0))
    assert len(set(weakest)) == len(weakest)  # and each works on a different one
    assert len({tuple(choice.review_dates) for choice in accepted}) > 1


def _make_demo_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_demo", Path(__file__).parent.parent / "tools" / "make_demo.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The chief-executive reading of version 2.0: rules it implied -------------------------------------------------


def gives_residents_decisions(text: str) -> bool:
    """Whether a text gives residents' panels a council decision the law leaves to the council's decision-makers."""
    return bool(
        re.search(
            r"\b(boards?|panels?) (with|that have|that has) (the )?power to decide|"
            r"\b(boards?|panels?) that (take|make) decisions|"
            r"\bresidents (share|take|make) decisions",
            " ".join(text.split()).lower(),
        )
    )


def test_the_decision_check_catches_the_old_wording() -> None:
    assert gives_residents_decisions("a board or panel with power to decide, such as over a grant fund")
    assert gives_residents_decisions("Residents share decisions across services, are trained and paid.")
    assert not gives_residents_decisions(
        "A panel including residents recommends on service plans; the named decision-maker follows it."
    )


def test_no_resident_panel_is_given_a_council_decision(q: Questionnaire) -> None:
    texts = {f"{qu.id} text": qu.text for qu in q.questions.values()}
    texts |= {f"{qu.id} guidance": qu.guidance for qu in q.questions.values()}
    texts |= {f"{qu.id} level {v}": d for qu in q.questions.values() for v, d in qu.descriptors.items()}
    texts |= {f"{p.id} summary": p.summary for p in q.pilots}
    assert [where for where, text in texts.items() if gives_residents_decisions(text)] == []


def hands_over_money_without_controls(text: str) -> bool:
    """Whether a text hands council money to others without a grant or funding agreement under financial rules."""
    flat = " ".join(text.split()).lower()
    hands_over = re.search(
        r"\b(led|lead|leads) with council money|council money or staff|\boffer small grants\b", flat
    )
    return bool(hands_over) and "financial regulations" not in flat


def test_the_money_check_catches_the_old_level_3() -> None:
    assert hands_over_money_without_controls(
        "the partner or community group led with council money or staff, and the council accepted its decisions"
    )
    assert not hands_over_money_without_controls(
        "the partner led, with council money under a funding agreement approved under financial regulations"
    )


def test_money_handed_to_others_goes_under_financial_regulations(q: Questionnaire) -> None:
    texts = {f"{qu.id} level {v}": d for qu in q.questions.values() for v, d in qu.descriptors.items()}
    texts |= {f"{p.id} summary": p.summary for p in q.pilots}
    assert [where for where, text in texts.items() if hands_over_money_without_controls(text)] == []
    assert "funding agreement" in q.question("enablers.leadership.let-others-lead").descriptors[3]


def shares_the_result(rule: str) -> bool:
    """Whether a stop-or-scale rule ends by sharing the result, whatever it is."""
    flat = " ".join(rule.split()).lower()
    return bool(re.search(r"whatever (the result|it shows|they show)", flat)) and bool(
        re.search(r"one-page note|publish", flat)
    )


def test_the_sharing_check_catches_a_rule_that_keeps_the_result_in_house() -> None:
    assert not shares_the_result(
        "Stop if fewer than five reports are made in three months. Scale if most help."
    )
    assert shares_the_result("Stop if ... Whatever the result, the owner sends partners a one-page note.")


def test_every_stop_or_scale_rule_ends_by_sharing_the_result(q: Questionnaire) -> None:
    rules = {pilot.id: pilot.stop_scale_rule for pilot in q.pilots if not pilot.always_recommend}
    assert [pilot_id for pilot_id, rule in rules.items() if not shares_the_result(rule)] == []


def names_an_owner(first_step: str) -> bool:
    """Whether a first step starts with the role of its suggested owner ("The head of fostering pulls ...")."""
    return bool(re.match(r"(The|A|An) [^,.;]{0,60}?\b(officer|lead|head|director|manager)\b", first_step))


def test_the_owner_check_needs_a_role_first() -> None:
    assert names_an_owner("The head of fostering pulls the figures for the last cycle.")
    assert names_an_owner("A communities officer, sponsored by the director, asks three services.")
    assert not names_an_owner("Ask three frontline services which organisations their staff meet.")


def test_every_first_step_suggests_an_owner(q: Questionnaire) -> None:
    assert [pilot.id for pilot in q.pilots if not names_an_owner(pilot.first_step)] == []


def test_an_example_is_something_done_otherwise_it_is_background(q: Questionnaire) -> None:
    examples = [(pilot.id, e) for pilot in q.pilots for e in pilot.examples]
    # NLGN's report gives advice, not cases: citing it is background, never an example of practice.
    assert [pid for pid, e in examples if e.source.startswith("NLGN") and not e.background] == []
    # No example rests on this project's own unchecked notes.
    assert [
        pid for pid, e in examples if re.search(r"research notes|unchecked", e.source, re.IGNORECASE)
    ] == []
    # Each pilot has at least one example or says that none was found.
    for pilot in q.pilots:
        done = [e for e in pilot.examples if not e.background]
        assert done or any("found no published council example" in e.text for e in pilot.examples), pilot.id


def test_background_is_labelled_and_its_label_not_repeated(q: Questionnaire) -> None:
    from assessor.model.questionnaire import Example

    example = Example("Background: NLGN recommended it.", "NLGN (2017)")
    assert example.background and example.body == "NLGN recommended it."
    assert not Example("Wigan trained its crews.", "Wigan").background
    text = markdown(q)
    assert "*Background:* NLGN" in text and "Background: Background" not in text
    assert "*Example:* Background" not in text


def test_england_only_money_comes_with_wales_and_scotland(q: Questionnaire) -> None:
    for question in q.questions.values():
        body = " ".join([question.guidance, *question.descriptors.values()])
        if "Better Care Fund" in body:
            assert "Wales" in body and "Scotland" in body, question.id
        if "combined or strategic authorit" in body:
            assert "corporate joint committee" in body, question.id


def test_the_guide_promises_no_anonymity_a_small_group_cannot_keep(q: Questionnaire) -> None:
    guide = " ".join(q.guide.split())
    assert "no view is traced" not in guide
    assert "does not attribute" in guide and "small group" in guide
    # More than 50 questions cannot be read and answered in half an hour.
    assert "25 to 35 minutes" not in guide and "60 to 75 minutes" in guide


def test_questions_the_chief_executive_reading_named_ask_for_evidence_not_yes_or_no(q: Questionnaire) -> None:
    named = (
        "partners.purpose.joint-aims",
        "partners.purpose.self-interest",
        "partners.trust.depth",
        "partners.arrangements.decisions",
        "partners.arrangements.information",
        "partners.arrangements.health-care",
        "partners.review.measures",
        "workforce.voice.routes",
        "workforce.redesign.lead",
        "workforce.across.teams",
        "workforce.capability.skills",
        "public.involvement.decisions",
        "public.strengths.care-assessment",
        "public.strengths.connect",
        "public.motivation.insight",
        "public.volunteering.roles",
        "public.volunteering.reciprocity",
        "public.inclusion.barriers",
        "enablers.leadership.plan",
        "enablers.leadership.councillors",
        "enablers.money.scrutiny",
        "enablers.experimentation.small",
        "enablers.evidence.baseline",
        "enablers.evidence.outcomes",
        "enablers.learning.record",
        "enablers.capacity.time",
    )
    yes_or_no = re.compile(r"^(?:[^,?]*,\s*)?(do|does|is|are|have|has|can|could)\b", re.IGNORECASE)
    assert yes_or_no.match("For our biggest priorities, have we written down which results depend on others?")
    assert [qid for qid in named if yes_or_no.match(q.question(qid).text)] == []
