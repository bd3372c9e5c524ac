"""A date axis for bars centred on days: ticks on whole days labelled "4 Sep", one every 1, 2, 7, 14 or more days,
as many as fit at the axis's text size (pyqtgraph's own date axis crowds its labels when the text is large)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

DAY = 86400.0
STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364)


def noon(day: date) -> float:
    """The moment a day's bar is centred on: local noon."""
    return datetime.combine(day, time(12)).astimezone().timestamp()


def local_day(moment: float) -> date:
    return datetime.fromtimestamp(moment, tz=UTC).astimezone().date()


def day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


class DayAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    def __init__(self) -> None:
        super().__init__(orientation="bottom")

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if maxVal <= minVal or size <= 0:
            return []
        metrics = QFontMetrics(self.style["tickFont"] or QFont())
        room = max(1, int(size / (metrics.horizontalAdvance("30 Sep") * 1.5)))
        first, last = local_day(minVal), local_day(maxVal)
        days = (last - first).days + 1
        step = next((s for s in STEPS if days / s <= room), STEPS[-1])
        start = first + timedelta(days=-first.toordinal() % step)  # the same days whatever the range's first day
        ticks = [noon(start + timedelta(days=n)) for n in range(0, days, step)]
        return [(step * DAY, [t for t in ticks if minVal <= t <= maxVal])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [day_label(local_day(v)) for v in values]
