"""Confirm before an emergency contact is removed or a need is marked as ended. Both are soft: the record stops
showing everywhere, the change syncs, and an audit event says who did it and when (for a need, also why)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from cxassist.domain.models import EmergencyContact, Vulnerability
from cxassist.services.caller_edit import ENDED_REASONS, end_vulnerability, remove_contact
from cxassist.services.changes import Done
from cxassist.services.runtime import Runtime
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import driver_text, tr, wrapped


def _confirm_button(dialog: EditDialog, text: str, accessible: str) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    button.setText(text)
    button.setAccessibleName(accessible)


class RemoveContactDialog(EditDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, contact: EmergencyContact, parent: Any = None) -> None:
        super().__init__(runner, name="removeContactDialog", title=self.tr("Remove an emergency contact"),
                         parent=parent)
        self.runtime = runtime
        self.contact = contact
        who = f"{contact.name} ({contact.relationship})" if contact.relationship else contact.name
        question = wrapped(self.tr("Remove {0} as an emergency contact? They will no longer be shown for this caller "
                                   "or offered in emergency mode. The removal is recorded with your name.").format(who),
                           self)
        question.setObjectName("removeContactQuestion")
        self.form.addRow(question)
        _confirm_button(self, self.tr("Remove"), self.tr("Remove {0}").format(contact.name))

    def write(self) -> Callable[[], Done[EmergencyContact]]:
        runtime, contact_id = self.runtime, self.contact.id
        return lambda: remove_contact(runtime, contact_id)


class EndVulnerabilityDialog(EditDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, item: Vulnerability, parent: Any = None) -> None:
        super().__init__(runner, name="endVulnerabilityDialog", title=self.tr("Mark a need as ended"), parent=parent)
        self.runtime = runtime
        self.item = item
        question = wrapped(self.tr("Mark this need ({0}: {1}) as ended? Its adjustments will no longer be shown or "
                                   "shape prompts. This is recorded with your name and the reason.").format(
            driver_text(item.driver), item.adjustments or item.detail), self)
        question.setObjectName("endVulnerabilityQuestion")
        self.form.addRow(question)
        self.reason = QComboBox(self)
        self.reason.setObjectName("endVulnerabilityReason")
        self.reason.setAccessibleName(self.tr("Why the need has ended"))
        for reason in ENDED_REASONS:
            self.reason.addItem(tr(reason).capitalize(), reason)
        self.add_row(self.tr("&Why"), self.reason)
        _confirm_button(self, self.tr("Mark ended"), self.tr("Mark the need as ended"))
        self.reason.setFocus()

    def write(self) -> Callable[[], Done[Vulnerability]]:
        runtime, item_id, reason = self.runtime, self.item.id, str(self.reason.currentData())
        return lambda: end_vulnerability(runtime, item_id, reason=reason)
