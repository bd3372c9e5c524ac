"""Counts for the dashboard, cheap over 90 days of 10M interactions.

Interaction counts come from the summary tables kept by triggers (`derived.py`): `interaction_hourly` (UTC hour,
channel, outcome) and `interaction_agent_daily` (UTC day, agent, channel, outcome). The buckets wholly inside the
range are summed from them; the part of the range that cuts through a bucket at either end (a local midnight is
23:00 UTC in a British summer) is counted live from `interaction` by its `started_at` index, so every total is
exact. These serve date, agent, team, channel and outcome filters; `live_rows` serves the others, reading the
matching rows through the planner (fast for the selective filters: emergency, vulnerable, overdue, a caller).

Follow-ups, review scores and prompt use are read live, each through an index made for it (follow-ups by due date,
reviews by creation time, prompt events by time).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, case, func, select

from cxassist.store import tables
from cxassist.store.query import plan as planner
from cxassist.store.query.model import InteractionQuery
from cxassist.store.query.paging import stream
from cxassist.store.schema import Base

_i = tables.interaction
_hourly: Table = Base.metadata.tables["interaction_hourly"]
_daily: Table = Base.metadata.tables["interaction_agent_daily"]
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Grouped:
    """Interaction counts by the keys asked for (`bucket` is the UTC start of an hour, or of a day when `hourly` is
    False; the other keys are text, an outcome '' when none was recorded)."""

    by: tuple[str, ...]
    hourly: bool
    counts: dict[tuple[Any, ...], int]


@dataclass(frozen=True, slots=True)
class FollowUpCount:
    due: date
    on_time: int  # done on or before the day it was due (by the UTC date of completion)
    late: int
    open_overdue: int  # not done, and due before `today`
    open: int  # not done, not due yet


def summary_serves(query: InteractionQuery) -> bool:
    """Whether the summary tables can answer this query's filters (a date range is required)."""
    q = query
    narrow = q.caller_id or q.emergency or q.vulnerable or q.follow_up_overdue_on or q.not_reviewed or q.tags
    return q.start is not None and q.end is not None and not narrow and not q.text


def _floor(at: datetime, step: timedelta) -> datetime:
    at = at.astimezone(UTC)
    return (
        at.replace(minute=0, second=0, microsecond=0)
        if step == HOUR
        else datetime.combine(at.date(), datetime.min.time(), tzinfo=UTC)
    )


def _ceil(at: datetime, step: timedelta) -> datetime:
    floor = _floor(at, step)
    return floor if floor == at else floor + step


def _filters(query: InteractionQuery, agents: tuple[str, ...] | None, table: Any) -> list[ColumnElement[bool]]:
    """The agent, channel and outcome filters; on `interaction` unindexed, so that the index chosen for the range
    (start time, or due date) drives, not one agent's every row."""
    column = planner.unindexed if table is _i else (lambda c: c)
    terms: list[ColumnElement[bool]] = []
    if agents is not None:
        terms.append(column(table.c.agent_id).in_(agents))
    if query.channels:
        terms.append(column(table.c.channel).in_([c.value for c in query.channels]))
    if query.outcomes:
        outcome = column(table.c.outcome) if table is not _i else func.coalesce(_i.c.outcome, "")
        terms.append(outcome.in_([o.value for o in query.outcomes]))
    return terms


def _add(found: dict[tuple[Any, ...], int], rows: Iterable[Any], by: tuple[str, ...]) -> None:
    for row in rows:
        values = list(row)
        if "bucket" in by:
            at = by.index("bucket")
            values[at] = _bucket_time(values[at])
        if "day" in by:
            at = by.index("day")
            values[at] = date.fromisoformat(values[at])
        key = tuple(values[:-1])
        found[key] = found.get(key, 0) + int(values[-1] or 0)


def _bucket_time(key: str) -> datetime:
    return datetime.fromisoformat(key + (":00+00:00" if len(key) == 13 else "T00:00+00:00"))


def grouped(conn: Connection, query: InteractionQuery, by: tuple[str, ...], *, local_days: bool = False) -> Grouped:
    """Interactions in the query's range counted by `by` (names among bucket, day, agent_id, channel, outcome), from
    the summary tables for the whole buckets inside the range and live for the cut buckets at its ends. Buckets are
    UTC hours unless agents are grouped or filtered, then UTC days. `day` is the bucket's day: with `local_days`,
    the day in this machine's time zone (SQLite's `localtime`), for hourly buckets; otherwise the UTC day.
    Serves `summary_serves` queries only."""
    if query.start is None or query.end is None:
        raise ValueError("the dashboard needs a date range")
    agents = planner.effective_agents(conn, query)
    daily = "agent_id" in by or agents is not None
    step, table = (DAY, _daily) if daily else (HOUR, _hourly)
    width = 10 if daily else 13
    local = local_days and not daily
    live = {
        "bucket": func.substr(_i.c.started_at, 1, width),
        "day": func.date(_i.c.started_at, "localtime") if local else func.substr(_i.c.started_at, 1, 10),
        "agent_id": _i.c.agent_id,
        "channel": _i.c.channel,
        "outcome": func.coalesce(_i.c.outcome, ""),
    }
    hour = table.c.day if daily else table.c.hour
    summary: dict[str, Any] = {
        "bucket": hour,
        "day": func.date(hour + ":00:00", "localtime") if local else func.substr(hour, 1, 10),
        "agent_id": table.c.agent_id if daily else None,
        "channel": table.c.channel,
        "outcome": table.c.outcome,
    }
    found: dict[tuple[Any, ...], int] = {}
    first, last = _ceil(query.start, step), _floor(query.end, step)
    edges = [(query.start, query.end)] if first >= last else [(query.start, first), (last, query.end)]
    for a, b in edges:
        if a < b:
            keys = [live[name] for name in by]
            statement = select(*keys, func.count()).where(
                _i.c.started_at >= a, _i.c.started_at < b, *_filters(query, agents, _i)
            )
            _add(found, conn.execute(statement.group_by(*keys)), by)
    if first < last:
        keys = [summary[name] for name in by]
        fmt = "%Y-%m-%d" if daily else "%Y-%m-%dT%H"
        bucket = summary["bucket"]
        statement = select(*keys, func.sum(table.c.n)).where(
            bucket >= first.strftime(fmt), bucket < last.strftime(fmt), *_filters(query, agents, table)
        )
        _add(found, conn.execute(statement.group_by(*keys) if keys else statement), by)
    return Grouped(by=by, hourly=not daily, counts={k: n for k, n in found.items() if n})


def live_rows(conn: Connection, query: InteractionQuery) -> Iterator[dict[str, Any]]:
    """The matching interactions' time, agent, channel, outcome and follow-up, for filters the summary cannot
    serve. Reads every match: meant for the selective filters."""
    columns = [
        _i.c.id, _i.c.started_at, _i.c.agent_id, _i.c.channel, _i.c.outcome, _i.c.follow_up_due, _i.c.follow_up_done_at
    ]  # fmt: skip
    for row in stream(conn, replace(query, page_size=500), columns):
        yield dict(row)


def follow_ups(
    conn: Connection, query: InteractionQuery, *, first_due: date, last_due: date, today: date
) -> list[FollowUpCount]:
    """Follow-ups due from `first_due` up to (not including) `last_due`, by due day, with how they went."""
    agents = planner.effective_agents(conn, query)
    done = _i.c.follow_up_done_at
    due = _i.c.follow_up_due
    done_day = func.substr(done, 1, 10)

    def total(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0))

    statement = (
        select(
            due,
            total(done.is_not(None) & (done_day <= due)),
            total(done.is_not(None) & (done_day > due)),
            total(done.is_(None) & (due < today)),
            total(done.is_(None) & (due >= today)),
        )
        .where(planner.partial("follow_up"), due >= first_due, due < last_due, *_filters(query, agents, _i))
        .group_by(due)
        .order_by(due)
    )
    return [
        FollowUpCount(row[0], int(row[1]), int(row[2]), int(row[3]), int(row[4])) for row in conn.execute(statement)
    ]


def review_scores(
    conn: Connection, query: InteractionQuery, *, ids: Sequence[Any] | None = None
) -> list[tuple[str, dict[str, int]]]:
    """(agent of the interaction, scores) of every quality review written in the query's range."""
    review = tables.review
    agents = planner.effective_agents(conn, query)
    statement = (
        select(_i.c.agent_id, review.c.scores)
        .join(_i, _i.c.id == review.c.interaction_id)
        .where(review.c.duty_of_care_outcome == "", *_filters(query, agents, _i))
    )
    if query.start is not None:
        statement = statement.where(review.c.created_at >= query.start)
    if query.end is not None:
        statement = statement.where(review.c.created_at < query.end)
    if ids is not None:
        statement = statement.where(review.c.interaction_id.in_(list(ids)))
    return [(str(agent), dict(scores or {})) for agent, scores in conn.execute(statement)]


def prompt_outcomes(
    conn: Connection, query: InteractionQuery, *, ids: Sequence[Any] | None = None
) -> list[tuple[str, str, str, int]]:
    """(rule id, shown or used, the interaction's outcome or '', interactions) for prompt events in the range."""
    event = tables.prompt_event
    agents = planner.effective_agents(conn, query)
    keys = [event.c.rule_id, event.c.event, func.coalesce(_i.c.outcome, "")]
    statement = (
        select(*keys, func.count(func.distinct(event.c.interaction_id)))
        .join(_i, _i.c.id == event.c.interaction_id)
        .where(event.c.event.in_(["shown", "used"]), *_filters(query, agents, _i))
        .group_by(*keys)
    )
    if query.start is not None:
        statement = statement.where(event.c.at >= query.start)
    if query.end is not None:
        statement = statement.where(event.c.at < query.end)
    if ids is not None:
        statement = statement.where(event.c.interaction_id.in_(list(ids)))
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in conn.execute(statement)]
