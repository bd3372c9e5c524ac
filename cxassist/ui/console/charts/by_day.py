"""Day-by-key counts (contacts by channel, outcomes by day) as stacked series: one value per day with any contacts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from cxassist.services.dashboard import DayCount
from cxassist.ui.console.charts.chart_data import Cell, ChartData, Series
from cxassist.ui.widgets.text import short_date, tr


def by_day(rows: Sequence[DayCount], keys: Sequence[tuple[str, str]], *, first_header: str) -> ChartData:
    """`keys` are (key, label) in legend order; keys not in the rows are left out, so the legend lists only what
    happened. The table has one row per day: the day, a count per key, the total."""
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[row.day][row.key] += row.contacts
    days = tuple(sorted(counts))
    present = [(key, label) for key, label in keys if any(counts[d].get(key) for d in days)]
    series = tuple(Series(key, label, tuple(float(counts[d].get(key, 0)) for d in days)) for key, label in present)
    table: tuple[tuple[Cell, ...], ...] = tuple(
        (short_date(d), *(counts[d].get(key, 0) for key, _ in present), sum(counts[d].values())) for d in days
    )
    headers = (first_header, *(label for _, label in present), tr("Total"))
    return ChartData(series=series, headers=headers, rows=table, value_label=tr("Contacts"), days=days)
