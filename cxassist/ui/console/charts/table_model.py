"""A chart's numbers as a read-only table: the headers and rows its `ChartData` carries, numbers right-aligned."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from cxassist.ui.console.charts.chart_data import Cell, ChartData

Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


def cell_text(value: Cell) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


class ChartTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[Cell, ...], ...] = ()
        self._tips: tuple[str, ...] = ()

    def set_data(self, data: ChartData) -> None:
        self.beginResetModel()
        self._headers, self._rows, self._tips = data.headers, data.rows, data.tips
        self.endResetModel()

    def column(self, header: str) -> list[Cell]:
        """Every row's value under `header` (for tests and for reading a column out)."""
        at = self._headers.index(header)
        return [row[at] for row in self._rows]

    # -- QAbstractTableModel --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in _TEXT_ROLES and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        value = self._rows[index.row()][index.column()]
        if role in _TEXT_ROLES:
            return cell_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tips[index.row()] if index.row() < len(self._tips) else ""
            return "\n".join(text for text in (cell_text(value), tip) if text)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and (isinstance(value, int | float) or str(value).endswith("%")):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
