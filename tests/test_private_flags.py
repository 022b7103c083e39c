"""A participant's private flag is their own (``Assessment.flags``): it parks nothing for the team, is kept
in the file, and goes with the participant."""

from __future__ import annotations

import pytest

from assessor.model import AssessmentError
from assessor.storage.codec import assessment_from_dict, assessment_to_dict
from assessor.storage.fields import FormatError
from tests.factories import make_assessment

Q1, Q2 = "a1.d1.q1", "a1.d1.q2"


def test_a_private_flag_is_not_parking() -> None:
    assessment = make_assessment(participants=2)
    assert assessment.set_flags("p1", [Q1, Q2, Q1]) == []
    assert assessment.flags == {"p1": [Q1, Q2]} and assessment.parked == []
    assert assessment.set_flags("p1", []) == [Q1, Q2]
    assert assessment.flags == {}


def test_flags_are_checked_kept_and_leave_with_their_owner() -> None:
    assessment = make_assessment(participants=2)
    with pytest.raises(AssessmentError):
        assessment.set_flags("p9", [Q1])
    with pytest.raises(AssessmentError):
        assessment.set_flags("p1", ["no.such.question"])
    assessment.set_flags("p2", [Q2])
    assessment.parked = [Q1]
    again = assessment_from_dict(assessment_to_dict(assessment))
    assert again.flags == {"p2": [Q2]} and again.parked == [Q1]
    assessment.remove_participant("p2")
    assert assessment.flags == {}


def test_a_file_with_a_flag_of_nobody_is_refused() -> None:
    data = assessment_to_dict(make_assessment(participants=1))
    data["flags"] = {"p7": [Q1]}
    with pytest.raises(FormatError, match=r"flags\.p7"):
        assessment_from_dict(data)
    data["flags"] = {"p1": ["nowhere"]}
    with pytest.raises(FormatError, match=r"flags\.p1\[0\]"):
        assessment_from_dict(data)
