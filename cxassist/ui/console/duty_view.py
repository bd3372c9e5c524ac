"""The duty-of-care queue tab: emergencies, vulnerable callers, sync conflicts and vulnerabilities past their review
date, oldest first, each until a supervisor records an outcome.

Enter on a call opens it (`open_interaction`); on a vulnerability it opens its review. "Record outcome" acts on the
selected row. The queue is read a page at a time ("Load more"), and read again from the start when a write or a sync
touches what it shows; a hidden tab only marks itself stale and reads when shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import VulnerabilityDriver
from cxassist.services import duty_of_care, review
from cxassist.services.changes import Changes
from cxassist.store.query import Cursor, DutyItem, DutyPage
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.console.roomy_rows import RoomyRows
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.named import named_button
from cxassist.ui.widgets.text import driver_text, local_datetime, section_title, short_date, tr, wrapped

PAGE = 100
MOST_ON_RELOAD = 500


def kind_text(item: DutyItem) -> str:
    """A symbol and words for each reason (never colour alone)."""
    if item.kind == "vulnerability":
        return tr("↻ Vulnerability review due")
    names = {
        "emergency": tr("⚠ Emergency"),
        "vulnerable caller": tr("♥ Vulnerable caller"),
        "sync conflict": tr("⇄ Sync conflict"),
    }
    return ", ".join(names.get(reason, reason) for reason in item.reasons)


def why_text(item: DutyItem) -> str:
    if item.kind == "vulnerability":
        try:
            need = driver_text(VulnerabilityDriver(item.summary))
        except ValueError:
            need = item.summary
        return tr("Need relating to {0}: review date passed").format(need.lower())
    return item.summary or tr("reason not recorded")


class DutyOfCareTab(RefreshedWhenShown):
    """`open_interaction(UUID)` asks the console to open a call in the detail view."""

    open_interaction = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutyOfCareTab")
        self.context = context
        self._next: Cursor | None = None
        self._agents: dict[str, str] = {}
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(section_title(self.tr("Duty of care: oldest first"), self))
        layout.addWidget(
            wrapped(self.tr("Each stays here until an outcome is recorded. Press Enter to open one."), self)
        )
        self.messages = MessageBar("dutyMessages", self)
        layout.addWidget(self.messages)
        self.view = QTreeWidget(self)
        self.view.setObjectName("dutyQueue")
        self.view.setAccessibleName(self.tr("Duty-of-care queue, oldest first"))
        self.view.setRootIsDecorated(False)
        self.view.setAllColumnsShowFocus(True)
        self.view.setUniformRowHeights(True)
        self.view.setItemDelegate(RoomyRows(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHeaderLabels(
            [self.tr("Kind"), self.tr("When"), self.tr("Caller"), self.tr("Agent"), self.tr("Why")]
        )
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(True)
        self.view.itemActivated.connect(lambda item, _column: self.open_item(item.data(0, Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.view, 1)
        self.count = wrapped("", self)
        self.count.setObjectName("dutyCount")
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.open_button = named_button(
            self, "openDutyItem", self.tr("&Open"), self.tr("Open the selected item"), self.open_selected
        )
        self.outcome_button = named_button(
            self,
            "recordDutyItemOutcome",
            self.tr("&Record outcome…"),
            self.tr("Record the outcome for the selected item"),
            self.record_selected,
        )
        self.more_button = named_button(
            self, "loadMoreDuty", self.tr("Load &more"), self.tr("Load more of the queue"), self.load_more
        )
        for button in (self.open_button, self.outcome_button, self.more_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.more_button.setEnabled(False)
        context.relay.changed.connect(self.on_changes)

    # -- reading the queue ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the queue again from the start, as many rows as are shown now (so a supervisor keeps their place)."""
        self._stale = False
        size = min(max(PAGE, self.view.topLevelItemCount()), MOST_ON_RELOAD)
        runtime = self.context.runtime

        def read() -> tuple[DutyPage, dict[str, str]]:
            agents, _teams = review.agents_and_teams(runtime)
            return duty_of_care.queue(runtime, size=size), {a.id: a.display_name for a in agents}

        self.context.runner.read(read, on_done=self._replace, on_error=self._failed)

    def load_more(self) -> None:
        if self._next is None:
            return
        runtime, after = self.context.runtime, self._next
        self.more_button.setEnabled(False)
        self.context.runner.read(
            lambda: duty_of_care.queue(runtime, after=after, size=PAGE), on_done=self._append, on_error=self._failed
        )

    def _replace(self, result: tuple[DutyPage, dict[str, str]]) -> None:
        page, self._agents = result
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else 0
        self.view.clear()
        self._append(page)
        shown = self.view.topLevelItemCount()
        if shown:
            self.view.setCurrentIndex(self.view.model().index(min(row, shown - 1), 0))

    def _append(self, page: DutyPage) -> None:
        self.messages.clear()
        for item in page.items:
            when = short_date(item.since) if item.kind == "vulnerability" else local_datetime(item.since)
            agent = self._agents.get(item.agent_id, item.agent_id)
            row = QTreeWidgetItem(
                [kind_text(item), when, item.caller_name or self.tr("unknown caller"), agent, why_text(item)]
            )
            for column in range(row.columnCount()):
                row.setToolTip(column, row.text(column))  # the whole text, when the column is too narrow for it
            row.setData(0, Qt.ItemDataRole.UserRole, item)
            self.view.addTopLevelItem(row)
        self._next = page.next
        self.more_button.setEnabled(page.next is not None)
        shown = self.view.topLevelItemCount()
        if not shown:
            self.count.setText(self.tr("Nothing waiting: every item has an outcome."))
        elif page.next is not None:
            self.count.setText(self.tr("{0} shown; more waiting (Load more).").format(shown))
        else:
            self.count.setText(self.tr("{0} waiting.").format(shown))

    def _failed(self, error: Exception) -> None:
        self.more_button.setEnabled(self._next is not None)
        self.messages.show_message(self.tr("Could not read the duty-of-care queue: {0}").format(error), warning=True)

    def items(self) -> list[DutyItem]:
        model = self.view.model()
        return [model.index(n, 0).data(Qt.ItemDataRole.UserRole) for n in range(model.rowCount())]

    # -- staying current ------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if changes.reviews or changes.interactions or changes.callers or changes.pulled:
            self.mark_stale()

    # -- acting on an item ----------------------------------------------------------------------------------------

    def selected(self) -> DutyItem | None:
        current = self.view.currentItem()
        return None if current is None else current.data(0, Qt.ItemDataRole.UserRole)

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: DutyItem) -> None:
        """A call opens in the detail view; a vulnerability opens its review."""
        if item.kind == "vulnerability":
            self.record_outcome(item)
        else:
            self.open_interaction.emit(item.id)

    def record_selected(self) -> None:
        item = self.selected()
        if item is None:
            self.messages.show_message(self.tr("Choose an item in the queue first."))
            return
        self.record_outcome(item)

    def record_outcome(self, item: DutyItem) -> None:
        from cxassist.ui.console.duty_outcome_dialog import (  # noqa: PLC0415 - only when asked for
            DutyOutcomeDialog,
            VulnerabilityReviewDialog,
        )

        dialog: QWidget
        if item.kind == "vulnerability":
            dialog = VulnerabilityReviewDialog(self.context, item, self)
        else:
            dialog = DutyOutcomeDialog(self.context, item.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
