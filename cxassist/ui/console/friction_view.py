"""Friction points: the rules, policies and processes callers found pointless, most pressing first, so a supervisor
can take each to whoever owns it and mark it removed once it is gone.

The ranking is services.feedback.rank_friction's: how often a rule was marked, each mark fading by half a month
(30 days) after it was made. Selecting a rule shows its most recent examples; activating one opens the interaction.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes
from cxassist.services.feedback import RankedFriction, mark_friction_removed, rank_friction
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.text import local_datetime

SINCE_DAYS = (30, 90, 365)
DEFAULT_DAYS = 90
RANKED_SHOWN = 100


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class FrictionTab(RefreshedWhenShown):
    """`open_interaction(UUID)` when an example is activated (Enter or double-click)."""

    open_interaction = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frictionTab")
        self.setAccessibleName(self.tr("Friction points"))
        self.context = context
        self.ranked: list[RankedFriction] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.since = QComboBox(self)
        self.since.setObjectName("frictionSince")
        self.since.setAccessibleName(self.tr("Show friction points marked in the last"))
        for days in SINCE_DAYS:
            self.since.addItem(self.tr("{0} days").format(days), days)
        self.since.setCurrentIndex(SINCE_DAYS.index(DEFAULT_DAYS))
        self.since.currentIndexChanged.connect(self.refresh)
        since_label = QLabel(self.tr("Mar&ked in the last"), self)
        since_label.setBuddy(self.since)
        top.addWidget(since_label)
        top.addWidget(self.since)
        explain = QLabel(
            self.tr("Most pressing first: each time a rule is marked counts 1 today, ½ after a month, ¼ after two."),
            self,
        )
        explain.setWordWrap(True)
        top.addWidget(explain, 1)
        layout.addLayout(top)
        self.messages = MessageBar("frictionMessages", self)
        layout.addWidget(self.messages)

        self.table = self._table(
            "frictionTable",
            self.tr("Friction points, most pressing first"),
            [
                self.tr("Rule, policy or process"),
                self.tr("Score"),
                self.tr("Times marked"),
                self.tr("Last marked"),
                self.tr("State"),
            ],
            stretch=0,
        )
        self.table.itemSelectionChanged.connect(self._show_examples)
        layout.addWidget(self.table, 3)
        actions = QHBoxLayout()
        self.empty = QLabel(self)
        self.empty.setObjectName("frictionEmpty")
        self.empty.setWordWrap(True)
        actions.addWidget(self.empty, 1)
        self.remove = QPushButton(self.tr("Mark as re&moved…"), self)
        self.remove.setObjectName("markFrictionRemoved")
        self.remove.setAccessibleName(self.tr("Mark the selected rule as removed"))
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self.ask_removed)
        actions.addWidget(self.remove)
        layout.addLayout(actions)

        examples_label = QLabel(self.tr("Exampl&es (press Enter or double-click to open the interaction)"), self)
        layout.addWidget(examples_label)
        self.examples = self._table(
            "frictionExamples",
            self.tr("Recent examples of the selected rule"),
            [self.tr("Call started"), self.tr("In the agent's words")],
            stretch=1,
        )
        self.examples.itemActivated.connect(self._open_example)
        examples_label.setBuddy(self.examples)
        layout.addWidget(self.examples, 2)
        context.relay.changed.connect(self.on_changes)

    def _table(self, name: str, accessible: str, headers: list[str], *, stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # -- loading --------------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if initiator is self or not (changes.interactions or changes.pulled):
            return  # friction points are marked against interactions, so a new one comes with its interaction
        self.mark_stale()

    def refresh(self) -> None:
        self._stale = False
        runtime, days = self.context.runtime, int(self.since.currentData())

        def read() -> list[RankedFriction]:
            return rank_friction(runtime, runtime.now() - timedelta(days=days), limit=RANKED_SHOWN)

        self.context.runner.read(read, on_done=self._show_ranked, on_error=self._failed)

    def _show_ranked(self, ranked: list[RankedFriction]) -> None:
        selected = self.selected()
        self.ranked = ranked
        self.table.setRowCount(len(ranked))
        for row, item in enumerate(ranked):
            state = self.tr("⟲ Marked again after it was removed") if item.previously_removed else self.tr("Open")
            cells = [item.rule, f"{item.score:.2f}", str(item.count), local_datetime(item.last_marked), state]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, _cell(text))
        days = int(self.since.currentData())
        self.empty.setText("" if ranked else self.tr("No rule was marked in the last {0} days.").format(days))
        keys = [item.key for item in ranked]
        if selected is not None and selected.key in keys:
            self.table.selectRow(keys.index(selected.key))
        elif ranked:
            self.table.selectRow(0)
        else:
            self._show_examples()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.messages.show_message(str(error), warning=True)

    # -- the selected rule and its examples -----------------------------------------------------------------------

    def selected(self) -> RankedFriction | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.ranked):
            return None
        return self.ranked[rows[0].row()]

    def _show_examples(self) -> None:
        item = self.selected()
        examples = item.examples if item is not None else ()
        self.remove.setEnabled(item is not None)
        self.examples.setRowCount(len(examples))
        for row, example in enumerate(examples):
            self.examples.setItem(row, 0, _cell(local_datetime(example.started_at)))
            self.examples.setItem(row, 1, _cell(example.words or self.tr("(no words given)")))

    def _open_example(self, cell: QTableWidgetItem) -> None:
        item = self.selected()
        if item is not None and 0 <= cell.row() < len(item.examples):
            self.open_interaction.emit(item.examples[cell.row()].interaction_id)

    # -- marking a rule removed -----------------------------------------------------------------------------------

    def ask_removed(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.messages.show_message(
            self.tr(
                "Mark “{0}” as removed? Its {1} open friction points leave the ranking; if agents mark it again "
                "it comes back, flagged."
            ).format(item.rule, item.count),
            choices=(
                ("confirmFrictionRemoved", self.tr("Yes, it was removed"), lambda: self.mark_removed(item)),
                ("cancelFrictionRemoved", self.tr("Keep it"), lambda: None),
            ),
        )

    def mark_removed(self, item: RankedFriction) -> None:
        runtime, key = self.context.runtime, item.key

        def done(count: int) -> None:
            self.messages.show_message(
                self.tr("✓ “{0}” marked as removed ({1} friction points).").format(item.rule, count)
            )
            self.refresh()

        self.context.runner.write(
            lambda: mark_friction_removed(runtime, key), on_done=done, on_error=self._failed, initiator=self
        )
