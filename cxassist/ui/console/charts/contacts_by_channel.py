"""Contacts per day, stacked by channel."""

from __future__ import annotations

from cxassist.domain.models import Channel
from cxassist.services.dashboard import Dashboard
from cxassist.ui.console.charts.by_day import by_day
from cxassist.ui.console.charts.chart_data import ChartData
from cxassist.ui.widgets.text import channel_text, tr


class ContactsByChannel:
    name = "contactsByChannel"
    over_time = True

    def title(self) -> str:
        return tr("Contacts per day by channel")

    def empty_text(self) -> str:
        return tr("No contacts in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        keys = [(channel.value, channel_text(channel)) for channel in Channel]
        known = {key for key, _ in keys}
        keys += sorted({(r.key, r.key or tr("not known")) for r in dashboard.contacts_by_channel if r.key not in known})
        return by_day(dashboard.contacts_by_channel, keys, first_header=tr("Day"))
