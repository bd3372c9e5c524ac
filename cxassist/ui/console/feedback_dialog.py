"""Customer feedback that arrives after the contact, by any channel: a compliment (recognition the agent sees) or a
complaint (a follow-up on the interaction, optionally a callback from a senior person)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPlainTextEdit, QRadioButton, QWidget

from cxassist.domain.models import Channel
from cxassist.services.changes import Done
from cxassist.services.feedback import FeedbackKind, record_feedback
from cxassist.store.reviews import FeedbackRecord
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import channel_text, wrapped


class FeedbackDialog(EditDialog):
    def __init__(self, context: ConsoleContext, interaction_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(
            context.runner, name="feedbackDialog", title=self.tr("Record customer feedback"), parent=parent
        )
        self.runtime = context.runtime
        self.interaction_id = interaction_id
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.compliment = QRadioButton(self.tr("C&ompliment"), row)
        self.compliment.setObjectName("feedbackCompliment")
        self.compliment.setAccessibleName(self.tr("A compliment"))
        self.complaint = QRadioButton(self.tr("Com&plaint"), row)
        self.complaint.setObjectName("feedbackComplaint")
        self.complaint.setAccessibleName(self.tr("A complaint"))
        self.compliment.setChecked(True)
        line.addWidget(self.compliment)
        line.addWidget(self.complaint)
        line.addStretch(1)
        self.add_row(self.tr("Kind"), row)
        self.channel = QComboBox(self)
        self.channel.setObjectName("feedbackChannel")
        self.channel.setAccessibleName(self.tr("How the feedback came in"))
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        self.add_row(self.tr("Came &by"), self.channel)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("feedbackText")
        self.text.setAccessibleName(self.tr("What the customer said"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.add_row(self.tr("&What they said"), self.text)
        self.senior_callback = QCheckBox(self.tr("Ask a se&nior person to call them back"), self)
        self.senior_callback.setObjectName("feedbackSeniorCallback")
        self.senior_callback.setAccessibleName(self.tr("Ask a senior person to call the customer back"))
        self.add_row("", self.senior_callback)
        self.hint = wrapped("", self)
        self.form.addRow(self.hint)
        self.complaint.toggled.connect(self._kind_changed)
        self._kind_changed(False)

    def _kind_changed(self, complaint: bool) -> None:
        self.senior_callback.setEnabled(complaint)
        if not complaint:
            self.senior_callback.setChecked(False)
            self.hint.setText(self.tr("A compliment shows as recognition in the agent's workspace."))
        else:
            self.hint.setText(
                self.tr(
                    "A complaint opens a follow-up on this call, due tomorrow, which shows in the caller's history."
                )
            )

    def write(self) -> Callable[[], Done[FeedbackRecord]]:
        kind = FeedbackKind.COMPLAINT if self.complaint.isChecked() else FeedbackKind.COMPLIMENT
        channel = Channel(self.channel.currentData())
        runtime, interaction_id = self.runtime, self.interaction_id
        text, senior = self.text.toPlainText(), self.senior_callback.isChecked()
        return lambda: record_feedback(runtime, interaction_id, kind, channel, text, senior_callback=senior)
