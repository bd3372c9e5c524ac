"""The caller's interactions as a two-level tree: one row per contact (newest first), its details as a child row
that the view expands in place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from cxassist.domain.models import Interaction, Status
from cxassist.services.calls import is_abandoned
from cxassist.ui.widgets.text import channel_text, local_datetime, outcome_text, short_date, tr

Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of a top-level row; a detail row's id is its parent's row + 1
_DETAIL_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole})
_ROLES = _DETAIL_ROLES | {Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole}


def flags_text(item: Interaction) -> str:
    parts = []
    if item.flag_emergency:
        parts.append(tr("⚠ Emergency"))
    if item.flag_vulnerable:
        parts.append(tr("♥ Vulnerable caller"))
    if item.follow_up is not None:
        if item.follow_up.is_open():
            parts.append(tr("⚑ Follow-up due {0}").format(short_date(item.follow_up.due)))
        else:
            parts.append(tr("✓ Follow-up done"))
    if is_abandoned(item):
        parts.append(tr("○ Not completed (the app closed)"))
    elif item.status is Status.IN_PROGRESS:
        parts.append(tr("● In progress"))
    return ", ".join(parts)


def details_text(item: Interaction) -> str:
    lines = [
        tr("Reason: {0}").format(item.reason or tr("not recorded")),
        tr("Outcome: {0}").format(outcome_text(item.outcome)),
        tr("Note: {0}").format(item.note or tr("none")),
    ]
    if is_abandoned(item) and item.ended_at is not None:
        lines.append(tr("Not completed: the app closed before the call was saved (last activity {0}).").format(
            local_datetime(item.ended_at)))
    if item.resolution:
        lines.append(tr("Resolution: {0}").format(item.resolution))
    if item.tags:
        lines.append(tr("Tags: {0}").format(", ".join(item.tags)))
    if item.follow_up is not None:
        state = tr("done") if item.follow_up.done_at else tr("open")
        lines.append(tr("Follow-up: due {0}, {1}").format(short_date(item.follow_up.due), state))
    lines.append(tr("Number: {0}").format(item.phone or tr("not known")))
    return "\n".join(lines)


class HistoryModel(QAbstractItemModel):
    COLUMNS = ("date", "channel", "reason", "outcome", "agent", "flags")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Interaction] = []
        self._cells: list[tuple[str, ...]] = []
        self._agent_names: Mapping[str, str] = {}
        self._headers = [tr("Date"), tr("Channel"), tr("Reason"), tr("Outcome"), tr("Agent"), tr("Notes")]

    def set_items(self, items: Sequence[Interaction]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda i: i.started_at, reverse=True)
        # The view asks for every cell many times per pop (sizing columns to contents, painting): format them once.
        self._cells = [tuple(self._cell(item, column) for column in self.COLUMNS) for item in self._items]
        self.endResetModel()

    def append_items(self, items: Sequence[Interaction]) -> int:
        """Add older contacts at the end, leaving the rows shown (and the selection) as they are; returns how many
        were new. Rows already shown are skipped: a page read again after a refresh can overlap."""
        known = {item.id for item in self._items}
        added = sorted((i for i in items if i.id not in known), key=lambda i: i.started_at, reverse=True)
        if not added:
            return 0
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._items.extend(added)
        self._cells.extend(tuple(self._cell(item, column) for column in self.COLUMNS) for item in added)
        self.endInsertRows()
        return len(added)

    def oldest_started(self) -> datetime | None:
        """When the oldest contact shown started (None for an empty list): the next older page starts before it."""
        return min((item.started_at for item in self._items), default=None)

    def set_agent_names(self, names: Mapping[str, str]) -> None:
        """Show agents by name (an agent the table does not know stays by id)."""
        self._agent_names = dict(names)
        self.set_items(self._items)

    def item(self, row: int) -> Interaction:
        return self._items[row]

    def items(self) -> list[Interaction]:
        return list(self._items)

    def row_of(self, interaction_id: object) -> int | None:
        return next((n for n, i in enumerate(self._items) if i.id == interaction_id), None)

    # -- QAbstractItemModel ---------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._items)
        if parent.internalId() == _TOP and parent.column() == 0:
            return 1
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        if index.internalId() != _TOP:
            if index.column() == 0 and role in _DETAIL_ROLES:
                return details_text(self._items[index.internalId() - 1])
            return None
        if role == Qt.ItemDataRole.UserRole:
            return str(self._items[index.row()].id)
        return self._cells[index.row()][index.column()]

    def _cell(self, item: Interaction, column: str) -> str:
        if column == "date":
            return local_datetime(item.started_at)
        if column == "channel":
            return channel_text(item.channel)
        if column == "reason":
            return item.reason
        if column == "outcome":
            return outcome_text(item.outcome)
        if column == "agent":
            return self._agent_names.get(item.agent_id) or item.agent_id
        return flags_text(item)
