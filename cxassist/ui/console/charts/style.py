"""How a series looks: a colour from a palette readers with colour blindness can tell apart (Okabe and Ito), and a
fill pattern of its own, so no series is told from another by colour alone. The legend names each one in words."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from cxassist.domain.models import Outcome
from cxassist.ui.widgets.text import outcome_text

Pattern = Qt.BrushStyle
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#000000")
PATTERNS = (
    Pattern.SolidPattern,
    Pattern.BDiagPattern,
    Pattern.Dense4Pattern,
    Pattern.FDiagPattern,
    Pattern.CrossPattern,
    Pattern.DiagCrossPattern,
    Pattern.HorPattern,
    Pattern.VerPattern,
)
FIXED = {  # the same look wherever the same thing is counted
    "failed": ("#D55E00", Pattern.DiagCrossPattern),
    "met": ("#0072B2", Pattern.SolidPattern),
    "exceeded": ("#009E73", Pattern.BDiagPattern),
    "": ("#7F7F7F", Pattern.Dense5Pattern),
    "on_time": ("#009E73", Pattern.SolidPattern),
    "late": ("#E69F00", Pattern.BDiagPattern),
    "open_overdue": ("#D55E00", Pattern.DiagCrossPattern),
    "open": ("#56B4E9", Pattern.Dense5Pattern),
    "shown": ("#7F7F7F", Pattern.Dense4Pattern),
    "used": ("#0072B2", Pattern.SolidPattern),
    "used_good": ("#009E73", Pattern.BDiagPattern),
}


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    colour: QColor
    pattern: Qt.BrushStyle

    def brush(self) -> QBrush:
        return QBrush(self.colour, self.pattern)

    def pen(self) -> QPen:
        pen = QPen(self.colour)
        pen.setWidthF(1.5)
        pen.setCosmetic(True)
        return pen


def series_style(key: str, index: int) -> SeriesStyle:
    """The style of series `key`, the `index`-th of its chart (used for keys without a fixed look)."""
    colour, pattern = FIXED.get(key, (PALETTE[index % len(PALETTE)], PATTERNS[index % len(PATTERNS)]))
    return SeriesStyle(QColor(colour), pattern)


def outcome_keys() -> list[tuple[str, str]]:
    """Outcome keys as the dashboard service gives them ('' for not recorded yet), with their words and symbols."""
    return [(o.value, outcome_text(o)) for o in Outcome] + [("", outcome_text(None))]


def swatch(style: SeriesStyle, size: int, background: QColor) -> QPixmap:
    """A small square filled as the series' bars are, for the legend."""
    pixmap = QPixmap(size, size)
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setPen(QPen(style.colour, 2))
    painter.setBrush(style.brush())
    painter.drawRect(QRect(1, 1, size - 3, size - 3))
    painter.end()
    return pixmap
