"""Add an emergency contact or record a need (vulnerability), each with the caller's consent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QPlainTextEdit, QWidget

from cxassist.domain.models import ContactPurpose, EmergencyContact, Vulnerability, VulnerabilityDriver
from cxassist.services.caller_edit import MAX_REVIEW_MONTHS, PhoneInput, add_months, save_contact, save_vulnerability
from cxassist.services.changes import Done
from cxassist.services.runtime import Runtime
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import driver_text, purpose_text

if TYPE_CHECKING:
    from cxassist.ui.agent.main_window import MainWindow
from uuid import UUID


class ContactDialog(EditDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, caller_id: UUID, parent: Any = None) -> None:
        super().__init__(runner, name="contactDialog", title=self.tr("Add an emergency contact"), parent=parent)
        self.runtime = runtime
        self.caller_id = caller_id
        self.name = self.line("contactName", self.tr("&Name"), self.tr("Contact's name"))
        self.relationship = self.line("contactRelationship", self.tr("&Relationship"),
                                      self.tr("How they are related to the caller, for example daughter"))
        self.numbers = self.line("contactNumbers", self.tr("N&umbers"),
                                 self.tr("The contact's phone numbers, separated by semicolons"))
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.purposes: dict[ContactPurpose, QCheckBox] = {}
        for purpose in ContactPurpose:
            box = QCheckBox(purpose_text(purpose), row)
            box.setObjectName(f"contactFor_{purpose.value}")
            box.setAccessibleName(self.tr("May be contacted about {0}").format(purpose_text(purpose)))
            line.addWidget(box)
            self.purposes[purpose] = box
        self.add_row(self.tr("May contact &for"), row)
        self.consent = self.line("contactConsent", self.tr("&Consent: how given"),
                                 self.tr("How the caller agreed, for example verbally on this call"),
                                 self.tr("verbally, on this call"))

    def write(self) -> Callable[[], Done[EmergencyContact]]:
        phones = tuple(PhoneInput(p.strip()) for p in self.numbers.text().split(";") if p.strip())
        purposes = tuple(p for p, box in self.purposes.items() if box.isChecked())
        runtime, caller_id = self.runtime, self.caller_id
        name, relationship, how = self.name.text(), self.relationship.text(), self.consent.text()
        return lambda: save_contact(runtime, caller_id=caller_id, name=name, relationship=relationship, phones=phones,
                                    may_contact_for=purposes, consent_how=how)


class VulnerabilityDialog(EditDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, caller_id: UUID, parent: Any = None) -> None:
        super().__init__(runner, name="vulnerabilityDialog", title=self.tr("Record a need"), parent=parent)
        self.runtime = runtime
        self.caller_id = caller_id
        self.driver = QComboBox(self)
        self.driver.setObjectName("vulnerabilityDriver")
        self.driver.setAccessibleName(self.tr("What it relates to"))
        for driver in VulnerabilityDriver:
            self.driver.addItem(driver_text(driver), driver.value)
        self.add_row(self.tr("&Relates to"), self.driver)
        self.detail = self._text("vulnerabilityText", self.tr("&What they told us"),
                                 self.tr("What the caller told us, in their words"))
        self.adjustments = self._text("vulnerabilityAdjustments", self.tr("&Adjustments"),
                                      self.tr("Adjustments they asked for, for example speak slowly"))
        self.consent = self.line("vulnerabilityConsent", self.tr("&Consent: how given"),
                                 self.tr("How the caller agreed to us keeping this"), self.tr("verbally, on this call"))
        self.review = QDateEdit(self)
        self.review.setObjectName("vulnerabilityReviewBy")
        self.review.setAccessibleName(self.tr("Review by, at most {0} months ahead").format(MAX_REVIEW_MONTHS))
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("dd MMM yyyy")
        today = runtime.today()
        latest = add_months(today, MAX_REVIEW_MONTHS)
        self.review.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        default = add_months(today, 6)
        self.review.setDate(QDate(default.year, default.month, default.day))
        self.add_row(self.tr("Re&view by"), self.review)

    def _text(self, name: str, label: str, accessible: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_row(label, edit)
        return edit

    def write(self) -> Callable[[], Done[Vulnerability]]:
        runtime, caller_id = self.runtime, self.caller_id
        driver = VulnerabilityDriver(self.driver.currentData())
        detail, adjustments, how = self.detail.toPlainText(), self.adjustments.toPlainText(), self.consent.text()
        review = self.review.date().toPython()
        return lambda: save_vulnerability(runtime, caller_id=caller_id, driver=driver, detail=detail,
                                          adjustments=adjustments, consent_how=how, review_by=review)  # type: ignore[arg-type]


def _caller_or_message(window: MainWindow) -> UUID | None:
    caller_id = window.card.caller_id()
    if caller_id is None:
        window.show_message(window.tr("Open or save the caller first: there is no caller on the card."))
    return caller_id


def open_contact_editor(window: MainWindow) -> ContactDialog | None:
    caller_id = _caller_or_message(window)
    if caller_id is None:
        return None
    dialog = ContactDialog(window.runtime, window.runner, caller_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_vulnerability_editor(window: MainWindow) -> VulnerabilityDialog | None:
    caller_id = _caller_or_message(window)
    if caller_id is None:
        return None
    dialog = VulnerabilityDialog(window.runtime, window.runner, caller_id, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
