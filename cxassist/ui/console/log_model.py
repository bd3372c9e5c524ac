"""The interaction log as a table that never holds more than the pages a supervisor has scrolled through.

Each page comes from `services.review.log_page` on the runner's read pool, after the cursor the previous page gave;
the view asks for the next page (`canFetchMore` / `fetchMore`) as the supervisor scrolls. One page is in flight at a
time. A new query (filters or order) supersedes whatever is in flight: each request carries the generation it was
made for, and a page that arrives for an older generation is dropped. The rows on screen change only when the new
query's first page has arrived, so a query that fails leaves the table as it was.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from cxassist.domain.models import Interaction
from cxassist.services import review
from cxassist.store.query import Cursor, InteractionQuery, LogRow, Page, SortDirection, SortKey
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.text import channel_text, local_datetime, outcome_text, short_date, tr

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("started", "caller", "agent", "channel", "reason", "outcome", "flags", "reviewed")
SORTABLE = {0: SortKey.STARTED_AT, 2: SortKey.AGENT, 3: SortKey.CHANNEL}  # column: the order the store can serve


def flags_text(item: Interaction, today: date) -> str:
    parts = []
    if item.flag_emergency:
        parts.append(tr("⚠ Emergency"))
    if item.flag_vulnerable:
        parts.append(tr("♥ Vulnerable caller"))
    follow_up = item.follow_up
    if follow_up is not None and follow_up.is_open():
        due = short_date(follow_up.due)
        parts.append(
            tr("⚑ Follow-up overdue since {0}").format(due)
            if follow_up.is_overdue(today)
            else tr("⚑ Follow-up due {0}").format(due)
        )
    return ", ".join(parts)


def caller_text(row: LogRow) -> str:
    if row.caller_name:
        return row.caller_name
    number = row.interaction.phone
    return tr("Unknown caller ({0})").format(number) if number else tr("Unknown caller")


class InteractionLogModel(QAbstractTableModel):
    """`query_applied(query)`: a query's first page is on screen. `load_failed(error)`: a query or page failed (a
    UserError says why in plain words; anything else is a bug the runner has already reported)."""

    query_applied = Signal(object)
    load_failed = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._query: InteractionQuery | None = None
        self._rows: list[LogRow] = []
        self._next: Cursor | None = None
        self._generation = 0
        self._busy = False
        self._today = context.runtime.today()
        self._agent_names: dict[str, str] = {}
        self._headers = [
            tr("Started"),
            tr("Caller"),
            tr("Agent"),
            tr("Channel"),
            tr("Reason"),
            tr("Outcome"),
            tr("Flags"),
            tr("Reviewed"),
        ]

    @property
    def query(self) -> InteractionQuery | None:
        """The query whose rows are shown (None before the first one has loaded)."""
        return self._query

    @property
    def loading(self) -> bool:
        return self._busy

    def set_query(self, query: InteractionQuery) -> None:
        """Load the first page of `query`; what is in flight for an earlier query is dropped when it arrives."""
        self._generation += 1
        generation = self._generation
        self._busy = True
        runtime = self._context.runtime
        self._context.runner.read(
            lambda: review.log_page(runtime, query),
            on_done=lambda page: self._first_page(generation, query, page),
            on_error=lambda error: self._failed(generation, error),
        )

    def reload(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    def set_agent_names(self, names: dict[str, str]) -> None:
        """Show agents by these display names (by id); an agent not named here shows as their id."""
        self._agent_names = dict(names)
        if self._rows:
            agent = COLUMNS.index("agent")
            self.dataChanged.emit(self.index(0, agent), self.index(len(self._rows) - 1, agent))

    def interaction_id(self, row: int) -> UUID:
        return self._rows[row].interaction.id

    def log_row(self, row: int) -> LogRow:
        return self._rows[row]

    # -- pages arriving on the main thread ------------------------------------------------------------------------

    def _first_page(self, generation: int, query: InteractionQuery, page: Page) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.beginResetModel()
        self._query = query
        self._rows = list(page.rows)
        self._next = page.next
        self._today = self._context.runtime.today()
        self.endResetModel()
        self.query_applied.emit(query)

    def _more(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._next = page.next
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.load_failed.emit(error)

    # -- QAbstractTableModel --------------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._busy and self._next is not None and self._query is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._query is not None
        query, cursor, generation = self._query, self._next, self._generation
        self._busy = True
        runtime = self._context.runtime
        self._context.runner.read(
            lambda: review.log_page(runtime, query, after=cursor),
            on_done=lambda page: self._more(generation, page),
            on_error=lambda error: self._failed(generation, error),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the store for another order; columns it cannot serve by an index are not sortable."""
        key = SORTABLE.get(column)
        if key is None or self._query is None:
            return
        direction = SortDirection.ASC if order == Qt.SortOrder.AscendingOrder else SortDirection.DESC
        self.set_query(replace(self._query, sort=key, direction=direction))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Click to sort by this column") if section in SORTABLE else tr("This column cannot be sorted")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row.interaction.id
        return None

    def _cell(self, row: LogRow, column: str) -> str:
        item = row.interaction
        match column:
            case "started":
                return local_datetime(item.started_at)
            case "caller":
                return caller_text(row)
            case "agent":
                return self._agent_names.get(item.agent_id, item.agent_id)
            case "channel":
                return channel_text(item.channel)
            case "reason":
                return item.reason
            case "outcome":
                return outcome_text(item.outcome)
            case "flags":
                return flags_text(item, self._today)
            case _:
                return tr("✓ Reviewed") if row.reviewed else tr("Not reviewed")
