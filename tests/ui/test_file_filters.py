"""The file choosers' filters match the names the storage layer gives its files."""

from __future__ import annotations

import fnmatch
import re

from assessor.storage import ASSESSMENT_SUFFIX
from assessor.storage.packs import PACK_SUFFIX
from assessor.ui import dialogs


def _patterns(file_filter: str) -> list[str]:
    """The glob patterns of a filter's first entry ("Name (*.a *.b);;All files (*)")."""
    first = file_filter.split(";;")[0]
    found = re.search(r"\(([^)]*)\)", first)
    assert found, file_filter
    return found.group(1).split()


def test_pack_filter_matches_the_suffix_packs_are_saved_with() -> None:
    patterns = _patterns(dialogs.pack_filter())
    assert any(fnmatch.fnmatch(f"helen-carter{PACK_SUFFIX}", p) for p in patterns)
    assert not any(fnmatch.fnmatch(f"council{ASSESSMENT_SUFFIX}", p) for p in patterns)


def test_assessment_filter_matches_saved_assessments_but_not_packs() -> None:
    patterns = _patterns(dialogs.assessment_filter())
    assert any(fnmatch.fnmatch(f"northbridge{ASSESSMENT_SUFFIX}", p) for p in patterns)
    assert not any(fnmatch.fnmatch(f"helen{PACK_SUFFIX}", p) for p in patterns)
