"""The consultancy profile: edited from File > Consultancy profile…, remembered in the settings, given to every
new assessment (consultant, logo, colour, confidentiality line, the logo in the running header)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from assessor.model import Logo
from assessor.ui import dialogs
from assessor.ui.profile_dialog import Choosers, ProfileDialog
from assessor.ui.settings import ConsultancyProfile, Settings
from tests.factories import png_bytes
from tests.ui.conftest import DEFAULT_QUESTIONNAIRE

LOGO = Logo(data=png_bytes(8, 4), media_type="image/png", name="acme.png")
PROFILE = ConsultancyProfile(
    name="Acme Public Consulting",
    logo=LOGO,
    accent_colour="#7A1F5C",
    confidentiality="Confidential: Acme Public Consulting for the client only.",
    header_logo=True,
)


def _action(window, text: str):
    return next(a for a in window.menus.file.actions() if a.text().replace("&", "") == text)


def test_the_profile_is_remembered_in_the_settings(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.consultancy_profile() == ConsultancyProfile()
    settings.set_consultancy_profile(PROFILE)
    settings.sync()
    assert Settings(tmp_path / "settings.ini").consultancy_profile() == PROFILE
    settings.set_consultancy_profile(ConsultancyProfile(name="Solo"))
    assert settings.consultancy_profile() == ConsultancyProfile(name="Solo")


def test_a_logo_in_the_settings_that_is_no_longer_an_image_is_left_out(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set_consultancy_profile(PROFILE)
    settings._qsettings.setValue("profile/logo", b"GIF89a not a logo")
    assert settings.consultancy_profile().logo is None
    assert settings.consultancy_profile().name == PROFILE.name


def test_the_profile_from_the_menu_is_given_to_each_new_assessment(window, scripted_dialogs) -> None:
    action = _action(window, "Consultancy profile…")
    assert action.isEnabled()  # no assessment needs to be open
    scripted_dialogs.profiles.append(PROFILE)
    action.trigger()
    assert scripted_dialogs.profiles_shown == [ConsultancyProfile()]
    assert window.settings.consultancy_profile() == PROFILE

    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    assessment = window.session.require()
    branding = assessment.branding
    assert branding.consultancy_logo == LOGO and branding.header_logo
    assert branding.accent_colour == "#7A1F5C"
    assert branding.confidentiality == PROFILE.confidentiality
    assert assessment.details.consultant == "Acme Public Consulting"
    assert branding.council_logo is None
    # How the assessment starts, not an edit to undo.
    assert not window.session.undo_stack.canUndo()
    window.show_page("setup")
    box = window.page("setup").branding
    assert box.header_logo.isChecked() and box.consultancy_logo.text() == "acme.png"
    box.header_logo.click()  # the assessment's own choice, one undo step
    assert not window.session.require().branding.header_logo
    window.session.undo_stack.undo()
    assert window.session.require().branding.header_logo

    # Cancelled: the profile stays as it was.
    action.trigger()
    assert scripted_dialogs.profiles_shown[-1] == PROFILE
    assert window.settings.consultancy_profile() == PROFILE


def test_an_empty_profile_leaves_a_new_assessment_as_the_questionnaire_has_it(window) -> None:
    assert window.files.new_from_questionnaire(DEFAULT_QUESTIONNAIRE)
    assessment = window.session.require()
    wording = assessment.questionnaire.wording
    assert assessment.branding.confidentiality == wording.confidentiality
    assert assessment.branding.consultancy_logo is None and not assessment.branding.header_logo
    assert assessment.details.consultant == ""


def test_the_dialog_edits_each_field(qtbot, scripted_dialogs, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    # The dialog is handed the dialog helpers, here the recorder's.
    choosers = Choosers(open_file=dialogs.open_file, choose_colour=dialogs.choose_colour, error=dialogs.error)
    dialog = ProfileDialog(ConsultancyProfile(name="Old name"), settings, choosers)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Old name" and dialog.logo_label.text() == "No logo"
    assert not dialog.remove_button.isEnabled()
    dialog.name.setText("  Acme Public Consulting ")
    image = tmp_path / "acme.png"
    image.write_bytes(LOGO.data)
    scripted_dialogs.open_paths.append(str(image))
    dialog.browse_button.click()
    assert dialog.logo_label.text() == "acme.png" and dialog.remove_button.isEnabled()
    scripted_dialogs.colours.append("#7A1F5C")
    next(b for b in dialog.findChildren(type(dialog.browse_button)) if b.text() == "&Pick…").click()
    assert dialog.accent.text() == "#7A1F5C"
    dialog.confidentiality.setText(PROFILE.confidentiality)
    dialog.header_logo.setChecked(True)
    assert dialog.profile() == PROFILE

    # Not an image: said so, and the logo chosen before stays.
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"GIF89a pretending")
    scripted_dialogs.open_paths.append(str(fake))
    dialog.browse_button.click()
    assert scripted_dialogs.errors[-1][0] == "Cannot use this logo"
    assert dialog.logo == LOGO
    dialog.remove_button.click()
    assert dialog.profile().logo is None

    # A colour that is not one: the dialog says how to write it and stays open.
    dialog.accent.setText("blue")
    dialog.accept()
    assert scripted_dialogs.errors[-1][0] == "Profile not saved"
    assert "#1F4E79" in scripted_dialogs.errors[-1][1]
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.accent.setText("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_edit_profile_shows_the_dialog_with_the_dialog_helpers(qtbot, monkeypatch, tmp_path: Path) -> None:
    handed: list[Choosers] = []

    def fill(dialog: ProfileDialog) -> int:
        handed.append(dialog.choosers)
        dialog.name.setText("Acme")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProfileDialog, "exec", fill)
    settings = Settings(tmp_path / "settings.ini")
    assert dialogs.edit_profile(None, ConsultancyProfile(), settings) == ConsultancyProfile(name="Acme")
    assert handed == [Choosers(dialogs.open_file, dialogs.choose_colour, dialogs.error)]
    monkeypatch.setattr(ProfileDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert dialogs.edit_profile(None, PROFILE, settings) is None
