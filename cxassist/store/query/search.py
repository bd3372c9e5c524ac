"""Full-text search pages: the FTS5 index walked newest first, the other filters checked on each chunk.

One FTS5 cursor per page reads rowids newest first (rowid order is the order rows were stored on this desktop: time
order for calls logged here, close to it for synced ones); each chunk of rowids is joined to its interactions with
every other filter applied. The first chunk is the page size, later ones grow to `MAX_CHUNK`. A page stops when it
is full or after `SEARCH_BUDGET` index entries: with a rare filter on top of a common word the page may then be short,
with a cursor to read on. A match set is never ranked or sorted as a whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, RowMapping, literal_column, select, text

from cxassist.domain.errors import UserError
from cxassist.store import tables
from cxassist.store.query import plan as planner
from cxassist.store.query.model import Cursor, InteractionQuery, SortDirection, SortKey
from cxassist.store.query.text import search_expression

_i = tables.interaction
_rowid = literal_column("interaction.rowid", Integer)
SEARCH_BUDGET = 20_000  # index entries read for one page at most
MAX_CHUNK = 2_000
TOP = 2**63 - 1
_FTS_WALK = text(
    "SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :q AND rowid < :before ORDER BY rowid DESC"
)


def search_terms(conn: Connection, query: InteractionQuery) -> list[ColumnElement[bool]]:
    """Every filter but the text, none of them indexed (the rowids drive)."""
    if query.sort is not SortKey.STARTED_AT or query.direction is not SortDirection.DESC:
        raise UserError("Search results come newest first; clear the search box to sort by another column.")
    terms = planner.residual(query, planner.effective_agents(conn, query), skip="")
    if query.start is not None:
        terms.append(planner.unindexed(_i.c.started_at) >= query.start)
    if query.end is not None:
        terms.append(planner.unindexed(_i.c.started_at) < query.end)
    return terms


def _walk(
    conn: Connection, query: InteractionQuery, payload: Sequence[Any], before: int, first: int, budget: int | None
) -> Iterator[tuple[list[RowMapping], int, bool, int]]:
    """(matching rows of a chunk, the lowest rowid read so far, whether the index is exhausted, entries read so far),
    newest first."""
    expression = search_expression(query.text)
    terms = search_terms(conn, query)
    walk = conn.execute(_FTS_WALK, {"q": expression, "before": before})
    try:
        size, read = first, 0
        while True:
            chunk = [row[0] for row in walk.fetchmany(size)]
            if not chunk:
                yield [], before, True, read
                return
            read += len(chunk)
            before = chunk[-1]
            statement = (
                select(*payload, _rowid.label("search_position"))
                .select_from(_i)
                .where(_rowid.in_(chunk), *terms)
                .order_by(_rowid.desc())
            )
            exhausted = len(chunk) < size
            yield list(conn.execute(statement).mappings()), before, exhausted, read
            if exhausted or (budget is not None and read >= budget):
                return
            size = min(size * 4, MAX_CHUNK)
    finally:
        walk.close()


def search_page(
    conn: Connection, query: InteractionQuery, after: Cursor | None
) -> tuple[list[RowMapping], Cursor | None, int]:
    """(rows, the cursor to read on, index entries read) for one page of a search."""
    limit = query.page_size + 1
    start = after.position if after is not None and after.position is not None else TOP
    found: list[RowMapping] = []
    lowest, exhausted, read = start, False, 0
    for step in _walk(conn, query, list(_i.c), start, limit, SEARCH_BUDGET):
        found.extend(step[0])
        lowest, exhausted, read = step[1], step[2], step[3]
        if len(found) >= limit:
            break
    if len(found) >= limit:
        shown = found[: query.page_size]
        return shown, Cursor(position=shown[-1]["search_position"]), read
    return found, None if exhausted else Cursor(position=lowest), read


def search_rows(conn: Connection, query: InteractionQuery, payload: Sequence[Any]) -> Iterator[RowMapping]:
    """Every match of a search, newest stored first (for export)."""
    for rows, _, _, _ in _walk(conn, query, payload, TOP, MAX_CHUNK, None):
        yield from rows
