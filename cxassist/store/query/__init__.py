"""The one query interface of the supervisor console (DESIGN.md, "Scale: what lives where").

The console, the dashboard and export ask through these functions and never build SQL themselves, so the console can
later run on the central store with a read-only role by swapping what is behind them. Every function takes an open
connection (a read transaction) and returns plain dataclasses; nothing here writes, except the triggers that keep
the derived tables (`derived.py`) in step.

- `page(conn, query, after=cursor)`: one page of the interaction log by keyset (`plan.py` explains the indexes).
- `stream(conn, query)`: every match, in batches, for export.
- `count_estimate(conn, query)`: a count only where it is cheap.
- `get_detail(conn, interaction_id)`: the whole interaction for review.
- `duty_of_care_page(conn, ...)`: the duty-of-care queue, oldest first.
- `aggregates`: counts for the dashboard's charts.
"""

from cxassist.store.query.agents import get_agent, list_agents, list_teams
from cxassist.store.query.counting import count_estimate, explain
from cxassist.store.query.detail import InteractionDetail, PromptEventView, get_detail
from cxassist.store.query.duty import DutyItem, DutyPage, duty_of_care_page
from cxassist.store.query.model import (
    CountEstimate,
    Cursor,
    InteractionQuery,
    LogRow,
    Page,
    SortDirection,
    SortKey,
)
from cxassist.store.query.paging import page, stream
from cxassist.store.query.text import search_expression

__all__ = [
    "CountEstimate",
    "Cursor",
    "DutyItem",
    "DutyPage",
    "InteractionDetail",
    "InteractionQuery",
    "LogRow",
    "Page",
    "PromptEventView",
    "SortDirection",
    "SortKey",
    "count_estimate",
    "duty_of_care_page",
    "explain",
    "get_agent",
    "get_detail",
    "list_agents",
    "list_teams",
    "page",
    "search_expression",
    "stream",
]
