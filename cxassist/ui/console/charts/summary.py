"""The line above the charts: how many contacts, the share that met or exceeded expectations, follow-ups on time."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from cxassist.services.dashboard import Dashboard
from cxassist.store.query import InteractionQuery
from cxassist.ui.console.charts.chart_data import percent
from cxassist.ui.widgets.text import short_date, tr


def range_text(dashboard: Dashboard) -> str:
    last = dashboard.end - timedelta(microseconds=1)  # the end is exclusive
    return tr("{0} to {1}").format(short_date(dashboard.start), short_date(last))


def is_filtered(query: InteractionQuery) -> bool:
    """Whether the query narrows more than the dates (agent, channel, tags, a search...)."""
    plain = InteractionQuery()
    bare = replace(query, start=None, end=None, sort=plain.sort, direction=plain.direction, page_size=plain.page_size)
    return bare != plain


def summary_text(dashboard: Dashboard, query: InteractionQuery) -> str:
    overall = dashboard.overall
    if not overall.total:
        return tr("No contacts in this range ({0}).").format(range_text(dashboard))
    judged = overall.total - overall.none
    due = sum(f.on_time + f.late + f.open_overdue for f in dashboard.follow_ups)
    on_time = sum(f.on_time for f in dashboard.follow_ups)
    parts = [
        tr("Contacts: {0} ({1}).").format(overall.total, range_text(dashboard)),
        tr("Met or exceeded expectations: {0} (of {1} with an outcome).").format(
            percent(overall.met + overall.exceeded, judged), judged
        ),
        tr("Follow-ups done on time: {0} of {1} due so far ({2}).").format(on_time, due, percent(on_time, due))
        if due
        else tr("No follow-ups due so far."),
    ]
    if is_filtered(query):
        parts.append(tr("Only contacts matching the interaction log's filters are counted."))
    return " ".join(parts)
