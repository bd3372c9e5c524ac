"""The dashboard's charts: one module per chart turns the dashboard service's rows into a `ChartData`; `bar_plot`
draws any of them with pyqtgraph and `table_model` shows the same numbers as a table for screen-reader users.

pyqtgraph is optional: from source the `charts` extra, packaged the `cxassist-charts` add-on (config.addons). Without
it the dashboard shows the tables only.
"""

from __future__ import annotations

import importlib
import logging

from cxassist.config.addons import charts_addon, make_importable
from cxassist.ui.console.charts.chart_data import Chart
from cxassist.ui.console.charts.contacts_by_channel import ContactsByChannel
from cxassist.ui.console.charts.follow_ups import FollowUps
from cxassist.ui.console.charts.outcome_mix import OutcomeMix
from cxassist.ui.console.charts.outcomes_by_group import OutcomesByGroup
from cxassist.ui.console.charts.prompt_use import PromptUse
from cxassist.ui.console.charts.scores_by_group import ScoresByGroup

log = logging.getLogger(__name__)


def all_charts() -> list[Chart]:
    """The dashboard's charts in reading order: volume, outcomes, people, quality, follow-ups, prompts."""
    return [
        ContactsByChannel(),
        OutcomeMix(),
        OutcomesByGroup(by_team=False),
        OutcomesByGroup(by_team=True),
        ScoresByGroup(by_team=False),
        ScoresByGroup(by_team=True),
        FollowUps(),
        PromptUse(),
    ]


def plot_type() -> type | None:
    """The bar plot class, or None when pyqtgraph is not installed (then the dashboard shows tables only)."""
    addon = charts_addon()
    if not addon.installed:
        return None
    make_importable(addon)
    try:
        importlib.import_module("pyqtgraph")
    except ImportError:
        log.warning("The charts add-on did not load; showing tables", exc_info=True)
        return None
    log.info("Charts drawn with pyqtgraph %s from %s", addon.versions["pyqtgraph"], addon.folder or "the environment")
    from cxassist.ui.console.charts.bar_plot import BarPlot  # noqa: PLC0415 - only with pyqtgraph

    return BarPlot
