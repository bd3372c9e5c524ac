"""One interaction in full, for a supervisor: the call, the caller and their needs, the prompts shown and used, the
emergency steps with their times, the caller's other contacts, and what reviewers and the customer said since.

The window is not modal, so a supervisor can keep the queue or the log open beside it; opening the same interaction
again raises the window already open. Reading it goes through `services.review.interaction_detail`, which audits a
vulnerable caller's record. The window reloads when a write touches the interaction or its caller.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from cxassist.domain.models import Interaction
from cxassist.services import review
from cxassist.services.changes import Changes
from cxassist.store.query import InteractionDetail
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.detail_html import LINK_SCHEME, detail_html
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.named import named_button
from cxassist.ui.widgets.text import short_date

_open_windows: dict[UUID, InteractionDetailWindow] = {}


def open_detail(
    context: ConsoleContext, interaction_id: UUID, parent: QWidget | None = None
) -> InteractionDetailWindow:
    """Open the interaction's window, or raise the one already open for it."""
    window = _open_windows.get(interaction_id)
    if window is None:
        window = InteractionDetailWindow(context, interaction_id, parent)
        _open_windows[interaction_id] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def needs_duty_outcome(detail: InteractionDetail) -> bool:
    """In the duty-of-care queue (or flagged) and no outcome recorded yet."""
    item = detail.interaction
    flagged = item.flag_emergency or item.flag_vulnerable or item.flag_conflict or bool(detail.emergency_actions)
    return flagged and not any(r.duty_of_care_outcome for r in detail.reviews)


class InteractionDetailWindow(QWidget):
    def __init__(self, context: ConsoleContext, interaction_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("interactionDetail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Interaction"))
        self.setAccessibleName(self.tr("One interaction in full"))
        self.context = context
        self.interaction_id = interaction_id
        self.detail: InteractionDetail | None = None
        self.dialog: QWidget | None = None  # the review, feedback or outcome dialog last opened from here
        layout = QVBoxLayout(self)
        self.messages = MessageBar("detailMessages", self)
        layout.addWidget(self.messages)
        self.text = QTextBrowser(self)
        self.text.setObjectName("interactionDetailText")
        self.text.setAccessibleName(self.tr("The interaction in full; links open the caller's other contacts"))
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._open_link)
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        self.review_button = named_button(
            self,
            "reviewCall",
            self.tr("&Review this call…"),
            self.tr("Review this call: scores, comment and kudos"),
            self.open_review,
        )
        self.feedback_button = named_button(
            self,
            "recordFeedback",
            self.tr("Record customer &feedback…"),
            self.tr("Record a compliment or complaint from the customer"),
            self.open_feedback,
        )
        self.duty_button = named_button(
            self,
            "recordDutyOutcome",
            self.tr("Record &duty-of-care outcome…"),
            self.tr("Record the duty-of-care outcome for this call"),
            self.open_duty_outcome,
        )
        self.close_button = named_button(
            self, "closeDetail", self.tr("Close"), self.tr("Close this interaction"), self.close
        )
        for button in (self.review_button, self.feedback_button, self.duty_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        self.duty_button.hide()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        escape_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape_key.activated.connect(self.close)
        context.relay.changed.connect(self.on_changes)
        self._listening = True
        self.resize(820, 760)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        runtime, interaction_id = self.context.runtime, self.interaction_id
        self.context.runner.read(
            lambda: review.interaction_detail(runtime, interaction_id), on_done=self.show_detail, on_error=self._failed
        )

    def show_detail(self, detail: InteractionDetail) -> None:
        self.detail = detail
        self.messages.clear()
        self.setWindowTitle(self.tr("Interaction: {0}").format(_title(detail.interaction, detail)))
        position = self.text.verticalScrollBar().value()
        self.text.setHtml(detail_html(detail, today=self.context.runtime.today()))
        self.text.verticalScrollBar().setValue(position)
        for button in (self.review_button, self.feedback_button, self.duty_button):
            button.setEnabled(True)
        self.duty_button.setVisible(needs_duty_outcome(detail))

    def _failed(self, error: Exception) -> None:
        self.messages.show_message(self.tr("Could not open this interaction: {0}").format(error), warning=True)

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        caller = self.detail.interaction.caller_id if self.detail is not None else None
        if self.interaction_id in changes.interactions or (caller is not None and caller in changes.callers):
            self.refresh()

    # -- what a supervisor can do from here -----------------------------------------------------------------------

    def open_review(self) -> None:
        from cxassist.ui.console.review_dialog import ReviewDialog  # noqa: PLC0415 - only when asked for

        if self.detail is not None:
            self._show_dialog(ReviewDialog(self.context, self.detail, self))

    def open_feedback(self) -> None:
        from cxassist.ui.console.feedback_dialog import FeedbackDialog  # noqa: PLC0415

        self._show_dialog(FeedbackDialog(self.context, self.interaction_id, self))

    def open_duty_outcome(self) -> None:
        from cxassist.ui.console.duty_outcome_dialog import DutyOutcomeDialog  # noqa: PLC0415

        self._show_dialog(DutyOutcomeDialog(self.context, self.interaction_id, self))

    def _show_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() != LINK_SCHEME:
            return
        try:
            other = UUID(url.path())
        except ValueError:
            return
        open_detail(self.context, other, self.parentWidget())

    def closeEvent(self, event: QCloseEvent) -> None:
        if _open_windows.get(self.interaction_id) is self:
            del _open_windows[self.interaction_id]
        if self._listening:
            self._listening = False
            self.context.relay.changed.disconnect(self.on_changes)
        super().closeEvent(event)


def _title(item: Interaction, detail: InteractionDetail) -> str:
    who = detail.caller.display_name if detail.caller is not None else item.phone
    return f"{who}, {short_date(item.started_at)}"
