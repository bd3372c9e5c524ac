"""Every interaction a query matches, as export-ready text, fast enough for a million rows.

SQLite does most of the formatting (stored UTC times in the form `to_jsonable` writes, `True`/`False`, tags joined
with `;`), and rows come back as plain tuples from the driver's cursor, so Python has little left to do: ids are
stored as hex and get their dashes in Python (cheaper there than as SQL string surgery), a time not in the canonical
stored form is reformatted, and a note is redacted again. Each leg of the plan (`plan.py`) is read by keyset in
batches, oldest first, and the legs are merged as streams: memory stays at one batch per leg whatever the export.

Row layout: the export columns in `EXPORT_COLUMNS` order (ids as stored hex, the note as stored), then, with
`json_tags`, the stored `tags` JSON, then the sort key.

`export_lines` goes further for the common row, where Python would change nothing but the note: SQLite writes the
line up to the note (every CSV cell before it; for JSON lines the object's text between the ids and the tags), and
Python checks it, redacts the note if need be, and adds it. A row SQLite cannot finish (a time not in the stored
form, an id that is not 32 characters) comes without that text, and `rows_by_id` reads it in the layout above for
Python to format whole.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, literal_column, select

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


# --- finished lines (`export_lines`) ----------------------------------------------------------------------------------
def _stored_form(column: str) -> str:
    """NULL, or a time `_time` leaves canonical (25 or 32 characters, UTC): Python would not reparse it."""
    c = f"interaction.{column}"
    return f"({c} IS NULL OR (length({c}) IN (25, 32) AND substr({c}, -6) = '+00:00'))"


def _dashed(column: str) -> str:
    c = f"interaction.{column}"
    return (
        f"substr({c}, 1, 8) || '-' || substr({c}, 9, 4) || '-' || substr({c}, 13, 4) || '-' || substr({c}, 17, 4) "
        f"|| '-' || substr({c}, 21)"
    )


_FINISHED = (  # Python would only add dashes to the ids and leave every time as SQLite formats it
    "length(interaction.id) = 32 AND (interaction.caller_id IS NULL OR length(interaction.caller_id) = 32) AND "
    + " AND ".join(_stored_form(c) for c in ("started_at", "ended_at", "follow_up_done_at"))
)
_SQL_FINISHED = [
    _dashed("id"),
    *_SQL[1:4],
    f"CASE WHEN interaction.caller_id IS NULL THEN NULL ELSE {_dashed('caller_id')} END",
    *_SQL[5:19],
]
_FREE_TEXT = ("agent_id", "phone", "channel", "direction", "status", "reason", "outcome", "resolution", "follow_up_due",
              "follow_up_kind", "tags")  # fmt: skip
_NO_NUL = " AND ".join(f"instr(CAST(coalesce(interaction.{c}, '') AS BLOB), x'00') = 0" for c in _FREE_TEXT)
# CSV: the cells before the note, each followed by a comma, unquoted: Python checks that no cell needed quoting
# (exactly 19 commas, no quote, no line break) before it uses them, and quotes the note itself. printf copies once,
# but its %s stops at a NUL: a row with a NUL in a text column is left to Python (ids and times are guarded by
# their length, which also stops at a NUL).
_CSV_HEAD = (
    f"CASE WHEN {_FINISHED} AND {_NO_NUL} THEN printf('" + "%s," * len(_SQL_FINISHED) + "', "
    + ", ".join(_SQL_FINISHED)
    + ") ELSE NULL END"
)  # fmt: skip
CSV_COMMAS = len(_SQL_FINISHED)


# JSON lines: the line as `json.dumps(..., ensure_ascii=False)` writes it, in two texts around the caller's id: from
# the first key after the id up to the caller's value, and from the key after the caller up to the tags' value. Python
# adds the ids with their dashes (cheaper there than `substr`), the tags from their stored compact form, the flags
# from a bit per flag (emergency 4, vulnerable 2, conflict 1), and the note. printf copies once; its %s stops at a
# NUL, but json_quote has escaped any NUL by then.
def _json_text(first: int, last: int, next_key: str) -> str:
    """`"key": value` for these columns, then `, "next_key": `."""
    keys = "".join(f', "{name}": %s' for name in EXPORT_COLUMNS[first:last])
    values = ", ".join(f"json_quote({sql})" for sql in _SQL_FINISHED[first:last])
    return f"printf('{keys}, \"{next_key}\": ', {values})"


_JSON_UP_TO_CALLER = f"CASE WHEN {_FINISHED} THEN {_json_text(1, 4, 'caller_id')} ELSE NULL END"
_JSON_UP_TO_TAGS = _json_text(5, 15, "tags")
_FLAG_BITS = " + ".join(
    f"CASE WHEN interaction.{flag} THEN {bit} ELSE 0 END"
    for flag, bit in (("flag_emergency", 4), ("flag_vulnerable", 2), ("flag_conflict", 1))
)
_ID: Any = literal_column("interaction.id").label("row_id")
LINE_COLUMNS: dict[str, list[Any]] = {
    "csv": [literal_column(_CSV_HEAD).label("head"), literal_column("interaction.note").label("note"), _ID],
    "jsonl": [
        literal_column(_JSON_UP_TO_CALLER).label("head"),
        literal_column("interaction.note").label("note"),
        _ID,
        literal_column("interaction.caller_id").label("caller_id"),
        literal_column(_JSON_UP_TO_TAGS).label("rest"),
        literal_column("interaction.tags").label("tags"),
        literal_column(_FLAG_BITS).label("flags"),
    ],
}


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
    return _matches(conn, query, [*COLUMNS, TAGS] if json_tags else COLUMNS, batch)


def export_lines(conn: Connection, query: InteractionQuery, fmt: str, *, batch: int = 5_000) -> Iterator[Sequence[Any]]:
    """Every match, in `export_rows`'s order, as `(head, note, id)` for "csv": the line up to the note, or None where
    Python must format the row itself (see the module's docstring), the note and the id as stored; for "jsonl",
    `(head, note, id, caller_id, rest, tags, flags)`: the text from the first key after the id up to the caller's
    value (or None, as for CSV), the note and ids as stored, the text from the key after the caller up to the tags'
    value, the tags as stored, and the flags as bits (emergency 4, vulnerable 2, conflict 1)."""
    return _matches(conn, query, LINE_COLUMNS[fmt], batch)


def rows_by_id(conn: Connection, ids: Sequence[str], *, json_tags: bool = False) -> dict[str, Sequence[Any]]:
    """The export rows (layout above, without the sort key) of these interactions, by stored id."""
    columns = [*COLUMNS, TAGS] if json_tags else COLUMNS
    statement = select(*columns).select_from(_i).where(literal_column("interaction.id").in_(list(ids)))
    return {row[0]: tuple(row) for row in conn.execute(statement)}


def _matches(conn: Connection, query: InteractionQuery, columns: list[Any], batch: int) -> Iterator[Sequence[Any]]:
    query = query.checked()
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
