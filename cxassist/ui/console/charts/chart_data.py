"""What one chart shows, drawn or as a table: its series (one value per day or per name) and the table's rows.

Each chart module (`contacts_by_channel`, `outcome_mix`, ...) turns the dashboard service's rows into a `ChartData`;
the shared bar plot draws any of them and the table model shows the same numbers, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from cxassist.services.dashboard import Dashboard, OutcomeTotals

Cell = str | int | float


@dataclass(frozen=True, slots=True)
class Series:
    key: str  # picks the colour and pattern (an outcome, a channel, a follow-up state)
    label: str  # the words in the legend and the table's header
    values: tuple[float, ...]  # one per day or per name


@dataclass(frozen=True, slots=True)
class ChartData:
    """Bars over `days` (a date axis) or over `names` (one row of bars each); stacked or side by side."""

    series: tuple[Series, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    value_label: str
    days: tuple[date, ...] = ()
    names: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()  # more about each row (of the table) and name (of the plot), for a tooltip
    stacked: bool = True

    @property
    def over_time(self) -> bool:
        return bool(self.days)

    @property
    def empty(self) -> bool:
        return not self.rows


class Chart(Protocol):
    """One dashboard chart: a stable name (object names derive from it), a title and how to build its data."""

    name: str
    over_time: bool

    def title(self) -> str: ...

    def empty_text(self) -> str: ...

    def build(self, dashboard: Dashboard) -> ChartData: ...


def outcome_values(totals: OutcomeTotals) -> tuple[int, int, int, int]:
    """Failed, met, exceeded and not recorded, in the order every outcome chart uses."""
    return totals.failed, totals.met, totals.exceeded, totals.none


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"
