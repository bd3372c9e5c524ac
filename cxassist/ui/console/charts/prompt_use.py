"""Prompt use against outcome: for each prompt, the contacts where it was shown, where it was used, and how the
contacts where it was used went, beside the share for all contacts.

Prompts are named in words: the rule's category and its id as a phrase ("Closing: Confirm preferred channel"). The
categories come from the packs in force (`categories`, set by the dashboard tab); the rule id stays in the tooltip
and in the table's last column, for the people who edit packs.
"""

from __future__ import annotations

from collections.abc import Mapping

from cxassist.services.dashboard import Dashboard
from cxassist.ui.agent.prompts_panel import category_title
from cxassist.ui.console.charts.chart_data import ChartData, Series, percent
from cxassist.ui.widgets.text import tr


def prompt_name(rule_id: str, category: str | None) -> str:
    """The rule's id as words, after its category's title; the id's first word is dropped when it only repeats the
    category ("closing-", "greet-" for greeting, "care-" for care-and-safety)."""
    words = [word for word in rule_id.replace("_", "-").split("-") if word]
    if category and len(words) > 1 and category.split("-")[0].startswith(words[0]):
        words = words[1:]
    phrase = " ".join(words).capitalize() or rule_id
    return tr("{0}: {1}").format(category_title(category), phrase) if category else phrase


class PromptUse:
    name = "promptUse"
    over_time = False

    def __init__(self) -> None:
        self.categories: Mapping[str, str] = {}  # rule id -> category, from the packs in force

    def title(self) -> str:
        return tr("Prompt use and outcome")

    def empty_text(self) -> str:
        return tr("No prompts were shown on contacts in this range.")

    def build(self, dashboard: Dashboard) -> ChartData:
        prompts = dashboard.prompts
        good = [p.used_outcomes.get("met", 0) + p.used_outcomes.get("exceeded", 0) for p in prompts]
        series = (
            Series("shown", tr("Shown"), tuple(float(p.shown) for p in prompts)),
            Series("used", tr("Used"), tuple(float(p.used) for p in prompts)),
            Series("used_good", tr("Used, and met or exceeded"), tuple(float(n) for n in good)),
        )
        overall = dashboard.overall
        everyone = percent(overall.met + overall.exceeded, overall.total - overall.none)
        names = tuple(prompt_name(p.rule_id, self.categories.get(p.rule_id)) for p in prompts)
        rows = tuple(
            (
                name,
                p.shown,
                p.used,
                p.used_outcomes.get("failed", 0),
                p.used_outcomes.get("met", 0),
                p.used_outcomes.get("exceeded", 0),
                p.used_outcomes.get("", 0),
                percent(n, p.used - p.used_outcomes.get("", 0)),
                everyone,
                p.rule_id,
            )
            for p, n, name in zip(prompts, good, names, strict=True)
        )
        headers = (
            tr("Prompt"),
            tr("Shown"),
            tr("Used"),
            tr("Used: failed"),
            tr("Used: met"),
            tr("Used: exceeded"),
            tr("Used: not recorded"),
            tr("Met or exceeded where used"),
            tr("Met or exceeded, all contacts"),
            tr("Rule id"),
        )
        return ChartData(
            series=series,
            headers=headers,
            rows=rows,
            value_label=tr("Contacts"),
            names=names,
            tips=tuple(tr("Rule id: {0}").format(p.rule_id) for p in prompts),
            stacked=False,
        )
