"""Correcting the care records from the workspace: an emergency contact (emergency panel) and a need (caller card),
by mouse and by keyboard, with removal and ending confirmed first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from cxassist.domain.models import ContactPurpose, VulnerabilityDriver
from cxassist.services import caller_edit
from cxassist.ui.agent.edit_care import ContactDialog, VulnerabilityDialog
from cxassist.ui.agent.end_care import EndVulnerabilityDialog, RemoveContactDialog
from cxassist.ui.agent.main_window import MainWindow

NUMBER = "020 7946 0018"


@pytest.fixture
def window(qtbot: Any, runtime: Any, runner: Any, errors: Any, add_caller: Any) -> MainWindow:
    peggy = add_caller("Margaret Hale", NUMBER, preferred_name="Peggy")
    caller_edit.save_contact(runtime, caller_id=peggy.id, name="Ann Hale", relationship="daughter",
                             phones=(caller_edit.PhoneInput("020 7946 0019", "mobile"),),
                             may_contact_for=(ContactPurpose.HEALTH,), consent_how="verbally")
    caller_edit.save_vulnerability(runtime, caller_id=peggy.id, driver=VulnerabilityDriver.HEALTH,
                                   detail="hard of hearing", adjustments="Speak slowly",
                                   consent_how="verbally", review_by=runtime.today() + timedelta(days=90))
    win = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(win)
    win.show()
    win.pop_number(NUMBER)
    return win


def audit_actions(runtime: Any) -> list[str]:
    with runtime.db.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_event ORDER BY seq")]


def button(parent: Any, name: str) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    assert found is not None, name
    return found


def shown_text(widget: Any) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_an_emergency_contact_is_corrected_from_the_panel(qtbot: Any, window: MainWindow, runtime: Any,
                                                          unnamed: Any) -> None:
    qtbot.mouseClick(button(window.contacts, "showEmergencyContacts"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window.contacts, "editContact"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.name.text(), dialog.relationship.text()) == ("Ann Hale", "daughter")
    assert dialog.numbers.text() == "+442079460019 mobile" and dialog.purposes[ContactPurpose.HEALTH].isChecked()
    assert dialog.consent.text() == "verbally" and unnamed(dialog) == []
    dialog.relationship.setText("niece")
    dialog.purposes[ContactPurpose.WELFARE].setChecked(True)
    dialog.consent.setText("in writing")
    qtbot.mouseClick(button(dialog, "contactDialogSave"), Qt.MouseButton.LeftButton)
    (contact,) = window.controller.pop.emergency_contacts  # type: ignore[union-attr]
    assert contact.relationship == "niece" and ContactPurpose.WELFARE in contact.may_contact_for
    assert contact.consent is not None and contact.consent.how == "in writing"
    assert "Ann Hale (niece)" in window.contacts.summary.text()
    assert audit_actions(runtime)[-1] == "saved-emergency-contact"


def test_a_bad_correction_is_explained_in_the_dialog_and_nothing_changes(qtbot: Any, window: MainWindow) -> None:
    window.contacts.open_contacts()
    button(window.contacts, "editContact").click()
    dialog = window.findChild(ContactDialog)
    assert dialog is not None
    dialog.numbers.setText("")
    button(dialog, "contactDialogSave").click()
    assert dialog.isVisible() and "no phone number" in dialog.problem.text()
    assert window.controller.pop.emergency_contacts[0].phones  # type: ignore[union-attr]


def test_f2_on_a_contact_edits_it_and_removal_is_confirmed(qtbot: Any, window: MainWindow, runtime: Any,
                                                           unnamed: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.contacts.open_contacts()
    call = button(window.contacts, "dialContact")
    call.setFocus()
    qtbot.keyClick(call, Qt.Key.Key_F2)
    dialog = window.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(button(dialog, "removeContact"), Qt.MouseButton.LeftButton)
    confirm = dialog.findChild(RemoveContactDialog)
    assert confirm is not None and "Remove Ann Hale (daughter)" in shown_text(confirm) and unnamed(confirm) == []
    assert window.controller.pop.emergency_contacts, "nothing is removed before the agent confirms"  # type: ignore[union-attr]
    qtbot.mouseClick(button(confirm, "removeContactDialogSave"), Qt.MouseButton.LeftButton)
    assert window.controller.pop.emergency_contacts == ()  # type: ignore[union-attr]
    assert not dialog.isVisible()
    assert "No emergency contacts on file" in window.contacts.summary.text()
    assert audit_actions(runtime)[-1] == "removed-emergency-contact"


def test_a_need_is_corrected_from_the_card_and_opening_it_is_audited(qtbot: Any, window: MainWindow,
                                                                      runtime: Any, unnamed: Any) -> None:
    assert "viewed-vulnerabilities" not in audit_actions(runtime)
    qtbot.mouseClick(button(window.card, "editVulnerability"), Qt.MouseButton.LeftButton)
    assert "viewed-vulnerabilities" in audit_actions(runtime), "the editor shows what they told us"
    dialog = window.findChild(VulnerabilityDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.detail.toPlainText() == "hard of hearing" and dialog.adjustments.toPlainText() == "Speak slowly"
    assert unnamed(dialog) == []
    dialog.adjustments.setPlainText("Speak slowly and send letters in large print")
    qtbot.mouseClick(button(dialog, "vulnerabilityDialogSave"), Qt.MouseButton.LeftButton)
    assert "large print" in shown_text(window.card)
    assert audit_actions(runtime)[-1] == "saved-vulnerability"


def test_a_need_is_marked_ended_by_keyboard(qtbot: Any, window: MainWindow, runtime: Any, unnamed: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    edit = button(window.card, "editVulnerability")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F2)
    dialog = window.findChild(VulnerabilityDialog)
    assert dialog is not None
    qtbot.keyClick(button(dialog, "endVulnerability"), Qt.Key.Key_Space)
    confirm = dialog.findChild(EndVulnerabilityDialog)
    assert confirm is not None and unnamed(confirm) == []
    confirm.reason.setCurrentIndex(confirm.reason.findData("recorded in error"))
    qtbot.keyClick(button(confirm, "endVulnerabilityDialogSave"), Qt.Key.Key_Space)
    assert window.controller.pop.vulnerabilities == ()  # type: ignore[union-attr]
    assert "Speak slowly" not in shown_text(window.card)
    assert audit_actions(runtime)[-1] == "ended-vulnerability"
