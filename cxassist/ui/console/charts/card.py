"""One chart on the dashboard: its title, a "Show as table" switch, and the plot with its legend or a table of the same
numbers. Without pyqtgraph (`plot_type` None) the card shows the table only."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxassist.ui.console.charts.chart_data import Chart, ChartData
from cxassist.ui.console.charts.legend import Legend
from cxassist.ui.console.charts.table_model import ChartTableModel
from cxassist.ui.widgets.text import section_title, wrapped


class ChartCard(QFrame):
    def __init__(self, chart: Chart, *, plot_type: type | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"{chart.name}Card")
        self.setProperty("role", "attention")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = chart.title()
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = section_title(title, self)
        header.addWidget(self.title, 1)
        self.as_table = QCheckBox(self.tr("Show as table"), self)
        self.as_table.setObjectName(f"{chart.name}ShowTable")
        self.as_table.setAccessibleName(self.tr("Show as a table: {0}").format(title))
        header.addWidget(self.as_table)
        layout.addLayout(header)
        self.empty = wrapped(chart.empty_text(), self)
        self.empty.setObjectName(f"{chart.name}Empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.model = ChartTableModel(self)
        self.table = self._table(title)
        self.plot = plot_type(over_time=chart.over_time, parent=self) if plot_type is not None else None
        self.legend = Legend(f"{chart.name}Legend", self)
        if self.plot is not None:
            self.plot.setObjectName(f"{chart.name}Plot")
            self.plot.setAccessibleName(self.tr("Chart: {0}").format(title))
            page = QWidget(self)
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.plot, 1)
            column.addWidget(self.legend)
            self.stack.addWidget(page)
            self._plot_page: QWidget = page
        else:
            self.as_table.setChecked(True)
            self.as_table.hide()
        self.stack.addWidget(self.table)
        self.as_table.toggled.connect(self._show_table)
        self._show_table(self.as_table.isChecked())

    def _table(self, title: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(f"{self.chart.name}Table")
        table.setAccessibleName(self.tr("{0}, as a table").format(title))
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on or self.plot is None else self._plot_page)

    def show_data(self, data: ChartData, *, start: datetime, end: datetime) -> None:
        self.model.set_data(data)
        self.empty.setVisible(data.empty)
        self.stack.setVisible(not data.empty)
        self.as_table.setEnabled(not data.empty)
        if self.plot is not None:
            self.legend.set_series(data.series)
            self.plot.setMinimumHeight(self._plot_height(data))
            self.plot.show_data(data, start=start, end=end)
            tips = zip(data.names, data.tips, strict=False)
            self.plot.setToolTip("\n".join(self.tr("{0} ({1})").format(name, tip) for name, tip in tips))

    def _plot_height(self, data: ChartData) -> int:
        line = self.fontMetrics().height()
        if data.over_time:
            return line * 14
        per_name = 1.6 if data.stacked else max(1.6, 0.8 * len(data.series))
        return int(max(line * 12, line * (len(data.names) * per_name + 4)))
