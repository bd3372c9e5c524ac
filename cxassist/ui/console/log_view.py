"""The interaction log tab: filters and search above a table that loads page by page, a count, the order, saved
filter sets and export. Enter or a double click on a row opens the whole interaction.

`query_changed(query)` carries each query whose first page is on screen (the dashboard follows it);
`open_interaction(id)` carries the UUID of the row activated.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.errors import UserError
from cxassist.domain.models import Agent
from cxassist.services import review
from cxassist.services.changes import Changes
from cxassist.store.query import CountEstimate, InteractionQuery, SortDirection, SortKey
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.export_dialog import ExportDialog
from cxassist.ui.console.filter_bar import FilterBar
from cxassist.ui.console.log_model import COLUMNS, SORTABLE, InteractionLogModel
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.console.saved_filter_menu import SavedFilterMenu
from cxassist.ui.console.sort_header import SortHeader
from cxassist.ui.widgets.text import tr

ORDERS = (  # the order box: the same orders as clicking the sortable columns' headers
    (SortKey.STARTED_AT, SortDirection.DESC),
    (SortKey.STARTED_AT, SortDirection.ASC),
    (SortKey.AGENT, SortDirection.ASC),
    (SortKey.AGENT, SortDirection.DESC),
    (SortKey.CHANNEL, SortDirection.ASC),
    (SortKey.CHANNEL, SortDirection.DESC),
)
COLUMN_OF = {key: column for column, key in SORTABLE.items()}
SPARE_WIDTH = {"reason", "flags"}  # these share the width the others leave; the rest fit their text (tooltips: all)
STRETCHED, FITTED = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
MIN_COLUMN_CHARS = 14  # narrower than this (large text, small window), the table scrolls sideways instead


def count_text(estimate: CountEstimate | None) -> str:
    if estimate is None:
        return ""
    if not estimate.exact:
        return tr("at least {0:,} interactions").format(estimate.count)
    if estimate.count == 1:
        return tr("1 interaction")
    return tr("{0:,} interactions").format(estimate.count)


class InteractionLogTab(RefreshedWhenShown):
    query_changed = Signal(object)
    open_interaction = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None, *, page_size: int = 100) -> None:
        super().__init__(parent)
        self.setObjectName("interactionLogTab")
        self.context = context
        self._page_size = page_size
        self._count_generation = 0
        self.export_dialog: ExportDialog | None = None
        layout = QVBoxLayout(self)
        self.filters = FilterBar(context.runtime.today(), self)
        layout.addWidget(self.filters)

        tools = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("logCount")
        tools.addWidget(self.count)
        self.message = QLabel(self)
        self.message.setObjectName("logMessage")
        self.message.setWordWrap(True)
        tools.addWidget(self.message, 1)
        order_label = QLabel(self.tr("O&rder:"), self)
        self.order = QComboBox(self)
        self.order.setObjectName("logOrder")
        self.order.setAccessibleName(self.tr("Order of the log"))
        for text in (
            self.tr("Newest first"),
            self.tr("Oldest first"),
            self.tr("Agent A to Z"),
            self.tr("Agent Z to A"),
            self.tr("Channel A to Z"),
            self.tr("Channel Z to A"),
        ):
            self.order.addItem(text)
        order_label.setBuddy(self.order)
        self.order.activated.connect(self._order_chosen)
        tools.addWidget(order_label)
        tools.addWidget(self.order)
        self.saved = SavedFilterMenu(context, self.current_query, parent=self)
        self.saved.chosen.connect(self.apply_saved)
        self.saved.failed.connect(self._show_failure)
        self.saved.done.connect(self.message.setText)
        tools.addWidget(self.saved)
        self.export_button = QPushButton(self.tr("E&xport this view…"), self)
        self.export_button.setObjectName("exportView")
        self.export_button.setAccessibleName(self.tr("Export the interactions these filters show"))
        self.export_button.clicked.connect(self.open_export)
        tools.addWidget(self.export_button)
        layout.addLayout(tools)

        self.model = InteractionLogModel(context, self)
        self.table = QTableView(self)
        self.table.setObjectName("interactionLogTable")
        self.table.setAccessibleName(self.tr("Interactions matching the filters; press Enter to open one"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = SortHeader(self.table)
        self.table.setHorizontalHeader(header)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * MIN_COLUMN_CHARS)  # else: scroll across
        for column, name in enumerate(COLUMNS):
            header.setSectionResizeMode(column, STRETCHED if name in SPARE_WIDTH else FITTED)
        header.sectionClicked.connect(self.sort_by_column)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        refresh = QAction(self.tr("Refresh the log"), self)
        refresh.setObjectName("actionRefreshLog")
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)

        self.filters.apply_requested.connect(self.apply_filters)
        self.model.query_applied.connect(self._query_applied)
        self.model.load_failed.connect(self._show_failure)
        self._show_order(InteractionQuery())
        self.context.relay.changed.connect(self.on_changes)

    # -- loading --------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the agents, teams and saved sets, then the log (the first time: with the default filters)."""
        self._stale = False
        self.message.clear()
        runtime = self.context.runtime
        self.context.runner.read(lambda: review.agents_and_teams(runtime), on_done=self._show_choices)
        self.saved.refresh()
        if self.model.query is None:
            self.apply_filters()
        else:
            self.model.reload()

    def _show_choices(self, choices: tuple[list[Agent], list[str]]) -> None:
        self.filters.set_choices(*choices)
        self.model.set_agent_names({agent.id: agent.display_name for agent in choices[0]})

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if not (changes.interactions or changes.reviews or changes.pulled) or self.model.query is None:
            return
        if not self.isVisible():
            self._stale = True
        elif self.model.rowCount() <= self._page_size:
            self.model.reload()
        else:  # the supervisor has scrolled on: do not pull the table from under them
            self.message.setText(self.tr("Interactions have changed since the log loaded; press F5 to refresh."))

    # -- the query ------------------------------------------------------------------------------------------------

    def _base(self) -> InteractionQuery:
        applied = self.model.query
        if applied is not None:
            return applied
        return InteractionQuery(page_size=self._page_size)

    def current_query(self) -> InteractionQuery:
        """What the filters say now, in the log's order; raises UserError for filters that cannot run."""
        query = self.filters.query(self._base())
        if query.is_search and (query.sort, query.direction) != (SortKey.STARTED_AT, SortDirection.DESC):
            query = replace(query, sort=SortKey.STARTED_AT, direction=SortDirection.DESC)  # search: newest first
        return query

    def apply_filters(self) -> None:
        self.filters.set_today(self.context.runtime.today())
        try:
            query = self.current_query()
        except UserError as error:
            self._show_failure(error)
            return
        self.model.set_query(query)

    def apply_saved(self, query: InteractionQuery) -> None:
        """Show a saved set's values in the filters and apply them, in the set's order."""
        self.filters.show_query(query)
        try:
            built = self.filters.query(replace(query, page_size=self._page_size))
        except UserError as error:
            self._show_failure(error)
            return
        self.model.set_query(built)

    def _query_applied(self, query: InteractionQuery) -> None:
        self.filters.clear_error()
        self._show_order(query)
        self._load_count(query)
        self.query_changed.emit(query)

    def _show_failure(self, error: object) -> None:
        if isinstance(error, UserError):
            self.filters.show_error(str(error))
        else:
            self.filters.show_error(self.tr("The log could not be loaded because of a problem on our side."))
        self._show_order(self._base())

    def _load_count(self, query: InteractionQuery) -> None:
        self._count_generation += 1
        generation = self._count_generation
        self.count.clear()
        runtime = self.context.runtime

        def show(estimate: CountEstimate | None) -> None:
            if generation == self._count_generation:
                self.count.setText(count_text(estimate))

        self.context.runner.read(lambda: review.log_count(runtime, query), on_done=show, on_error=lambda _error: None)

    # -- order ----------------------------------------------------------------------------------------------------

    def sort_by_column(self, column: int) -> None:
        """A header was clicked: sort by it (again: the other way round); other columns keep the order shown."""
        key = SORTABLE.get(column)
        if key is None or self.model.query is None:
            self._show_order(self._base())
            return
        current = self.model.query
        # Clicked again: the other way round. Newly chosen: newest first for the start, A to Z for the others.
        ascending = current.direction is SortDirection.DESC if current.sort is key else key is not SortKey.STARTED_AT
        self.model.sort(column, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def _order_chosen(self, position: int) -> None:
        key, direction = ORDERS[position]
        ascending = direction is SortDirection.ASC
        self.model.sort(COLUMN_OF[key], Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def _show_order(self, query: InteractionQuery) -> None:
        ascending = query.direction is SortDirection.ASC
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        self.table.horizontalHeader().setSortIndicator(COLUMN_OF[query.sort], order)
        self.order.setCurrentIndex(ORDERS.index((query.sort, query.direction)))

    # -- rows and export ------------------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_interaction.emit(self.model.interaction_id(index.row()))

    def open_export(self) -> ExportDialog | None:
        query = self.model.query
        if query is None:
            self.filters.show_error(self.tr("The log has not loaded yet; apply the filters, then export."))
            return None
        if self.export_dialog is not None and self.export_dialog.running:
            self.export_dialog.show()
            self.export_dialog.raise_()
            self.export_dialog.activateWindow()
            return self.export_dialog
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        self.export_dialog = ExportDialog(self.context, query, parent=self)
        self.export_dialog.show()
        return self.export_dialog
