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


@pytest.mark.parametrize("package", ["assessor.questionnaire", "assessor.storage"])
def test_dir_lists_every_public_name_before_it_is_used_and_each_loads(package: str) -> None:
    # In a fresh process, so no name has been loaded into the package yet: dir() can only know a name from
    # the package's table of homes, and a public name left out of that table (which no import could find)
    # is missing here.
    script = (
        f"import {package} as p\n"
        "missing = sorted(set(p.__all__) - set(dir(p)))\n"
        "assert not missing, f'public but not in dir(): {missing}'\n"
        "for name in p.__all__:\n"
        "    getattr(p, name)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_dir_lists_only_names_that_load() -> None:
    for package in (assessor.questionnaire, assessor.storage):
        public = [name for name in dir(package) if not name.startswith("_")]
        for name in public:
            getattr(package, name)
