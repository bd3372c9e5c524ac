"""Emergency contacts with their relationship, what they may be contacted about, consent, and numbers to dial or
copy. Used by the emergency panel and by emergency mode."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from cxassist.domain.models import EmergencyContact
from cxassist.ui.agent.caller_card import display_number
from cxassist.ui.widgets.text import purpose_text, short_date, wrapped


def dial_with_system(e164: str) -> None:
    """Hand the number to the system's `tel:` handler (the softphone)."""
    QDesktopServices.openUrl(QUrl(f"tel:{e164}"))


class ContactList(QWidget):
    """`dialled(contact, e164)` after a Call click; the number went to `dial`. When `editable`, each contact has an
    Edit button (and F2 anywhere in its row) that emits `edit_requested(contact)`."""

    dialled = Signal(object, str)
    edit_requested = Signal(object)

    def __init__(self, home_region: str, *, dial: Callable[[str], None] = dial_with_system, editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home_region = home_region
        self.dial = dial
        self.editable = editable
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._rows: list[QWidget] = []

    def show_contacts(self, contacts: Sequence[EmergencyContact]) -> None:
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows = []
        if not contacts:
            self._add(wrapped(self.tr("No emergency contacts on file."), self))
        for contact in contacts:
            self._add(self._contact_row(contact))

    def _add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._rows.append(widget)
        widget.show()

    def _contact_row(self, contact: EmergencyContact) -> QWidget:
        row = QFrame(self)
        row.setObjectName("emergencyContact")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(row)
        box.setContentsMargins(6, 4, 6, 4)
        purposes = " + ".join(purpose_text(p) for p in contact.may_contact_for) or self.tr("nothing agreed")
        title = wrapped(self.tr("{0}, {1} · may contact for {2}").format(
            contact.name, contact.relationship or self.tr("relationship not recorded"), purposes), row)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        box.addWidget(title)
        if contact.consent is not None:
            consent = self.tr("Consent: {0}, {1}, recorded by {2}").format(
                short_date(contact.consent.at), contact.consent.how, contact.consent.by)
        else:
            consent = self.tr("⚠ No consent on record: contact only if the caller's life or safety is at risk")
        box.addWidget(wrapped(consent, row))
        if self.editable:
            self._add_edit(row, box, contact)
        grid = QGridLayout()
        for n, phone in enumerate(contact.phones):
            shown = display_number(phone.e164, self.home_region)
            grid.addWidget(wrapped(f"{shown} {phone.label}".strip(), row), n, 0)
            call = QPushButton(self.tr("Call"), row)
            call.setObjectName("dialContact")
            call.setAccessibleName(self.tr("Call {0} on {1}").format(contact.name, shown))
            call.clicked.connect(lambda _c=False, c=contact, e=phone.e164: self._dial(c, e))
            copy = QPushButton(self.tr("Copy"), row)
            copy.setObjectName("copyContactNumber")
            copy.setAccessibleName(self.tr("Copy {0}'s number {1}").format(contact.name, shown))
            copy.clicked.connect(lambda _c=False, e=phone.e164: QGuiApplication.clipboard().setText(e))
            buttons = QHBoxLayout()
            buttons.addWidget(call)
            buttons.addWidget(copy)
            grid.addLayout(buttons, n, 1)
        grid.setColumnStretch(0, 1)
        box.addLayout(grid)
        return row

    def _add_edit(self, row: QFrame, box: QVBoxLayout, contact: EmergencyContact) -> None:
        edit = QPushButton(self.tr("Edit…  (F2)"), row)
        edit.setObjectName("editContact")
        edit.setAccessibleName(self.tr("Edit or remove {0} as an emergency contact").format(contact.name))
        edit.clicked.connect(lambda _c=False, c=contact: self.edit_requested.emit(c))
        line = QHBoxLayout()
        line.addWidget(edit)
        line.addStretch(1)
        box.addLayout(line)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), row)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda c=contact: self.edit_requested.emit(c))

    def _dial(self, contact: EmergencyContact, e164: str) -> None:
        self.dial(e164)
        self.dialled.emit(contact, e164)
