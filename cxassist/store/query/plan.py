"""How a query is answered fast over millions of rows: one index drives, every other filter is checked row by row.

Each filter that has an index ending in `started_at` is a candidate driver, made of one or more legs: one seek per
value (agent `a`, agent `b`, ...), each of which yields its rows already in order, so a page is a k-way merge of short
seeks and never a sort of everything that matches. The candidate with the fewest rows wins, counted in the index
with a cap (`probe`), so the cost of choosing is bounded too. The other filters are written so that SQLite cannot
use an index for them (`+column`): left to itself, its planner, which has no statistics, may seek by a common value
and then sort a million rows.

Keyset pagination: a page asks for rows after the cursor, `(started_at, id) < (s, i)` for newest first, written as
`started_at <= s AND (started_at < s OR id < i)` so that the first term is an index range. Never OFFSET.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    true,
)

from cxassist.store import tables
from cxassist.store.query.model import Cursor, InteractionQuery, SortDirection, SortKey
from cxassist.store.schema import PARTIAL, Base
from cxassist.store.types import from_iso

_i = tables.interaction
tag_table: Table = Base.metadata.tables["interaction_tag"]
PROBE_CAP = 5_000  # index entries counted per candidate driver, at most


def unindexed(column: Any) -> Any:
    """`+table.column`: the same value, but SQLite will not use an index for a term written with it."""
    return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)


def partial(name: str) -> ColumnElement[bool]:
    """A partial index's WHERE text, verbatim: SQLite uses the index only for a query that repeats it."""
    # Untyped on purpose: a Boolean-typed literal is rendered as `(...) = 1`, which no longer matches the index.
    return cast(ColumnElement[bool], literal_column(f"({PARTIAL[name]})"))


def reviewed_clause() -> ColumnElement[bool]:
    """The interaction has a quality review (a review row that is not a duty-of-care outcome)."""
    review = tables.review
    return exists().where(review.c.interaction_id == _i.c.id, review.c.duty_of_care_outcome == "")


@dataclass(frozen=True, slots=True)
class Leg:
    """One index seek. `tag` legs read `interaction_tag` first and join the interaction by id."""

    condition: ColumnElement[bool]
    tag: str | None = None
    dates_indexed: bool = True  # False for a walk of a whole order index, which must not switch to a date range


@dataclass(frozen=True, slots=True)
class Driver:
    name: str
    legs: tuple[Leg, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    driver: Driver
    residual: tuple[ColumnElement[bool], ...]  # every other filter, unindexed
    ordered_by_driver: bool  # False when the rows must be sorted after the seek (a small set, a non-time order)


def team_agents(conn: Connection, team: str) -> tuple[str, ...]:
    agent = tables.agent
    return tuple(conn.execute(select(agent.c.id).where(agent.c.team == team).order_by(agent.c.id)).scalars())


def effective_agents(conn: Connection, query: InteractionQuery) -> tuple[str, ...] | None:
    """The agents the query is limited to (its agents, its team's, or both at once); None when not limited."""
    if query.team is None:
        return query.agent_ids or None
    members = team_agents(conn, query.team)
    if not query.agent_ids:
        return members
    return tuple(a for a in query.agent_ids if a in members)


def date_terms(query: InteractionQuery, column: Any, *, indexed: bool = True) -> list[ColumnElement[bool]]:
    column = column if indexed else unindexed(column)
    terms = []
    if query.start is not None:
        terms.append(column >= query.start)
    if query.end is not None:
        terms.append(column < query.end)
    return terms


def overdue_terms(day: date, *, indexed: bool) -> list[ColumnElement[bool]]:
    """Open follow-ups due before `day`. As a driver: the partial index of open follow-ups by start time, which holds
    the due date too (the due date itself stays unindexed, or SQLite would range over every follow-up ever due)."""
    due = unindexed(_i.c.follow_up_due) < day
    if indexed:
        return [partial("open_follow_up"), due]
    return [unindexed(_i.c.follow_up_done_at).is_(None), due]


def candidates(query: InteractionQuery, agents: tuple[str, ...] | None) -> list[Driver]:
    """Every driver this query could use, the most selective kinds first (ties go to the earlier)."""
    found: list[Driver] = []
    if query.caller_id is not None:
        found.append(Driver("caller", (Leg(_i.c.caller_id == query.caller_id),)))
    if query.emergency:
        found.append(Driver("emergency", (Leg(partial("emergency")),)))
    if query.follow_up_overdue_on is not None:
        found.append(Driver("overdue", (Leg(and_(*overdue_terms(query.follow_up_overdue_on, indexed=True))),)))
    if query.vulnerable:
        found.append(Driver("vulnerable", (Leg(partial("vulnerable")),)))
    if agents is not None:
        found.append(Driver("agent", tuple(Leg(_i.c.agent_id == a) for a in agents)))
    if query.tags:
        found.append(Driver("tag", tuple(Leg(true(), tag=t) for t in query.tags)))
    if query.channels:
        found.append(Driver("channel", tuple(Leg(_i.c.channel == c.value) for c in query.channels)))
    if query.outcomes:
        found.append(Driver("outcome", tuple(Leg(_i.c.outcome == o.value) for o in query.outcomes)))
    found.append(Driver("time", (Leg(true()),)))
    return found


def residual(query: InteractionQuery, agents: tuple[str, ...] | None, *, skip: str) -> list[ColumnElement[bool]]:
    """Every filter but the driver's (`skip`) and the date range, each written so that no index serves it."""
    terms: list[ColumnElement[bool]] = []
    if query.caller_id is not None and skip != "caller":
        terms.append(unindexed(_i.c.caller_id) == query.caller_id)
    if query.emergency and skip != "emergency":
        terms.append(unindexed(_i.c.flag_emergency).is_(True))
    if query.follow_up_overdue_on is not None and skip != "overdue":
        terms.extend(overdue_terms(query.follow_up_overdue_on, indexed=False))
    if query.vulnerable and skip != "vulnerable":
        terms.append(unindexed(_i.c.flag_vulnerable).is_(True))
    if agents is not None and skip != "agent":
        terms.append(unindexed(_i.c.agent_id).in_(agents) if agents else false())
    if query.tags and skip != "tag":
        terms.append(
            exists().where(
                tag_table.c.tag.in_(query.tags),
                tag_table.c.started_at == _i.c.started_at,
                tag_table.c.interaction_id == _i.c.id,
            )
        )
    if query.channels and skip != "channel":
        terms.append(unindexed(_i.c.channel).in_([c.value for c in query.channels]))
    if query.outcomes and skip != "outcome":
        terms.append(unindexed(_i.c.outcome).in_([o.value for o in query.outcomes]))
    if query.not_reviewed:
        terms.append(~reviewed_clause())
    return terms


def leg_source(leg: Leg) -> tuple[Any, Any, Any]:
    """The FROM clause and the `started_at` and id columns a leg seeks on."""
    if leg.tag is None:
        return _i, _i.c.started_at, _i.c.id
    joined = tag_table.join(_i, _i.c.id == tag_table.c.interaction_id)
    return joined, tag_table.c.started_at, tag_table.c.interaction_id


def leg_terms(leg: Leg, query: InteractionQuery, *, after: Cursor | None = None) -> list[ColumnElement[bool]]:
    """The leg's own seek condition and the date range on the column it seeks. Past a cursor in time order, the
    range's bound on the cursor's side is left out: the cursor's own bound is tighter, and with two lower (or upper)
    bounds SQLite may seek by the looser one and read every earlier page again."""
    _, started, _ = leg_source(leg)
    bounded = query
    if after is not None and after.id is not None and query.sort is SortKey.STARTED_AT:
        ascending = query.direction is SortDirection.ASC
        bounded = replace(query, start=None) if ascending else replace(query, end=None)
    terms = [leg.condition, *date_terms(bounded, started, indexed=leg.dates_indexed)]
    if leg.tag is not None:
        terms.append(tag_table.c.tag == leg.tag)
    return terms


def probe(conn: Connection, driver: Driver, query: InteractionQuery, *, cap: int = PROBE_CAP) -> int:
    """How many index entries the driver's legs hold in the date range, counting at most `cap` in all."""
    total = 0
    for leg in driver.legs:
        source, _, _ = leg_source(leg)
        inner: Select[Any] = (
            select(literal_column("1")).select_from(source).where(*leg_terms(leg, query)).limit(cap - total)
        )
        total += int(conn.execute(select(func.count()).select_from(inner.subquery())).scalar_one())
        if total >= cap:
            return cap
    return total


def choose(conn: Connection, query: InteractionQuery, agents: tuple[str, ...] | None) -> tuple[Driver, int]:
    """The cheapest driver and its capped size (the time driver without probing when it is the only one).

    Cost: the rows the driver holds (counted up to the cap) plus a page's worth per leg, the least a leg reads; so
    among drivers too big to count, one seek beats 25 (a team's agents), and a probe stops once it cannot win."""
    found = candidates(query, agents)
    if len(found) == 1 and query.start is None and query.end is None:
        return found[0], PROBE_CAP
    best, best_size, best_cost = found[-1], PROBE_CAP, float("inf")
    for driver in found:
        overhead = len(driver.legs) * (query.page_size + 1)
        if overhead >= best_cost:
            continue
        size = probe(conn, driver, query, cap=int(min(PROBE_CAP, best_cost - overhead)))
        if size + overhead < best_cost:
            best, best_size, best_cost = driver, size, size + overhead
        if best_size == 0:
            break
    return best, best_size


def order_column(sort: SortKey) -> Any:
    return {SortKey.AGENT: _i.c.agent_id, SortKey.CHANNEL: _i.c.channel}.get(sort)


def plan(conn: Connection, query: InteractionQuery, agents: tuple[str, ...] | None) -> Plan:
    """Time order: the cheapest driver, merged in order. Another order (agent, channel): a small driver's rows
    sorted, or else a walk of that order's own index with every filter but its own column checked row by row."""
    driver, size = choose(conn, query, agents)
    if query.sort is SortKey.STARTED_AT:
        return Plan(driver, tuple(residual(query, agents, skip=driver.name)), ordered_by_driver=True)
    if size < PROBE_CAP and driver.name != "time":
        return Plan(driver, tuple(residual(query, agents, skip=driver.name)), ordered_by_driver=False)
    column = order_column(query.sort)
    own = "agent" if query.sort is SortKey.AGENT else "channel"
    values = agents if own == "agent" else (tuple(c.value for c in query.channels) or None)
    leg = Leg(column.in_(values)) if values is not None else Leg(true(), dates_indexed=False)
    walk = Driver(f"{own}-order", (leg,))
    return Plan(walk, tuple(residual(query, agents, skip=own)), ordered_by_driver=True)


def keyset(query: InteractionQuery, cursor: Cursor | None, started: Any, row_id: Any) -> list[ColumnElement[bool]]:
    """Rows strictly after the cursor in the query's order, with an index range as the first term."""
    if cursor is None or cursor.id is None:
        return []
    desc = query.direction is SortDirection.DESC
    at = from_iso(cursor.key[-1])

    def before(column: Any, value: Any) -> ColumnElement[bool]:
        found: ColumnElement[bool] = column < value if desc else column > value
        return found

    def upto(column: Any, value: Any) -> ColumnElement[bool]:
        found: ColumnElement[bool] = column <= value if desc else column >= value
        return found

    if query.sort is SortKey.STARTED_AT:
        return [upto(started, at), or_(before(started, at), before(row_id, cursor.id))]
    column, value = order_column(query.sort), cursor.key[0]
    return [
        upto(column, value),
        or_(before(column, value), before(started, at), and_(started == at, before(row_id, cursor.id))),
    ]
