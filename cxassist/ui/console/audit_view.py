"""The audit log: who did what to sensitive records, newest first, a page at a time, with a check of the hash chain.

"Check the chain" walks the whole chain on a read worker and says in words whether every event is intact or which
event does not match the one before it (an event changed, or one removed); broken rows say so in their first column
with a warning icon. The trail shown is this desktop's own chain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.errors import UserError
from cxassist.services.audit_log import AuditFilterChoices, ChainCheck, check_chain, filter_choices
from cxassist.services.changes import Changes
from cxassist.ui.console.audit_model import PAGE_SIZE, AuditLogModel, action_words, when_text
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.widgets.message_bar import MessageBar


class AuditLogTab(RefreshedWhenShown):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogTab")
        self.setAccessibleName(self.tr("Audit log"))
        self.context = context
        self._filling = False
        self._check: ChainCheck | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.action = self._filter("auditActionFilter", self.tr("Show only this action"), self.tr("Any action"))
        self.who = self._filter("auditWhoFilter", self.tr("Show only what this person did"), self.tr("Anyone"))
        for text, combo in ((self.tr("Ac&tion"), self.action), (self.tr("&Who"), self.who)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo, 1)
        self.refresh_button = QPushButton(self.tr("Refresh  (F5)"), self)
        self.refresh_button.setObjectName("refreshAuditLog")
        self.refresh_button.setAccessibleName(self.tr("Show the newest events"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top.addWidget(self.refresh_button)
        self.check_button = QPushButton(self.tr("&Check the chain"), self)
        self.check_button.setObjectName("checkAuditChain")
        self.check_button.setAccessibleName(self.tr("Check that no audit event was changed or removed"))
        self.check_button.clicked.connect(self.check_chain)
        top.addWidget(self.check_button)
        layout.addLayout(top)
        self.messages = MessageBar("auditMessages", self)
        layout.addWidget(self.messages)

        result = QHBoxLayout()
        self.result_icon = QLabel(self)
        result.addWidget(self.result_icon)
        self.result = QLabel(self.tr("The chain has not been checked yet."), self)
        self.result.setObjectName("auditChainResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.addWidget(self.result, 1)
        self.go_to_broken = QPushButton(self.tr("&Go to that event"), self)
        self.go_to_broken.setObjectName("goToTamperedEvent")
        self.go_to_broken.setAccessibleName(self.tr("Show the event that does not match in the list"))
        self.go_to_broken.clicked.connect(self.show_broken_event)
        self.go_to_broken.hide()
        result.addWidget(self.go_to_broken)
        layout.addLayout(result)

        self.model = AuditLogModel(context.runtime, context.runner, self)
        self.model.page_loaded.connect(self._show_count)
        self.model.page_failed.connect(self._failed)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit events, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        self.count.setObjectName("auditCount")
        layout.addWidget(self.count)
        context.relay.changed.connect(self.on_changes)

    def _filter(self, name: str, accessible: str, any_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(any_text, "")
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    # -- loading --------------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, _initiator: object | None) -> None:
        if not (changes.outbox_pending or changes.pulled):
            return  # every audited write leaves something in the outbox
        self._stale = True
        if self.isVisible() and self.table.verticalScrollBar().value() == 0:
            self.refresh()  # reading further down: the newest events wait for Refresh, not to jump the list

    def refresh(self) -> None:
        self._stale = False
        runtime = self.context.runtime
        self.context.runner.read(lambda: filter_choices(runtime), on_done=self._offer_filters, on_error=self._failed)
        self._filters_changed()

    def _offer_filters(self, choices: AuditFilterChoices) -> None:
        self._filling = True
        try:
            self._fill_filters(choices)
        finally:
            self._filling = False

    def _fill_filters(self, choices: AuditFilterChoices) -> None:
        for combo, values, words in ((self.action, choices.actions, action_words), (self.who, choices.actors, str)):
            current = combo.currentData()
            any_text = combo.itemText(0)
            combo.clear()
            combo.addItem(any_text, "")
            for value in values:
                combo.addItem(words(value), value)
            if current and combo.findData(current) < 0:
                combo.addItem(words(current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _filters_changed(self) -> None:
        if self._filling:
            return  # the same choice, offered again
        self.model.reload(action=self.action.currentData() or "", actor=self.who.currentData() or "")

    def _show_count(self) -> None:
        shown = len(self.model.events)
        if shown <= PAGE_SIZE:
            self.table.resizeColumnsToContents()  # once per reload: the first page sets the widths
        if not shown:
            self.count.setText(self.tr("No audit events match."))
        elif self.model.canFetchMore():
            self.count.setText(self.tr("{0} events shown, newest first; scroll down for older ones.").format(shown))
        else:
            self.count.setText(self.tr("All {0} matching events shown, newest first.").format(shown))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.messages.show_message(str(error), warning=True)

    # -- the chain ------------------------------------------------------------------------------------------------

    def check_chain(self) -> None:
        self.check_button.setEnabled(False)
        self.result.setText(self.tr("Checking every event in the chain…"))
        runtime = self.context.runtime
        self.context.runner.read(lambda: check_chain(runtime), on_done=self._show_check, on_error=self._check_failed)

    def _show_check(self, check: ChainCheck) -> None:
        self.check_button.setEnabled(True)
        self._check = check
        self.model.mark_broken({event.seq for event in check.broken})
        self.table.resizeColumnToContents(0)  # room for the word that marks a broken row
        if check.intact:
            text = self.tr("✓ All {0} events intact.").format(check.events)
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
        else:
            first = check.broken[0]
            text = self.tr(
                "⚠ Tampering: event {0} ({1}) at {2} does not match the event before it: it was changed, "
                "or an event before it was removed."
            ).format(first.seq, action_words(first.action), when_text(first))
            if check.broken_count > 1:
                text += " " + self.tr("{0} more events do not match either.").format(check.broken_count - 1)
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.fontMetrics().height()
        self.result_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.result_icon.setAccessibleName(self.tr("Intact") if check.intact else self.tr("Warning"))
        self.result.setText(text)
        self.result.setAccessibleName(text)
        self.go_to_broken.setVisible(not check.intact)

    def _check_failed(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.result.setText(self.tr("The chain could not be checked: {0}").format(error))

    def show_broken_event(self) -> None:
        """List from the first broken event down (filters cleared), with it selected."""
        if self._check is None or not self._check.broken:
            return
        seq = self._check.broken[0].seq
        self._filling = True
        try:
            self.action.setCurrentIndex(0)
            self.who.setCurrentIndex(0)
        finally:
            self._filling = False
        self.model.page_loaded.connect(self._select_first, Qt.ConnectionType.SingleShotConnection)
        self.model.reload(before=seq + 1)

    def _select_first(self) -> None:
        if self.model.events:
            self.table.selectRow(0)
            self.table.scrollToTop()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
