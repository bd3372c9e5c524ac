"""Follow-ups by the day they were due: done on time, done late, open and overdue, open and not due yet."""

from __future__ import annotations

from cxassist.services.dashboard import Dashboard
from cxassist.ui.console.charts.chart_data import ChartData, Series
from cxassist.ui.widgets.text import short_date, tr

STATES = ("on_time", "late", "open_overdue", "open")


def state_labels() -> tuple[str, ...]:
    return tr("✓ Done on time"), tr("◷ Done late"), tr("⚑ Open and overdue"), tr("○ Open, not due yet")


class FollowUps:
    name = "followUps"
    over_time = True

    def title(self) -> str:
        return tr("Follow-ups done on time, by the day they were due")

    def empty_text(self) -> str:
        return tr("No follow-ups due in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        days = tuple(f for f in dashboard.follow_ups if f.on_time + f.late + f.open_overdue + f.open)
        series = tuple(
            Series(state, label, tuple(float(getattr(f, state)) for f in days))
            for state, label in zip(STATES, state_labels(), strict=True)
            if any(getattr(f, state) for f in days)
        )
        rows = tuple(
            (short_date(f.due), f.on_time, f.late, f.open_overdue, f.open, f.on_time + f.late + f.open_overdue + f.open)
            for f in days
        )
        headers = (tr("Due"), *state_labels(), tr("Total"))
        return ChartData(
            series=series, headers=headers, rows=rows, value_label=tr("Follow-ups"), days=tuple(f.due for f in days)
        )
