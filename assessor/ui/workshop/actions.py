"""The workshop's menu entries and shortcuts: made when the window is built, cheaply (each action runs the
workshop's code, which builds what it needs on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.ui.actions import make_action

if TYPE_CHECKING:
    from assessor.ui.workshop.controller import Workshop


def install_actions(workshop: Workshop) -> None:
    """Add the workshop's actions to the Workshop, View and File menus and to the window (for shortcuts);
    ``workshop.needs`` lists those enabled only while an assessment is open."""
    w = workshop.window
    workshop.hand_over_action = make_action(
        w,
        "&Hand over to the next person",
        workshop.hand_over,
        "Ctrl+H",
        "Hide these answers and choose who is next",
    )
    workshop.tally_action = make_action(
        w,
        "Show of hands for this &question…",
        workshop.edit_tally,
        "Ctrl+T",
        "Type in how many chose each answer",
    )
    workshop.second_round_action = make_action(
        w,
        "&Second round on divergent items…",
        workshop.second_round,
        None,
        "Re-score divergent items privately",
    )
    workshop.import_action = make_action(
        w,
        "&Import participant packs…",
        lambda: workshop.parts.packs.choose_and_import(),
        "Ctrl+I",
        "Bring in packs answered on other laptops",
    )
    workshop.presenter_action = make_action(
        w,
        "&Presenter view",
        workshop.parts.open_presenter,
        "F5",
        "Large type for the projector (F11 full screen)",
    )
    workshop.agenda_action = make_action(
        w,
        "A&genda and timer",
        workshop.parts.show_agenda,
        "Ctrl+G",
        "Show or hide the agenda and timer panel",
    )
    workshop.agenda_action.setCheckable(True)
    timer = make_action(w, "Start or pause the &timer", lambda: workshop.parts.agenda.toggle(), "F9")
    extend = make_action(w, "&Add five minutes", lambda: workshop.parts.agenda.extend(), "Shift+F9")
    next_area = make_action(w, "&Next area on the agenda", lambda: workshop.parts.agenda.next_area(), "F8")
    menu = w.menus.workshop
    menu.addActions([workshop.hand_over_action, workshop.tally_action, workshop.import_action])
    menu.addSeparator()
    menu.addActions([workshop.second_round_action])
    menu.addSeparator()
    menu.addActions([workshop.presenter_action, workshop.agenda_action, timer, extend, next_area])
    w.menus.view.addActions([workshop.presenter_action, workshop.agenda_action])
    w.menus.file.insertAction(w.menus.export.menuAction(), workshop.import_action)
    workshop.needs = [
        workshop.hand_over_action,
        workshop.tally_action,
        workshop.second_round_action,
        workshop.import_action,
        workshop.presenter_action,
        timer,
        extend,
        next_area,
    ]
    for action in [*workshop.needs, workshop.agenda_action]:
        w.addAction(action)
