"""A chart's legend as ordinary widgets beside the plot: a swatch with the series' colour and pattern, and its name in
words (the words carry the meaning; the swatch only matches a bar to them). Scales with the application's font."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from cxassist.ui.console.charts.chart_data import Series
from cxassist.ui.console.charts.style import series_style, swatch

COLUMNS = 5


class Legend(QWidget):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(self.fontMetrics().averageCharWidth() * 2)
        self._labels: list[QLabel] = []

    def set_series(self, series: Sequence[Series]) -> None:
        for label in self._labels:
            self._grid.removeWidget(label)
            label.deleteLater()
        self._labels = []
        size = self.fontMetrics().height()
        background = self.palette().color(QPalette.ColorRole.Base)
        for index, item in enumerate(series):
            sample = QLabel(self)
            sample.setPixmap(swatch(series_style(item.key, index), size, background))
            words = QLabel(item.label, self)
            row, column = divmod(index, COLUMNS)
            self._grid.addWidget(sample, row, column * 2)
            self._grid.addWidget(words, row, column * 2 + 1)
            self._labels += [sample, words]
        self._grid.setColumnStretch(COLUMNS * 2, 1)
        self.setAccessibleDescription(", ".join(item.label for item in series))

    def texts(self) -> list[str]:
        return [label.text() for label in self._labels if label.text()]
