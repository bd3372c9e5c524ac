"""Outcomes per agent or per team: one row of stacked bars each, with the share that met or exceeded expectations."""

from __future__ import annotations

from cxassist.services.dashboard import Dashboard, OutcomeTotals
from cxassist.ui.console.charts.chart_data import ChartData, Series, outcome_values, percent
from cxassist.ui.console.charts.style import outcome_keys
from cxassist.ui.widgets.text import tr


class OutcomesByGroup:
    over_time = False

    def __init__(self, *, by_team: bool) -> None:
        self.by_team = by_team
        self.name = "outcomesByTeam" if by_team else "outcomesByAgent"

    def title(self) -> str:
        return tr("Outcomes per team") if self.by_team else tr("Outcomes per agent")

    def empty_text(self) -> str:
        return tr("No contacts in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        groups: tuple[OutcomeTotals, ...] = dashboard.by_team if self.by_team else dashboard.by_agent
        groups = tuple(g for g in groups if g.total)
        keys = outcome_keys()
        columns = list(zip(*(outcome_values(g) for g in groups), strict=True)) if groups else [()] * len(keys)
        series = tuple(
            Series(key, label, tuple(float(v) for v in values))
            for (key, label), values in zip(keys, columns, strict=True)
            if any(values)
        )
        rows = tuple(
            (g.label, *outcome_values(g), g.total, percent(g.met + g.exceeded, g.total - g.none)) for g in groups
        )
        headers = (
            tr("Team") if self.by_team else tr("Agent"),
            *(label for _, label in keys),
            tr("Total"),
            tr("Met or exceeded"),
        )
        return ChartData(
            series=series,
            headers=headers,
            rows=rows,
            value_label=tr("Contacts"),
            names=tuple(g.label for g in groups),
        )
