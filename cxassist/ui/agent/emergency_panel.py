"""The emergency contacts panel: who may be called, and the way into emergency mode.

Names and relationships show at once; numbers and consent show when the agent opens them, which is audited
(`contacts_opened`); an opened contact can then be edited or removed (`edit_contact_requested`). Emergency mode
shows everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from cxassist.domain.models import EmergencyContact
from cxassist.ui.agent.contact_list import ContactList, dial_with_system
from cxassist.ui.widgets.text import section_title, wrapped


class EmergencyPanel(QFrame):
    contacts_opened = Signal(object)  # caller id
    add_contact_requested = Signal()
    edit_contact_requested = Signal(object)  # EmergencyContact

    def __init__(self, home_region: str, *, dial: Callable[[str], None] = dial_with_system,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyPanel")
        self.setAccessibleName(self.tr("Emergency contacts"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._caller_id: UUID | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(section_title(self.tr("Emergency contacts"), self))
        self.summary = wrapped("", self)
        self.summary.setObjectName("emergencySummary")
        layout.addWidget(self.summary)
        self.show_button = QPushButton(self.tr("Show numbers and consent"), self)
        self.show_button.setObjectName("showEmergencyContacts")
        self.show_button.setAccessibleName(
            self.tr("Show the emergency contacts' numbers and consent (this is recorded)")
        )
        self.show_button.clicked.connect(self.open_contacts)
        layout.addWidget(self.show_button)
        self.contacts = ContactList(home_region, dial=dial, editable=True, parent=self)
        self.contacts.edit_requested.connect(self.edit_contact_requested)
        self.contacts.hide()
        layout.addWidget(self.contacts)
        self.add_button = QPushButton(self.tr("Add an emergency contact…"), self)
        self.add_button.setObjectName("addEmergencyContact")
        self.add_button.setAccessibleName(self.tr("Add an emergency contact for this caller"))
        self.add_button.clicked.connect(self.add_contact_requested)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self.show_contacts(None, ())

    def show_contacts(self, caller_id: UUID | None, contacts: Sequence[EmergencyContact]) -> None:
        self._caller_id = caller_id
        self.contacts.hide()
        self.contacts.show_contacts(contacts)
        if caller_id is None:
            self.summary.setText(self.tr("Contacts appear here once the caller is known."))
        elif not contacts:
            self.summary.setText(self.tr("No emergency contacts on file. Ask if they would like to add one."))
        else:
            names = "; ".join(f"{c.name} ({c.relationship})" if c.relationship else c.name for c in contacts)
            self.summary.setText(names)
        self.show_button.setVisible(bool(contacts))
        self.add_button.setEnabled(caller_id is not None)

    def open_contacts(self) -> None:
        self.contacts.show()
        self.show_button.hide()
        if self._caller_id is not None:
            self.contacts_opened.emit(self._caller_id)
