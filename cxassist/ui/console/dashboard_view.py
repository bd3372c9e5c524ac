"""The dashboard tab: a summary line, then a card per chart (each with a "Show as table" switch), following the
interaction log's filters (`set_query`, connected by the console to the log's `query_changed`). On its own it shows
the last 90 days, the dashboard service's default range.

Loads through the runner when shown and stale; a result for a query that has since been replaced is dropped. Refreshes
when a write or a sync changes interactions, follow-ups or reviews (while hidden it only marks itself stale).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes
from cxassist.services.dashboard import Dashboard, dashboard
from cxassist.services.prompt_packs import packs_in_force
from cxassist.services.runtime import Runtime
from cxassist.store.query import InteractionQuery
from cxassist.ui.console.charts import all_charts, plot_type
from cxassist.ui.console.charts.card import ChartCard
from cxassist.ui.console.charts.prompt_use import PromptUse
from cxassist.ui.console.charts.summary import range_text, summary_text
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.widgets.text import section_title, wrapped

CARD_WIDTH_CHARS = 60  # two cards side by side once each can be this wide


def rule_categories(runtime: Runtime) -> dict[str, str]:
    """Each rule's category in the packs in force (by rule id); none when a site pack has a problem."""
    try:
        pack_set = packs_in_force(runtime)
    except UserError:
        return {}  # the prompt chart then names rules by their ids alone
    return {rule.id: rule.category for _pack, rule in pack_set.rules}


class DashboardTab(RefreshedWhenShown):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self.context = context
        self.dashboard: Dashboard | None = None
        self._query = InteractionQuery()
        self._generation = 0
        self._categories: Mapping[str, str] | None = None  # read with the first count, again when a pack changes
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = section_title("", self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.setAccessibleName(self.tr("Refresh the dashboard"))
        self.refresh_button.setToolTip(self.tr("Count again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.status = wrapped("", self)
        self.status.setObjectName("dashboardStatus")
        layout.addWidget(self.status)
        plot = plot_type()
        self.charts_missing = wrapped(
            self.tr(
                "Charts are not installed on this computer, so each one is shown as a table. "
                "IT can add them with the cxassist-charts package."
            ),
            self,
        )
        self.charts_missing.setObjectName("dashboardChartsMissing")
        self.charts_missing.setVisible(plot is None)
        layout.addWidget(self.charts_missing)
        self.cards = [ChartCard(chart, plot_type=plot) for chart in all_charts()]
        self.charts_area = self._scroll_area()
        layout.addWidget(self.charts_area, 1)
        self._columns = 0
        self._place_cards()
        context.relay.changed.connect(self.on_changes)

    def _scroll_area(self) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardCharts")
        scroll.setAccessibleName(self.tr("Dashboard charts"))
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self._grid = QGridLayout(body)
        scroll.setWidget(body)
        return scroll

    def _place_cards(self) -> None:
        """One column, or two when the window is wide enough for two readable cards (text size included)."""
        card_width = max(CARD_WIDTH_CHARS * self.fontMetrics().averageCharWidth(),
                         *(card.minimumSizeHint().width() for card in self.cards))  # fmt: skip
        wide = self.width() >= 2 * card_width + self.fontMetrics().height() * 3  # spacing and a scroll bar
        columns = 2 if wide else 1
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, *divmod(index, columns))
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        rows = -(-len(self.cards) // columns)
        for row in range(len(self.cards) + 1):
            self._grid.setRowStretch(row, 1 if row == rows else 0)  # spare height below the cards, not inside

    # -- loading --------------------------------------------------------------------------------------------------

    def set_query(self, query: InteractionQuery) -> None:
        """Follow these filters (the log's); counts at once when shown, else when next shown."""
        self._query = query
        self.mark_stale()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        runtime, query, categories = self.context.runtime, self._query, self._categories

        def count() -> tuple[Dashboard, Mapping[str, str]]:
            return dashboard(runtime, query), rule_categories(runtime) if categories is None else categories

        self.status.setText(self.tr("Counting…"))
        self.context.runner.read(
            count,
            on_done=partial(self._on_loaded, self._generation, query),
            on_error=partial(self._on_failed, self._generation),
        )

    def _on_loaded(
        self, generation: int, query: InteractionQuery, counted: tuple[Dashboard, Mapping[str, str]]
    ) -> None:
        if generation != self._generation:
            return  # a newer query was asked for since: its result is the one to show
        result, self._categories = counted
        self.dashboard = result
        self.summary.setText(summary_text(result, query))
        empty = not result.overall.total
        self.status.setText(self.tr("No contacts in this range ({0}).").format(range_text(result)) if empty else "")
        self.status.setVisible(empty)
        self.charts_area.setVisible(not empty)
        for card in self.cards:
            if isinstance(card.chart, PromptUse):
                card.chart.categories = self._categories
            card.show_data(card.chart.build(result), start=result.start, end=result.end)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._stale = True
        self.status.setVisible(True)
        if isinstance(error, UserError):
            self.status.setText(self.tr("The dashboard cannot count these filters: {0}").format(error))
        else:
            self.status.setText(self.tr("The dashboard could not be counted; the problem has been reported."))

    # -- staying current ------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, _initiator: object | None) -> None:
        if changes.prompt_pack:
            self._categories = None
        if changes.interactions or changes.follow_ups or changes.reviews or changes.pulled or changes.prompt_pack:
            self.mark_stale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def card(self, name: str) -> ChartCard:
        """The card of chart `name` (e.g. "contactsByChannel")."""
        return next(card for card in self.cards if card.chart.name == name)
