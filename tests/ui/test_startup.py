"""Start-up: a file named on the command line is the first page; only what the first window needs loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor import paths
from assessor.model import Consensus, Mode, Tally
from assessor.ui.app import MAX_LOG_BYTES, create_window, rotate_log
from tests.startup_hook import REPLACE_EXEC

DEFAULT_QUESTIONNAIRE = paths.questionnaires_dir() / "council-collaboration.yaml"
ROOT = Path(__file__).resolve().parents[2]


def test_a_questionnaire_on_the_command_line_opens_set_up_without_building_the_start_page(
    qtbot, scripted_dialogs
) -> None:
    window = create_window([str(DEFAULT_QUESTIONNAIRE)])
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.session.is_open
    assert window.current_page_name() == "setup"
    assert "start" not in window._pages  # built only when first shown
    window.show_page("start")
    assert window.start_page.isVisible()
    window.session.files.close()


def test_a_broken_file_on_the_command_line_shows_its_problems_then_the_start_page(
    qtbot, scripted_dialogs, data_dir
) -> None:
    broken = data_dir / "broken" / "bad-id.yaml"
    window = create_window([str(broken)])
    qtbot.addWidget(window)
    assert [path for path, _problems in scripted_dialogs.problems] == [broken]
    assert not window.session.is_open
    assert window.current_page_name() == "start"
    assert window.isVisible()


def test_the_application_has_the_fusion_style(qapp) -> None:
    from assessor.ui.app import application

    sheet = qapp.styleSheet()
    qapp.setStyleSheet("")  # with a style sheet, style() is Qt's style-sheet wrapper, which has no name
    try:
        qapp.setStyle("Windows")
        qapp.setProperty("assessor_fusion_style", None)  # as an application made by someone else
        assert application() is qapp
        assert qapp.style().name().lower() == "fusion"
        assert not qapp.windowIcon().isNull()  # resources/icon.png, the bundle's icon too
    finally:
        qapp.setStyle("Fusion")
        qapp.setStyleSheet(sheet)


def test_the_log_is_moved_aside_when_too_large(tmp_path: Path) -> None:
    log = tmp_path / "assessor.log"
    log.write_bytes(b"x" * MAX_LOG_BYTES)
    (tmp_path / "assessor.log.1").write_text("older", encoding="utf-8")
    rotate_log(log)
    assert not log.exists()
    assert (tmp_path / "assessor.log.1").stat().st_size == MAX_LOG_BYTES
    assert (tmp_path / "assessor.log.2").read_text(encoding="utf-8") == "older"
    small = tmp_path / "small.log"
    small.write_text("short", encoding="utf-8")
    rotate_log(small)
    assert small.read_text(encoding="utf-8") == "short"


STARTUP = (
    """
import sys
from assessor.launcher import BEFORE_QT, main
def _exec(*_args):
    import PySide6.QtCore
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if w.isVisible())
    # The window is shown; its first frame is painted on the next turn of the event loop.
    print(*(m in sys.modules for m in sys.argv[2:]))
    # PySide builds its Python type for the Qt namespace (some 90 enums, over 20 ms) when it is first named.
    print("Qt" in vars(PySide6.QtCore))
    order = list(sys.modules)  # in the order they were first imported
    print(all(order.index(name) < order.index("PySide6") for name in BEFORE_QT))
    print(window.session.is_open, window.current_page_name() or "-")
    turns = 0
    while not window.session.is_open and turns < 10:
        app.processEvents()
        turns += 1
    # Right after the first paint: the questionnaire (from the cache, or its YAML on a first start).
    print(turns, window.current_page_name(), "yaml" in sys.modules)
    app.setStyleSheet("")  # style() is then the style itself, not the style-sheet wrapper
    print(app.style().name())
    return 0
"""
    + REPLACE_EXEC
    + """main([sys.argv[1]])
"""
)


def test_the_first_frame_comes_before_the_model_and_the_second_start_reads_no_yaml(tmp_path: Path) -> None:
    """The real entry point, twice. The window shows before the model, the questionnaire, the pages, the
    report or the charts load, and before the Qt namespace is built; the Qt-free modules the window needs
    load before PySide6. The file named on the command line opens on the first turns of the event loop
    after that (the set-up page); the first start reads the YAML (and caches it), the second does not. The
    style is Fusion."""
    heavy = [
        "assessor.model",  # the model's dataclasses load with the first assessment
        "assessor.storage.questionnaire_cache",
        "yaml",
        "assessor.questionnaire.build",
        "reportlab",
        "PySide6.QtCharts",
        "assessor.report",
        "assessor.scoring",
        "assessor.storage.fileformat",
        "uuid",  # assessment ids come from os.urandom: uuid would bring in platform
        "assessor.ui.start_page",  # pages are built when first shown
        "assessor.ui.setup_page",
        "assessor.ui.workshop.agenda",  # the workshop's screens and importer are built on first use
        "assessor.ui.workshop.handover",
        "assessor.ui.workshop.pack_import",
    ]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ASSESSOR_HOME": str(tmp_path),
        "QT_STYLE_OVERRIDE": "windows",  # the application asks for Fusion all the same
    }
    command = [sys.executable, "-c", STARTUP, str(DEFAULT_QUESTIONNAIRE), *heavy]
    runs = [
        subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=True)
        for _ in range(2)
    ]
    for run in runs:
        lines = run.stdout.splitlines()
        loaded = [name for name, shown in zip(heavy, lines[0].split(), strict=True) if shown != "False"]
        assert loaded == [], f"loaded before the window showed: {loaded}"
        assert lines[1] == "False", "the Qt namespace was built before the window showed"
        assert lines[2] == "True", "a module of BEFORE_QT was imported after PySide6"
        assert lines[3] == "False -", "the file was opened before the first frame"
        turns, page, _yaml = lines[4].split()
        assert 1 <= int(turns) <= 2, (
            f"the file opened {turns} turns of the event loop after the window showed"
        )
        assert page == "setup"
        assert lines[5:] == ["fusion"]
    first, second = (run.stdout.splitlines()[4].split()[2] for run in runs)
    assert (first, second) == ("True", "False")  # a fresh cache: the YAML was read and validated, once


def test_a_start_without_a_file_shows_the_filled_start_page_right_after_the_first_frame(qtbot) -> None:
    from assessor.ui.app import show_window

    window = show_window([])
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.current_page_name() == "" and "start" not in window._pages  # the empty first page
    qtbot.waitUntil(lambda: window.current_page_name() == "start", timeout=2000)
    page = window.start_page
    qtbot.waitUntil(lambda: page.questionnaires.count() > 0, timeout=2000)
    assert window.stack.count() == 1  # the first frame's page is gone
    window.finish_start()  # a second call does nothing
    assert window.current_page_name() == "start"


def test_shortcuts_before_the_first_paint_find_nothing_open_to_act_on(qtbot, scripted_dialogs) -> None:
    """Between the first frame and the assessment opening, the actions that need one are disabled, and
    the rest (the start page, About) work."""
    from assessor.ui.app import show_window

    window = show_window([str(DEFAULT_QUESTIONNAIRE)])
    qtbot.addWidget(window)
    assert not window.session.is_open
    assert not window.menus.save.isEnabled() and not window.menus.export_pdf.isEnabled()
    for action in window.menus.needing_assessment:
        action.trigger()  # disabled: nothing happens
    window.show_page("results")  # needs an assessment: the start page instead
    assert window.current_page_name() == "start"
    qtbot.waitUntil(lambda: window.session.is_open, timeout=2000)
    assert window.current_page_name() == "setup"
    window.session.files.close()


def test_storage_names_are_imported_when_first_used() -> None:
    code = (
        "import sys, assessor.storage as storage\n"
        "print('assessor.storage.fileformat' in sys.modules)\n"
        "from assessor.storage import StorageError, save_assessment\n"
        "print('assessor.storage.fileformat' in sys.modules, save_assessment.__module__)\n"
        "print(all(getattr(storage, name) is not None for name in storage.__all__))\n"
        "try:\n    storage.no_such_name\nexcept AttributeError as exc:\n    print(exc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.splitlines() == [
        "False",
        "True assessor.storage.fileformat",
        "True",
        "module 'assessor.storage' has no attribute 'no_such_name'",
    ]


def _counts_agree(session) -> tuple[int, int]:
    counted = session.completion_counts()
    session._results = None
    completion = session.results().completion
    assert counted == (completion.questions_decided, completion.questions_total)
    session._results = None  # the next count starts from nothing cached, as after an edit
    return counted


def test_the_status_count_without_scoring_agrees_with_scoring(team_window) -> None:
    session = team_window.session
    total = session.questionnaire.question_count
    assert _counts_agree(session) == (0, total)
    first, second = list(session.questionnaire.questions)[:2]
    session.edits.set_consensus(first, Consensus(choice=3))
    assert _counts_agree(session) == (1, total)
    assert "1 of" in team_window._status.text()
    session.undo_stack.undo()
    assert _counts_agree(session) == (0, total)
    session.edits.set_mode(Mode.INDIVIDUAL)
    session.edits.add_participant("Ann")
    session.set_current_participant(session.require().participants[0].id)
    session.edits.record_choice(second, 2)
    assert _counts_agree(session)[0] == 1
    session.require().set_tally(first, Tally(counts={2: 3}))
    assert _counts_agree(session)[0] == 2


def test_the_status_count_of_the_example_agrees_with_scoring(window) -> None:
    assert window.files.open_example()
    assert _counts_agree(window.session)[0] > 0


_DATE_TEXT = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.text(alphabet="0123456789-/.T: x", max_size=14),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(_DATE_TEXT)
def test_the_set_up_page_reads_a_date_as_qt_reads_iso_8601(text: str) -> None:
    """The set-up page reads and writes its date without naming the Qt namespace, as Qt's ISO 8601 would."""
    from PySide6.QtCore import QDate, Qt

    from assessor.ui.setup_page import ISO_FORMAT, iso_date

    ours, qts = iso_date(text), QDate.fromString(text, Qt.DateFormat.ISODate)
    assert ours.isValid() == qts.isValid()
    if qts.isValid():
        assert ours == qts
        assert qts.toString(ISO_FORMAT) == qts.toString(Qt.DateFormat.ISODate)  # and writes it back the same


def test_a_window_never_painted_still_opens_its_file(qtbot, monkeypatch, scripted_dialogs) -> None:
    """A window shown minimised (or never exposed) gets no first paint: the file opens all the same."""
    from assessor.ui.app import show_window
    from assessor.ui.main_window import FIRST_PAINT_WAIT_MS, FirstPage

    monkeypatch.setattr(FirstPage, "paintEvent", lambda self, event: None)
    window = show_window([str(DEFAULT_QUESTIONNAIRE)])
    qtbot.addWidget(window)
    qtbot.wait(FIRST_PAINT_WAIT_MS // 2)
    assert not window.session.is_open  # still waiting for the paint
    qtbot.waitUntil(lambda: window.session.is_open, timeout=FIRST_PAINT_WAIT_MS * 10)
    assert window.current_page_name() == "setup"
    window.session.files.close()


def test_what_follows_the_first_frame_failing_leaves_the_start_page(qtbot) -> None:
    from assessor.ui.main_window import FirstPage, MainWindow

    window = MainWindow(show_start=False)
    qtbot.addWidget(window)

    def rest() -> None:
        raise RuntimeError("simulated")

    window.show_first(rest)
    assert isinstance(window.stack.currentWidget(), FirstPage)
    with pytest.raises(RuntimeError, match="simulated"):
        window.finish_start()  # from the event loop, the excepthook would tell the user
    assert window.current_page_name() == "start"
    assert not any(isinstance(window.stack.widget(i), FirstPage) for i in range(window.stack.count()))
