"""The menu bar: File, Edit, View, Workshop, Help. Every action has a shortcut and an accessible name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from assessor.ui.actions import make_action

if TYPE_CHECKING:
    from assessor.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class Menus:
    """The menus and the actions ``build_menus`` made (the window keeps them as ``window.menus``)."""

    file: QMenu
    recent: QMenu
    export: QMenu
    edit: QMenu
    #: Pages add their entries above ``view_separator``; the workshop's entries go below it.
    view: QMenu
    view_separator: QAction
    workshop: QMenu
    help: QMenu
    #: File > Start a follow-up…
    followup: QAction
    save: QAction
    save_as: QAction
    export_pdf: QAction
    export_word: QAction
    export_summary: QAction
    export_csv: QAction
    export_plan: QAction
    export_packs: QAction
    #: File > Export > Learning card… (one chosen pilot on a page, naming no one).
    export_card: QAction
    close: QAction
    undo: QAction
    redo: QAction
    #: View > High contrast (the built-in theme, remembered) and View > Single-key shortcuts.
    high_contrast: QAction
    single_keys: QAction
    #: Help > Keyboard shortcuts.
    keys_help: QAction
    #: Enabled only while an assessment is open.
    needing_assessment: list[QAction]
    #: What a participant answering a pack can use (the rest needs the whole assessment).
    pack_actions: list[QAction]


def build_menus(window: MainWindow) -> Menus:
    files = window.files
    session = window.session
    bar = window.menuBar()
    bar.setAccessibleName("Menu bar")
    needs: list[QAction] = []

    file_menu = bar.addMenu("&File")
    file_menu.addAction(
        make_action(
            window, "&New…", files.new_assessment, Std.New, "Start a new assessment from a questionnaire"
        )
    )
    file_menu.addAction(make_action(window, "&Open…", files.open_dialog, Std.Open, "Open an assessment file"))
    followup = make_action(
        window,
        "Start a &follow-up…",
        files.start_followup,
        "Ctrl+Shift+N",
        "A new assessment from an earlier one, to compare this year with the last",
    )
    file_menu.addAction(followup)
    recent_menu = QMenu("Open &Recent", window)
    recent_menu.aboutToShow.connect(lambda: _fill_recent(window, recent_menu))
    file_menu.addMenu(recent_menu)
    file_menu.addSeparator()
    save = make_action(window, "&Save", files.save, Std.Save, "Save the assessment")
    save_as = make_action(window, "Save &As…", files.save_as, Std.SaveAs, "Save the assessment in a new file")
    file_menu.addActions([save, save_as])
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export")
    export_pdf = make_action(window, "&PDF report…", files.export_pdf, "Ctrl+E", "Write the PDF report")
    export_word = make_action(
        window, "&Word document…", files.export_word, None, "Write the report as an editable Word document"
    )
    export_summary = make_action(
        window,
        "&Board summary…",
        files.export_summary,
        None,
        "Write a board or cabinet summary of at most two pages (PDF)",
    )
    export_csv = make_action(
        window, "&CSV of answers…", files.export_csv, "Ctrl+Shift+E", "Write every answer to a CSV file"
    )
    export_plan = make_action(
        window, "Action p&lan…", files.export_plan, None, "Write the chosen pilots as an Excel workbook"
    )
    export_packs = make_action(
        window,
        "Participant &packs…",
        files.export_packs,
        "Ctrl+Shift+P",
        "Write a pack for each participant to answer on their own laptop",
    )
    export_card = make_action(
        window,
        "Learning &card…",
        files.export_learning_card,
        "Ctrl+Shift+L",
        "Write a one-page learning card of a chosen pilot, naming no one (PDF or Markdown)",
    )
    export_menu.addActions(
        [export_pdf, export_word, export_summary, export_csv, export_plan, export_card, export_packs]
    )
    file_menu.addSeparator()
    close = make_action(window, "&Close", files.close_assessment, Std.Close, "Close the assessment")
    file_menu.addAction(close)
    file_menu.addAction(
        make_action(
            window,
            "Consultancy &profile…",
            files.edit_profile,
            None,
            "Your consultancy's name, logo, colour and confidentiality line for new assessments",
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(make_action(window, "&Quit", window.close, Std.Quit, "Quit the application"))
    needs += [
        save,
        save_as,
        export_pdf,
        export_word,
        export_summary,
        export_csv,
        export_plan,
        export_card,
        export_packs,
        close,
    ]

    edit_menu = bar.addMenu("&Edit")
    undo = session.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts([QKeySequence(Std.Undo)])  # as make_action does
    redo = session.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence(Std.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addActions([undo, redo])

    view_menu = bar.addMenu("&View")
    view_separator = view_menu.addSeparator()
    # Added to the View menu by the window, after the workshop's entries.
    high_contrast = make_action(
        window,
        "&High contrast",
        window.set_high_contrast,
        "Ctrl+Shift+H",
        "White on black with yellow focus, instead of the system's colours",
    )
    high_contrast.setCheckable(True)
    high_contrast.setChecked(window.settings.high_contrast())
    single_keys = make_action(
        window,
        "Single-&key shortcuts",
        window.set_single_key_shortcuts,
        "Ctrl+Shift+K",
        "Let 1 to 9, D, N and F answer while the answer area has the focus",
    )
    single_keys.setCheckable(True)
    single_keys.setChecked(window.settings.single_key_shortcuts())

    workshop_menu = bar.addMenu("&Workshop")
    workshop_menu.setToolTip("Running the workshop in the room")

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(
        make_action(
            window,
            "Facilitator's &guide",
            window.show_guide,
            Std.HelpContents,
            "The questionnaire's guide for the facilitator",
        )
    )
    keys_help = make_action(
        window, "&Keyboard shortcuts", window.show_keys, "Ctrl+F1", "Every key of every page and window"
    )
    help_menu.addAction(keys_help)
    help_menu.addAction(make_action(window, "&About", window.show_about, None, "Version and log file"))
    for action in [*needs, high_contrast, single_keys, keys_help]:
        window.addAction(action)
    return Menus(
        file=file_menu,
        recent=recent_menu,
        export=export_menu,
        edit=edit_menu,
        view=view_menu,
        view_separator=view_separator,
        workshop=workshop_menu,
        help=help_menu,
        followup=followup,
        save=save,
        save_as=save_as,
        export_pdf=export_pdf,
        export_word=export_word,
        export_summary=export_summary,
        export_csv=export_csv,
        export_plan=export_plan,
        export_packs=export_packs,
        export_card=export_card,
        close=close,
        undo=undo,
        redo=redo,
        high_contrast=high_contrast,
        single_keys=single_keys,
        keys_help=keys_help,
        needing_assessment=needs,
        pack_actions=[save, save_as, close],
    )


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    recent = window.settings.recent_files()
    if not recent:
        empty = menu.addAction("No recent files")
        empty.setEnabled(False)
        return
    for index, path in enumerate(recent, start=1):
        label = f"&{index} {Path(path).name}" if index < 10 else Path(path).name
        action = make_action(window, label, lambda _=False, p=path: window.files.open_any(Path(p)), tip=path)
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(make_action(window, "Clear the list", window.settings.clear_recent_files))
