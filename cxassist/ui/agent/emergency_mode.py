"""Emergency mode: everything needed to get help to the caller on one non-modal panel, and one click per step.

Each step is saved the moment it is clicked (through the writer, against the call in progress) and shows its time
only once the commit is acknowledged. Closing the panel changes nothing: the steps stay saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import EmergencyAction, EmergencyActionKind, EmergencyContact
from cxassist.services.emergency import CHECKLIST, CallerPlace, local_time
from cxassist.ui.agent.contact_list import ContactList, dial_with_system
from cxassist.ui.widgets.call_timer import CallTimer
from cxassist.ui.widgets.text import action_text, section_title, wrapped

RecordAction = Callable[[EmergencyActionKind, str], None]


class EmergencyModeDialog(QDialog):
    """`record(kind, detail)` asks the window to save a step; it calls `action_saved` after the commit."""

    def __init__(self, home_region: str, record: RecordAction, *, dial: Callable[[str], None] = dial_with_system,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyMode")
        self.setWindowTitle(self.tr("Emergency mode"))
        self.setAccessibleName(self.tr("Emergency mode"))
        self.setModal(False)
        self.record = record
        self.dial = dial
        self._number = ""
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        title = section_title(self.tr("⚠ Emergency mode"), self)
        head.addWidget(title, 1)
        self.timer = CallTimer(self.tr("Emergency for"), self)
        self.timer.setObjectName("emergencyTimer")
        head.addWidget(self.timer)
        outer.addLayout(head)

        number_row = QHBoxLayout()
        self.number_label = QLabel(self)
        self.number_label.setObjectName("emergencyNumber")
        font = self.number_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        number_row.addWidget(self.number_label, 1)
        self.dial_button = self._button("dialEmergency", self.tr("Call"), self.tr("Call the emergency number"))
        self.dial_button.clicked.connect(lambda: self.dial(self._number))
        number_row.addWidget(self.dial_button)
        copy = self._button("copyEmergency", self.tr("Copy"), self.tr("Copy the emergency number"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._number))
        number_row.addWidget(copy)
        outer.addLayout(number_row)
        self.address = wrapped("", self)
        self.address.setObjectName("emergencyAddress")
        outer.addWidget(self.address)
        self.local = wrapped("", self)
        self.local.setObjectName("emergencyLocalTime")
        outer.addWidget(self.local)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("Checklist: one click saves each step with its time"), self))
        grid = QGridLayout()
        self.steps: dict[EmergencyActionKind, QPushButton] = {}
        for n, kind in enumerate(CHECKLIST):
            button = self._button(f"emergencyStep_{kind.value}", action_text(kind),
                                  self.tr("Record: {0}").format(action_text(kind)))
            button.clicked.connect(lambda _c=False, k=kind: self.record(k, ""))
            grid.addWidget(button, n, 0)
            self.steps[kind] = button
        left.addLayout(grid)
        note_row = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setObjectName("emergencyNote")
        self.note.setAccessibleName(self.tr("Note another step"))
        self.note.setPlaceholderText(self.tr("Another step, e.g. 'paramedics on the way, 10 minutes'"))
        self.note.returnPressed.connect(self._save_note)
        note_row.addWidget(self.note, 1)
        save_note = self._button("saveEmergencyNote", self.tr("Save step"), self.tr("Save the step you typed"))
        save_note.clicked.connect(self._save_note)
        note_row.addWidget(save_note)
        left.addLayout(note_row)
        left.addWidget(section_title(self.tr("Saved steps"), self))
        self.log = QListWidget(self)
        self.log.setObjectName("emergencyLog")
        self.log.setAccessibleName(self.tr("Steps saved so far, with their times"))
        left.addWidget(self.log, 1)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(section_title(self.tr("Emergency contacts"), self))
        self.contacts = ContactList(home_region, dial=dial, parent=self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.contacts)
        right.addWidget(scroll, 1)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)
        close = self._button("leaveEmergencyMode", self.tr("Close (the steps stay saved)"),
                             self.tr("Close emergency mode; the steps stay saved"))
        close.clicked.connect(self.close)
        outer.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        raise_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        raise_shortcut.activated.connect(self.close_or_raise)
        self.resize(820, 560)

    def show_call(self, place: CallerPlace, contacts: tuple[EmergencyContact, ...], now: datetime) -> None:
        self._number = place.emergency_number
        self.number_label.setText(self.tr("Emergency number ({0}): {1}").format(place.region, place.emergency_number))
        self.number_label.setAccessibleName(self.number_label.text())
        self.dial_button.setText(self.tr("Call {0}").format(place.emergency_number))
        self.address.setText(self.tr("Address: {0}").format(
            place.address or self.tr("none on file: ask the caller where they are now")))
        their = local_time(now, place.zone)
        self.local.setText(self.tr("Caller's local time: {0}").format(
            their.strftime("%H:%M") if their else self.tr("not known")))
        self.contacts.show_contacts(contacts)

    def start(self, actions: list[EmergencyAction]) -> None:
        if not self.isVisible():
            self.timer.start()
        self.log.clear()
        for action in actions:
            self.action_saved(action)
        self.show()
        self.raise_()
        self.activateWindow()

    def action_saved(self, action: EmergencyAction) -> None:
        when = action.at.astimezone().strftime("%H:%M:%S")
        text = action_text(action.kind) + (f": {action.detail}" if action.detail else "")
        self.log.addItem(f"{when}  {text}")
        self.log.scrollToBottom()
        button = self.steps.get(action.kind)
        if button is not None:
            button.setText(f"✓ {action_text(action.kind)} ({when})")

    def close_or_raise(self) -> None:
        self.raise_()
        self.activateWindow()

    def _save_note(self) -> None:
        text = self.note.text().strip()
        if text:
            self.record(EmergencyActionKind.NOTE, text)
            self.note.clear()

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button
