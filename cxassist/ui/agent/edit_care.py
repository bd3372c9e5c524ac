"""Add or correct an emergency contact or a need (vulnerability), each with the caller's consent.

Given a record, a dialog corrects it: the fields start from what is on record, the consent on record is shown, and
changing how consent was given records a new consent (now, by this agent). From there the agent can also remove the
contact or mark the need as ended (`end_care`), each after a confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from cxassist.domain.models import Consent, ContactPurpose, EmergencyContact, Vulnerability, VulnerabilityDriver
from cxassist.services.caller_edit import MAX_REVIEW_MONTHS, PhoneInput, add_months, save_contact, save_vulnerability
from cxassist.services.changes import Done
from cxassist.services.runtime import Runtime
from cxassist.ui.agent.end_care import EndVulnerabilityDialog, RemoveContactDialog
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import driver_text, purpose_text, short_date, wrapped

if TYPE_CHECKING:
    from cxassist.ui.agent.main_window import MainWindow


def phone_inputs(text: str) -> tuple[PhoneInput, ...]:
    """Numbers separated by semicolons, each optionally followed by a one-word label ("020 7946 0019 mobile")."""
    phones = []
    for part in text.split(";"):
        words = part.strip().rsplit(" ", 1)
        if len(words) == 2 and words[1].isalpha():
            phones.append(PhoneInput(words[0], words[1]))
        elif part.strip():
            phones.append(PhoneInput(part.strip()))
    return tuple(phones)


class CareDialog(EditDialog):
    """What the contact and need dialogs share: the consent on record and the button that ends the record."""

    def consent_rows(self, name: str, accessible: str, consent: Consent | None) -> None:
        if consent is not None:
            on_record = wrapped(self.tr("On record: given {0}, {1}, recorded by {2}. Change how it was given to "
                                        "record a new consent now, by you.").format(
                short_date(consent.at), consent.how, consent.by), self)
            on_record.setObjectName(f"{name}OnRecord")
            self.add_row(self.tr("Consent on record"), on_record)
        default = consent.how if consent is not None else self.tr("verbally, on this call")
        self.consent = self.line(name, self.tr("&Consent: how given"), accessible, default)

    def end_button(self, name: str, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
        button.clicked.connect(slot)
        return button

    def confirm(self, dialog: EditDialog) -> EditDialog:
        """Open the confirmation; once it has done its work this dialog closes too."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reject)
        dialog.show()
        return dialog


class ContactDialog(CareDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, caller_id: UUID, parent: Any = None,
                 contact: EmergencyContact | None = None) -> None:
        title = self.tr("Edit an emergency contact") if contact else self.tr("Add an emergency contact")
        super().__init__(runner, name="contactDialog", title=title, parent=parent)
        self.runtime = runtime
        self.caller_id = caller_id
        self.contact = contact
        c = contact
        self.name = self.line("contactName", self.tr("&Name"), self.tr("Contact's name"), c.name if c else "")
        self.relationship = self.line("contactRelationship", self.tr("&Relationship"),
                                      self.tr("How they are related to the caller, for example daughter"),
                                      c.relationship if c else "")
        numbers = "; ".join(f"{p.e164} {p.label}".strip() for p in c.phones) if c else ""
        self.numbers = self.line("contactNumbers", self.tr("N&umbers"),
                                 self.tr("The contact's phone numbers, separated by semicolons, each optionally "
                                         "followed by a label"), numbers)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.purposes: dict[ContactPurpose, QCheckBox] = {}
        for purpose in ContactPurpose:
            box = QCheckBox(purpose_text(purpose), row)
            box.setObjectName(f"contactFor_{purpose.value}")
            box.setAccessibleName(self.tr("May be contacted about {0}").format(purpose_text(purpose)))
            box.setChecked(c is not None and purpose in c.may_contact_for)
            line.addWidget(box)
            self.purposes[purpose] = box
        self.add_row(self.tr("May contact &for"), row)
        self.consent_rows("contactConsent", self.tr("How the caller agreed, for example verbally on this call"),
                          c.consent if c else None)
        if c is not None:
            self.remove_button = self.end_button(
                "removeContact", self.tr("&Remove this contact…"),
                self.tr("Remove {0} as an emergency contact").format(c.name), self.ask_to_remove)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_to_remove(self) -> EditDialog | None:
        if self.contact is None:
            return None
        return self.confirm(RemoveContactDialog(self.runtime, self.runner, self.contact, self))

    def write(self) -> Callable[[], Done[EmergencyContact]]:
        phones = phone_inputs(self.numbers.text())
        purposes = tuple(p for p, box in self.purposes.items() if box.isChecked())
        runtime, caller_id = self.runtime, self.caller_id
        contact_id, priority = (self.contact.id, self.contact.priority) if self.contact else (None, 1)
        name, relationship, how = self.name.text(), self.relationship.text(), self.consent.text()
        return lambda: save_contact(runtime, caller_id=caller_id, name=name, relationship=relationship, phones=phones,
                                    may_contact_for=purposes, consent_how=how, contact_id=contact_id,
                                    priority=priority)


def _qdate(day: Any) -> QDate:
    return QDate(day.year, day.month, day.day)


class VulnerabilityDialog(CareDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, caller_id: UUID, parent: Any = None,
                 item: Vulnerability | None = None) -> None:
        title = self.tr("Edit a need") if item else self.tr("Record a need")
        super().__init__(runner, name="vulnerabilityDialog", title=title, parent=parent)
        self.runtime = runtime
        self.caller_id = caller_id
        self.item = item
        self.driver = QComboBox(self)
        self.driver.setObjectName("vulnerabilityDriver")
        self.driver.setAccessibleName(self.tr("What it relates to"))
        for driver in VulnerabilityDriver:
            self.driver.addItem(driver_text(driver), driver.value)
        if item is not None:
            self.driver.setCurrentIndex(self.driver.findData(item.driver.value))
        self.add_row(self.tr("&Relates to"), self.driver)
        self.detail = self._text("vulnerabilityText", self.tr("&What they told us"),
                                 self.tr("What the caller told us, in their words"), item.detail if item else "")
        self.adjustments = self._text("vulnerabilityAdjustments", self.tr("&Adjustments"),
                                      self.tr("Adjustments they asked for, for example speak slowly"),
                                      item.adjustments if item else "")
        self.consent_rows("vulnerabilityConsent", self.tr("How the caller agreed to us keeping this"),
                          item.consent if item else None)
        self.review = QDateEdit(self)
        self.review.setObjectName("vulnerabilityReviewBy")
        self.review.setAccessibleName(self.tr("Review by, at most {0} months ahead").format(MAX_REVIEW_MONTHS))
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("dd MMM yyyy")
        today = runtime.today()
        self.review.setDateRange(_qdate(today + timedelta(days=1)), _qdate(add_months(today, MAX_REVIEW_MONTHS)))
        self.review.setDate(_qdate(item.review_by if item else add_months(today, 6)))  # a past date shows tomorrow
        self.add_row(self.tr("Re&view by"), self.review)
        if item is not None:
            self.end_button_ = self.end_button(
                "endVulnerability", self.tr("&Mark as ended…"),
                self.tr("Mark this need as ended: it no longer applies, was recorded in error, or consent was "
                        "withdrawn"), self.ask_to_end)
        self.driver.setFocus(Qt.FocusReason.OtherFocusReason)

    def _text(self, name: str, label: str, accessible: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_row(label, edit)
        return edit

    def ask_to_end(self) -> EditDialog | None:
        if self.item is None:
            return None
        return self.confirm(EndVulnerabilityDialog(self.runtime, self.runner, self.item, self))

    def write(self) -> Callable[[], Done[Vulnerability]]:
        runtime, caller_id = self.runtime, self.caller_id
        item_id = self.item.id if self.item else None
        driver = VulnerabilityDriver(self.driver.currentData())
        detail, adjustments, how = self.detail.toPlainText(), self.adjustments.toPlainText(), self.consent.text()
        review = self.review.date().toPython()
        return lambda: save_vulnerability(runtime, caller_id=caller_id, driver=driver, detail=detail,
                                          adjustments=adjustments, consent_how=how, review_by=review,  # type: ignore[arg-type]
                                          vulnerability_id=item_id)


def _caller_or_message(window: MainWindow) -> UUID | None:
    caller_id = window.card.caller_id()
    if caller_id is None:
        window.show_message(QCoreApplication.translate(
            "MainWindow", "Open or save the caller first: there is no caller on the card."))
    return caller_id


def _open(dialog: EditDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


def open_contact_editor(window: MainWindow, contact: EmergencyContact | None = None) -> ContactDialog | None:
    """Add a contact for the caller on the card, or (given `contact`) correct it."""
    caller_id = contact.caller_id if contact else _caller_or_message(window)
    if caller_id is None:
        return None
    dialog = ContactDialog(window.runtime, window.runner, caller_id, window, contact)
    _open(dialog)
    return dialog


def open_vulnerability_editor(window: MainWindow, item: Vulnerability | None = None) -> VulnerabilityDialog | None:
    """Record a need for the caller on the card, or (given `item`) correct it."""
    caller_id = item.caller_id if item else _caller_or_message(window)
    if caller_id is None:
        return None
    dialog = VulnerabilityDialog(window.runtime, window.runner, caller_id, window, item)
    _open(dialog)
    return dialog
