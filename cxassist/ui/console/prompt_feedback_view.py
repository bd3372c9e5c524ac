"""The agents' voice on prompts, to act on: dismissals grouped by rule with the reasons given and how often, and the
prompts agents suggested, each to mark "done" or "not doing".

Read on the read pool when shown and again after a sync or a write elsewhere; a hidden view only marks itself stale.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxassist.services import prompt_feedback
from cxassist.services.changes import Changes
from cxassist.services.prompt_feedback import RuleDismissals, SuggestionStatus
from cxassist.store.prompt_suggestions import Suggestion
from cxassist.ui.agent.prompts_panel import category_title
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.text import local_datetime, section_title, wrapped

DISMISSALS_DAYS = 90


class PromptFeedbackView(RefreshedWhenShown):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptFeedbackView")
        self.context = context
        self._listed: list[Suggestion] = []
        layout = QVBoxLayout(self)
        self.messages = MessageBar("promptFeedbackMessages", self)
        layout.addWidget(self.messages)
        layout.addWidget(
            section_title(self.tr("Prompts agents dismissed, last {0} days").format(DISMISSALS_DAYS), self)
        )
        self.dismissals = QTreeWidget(self)
        self.dismissals.setObjectName("dismissalList")
        self.dismissals.setAccessibleName(self.tr("Dismissed prompts by rule, with the reasons agents gave"))
        self.dismissals.setHeaderLabels([self.tr("Rule or reason"), self.tr("Times")])
        self.dismissals.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.dismissals, 1)
        layout.addWidget(section_title(self.tr("Prompts agents suggested"), self))
        self.suggestions = QTreeWidget(self)
        self.suggestions.setObjectName("suggestionList")
        self.suggestions.setAccessibleName(self.tr("Open prompt suggestions from agents, oldest first"))
        self.suggestions.setRootIsDecorated(False)
        self.suggestions.setAllColumnsShowFocus(True)
        self.suggestions.setWordWrap(True)
        self.suggestions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.suggestions.setHeaderLabels(
            [self.tr("Suggestion"), self.tr("Agent"), self.tr("Category"), self.tr("When")]
        )
        self.suggestions.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.suggestions, 1)
        self.count = wrapped("", self)
        self.count.setObjectName("suggestionCount")
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.done_button = self._button(
            "markSuggestionDone",
            self.tr("Mark as &done"),
            self.tr("Mark the selected suggestion as done"),
            SuggestionStatus.DONE,
        )
        self.not_doing_button = self._button(
            "markSuggestionNotDoing",
            self.tr("&Not doing"),
            self.tr("Mark the selected suggestion as not doing"),
            SuggestionStatus.NOT_DOING,
        )
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.not_doing_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        context.relay.changed.connect(self.on_changes)

    def _button(self, name: str, text: str, accessible: str, status: SuggestionStatus) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda: self.set_selected_status(status))
        return button

    # -- reading ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        runtime = self.context.runtime
        since = runtime.now() - timedelta(days=DISMISSALS_DAYS)

        def read() -> tuple[list[RuleDismissals], list[Suggestion]]:
            return prompt_feedback.dismissals(runtime, since=since), prompt_feedback.open_suggestions(runtime)

        self.context.runner.read(read, on_done=self._show, on_error=self._failed)

    def _show(self, found: tuple[list[RuleDismissals], list[Suggestion]]) -> None:
        dismissals, suggestions = found
        self.dismissals.clear()
        for rule in dismissals:
            top = QTreeWidgetItem(
                [self.tr("{0} (shown {1} times)").format(rule.rule_id, rule.shown), str(rule.dismissed)]
            )
            for reason, count in rule.reasons:
                top.addChild(QTreeWidgetItem([reason or self.tr("(no reason given)"), str(count)]))
            self.dismissals.addTopLevelItem(top)
            top.setExpanded(True)
        if not dismissals:
            self.dismissals.addTopLevelItem(QTreeWidgetItem([self.tr("No prompt was dismissed."), ""]))
        selected = self.selected()
        self.suggestions.clear()
        self._listed = list(suggestions)
        rows = []
        for suggestion in suggestions:
            row = QTreeWidgetItem(
                [
                    suggestion.text,
                    suggestion.agent_id,
                    category_title(suggestion.category) if suggestion.category else self.tr("any"),
                    local_datetime(suggestion.suggested_at),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, suggestion)
            row.setToolTip(0, suggestion.text)
            self.suggestions.addTopLevelItem(row)
            rows.append(row)
        if rows:
            same = [r for r, s in zip(rows, suggestions, strict=True) if selected is not None and s.id == selected.id]
            self.suggestions.setCurrentItem((same or rows)[0])
        waiting = len(suggestions)
        self.count.setText(
            self.tr("{0} suggestion(s) waiting.").format(waiting) if waiting else self.tr("No suggestions waiting.")
        )
        self.done_button.setEnabled(bool(waiting))
        self.not_doing_button.setEnabled(bool(waiting))

    def _failed(self, error: Exception) -> None:
        self.messages.show_message(self.tr("Could not read the agents' feedback: {0}").format(error), warning=True)

    def open_suggestions(self) -> list[Suggestion]:
        return list(self._listed)

    # -- staying current -------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if initiator is self:
            return  # our own status change: refreshed when it committed
        if changes.pulled or changes.outbox_pending:
            self.mark_stale()

    # -- acting ----------------------------------------------------------------------------------------------------

    def selected(self) -> Suggestion | None:
        current = self.suggestions.currentItem()
        return None if current is None else current.data(0, Qt.ItemDataRole.UserRole)

    def set_selected_status(self, status: SuggestionStatus) -> None:
        suggestion = self.selected()
        if suggestion is None:
            self.messages.show_message(self.tr("Choose a suggestion first."))
            return
        runtime = self.context.runtime
        self.context.runner.write(
            lambda: prompt_feedback.set_suggestion_status(runtime, suggestion.id, status),
            on_done=self._status_set,
            on_error=self._status_failed,
            initiator=self,
        )

    def _status_set(self, suggestion: Suggestion) -> None:
        words = self.tr("done") if suggestion.status == SuggestionStatus.DONE else self.tr("not doing")
        self.messages.show_message(self.tr("Marked “{0}” as {1}.").format(suggestion.text[:80], words))
        self.refresh()

    def _status_failed(self, error: Exception) -> None:
        self.messages.show_message(self.tr("Not changed: {0}").format(error), warning=True)
