"""Property: a real save, damaged in any of the ways files get damaged, is either refused with a message
naming the file (exit code 2 from every command) or opens as a valid assessment (it re-saves and re-opens
identically, scores, exports and reports; exit code 0). Never a traceback.

The application opens a file named on the command line or chosen in File > Open through
``load_assessment`` (a pack through ``load_pack``) and shows any OpenError's message, so these cover its open
path too (``tests/ui/test_damaged_files.py`` checks the window itself). A longer run with figures:
``python bench/bench_damage.py``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from damage import damages, run_command
from factories import make_assessment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model import Answer
from assessor.storage import OpenError, load_assessment, save_assessment
from assessor.storage.packs import load_pack, make_pack, save_pack
from tests.conftest import ROOT

DEMO = ROOT / "resources" / "demo.assessment"
SMALL = ROOT / "tests" / "data" / "files" / "small.assessment"
FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _pack_of(path: Path) -> bytes:
    """A pack of the first participant of the assessment in ``path``, as saved."""
    with tempfile.TemporaryDirectory() as folder:
        pack = make_pack(load_assessment(path).assessment, "p1")
        return save_pack(pack, Path(folder) / "p1.assessment-pack").read_bytes()


def _with_checksum(path: Path) -> bytes:
    """The file as the application saves it today (with a checksum)."""
    with tempfile.TemporaryDirectory() as folder:
        saved = save_assessment(load_assessment(path).assessment, Path(folder) / "saved.assessment")
        return saved.read_bytes()


SMALL_PACK = _pack_of(SMALL)
SOURCES = {"small": SMALL.read_bytes(), "small-saved": _with_checksum(SMALL), "demo": _with_checksum(DEMO)}


def check_damaged_assessment(data: bytes, folder: Path, *, report: bool = False) -> bool:
    """Open ``data`` as the application does and run the commands on it; True when it opened."""
    path = folder / "damaged.assessment"
    path.write_bytes(data)
    pack = folder / "p1.assessment-pack"
    pack.write_bytes(SMALL_PACK)
    try:
        loaded = load_assessment(path, questionnaire_lookup=None)  # the lookup only adds a notice
    except OpenError as error:
        message = str(error)
        assert message and str(path) in message and "Traceback" not in message
        for args in (
            ["score", str(path)],
            ["export-csv", str(path), "-o", str(folder / "out.csv")],
            ["merge", str(path), str(pack), "-o", str(folder / "merged.assessment")],
        ):
            code, err = run_command(args)
            assert code == 2 and str(path) in err, (args, code, err)
        assert not (folder / "out.csv").exists() and not (folder / "merged.assessment").exists()
        return False
    assessment = loaded.assessment
    again = load_assessment(
        save_assessment(assessment, folder / "resaved.assessment"), questionnaire_lookup=None
    )
    assert again.assessment == assessment and not again.changed_outside
    commands = [
        ["score", str(path)],
        ["score", str(path), "--json"],
        ["export-csv", str(path), "-o", str(folder / "out.csv")],
    ]
    if assessment.participants:  # a pack of its own goes back in (saved with the pack's secret, as exported)
        save_pack(make_pack(assessment, assessment.participants[0].id), pack)
        exported = save_assessment(assessment, folder / "exported.assessment")
        commands.append(["merge", str(exported), str(pack), "-o", str(folder / "merged.assessment")])
    if report:
        commands.append(["report", str(path), "-o", str(folder / "out.pdf")])
    for args in commands:
        code, err = run_command(args)
        assert code == 0, (args, code, err)
    return True


@pytest.mark.parametrize("source", ["small", "small-saved"])
@FAST
@given(data=st.data())
def test_a_damaged_save_is_refused_clearly_or_opens_valid(source: str, data: st.DataObject) -> None:
    _damage_and_check(SOURCES[source], data)


@settings(FAST, max_examples=12)
@given(data=st.data())
def test_the_damaged_demo_is_refused_clearly_or_opens_valid(data: st.DataObject) -> None:
    _damage_and_check(SOURCES["demo"], data)


def _damage_and_check(original: bytes, data: st.DataObject) -> None:
    _description, damage = data.draw(damages(original), label="damage")
    with tempfile.TemporaryDirectory() as folder:
        check_damaged_assessment(damage(original), Path(folder))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_save_that_opens_also_reports(data: st.DataObject) -> None:
    original = SOURCES["small-saved"]
    _description, damage = data.draw(damages(original), label="damage")
    with tempfile.TemporaryDirectory() as folder:
        check_damaged_assessment(damage(original), Path(folder), report=True)


def test_a_damaged_save_that_still_opens_reports(tmp_path: Path) -> None:
    """The opened branch for certain: an optional key deleted and an answer changed by hand."""
    document = json.loads(SOURCES["small-saved"])
    del document["assessment"]["details"]["scope"]
    document["assessment"]["rounds"][0]["answers"]["p1"]["a1.d1.q1"]["choice"] = 4
    assert check_damaged_assessment(json.dumps(document).encode(), tmp_path, report=True)
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def _pack_bytes() -> tuple[bytes, bytes]:
    """An assessment and one of its packs, answered, as saved."""
    assessment = make_assessment(participants=2)
    pack = make_pack(assessment, "p1")
    pack.set_answer("a1.d1.q1", Answer(3))
    with tempfile.TemporaryDirectory() as folder:
        saved = save_assessment(assessment, Path(folder) / "a.assessment").read_bytes()
        return saved, save_pack(pack, Path(folder) / "p1.assessment-pack").read_bytes()


ASSESSMENT, PACK = _pack_bytes()


@FAST
@given(data=st.data())
def test_a_damaged_pack_is_refused_clearly_or_imports(data: st.DataObject) -> None:
    _description, damage = data.draw(damages(PACK), label="damage")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        target = folder / "a.assessment"
        target.write_bytes(ASSESSMENT)
        path = folder / "p1.assessment-pack"
        path.write_bytes(damage(PACK))
        try:
            load_pack(path)
            opened = True
        except OpenError as error:
            assert str(path) in str(error)
            opened = False
        code, err = run_command(["merge", str(target), str(path), "-o", str(folder / "out.assessment")])
        if opened:
            # A valid pack imports, or is refused for what it says (another assessment, another round...).
            assert code in (0, 2), err
        else:
            assert code == 2 and str(path) in err, err
            assert not (folder / "out.assessment").exists()
