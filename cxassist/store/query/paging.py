"""Pages of the interaction log by keyset, and a stream of every match (for export and the live dashboard).

A page runs its plan's legs (`plan.py`) and merges them in order. With one leg (the usual case) the leg reads the
rows it returns. With several (an agent list, a team, channels), each leg reads only the sort keys of its first
`size + 1` rows, the merge keeps the first `size + 1`, and only those rows are read in full: a team of 25 agents reads
25 short key lists and one page of rows, not 25 pages. Keys are compared as stored (fixed-width UTC text and hex
ids), so no value is converted to be compared.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, Select, String, select, type_coerce

from cxassist.store import tables
from cxassist.store.interactions import interaction_from_row
from cxassist.store.query import plan as planner
from cxassist.store.query.model import Cursor, InteractionQuery, LogRow, Page, SortDirection, SortKey
from cxassist.store.query.search import search_page, search_rows

_i = tables.interaction
EXPORT_BATCH = 2_000
Key = tuple[str, ...]


def stored(column: Any, name: str | None = None) -> Any:
    """The column's stored value, without its type's conversion (ISO text for times, hex for ids)."""
    return type_coerce(column, String).label(name or column.name)


def _key_columns(query: InteractionQuery, leg: planner.Leg) -> list[Any]:
    _, started, row_id = planner.leg_source(leg)
    keys = [stored(started, "k_at"), stored(row_id, "k_id")]
    if query.sort is not SortKey.STARTED_AT:
        keys.insert(0, stored(planner.order_column(query.sort), "k_sort"))
    return keys


def _key(row: RowMapping) -> Key:
    return (row["k_sort"], row["k_at"], row["k_id"]) if "k_sort" in row else (row["k_at"], row["k_id"])


def _cursor(key: Key) -> Cursor:
    return Cursor(key=key[:-1], id=UUID(hex=key[-1]))


def _leg_statement(
    query: InteractionQuery,
    chosen: planner.Plan,
    leg: planner.Leg,
    after: Cursor | None,
    limit: int,
    columns: Sequence[Any],
) -> Select[Any]:
    source, started, row_id = planner.leg_source(leg)
    desc = query.direction is SortDirection.DESC
    order = [started, row_id]
    if query.sort is not SortKey.STARTED_AT:
        order.insert(0, planner.order_column(query.sort))
    return (
        select(*columns, *_key_columns(query, leg))
        .select_from(source)
        .where(
            *planner.leg_terms(leg, query, after=after),
            *planner.keyset(query, after, started, row_id),
            *chosen.residual,
        )
        .order_by(*[c.desc() if desc else c.asc() for c in order])
        .limit(limit)
    )


def rows_after(
    conn: Connection,
    query: InteractionQuery,
    chosen: planner.Plan,
    after: Cursor | None,
    limit: int,
    payload: Sequence[Any],
) -> list[tuple[Key, RowMapping]]:
    """The first `limit` matches after the cursor, in order, each with its sort key; `payload` are the columns read."""
    legs = chosen.driver.legs
    if len(legs) == 1:
        statement = _leg_statement(query, chosen, legs[0], after, limit, payload)
        return [(_key(row), row) for row in conn.execute(statement).mappings()]
    runs = [list(conn.execute(_leg_statement(query, chosen, leg, after, limit, [])).mappings()) for leg in legs]
    keys: list[Key] = []
    for row in heapq.merge(*runs, key=_key, reverse=query.direction is SortDirection.DESC):
        key = _key(row)
        if not keys or key != keys[-1]:  # a tag leg may meet an interaction another tag's leg found
            keys.append(key)
            if len(keys) == limit:
                break
    if not keys:
        return []
    ids = [UUID(hex=key[-1]) for key in keys]
    found = {
        row["k_id"]: row
        for row in conn.execute(select(*payload, stored(_i.c.id, "k_id")).where(_i.c.id.in_(ids))).mappings()
    }
    return [(key, found[key[-1]]) for key in keys if key[-1] in found]


def log_rows(conn: Connection, rows: Sequence[RowMapping]) -> tuple[LogRow, ...]:
    """Rows of the log: each interaction with its caller's name and whether it has a quality review."""
    ids = [row["id"] for row in rows]
    caller_ids = list({row["caller_id"] for row in rows if row["caller_id"] is not None})
    caller = tables.caller
    names = dict(conn.execute(select(caller.c.id, caller.c.full_name).where(caller.c.id.in_(caller_ids))).all())
    review = tables.review
    reviewed = set(
        conn.execute(
            select(review.c.interaction_id).where(review.c.interaction_id.in_(ids), review.c.duty_of_care_outcome == "")
        ).scalars()
    )
    return tuple(
        LogRow(
            interaction=interaction_from_row(row),
            caller_name=names.get(row["caller_id"], "") if row["caller_id"] is not None else "",
            reviewed=row["id"] in reviewed,
        )
        for row in rows
    )


def page(conn: Connection, query: InteractionQuery, *, after: Cursor | None = None) -> Page:
    """One page of the log after `after` (None: the first page). Raises UserError for a query that cannot run."""
    query = query.checked()
    if query.is_search:
        rows, following, scanned = search_page(conn, query, after)
        return Page(rows=log_rows(conn, rows), next=following, scanned=scanned)
    agents = planner.effective_agents(conn, query)
    chosen = planner.plan(conn, query, agents)
    found = rows_after(conn, query, chosen, after, query.page_size + 1, list(_i.c))
    following = _cursor(found[query.page_size - 1][0]) if len(found) > query.page_size else None
    return Page(rows=log_rows(conn, [row for _, row in found[: query.page_size]]), next=following)


def stream(
    conn: Connection, query: InteractionQuery, columns: Sequence[Any] = (), *, batch: int = EXPORT_BATCH
) -> Iterator[RowMapping]:
    """Every match, oldest first (a search: newest stored first), read in batches by keyset with the plan made
    once; `columns` (default: all, converted) are what each row holds. Runs in the caller's read transaction."""
    query = query.checked()
    payload = list(columns) or list(_i.c)
    if query.is_search:
        yield from search_rows(conn, query, payload)
        return
    query = replace(query, sort=SortKey.STARTED_AT, direction=SortDirection.ASC)
    chosen = planner.plan(conn, query, planner.effective_agents(conn, query))
    after: Cursor | None = None
    while True:
        found = rows_after(conn, query, chosen, after, batch, payload)
        for _, row in found:
            yield row
        if len(found) < batch:
            return
        after = _cursor(found[-1][0])
