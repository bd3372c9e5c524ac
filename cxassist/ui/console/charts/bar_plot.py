"""The one plot every chart uses (pyqtgraph): stacked or side-by-side bars over days (a date axis) or one row of
bars per name (names on the left axis, in words). Static: no zooming or panning, no context menu; the chart's table
is the way in for keyboard and screen-reader users, so the plot takes no focus.

Only this module imports pyqtgraph; `charts.charts_installed()` says whether it can be loaded.
"""

from __future__ import annotations

import math
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from cxassist.ui.console.charts.chart_data import ChartData
from cxassist.ui.console.charts.day_axis import DAY, DayAxis, noon
from cxassist.ui.console.charts.style import series_style

BAR = 0.8  # of a day, or of a name's row


def whole_step(top: float) -> float:
    """A tick step of 1, 2, 5, 10, ... giving at most about six ticks up to `top`."""
    raw = max(1.0, top / 6)
    magnitude = 10 ** math.floor(math.log10(raw))
    return float(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


class BarPlot(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    def __init__(self, *, over_time: bool, parent: QWidget | None = None) -> None:
        axes = {"bottom": DayAxis()} if over_time else {}
        palette = parent.palette() if parent is not None else QPalette()
        super().__init__(parent=parent, axisItems=axes, background=palette.color(QPalette.ColorRole.Base))
        self.over_time = over_time
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=not over_time, y=over_time, alpha=0.25)
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
            axis.setStyle(tickFont=self.font(), autoExpandTextSpace=True)
        line = self.fontMetrics().height()  # room for the tick labels (and the axis title) at any text size
        plot.getAxis("bottom").setHeight(int(line * (1.8 if over_time else 3.2)))

    def show_data(self, data: ChartData, *, start: datetime, end: datetime) -> None:
        plot = self.getPlotItem()
        plot.clear()
        if self.over_time:
            self._draw_days(data, start=start, end=end)
        else:
            self._draw_names(data)

    def _draw_days(self, data: ChartData, *, start: datetime, end: datetime) -> None:
        plot = self.getPlotItem()
        x = [noon(d) for d in data.days]
        bottom = [0.0] * len(x)
        for index, series in enumerate(data.series):
            style = series_style(series.key, index)
            bars = pg.BarGraphItem(x=x, y0=list(bottom), height=list(series.values), width=BAR * DAY,
                                   pen=style.pen(), brush=style.brush())  # fmt: skip
            plot.addItem(bars)
            bottom = [b + v for b, v in zip(bottom, series.values, strict=True)]
        top = max(bottom, default=0.0) or 1.0
        plot.setXRange(start.timestamp() - DAY / 2, end.timestamp(), padding=0.01)
        plot.setYRange(0, top * 1.08, padding=0)
        left = plot.getAxis("left")
        step = whole_step(top)
        left.setTickSpacing(step, step)
        left.setLabel(data.value_label)

    def _draw_names(self, data: ChartData) -> None:
        plot = self.getPlotItem()
        rows = len(data.names)
        count = max(1, len(data.series))
        ends = [0.0] * rows
        for index, series in enumerate(data.series):
            style = series_style(series.key, index)
            if data.stacked:
                y: list[float] = [float(row) for row in range(rows)]
                height, left = BAR, list(ends)
                ends = [e + v for e, v in zip(ends, series.values, strict=True)]
            else:
                height = BAR / count
                y = [row - BAR / 2 + height * (index + 0.5) for row in range(rows)]
                left = [0.0] * rows
                ends = [max(e, v) for e, v in zip(ends, series.values, strict=True)]
            plot.addItem(pg.BarGraphItem(x0=left, y=y, width=list(series.values), height=height,
                                         pen=style.pen(), brush=style.brush()))  # fmt: skip
        plot.invertY(True)  # the first name at the top, as in the table
        plot.setYRange(-0.5, rows - 0.5, padding=0.02)
        top = max(ends, default=0.0) or 1.0
        plot.setXRange(0, top * 1.05, padding=0)
        plot.getAxis("left").setTicks([[(row, name) for row, name in enumerate(data.names)], []])
        bottom = plot.getAxis("bottom")
        bottom.setTickSpacing(whole_step(top), whole_step(top))
        bottom.setLabel(data.value_label)
