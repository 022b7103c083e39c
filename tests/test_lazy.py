"""The packages whose names are imported on first use (assessor.lazy)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import assessor.questionnaire
import assessor.storage


def test_a_package_loads_a_submodule_only_when_one_of_its_names_is_wanted() -> None:
    script = (
        "import sys, assessor.storage as s\n"
        "assert 'assessor.storage.fileformat' not in sys.modules\n"
        "assert 'assessor.storage.errors' not in sys.modules\n"
        "error = s.StorageError\n"
        "assert 'assessor.storage.errors' in sys.modules\n"
        "assert 'assessor.storage.fileformat' not in sys.modules\n"
        "assert vars(s)['StorageError'] is error\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_names_come_from_their_homes() -> None:
    from assessor.questionnaire.loader import load_questionnaire
    from assessor.storage.fileformat import save_assessment

    assert assessor.storage.save_assessment is save_assessment
    assert assessor.questionnaire.load_questionnaire is load_questionnaire


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    with pytest.raises(
        AttributeError, match=re.escape("'assessor.storage' has no attribute 'save_asessment'")
    ):
        _ = assessor.storage.save_asessment


def test_dir_lists_every_public_name_before_it_is_used() -> None:
    assert set(assessor.questionnaire.__all__) <= set(dir(assessor.questionnaire))
    assert set(assessor.storage.__all__) <= set(dir(assessor.storage))
