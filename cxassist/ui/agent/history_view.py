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
    """`follow_up_done_requested(interaction_id)` asks for a follow-up to be marked done; `older_requested()` asks
    for the next page of older history (from the centre, or without sync from this computer)."""

    follow_up_done_requested = Signal(object)
    older_requested = Signal()

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
        layout.addLayout(self._older_row())
        self._follow_up_widgets: list[QWidget] = []
        self._opened_before: set[UUID] = set()  # contacts open or current in a list shown before this one
        self._current_before: UUID | None = None

    def _older_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.older_button = QPushButton(self.tr("Older history…"), self)
        self.older_button.setObjectName("olderHistoryButton")
        self.older_button.setAccessibleName(self.tr("Fetch older history of this caller from the centre"))
        self.older_button.clicked.connect(self.older_requested)
        row.addWidget(self.older_button)
        self.older_status = wrapped("", self)
        self.older_status.setObjectName("olderHistoryStatus")
        row.addWidget(self.older_status, 1)
        self.older_button.hide()
        self.older_status.hide()
        return row

    def show_history(self, history: Sequence[Interaction], follow_ups: Sequence[Interaction], today: date) -> None:
        """Show a caller's history; contacts still listed stay open and current (a refresh keeps the agent's place)."""
        self.replace_history(history)
        self._show_follow_ups(follow_ups, today)

    def clear(self) -> None:
        self.show_history((), (), date.min)

    # -- older history ----------------------------------------------------------------------------------------------

    def set_older_available(self, available: bool) -> None:
        """Show the "Older history…" button, ready, for a known caller; hide it otherwise."""
        self.older_button.setVisible(available)
        self.older_button.setEnabled(True)
        self.older_status.clear()
        self.older_status.hide()

    def show_older_loading(self) -> None:
        self.older_button.setEnabled(False)
        self._say(self.tr("Loading older history…"))

    def show_older_page(self, items: Sequence[Interaction], *, message: str = "", more: bool = True) -> int:
        """Add an older page at the end of the list, keeping the selection; returns how many rows were new."""
        added = self.model.append_items(items)
        if self.model.rowCount():
            self.empty.hide()
        self.older_button.setEnabled(more)
        self._say(message)
        return added

    def show_older_problem(self, message: str) -> None:
        self.older_button.setEnabled(True)  # offline now, maybe not in a minute: the agent can try again
        self._say(message)

    def replace_history(self, history: Sequence[Interaction]) -> None:
        """Show `history` in place of the list, keeping which of its contacts were open and which one was current.

        A contact that is not in `history` is still remembered: a refresh shows the newest contacts first and the
        older pages the agent opened a moment later (see older_history.py), and the agent's place is in those."""
        opened = self._opened_before | {item.id for row, item in enumerate(self.model.items())
                                        if self.view.isExpanded(self.model.index(row, 0))}
        current = self.view.currentIndex()
        if current.isValid():
            self._current_before = self.model.item(current.parent().row() if current.parent().isValid()
                                                   else current.row()).id
        self.model.set_items(history)
        self.empty.setVisible(not history)
        self._opened_before = set()
        for interaction_id in opened:
            row = self.model.row_of(interaction_id)
            if row is None:
                self._opened_before.add(interaction_id)
            else:
                self.view.expand(self.model.index(row, 0))
        row = self.model.row_of(self._current_before) if self._current_before is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self._current_before = None

    def forget_place(self) -> None:
        """Another caller: nothing of the last one's list is to be restored."""
        self._opened_before = set()
        self._current_before = None

    def _say(self, message: str) -> None:
        self.older_status.setText(message)
        self.older_status.setVisible(bool(message))
        self.older_button.setAccessibleDescription(message)

    # -- contacts -------------------------------------------------------------------------------------------------

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
