"""Packs that cannot speak for someone else, through the window: File > Export > Participant packs says what to
save and which earlier packs are now refused; Workshop > Import participant packs refuses a forged pack and an
old one, naming the file and what to do (issue 15, part 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessor.model import Answer
from assessor.storage.packs import load_pack, save_pack
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE
from tests.ui.workshop_helpers import individual_window


@pytest.fixture
def workshop_window(window, scripted_dialogs):
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    return individual_window(window)


def _answer(path: Path, level: int) -> None:
    pack = load_pack(path)
    pack.set_answer(pack.question_ids()[0], Answer(level))
    save_pack(pack, path)


def test_forged_and_old_packs_are_refused_through_the_import_flow(
    workshop_window, scripted_dialogs, tmp_path: Path
) -> None:
    window = workshop_window
    session = window.session
    assessment = session.require()
    first_qid = next(iter(assessment.questionnaire.questions))
    alice, bilal, _carys = (p.id for p in assessment.participants)

    # Export: every pack written, the assessment now unsaved (it keeps the secrets), and the message says so.
    (tmp_path / "one").mkdir()
    session.undo_stack.setClean()
    scripted_dialogs.folders.append(str(tmp_path / "one"))
    window.menus.export_packs.trigger()
    title, text = scripted_dialogs.infos[-1]
    assert title == "Participant packs written" and "Save the assessment now" in text
    assert "refused" not in text and session.dirty
    packs = sorted((tmp_path / "one").glob("*.assessment-pack"))
    assert len(packs) == 3

    # Bilal's pack, edited to answer as Alice: refused, and Alice keeps her answer.
    assessment.set_answer(alice, first_qid, Answer(1))
    bilal_path = next(path for path in packs if load_pack(path).participant.id == bilal)
    _answer(bilal_path, 4)
    document = json.loads(bilal_path.read_text(encoding="utf-8"))
    document["participant"]["id"] = alice
    forged = tmp_path / "forged.assessment-pack"
    forged.write_text(json.dumps(document), encoding="utf-8")
    scripted_dialogs.replace_answer = True
    scripted_dialogs.open_path_lists.append([str(forged)])
    window.workshop.parts.packs.choose_and_import()
    title, text = scripted_dialogs.errors[-1]
    assert title == "Some packs need your attention"
    assert text.startswith("forged.assessment-pack: not imported.") and "Export a new pack" in text
    assert scripted_dialogs.replace_questions == []  # refused before anyone is asked to replace
    assert assessment.answer(alice, first_qid).choice == 1

    # Exported again: the message names whose earlier packs are now refused, and Bilal's old pack is.
    (tmp_path / "two").mkdir()
    scripted_dialogs.folders.append(str(tmp_path / "two"))
    window.menus.export_packs.trigger()
    _title, text = scripted_dialogs.infos[-1]
    assert "those earlier packs will be refused on import" in text
    assert all(assessment.display_name(pid) in text for pid in (alice, bilal))
    window.workshop.parts.packs.import_paths([bilal_path])
    _title, text = scripted_dialogs.errors[-1]
    assert "a newer pack has been exported for them since" in text
    assert assessment.answer(bilal, first_qid) is None

    # The new pack, answered, goes in.
    new_bilal = next(
        p for p in (tmp_path / "two").glob("*.assessment-pack") if load_pack(p).participant.id == bilal
    )
    _answer(new_bilal, 3)
    window.workshop.parts.packs.import_paths([new_bilal])
    assert scripted_dialogs.infos[-1][0] == "Packs imported"
    assert assessment.answer(bilal, first_qid).choice == 3
