"""docs/file-format.md names every field the files contain."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from factories import make_assessment, png_bytes

from assessor import userdirs
from assessor.model import (
    AgendaState,
    Answer,
    ChosenPilot,
    Consensus,
    EarlierPart,
    EarlierQuestion,
    Logo,
    PilotLog,
    PilotProgress,
    Predecessor,
    Reading,
    StatusChange,
    Tally,
)
from assessor.storage import ASSESSMENT_SUFFIX, assessment_to_dict
from assessor.storage.csv_export import COLUMNS
from assessor.storage.pack_recovery import PACK_RECOVERY_SUFFIX, PackRecoveryStore
from assessor.storage.packs import PACK_SUFFIX, make_pack, pack_to_dict
from assessor.storage.questionnaire_cache import cache_dir
from assessor.storage.recovery import RECOVERY_SUFFIX, RecoveryStore

DOC = Path(__file__).resolve().parent.parent / "docs" / "file-format.md"


def _keys(value: Any) -> set[str]:
    """Every object key in a document, skipping keys that are ids or level values (data, not fields)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if not re.fullmatch(r"(p\d+|a\d+(\.d\d+(\.q\d+)?)?|-?\d+)", key):
                found.add(key)
            found |= _keys(item)
    elif isinstance(value, list):
        for item in value:
            found |= _keys(item)
    return found


def test_every_field_is_documented() -> None:
    assessment = make_assessment(participants=1, answers={"p1": {"a1.d1.q1": 2}})
    assessment.set_tally("a1.d1.q2", Tally({1: 1}))
    assessment.set_consensus("a1.d1.q1", Consensus(2))
    assessment.set_pilot(ChosenPilot(assessment.questionnaire.pilots[0].id))
    assessment.set_pilot_log(
        assessment.questionnaire.pilots[0].id,
        PilotLog(
            statuses=(StatusChange("2025-04-01", PilotProgress.STARTED),),
            baselines=(Reading("2025-03-01", "Sign-ups", "12"),),
            readings=(Reading("2025-06-01", "Sign-ups", "20"),),
            rule_followed=True,
        ),
    )
    assessment.predecessor = Predecessor(
        "0" * 32,
        "2024-03-01",
        "Somewhere",
        "q",
        "Q",
        "1",
        participants=4,
        overall=2.0,
        areas={"a1": EarlierPart("Area", 2.0, "Developing", "Developing", 0.5)},
        dimensions={"a1.d1": EarlierPart("Dim", 2.0, area_id="a1")},
        questions={"a1.d1.q1": EarlierQuestion("Text?", "a1.d1", 2.0, "Developing", 0.7)},
    )
    assessment.commentary.areas["a1"] = "Good."
    assessment.branding.council_logo = Logo(png_bytes(), "image/png", "council.png")
    assessment.agenda = AgendaState({"a1": 20}, {"a1": 5}, {"a1": 61}, "a1", running=True)
    pack = make_pack(assessment, "p1")
    pack.set_answer("a1.d1.q3", Answer(1))
    recovery = RecoveryStore().write(assessment, None)
    pack_recovery = PackRecoveryStore().write(pack, "answers.assessment-pack")
    documents = [
        assessment_to_dict(assessment),
        pack_to_dict(pack),
        json.loads(recovery.read_text()),
        json.loads(pack_recovery.read_text()),
    ]
    text = DOC.read_text(encoding="utf-8")
    missing = sorted(
        key for key in set().union(*map(_keys, documents)) if not re.search(rf"\b{re.escape(key)}\b", text)
    )
    assert missing == []
    assert [column for column in COLUMNS if f"`{column}`" not in text] == []


def test_every_suffix_and_user_folder_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    suffixes = (ASSESSMENT_SUFFIX, PACK_SUFFIX, RECOVERY_SUFFIX, PACK_RECOVERY_SUFFIX)
    assert [suffix for suffix in suffixes if f"`{suffix}`" not in text] == []
    home = userdirs.data_dir()
    places = [
        userdirs.recovery_dir().relative_to(home).as_posix() + "/",
        cache_dir().relative_to(home).as_posix() + "/",
        userdirs.log_file().relative_to(home).as_posix(),
        "settings.ini",
    ]
    assert [place for place in places if f"`{place}`" not in text] == []
