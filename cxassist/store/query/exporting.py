"""Every interaction a query matches, as export-ready text, fast enough for a million rows.

SQLite does most of the formatting (stored UTC times in the form `to_jsonable` writes, `True`/`False`, tags joined
with `;`), and rows come back as plain tuples from the driver's cursor, so Python has little left to do: ids are
stored as hex and get their dashes in Python (cheaper there than as SQL string surgery), a time not in the canonical
stored form is reformatted, and a note is redacted again. Each leg of the plan (`plan.py`) is read by keyset in
batches, oldest first, and the legs are merged as streams: memory stays at one batch per leg whatever the export.

Row layout: the export columns in `EXPORT_COLUMNS` order (ids as stored hex, the note as stored), then, with
`json_tags`, the stored `tags` JSON, then the sort key.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, literal_column

from cxassist.store import tables
from cxassist.store.query import plan as planner
from cxassist.store.query.model import Cursor, InteractionQuery, SortDirection, SortKey
from cxassist.store.query.paging import _leg_statement
from cxassist.store.query.search import search_rows

_i = tables.interaction
EXPORT_COLUMNS = (
    "id", "started_at", "ended_at", "agent_id", "caller_id", "phone", "channel", "direction", "status", "reason",
    "outcome", "resolution", "follow_up_due", "follow_up_kind", "follow_up_done_at", "tags", "flag_emergency",
    "flag_vulnerable", "flag_conflict", "note",
)  # fmt: skip
TAGS_JSON = len(EXPORT_COLUMNS)


def _time(column: str) -> str:
    """A stored time as isoformat writes it: a zero fraction dropped (`…T13:31:49.000000+00:00` → `…T13:31:49+00:00`).
    A time stored in another form comes through changed or not; the caller checks the form and reparses if need be."""
    c = f"interaction.{column}"
    return f"CASE WHEN substr({c}, 20, 7) = '.000000' THEN substr({c}, 1, 19) || substr({c}, 27) ELSE {c} END"


def _flag(column: str) -> str:
    return f"CASE WHEN interaction.{column} THEN 'True' ELSE 'False' END"


_TAGS = "CASE WHEN json_valid(interaction.tags) THEN interaction.tags ELSE '[]' END"
_INNER = "substr(interaction.tags, 3, length(interaction.tags) - 4)"
# Tags joined with ';': by string surgery on the compact form the store writes (`["a","b"]`, no escapes), which
# is most rows and cheap, else by walking the JSON.
_TAGS_TEXT = (
    "CASE WHEN interaction.tags = '[]' THEN NULL "  # noqa: S608 - constants only
    "WHEN substr(interaction.tags, 1, 2) = '[\"' AND substr(interaction.tags, -2) = '\"]' "
    "AND instr(interaction.tags, '\\') = 0 "
    f"AND instr(replace({_INNER}, '\",\"', ''), '\"') = 0 THEN replace({_INNER}, '\",\"', ';') "
    f"ELSE (SELECT group_concat(value, ';') FROM json_each({_TAGS})) END"
)
_DUE = "interaction.follow_up_due"
_SQL = (
    "interaction.id",
    _time("started_at"),
    _time("ended_at"),
    "interaction.agent_id",
    "interaction.caller_id",
    "interaction.phone",
    "interaction.channel",
    "interaction.direction",
    "interaction.status",
    "interaction.reason",
    "NULLIF(interaction.outcome, '')",
    "interaction.resolution",
    _DUE,
    f"CASE WHEN {_DUE} IS NULL THEN NULL ELSE coalesce(NULLIF(interaction.follow_up_kind, ''), 'callback') END",
    f"CASE WHEN {_DUE} IS NULL THEN NULL ELSE {_time('follow_up_done_at')} END",
    _TAGS_TEXT,
    _flag("flag_emergency"),
    _flag("flag_vulnerable"),
    _flag("flag_conflict"),
    "interaction.note",
)
COLUMNS: list[Any] = [literal_column(sql).label(f"e{n}") for n, sql in enumerate(_SQL)]
TAGS: Any = literal_column(_TAGS).label("tags_json")


def _leg_rows(
    conn: Connection,
    query: InteractionQuery,
    chosen: planner.Plan,
    leg: planner.Leg,
    batch: int,
    columns: list[Any],
) -> Iterator[Any]:
    """One leg's rows by keyset, oldest first, straight from the driver's cursor."""
    after: Cursor | None = None
    while True:
        result = conn.execute(_leg_statement(query, chosen, leg, after, batch, columns))
        rows = result.cursor.fetchall() if result.cursor is not None else []
        result.close()
        yield from rows
        if len(rows) < batch:
            return
        after = Cursor(key=(rows[-1][-2],), id=UUID(hex=rows[-1][-1]))


def export_rows(
    conn: Connection, query: InteractionQuery, *, batch: int = 5_000, json_tags: bool = False
) -> Iterator[Sequence[Any]]:
    """Every match as an export row (layout above), oldest first; a search, newest stored first."""
    query = query.checked()
    columns = [*COLUMNS, TAGS] if json_tags else COLUMNS
    if query.is_search:
        for row in search_rows(conn, query, columns):
            yield tuple(row.values())[: len(columns)]
        return
    query = replace(query, sort=SortKey.STARTED_AT, direction=SortDirection.ASC)
    chosen = planner.plan(conn, query, planner.effective_agents(conn, query))
    legs = [_leg_rows(conn, query, chosen, leg, batch, columns) for leg in chosen.driver.legs]
    if len(legs) == 1:
        yield from legs[0]
        return
    last: tuple[str, str] | None = None
    for row in heapq.merge(*legs, key=lambda r: (r[-2], r[-1])):
        key = (row[-2], row[-1])
        if key != last:  # two tag legs can meet the same interaction
            last = key
            yield row
