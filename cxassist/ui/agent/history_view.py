"""History, newest first: open and overdue follow-ups stand out at the top; a contact's details open in place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import Interaction
from cxassist.ui.agent.history_model import HistoryModel
from cxassist.ui.widgets.text import section_title, short_date, wrapped


class HistoryPanel(QFrame):
    """`follow_up_done_requested(interaction_id)` asks for a follow-up to be marked done."""

    follow_up_done_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = section_title(self.tr("History, newest first"), self)
        layout.addWidget(self.title)
        self.follow_ups = QVBoxLayout()
        layout.addLayout(self.follow_ups)
        self.model = HistoryModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("historyView")
        self.view.setAccessibleName(self.tr("Earlier contacts with this caller, newest first"))
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setExpandsOnDoubleClick(True)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._toggle)
        # Spanned when opened, not on every pop: each span lays the tree out again (about 1 ms, a dozen per caller).
        self.view.expanded.connect(self._span_details)
        layout.addWidget(self.view, 1)
        self.empty = wrapped(self.tr("No earlier contacts."), self)
        layout.addWidget(self.empty)
        self._follow_up_widgets: list[QWidget] = []

    def show_history(self, history: Sequence[Interaction], follow_ups: Sequence[Interaction], today: date) -> None:
        self.model.set_items(history)
        self.empty.setVisible(not history)
        self._show_follow_ups(follow_ups, today)

    def clear(self) -> None:
        self.show_history((), (), date.min)

    def expand(self, interaction_id: UUID) -> bool:
        row = self.model.row_of(interaction_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.expand(index)
        self.view.setCurrentIndex(index)
        return True

    def _span_details(self, index: QModelIndex) -> None:
        self.view.setFirstColumnSpanned(0, index, True)

    def _toggle(self, index: QModelIndex) -> None:
        if index.parent().isValid():
            return
        first = index.siblingAtColumn(0)
        self.view.setExpanded(first, not self.view.isExpanded(first))

    def _show_follow_ups(self, items: Sequence[Interaction], today: date) -> None:
        for widget in self._follow_up_widgets:
            widget.deleteLater()
        self._follow_up_widgets = []
        for item in sorted(items, key=lambda i: i.follow_up.due if i.follow_up else today):
            if item.follow_up is None or not item.follow_up.is_open():
                continue
            overdue = item.follow_up.is_overdue(today)
            row = QFrame(self)
            row.setProperty("role", "overdue" if overdue else "attention")
            row.setFrameShape(QFrame.Shape.StyledPanel)
            line = QHBoxLayout(row)
            line.setContentsMargins(6, 2, 6, 2)
            due_text = self.tr("⚑ Follow-up due {0}: {1}")
            text = self.tr("⚠ Follow-up OVERDUE since {0}: {1}") if overdue else due_text
            what = item.reason or self.tr("no reason recorded")
            label = wrapped(text.format(short_date(item.follow_up.due), what), row)
            line.addWidget(label, 1)
            done = QPushButton(self.tr("Mark done"), row)
            done.setObjectName("followUpDone")
            done.setAccessibleName(self.tr("Mark the follow-up about {0} done").format(what))
            done.clicked.connect(lambda _checked=False, i=item.id: self.follow_up_done_requested.emit(i))
            line.addWidget(done)
            self.follow_ups.addWidget(row)
            self._follow_up_widgets.append(row)
            row.show()
