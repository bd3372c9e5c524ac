"""Quality review scores by criterion, per agent or per team: bars side by side, one colour and pattern a criterion."""

from __future__ import annotations

from cxassist.services.dashboard import Dashboard, ScoreRow
from cxassist.ui.console.charts.chart_data import ChartData, Series
from cxassist.ui.widgets.text import tr


class ScoresByGroup:
    over_time = False

    def __init__(self, *, by_team: bool) -> None:
        self.by_team = by_team
        self.name = "scoresByTeam" if by_team else "scoresByAgent"

    def title(self) -> str:
        return (
            tr("Review scores per team, by criterion") if self.by_team else tr("Review scores per agent, by criterion")
        )

    def empty_text(self) -> str:
        return tr("No quality reviews of contacts in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        scores: tuple[ScoreRow, ...] = dashboard.scores_by_team if self.by_team else dashboard.scores_by_agent
        labels = {} if self.by_team else {a.name: a.label for a in dashboard.by_agent}
        names = list(dict.fromkeys(s.name for s in scores))
        criteria = list(dict.fromkeys(s.criterion for s in scores))
        average = {(s.name, s.criterion): s.average for s in scores}
        series = tuple(
            Series(f"criterion:{n}", criterion, tuple(average.get((name, criterion), 0.0) for name in names))
            for n, criterion in enumerate(criteria)
        )
        rows = tuple((labels.get(s.name, s.name), s.criterion, s.average, s.reviews) for s in scores)
        headers = (tr("Team") if self.by_team else tr("Agent"), tr("Criterion"), tr("Average score"), tr("Reviews"))
        return ChartData(
            series=series,
            headers=headers,
            rows=rows,
            value_label=tr("Average score"),
            names=tuple(labels.get(name, name) for name in names),
            stacked=False,
        )
