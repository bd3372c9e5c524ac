"""The outcome mix over time: failed, met, exceeded and not recorded yet, per day."""

from __future__ import annotations

from cxassist.services.dashboard import Dashboard
from cxassist.ui.console.charts.by_day import by_day
from cxassist.ui.console.charts.chart_data import ChartData
from cxassist.ui.console.charts.style import outcome_keys
from cxassist.ui.widgets.text import tr


class OutcomeMix:
    name = "outcomeMix"
    over_time = True

    def title(self) -> str:
        return tr("Outcome mix per day (failed, met, exceeded)")

    def empty_text(self) -> str:
        return tr("No contacts in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        return by_day(dashboard.outcome_mix, outcome_keys(), first_header=tr("Day"))
