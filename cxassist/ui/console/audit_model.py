"""The audit trail as a table model that fetches a page at a time, newest first (never the whole trail).

Pages come through the runner's read pool; `fetchMore` asks for the next one and the rows are appended when it
arrives. A reload (new filters) bumps a generation number, so a page that arrives late for old filters is dropped.
Events the chain check found broken are marked in words and with an icon, never by colour alone.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from cxassist.services.audit_log import AuditPage, events_page
from cxassist.services.runtime import Runtime
from cxassist.store.audit import AuditEvent
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.text import tr

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


def action_words(action: str) -> str:
    """'opened-supervisor-console' reads 'Opened supervisor console'."""
    words = action.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def detail_words(detail: str) -> str:
    """A JSON object of details reads as 'key: value; key: value'; anything else as it is."""
    try:
        values = json.loads(detail) if detail.startswith("{") else None
    except ValueError:
        values = None
    if not isinstance(values, dict):
        return detail
    return "; ".join(f"{key.replace('_', ' ')}: {value}" for key, value in values.items())


def when_text(event: AuditEvent) -> str:
    return event.at.astimezone().strftime("%d %b %Y %H:%M:%S")


class AuditLogModel(QAbstractTableModel):
    """`page_loaded()` after each page arrives, `page_failed(error)` when one cannot be read; `events` holds what is
    loaded so far."""

    page_loaded = Signal()
    page_failed = Signal(object)  # the exception; a user error is for the view to show

    def __init__(self, runtime: Runtime, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.events: list[AuditEvent] = []
        self.broken: set[int] = set()
        self.action = ""
        self.actor = ""
        self._next: int | None = None
        self._started = False
        self._more = False
        self._loading = False
        self._generation = 0
        self.headers = [tr("When"), tr("Who"), tr("Action"), tr("Subject"), tr("Details")]

    # -- loading --------------------------------------------------------------------------------------------------

    def reload(self, *, action: str = "", actor: str = "", before: int | None = None) -> None:
        """Start again from the newest event (or from just below `before`) with these filters."""
        self.beginResetModel()
        self.events = []
        self.action, self.actor = action, actor
        self._next = before
        self._started = True
        self._more = True
        self._loading = False
        self._generation += 1
        self.endResetModel()
        self._request()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._started and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent):
            self._request()

    def _request(self) -> None:
        self._loading = True
        generation = self._generation
        runtime, before, action, actor = self.runtime, self._next, self.action, self.actor

        def read() -> AuditPage:
            return events_page(runtime, before=before, action=action, actor=actor, size=PAGE_SIZE)

        self.runner.read(
            read,
            on_done=lambda page: self._arrived(generation, page),
            on_error=lambda error: self._failed(generation, error),
        )

    def _arrived(self, generation: int, page: AuditPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._next = page.before
        self._more = page.before is not None
        if page.events:
            first = len(self.events)
            self.beginInsertRows(QModelIndex(), first, first + len(page.events) - 1)
            self.events.extend(page.events)
            self.endInsertRows()
        self.page_loaded.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._loading = False
            self._more = False  # a reload tries again
            self.page_failed.emit(error)

    def mark_broken(self, seqs: set[int]) -> None:
        self.broken = set(seqs)
        if self.events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.events) - 1, len(self.headers) - 1))

    # -- the model ------------------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        event = self.events[index.row()]
        broken = event.seq in self.broken
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(event, index.column(), broken=broken)
        if role == Qt.ItemDataRole.DecorationRole and broken and index.column() == 0:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            if broken:
                return tr("This event does not match the event before it: it was changed, or one was removed.")
            return tr("Event {0} on this desktop").format(event.seq)
        return None

    def _text(self, event: AuditEvent, column: int, *, broken: bool) -> str:
        if column == 0:
            when = when_text(event)
            return tr("⚠ TAMPERED · {0}").format(when) if broken else when
        return [event.actor, action_words(event.action), event.subject, detail_words(event.detail)][column - 1]
