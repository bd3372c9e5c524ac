"""Pulled payloads as the rows SQLite stores, written in bulk: one executemany per table for a page of changes.

A first pull brings millions of rows, so they skip SQLAlchemy's per-row statement and type machinery: each payload
becomes a tuple of the values the column types would bind (`storage_rows`), written by one DBAPI executemany per table
(`upsert_if_newer_sql`: insert, or update only when the incoming version is newer). Triggers (full-text search,
derived tables) fire as for any other write. `row_values` is the typed form, for the rows applied one at a time.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy import Boolean, Connection, Integer, Table, Uuid
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.schema import Base
from cxassist.store.types import IsoDate, JsonDict, JsonList, UtcDateTime, from_iso

SYNCED = frozenset(tables.SYNCED)
remote_audit: Table = Base.metadata.tables["remote_audit_event"]


class IncomingChange(Protocol):
    """One pulled version of a row (`sync.api.Change` is one: the runner passes those without copying)."""

    @property
    def entity(self) -> str: ...
    @property
    def row_id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...
    @property
    def origin(self) -> str: ...
    @property
    def base(self) -> str | None: ...


def _converter(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Uuid):
        return lambda v: v if v is None or isinstance(v, UUID) else UUID(str(v))
    if isinstance(kind, UtcDateTime):
        return lambda v: v if v is None or isinstance(v, datetime) else from_iso(str(v))
    if isinstance(kind, IsoDate):
        return lambda v: v if v is None or isinstance(v, date) else date.fromisoformat(str(v))
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(kind, Integer):
        return lambda v: None if v is None else int(v)
    return lambda v: v


_CONVERTERS: dict[str, dict[str, Any]] = {
    name: {column.name: _converter(column) for column in Base.metadata.tables[name].columns} for name in SYNCED
}
_CONVERTERS["remote_audit_event"] = {c.name: _converter(c) for c in remote_audit.columns}


def row_values(table_name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Column values from a JSON payload: known columns only (a newer desktop may send more), typed."""
    converters = _CONVERTERS[table_name]
    return {name: converters[name](value) for name, value in payload.items() if name in converters}


_DIALECT = sqlite.dialect()
SLICE = 2000  # rows converted and written per statement
_json_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # as JsonList / JsonDict write


def _storage_converter(column: Any) -> Callable[[Any], Any] | None:
    """What SQLAlchemy would bind for one payload value of `column` (None: the value as it is)."""
    typed = _converter(column)
    bind = column.type.bind_processor(_DIALECT)
    if isinstance(column.type, JsonList):
        return lambda value: "[]" if value == [] else _json_text(value if type(value) is list else list(value))
    if isinstance(column.type, JsonDict):
        return lambda value: _json_text(dict(value))
    if isinstance(column.type, Boolean):
        return bool  # sqlite3 stores True and False as 1 and 0, as the Boolean type binds them
    if isinstance(column.type, Integer):
        return int
    if bind is None:
        return None
    return lambda value: bind(typed(value))


def _column_converter(column: Any) -> Callable[[tuple[Any, ...]], Sequence[Any]] | None:
    """Convert a whole column of a batch at once. The common forms (canonical UUID and timestamp text) are checked
    with one regular expression over the joined column and converted by C string functions, not value by value;
    a column with any other form goes value by value through `_storage_converter`, which raises as SQLAlchemy
    would for a malformed value."""
    one = _storage_converter(column)
    if one is None:
        return None
    convert = one
    bulk: Callable[[tuple[str, ...]], Sequence[str]]
    if isinstance(column.type, Uuid):
        canonical, bulk = _UUID_COLUMN, _uuid_hex_column
    elif isinstance(column.type, UtcDateTime):
        canonical, bulk = _TIME_COLUMN, functools.partial(_checked_column, datetime.fromisoformat)
    elif isinstance(column.type, IsoDate):
        canonical, bulk = _DATE_COLUMN, functools.partial(_checked_column, date.fromisoformat)
    else:
        return functools.partial(_each, convert)

    def convert_column(values: tuple[Any, ...]) -> Sequence[Any]:
        present = values if None not in values else tuple(value for value in values if value is not None)
        try:
            joined = "\n".join(present)
        except TypeError:  # not all text
            joined = ""
        # A value with a line break of its own would pass as two: the count of breaks rules that out.
        if present and canonical.fullmatch(joined) and joined.count("\n") == len(present) - 1:
            done = bulk(present)
            if len(present) == len(values):
                return done
            rest = iter(done)
            return [None if value is None else next(rest) for value in values]
        return _each(convert, values)

    return convert_column


def _each(convert: Callable[[Any], Any], values: tuple[Any, ...]) -> list[Any]:
    if None not in values:
        return list(map(convert, values))
    return [None if value is None else convert(value) for value in values]


def _uuid_hex_column(values: tuple[str, ...]) -> list[str]:
    return "\n".join(values).replace("-", "").split("\n")


def _checked_column(parse: Callable[[str], Any], values: tuple[str, ...]) -> tuple[str, ...]:
    for _ in map(parse, values):  # a real date and time (2026-02-30 is not): raises ValueError as parsing would
        pass
    return values


def _repeated(pattern: str) -> re.Pattern[str]:
    return re.compile(f"{pattern}(?:\n{pattern})*", re.ASCII)


_UUID_COLUMN = _repeated("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIME_COLUMN = _repeated("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}\\+00:00")
_DATE_COLUMN = _repeated("[0-9]{4}-[0-9]{2}-[0-9]{2}")

_STORAGE: dict[str, dict[str, Callable[[tuple[Any, ...]], Sequence[Any]] | None]] = {
    name: {column.name: _column_converter(column) for column in Base.metadata.tables[name].columns}
    for name in SYNCED
}


def known_columns(entity: str) -> Collection[str]:
    """The columns this desktop stores for a synced entity (a newer desktop may send more)."""
    return _STORAGE[entity].keys()


def columns_of(entity: str, changes: Sequence[IncomingChange]) -> tuple[str, ...]:
    """The table's columns the payloads name (all of them, filled with NULL where one payload lacks it), and hlc."""
    known = _STORAGE[entity]
    first = changes[0].payload.keys()
    if all(change.payload.keys() == first for change in changes):
        named: set[str] | Any = first
    else:
        named = set().union(*(change.payload.keys() for change in changes))
    return tuple(name for name in known if name in named or name == "hlc")


def storage_rows(entity: str, changes: Sequence[IncomingChange], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Each change's payload as the values SQLite stores for `columns`, hlc set to the change's version: read row by
    row (one C call per payload that names every column, as they usually do), converted column by column."""
    every = operator.itemgetter(*columns)
    read: list[tuple[Any, ...]] = []
    for change in changes:
        payload = change.payload
        try:
            read.append(every(payload))
        except KeyError:
            read.append(tuple(payload.get(name) for name in columns))
    table: list[Sequence[Any]] = list(zip(*read, strict=True)) if len(columns) > 1 else [[r] for r in read]
    known = _STORAGE[entity]
    for index, name in enumerate(columns):
        convert = known[name]
        if name == "hlc":
            table[index] = [change.version for change in changes]
        elif convert is not None:
            table[index] = convert(tuple(table[index]))
    return list(zip(*table, strict=True))


@functools.lru_cache(maxsize=256)
def upsert_if_newer_sql(table_name: str, columns: tuple[str, ...]) -> str:
    table = Base.metadata.tables[table_name]
    quote = _DIALECT.identifier_preparer.quote
    key = key_column(table).name
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in columns if n not in (key, "created_at"))
    # A new row takes the column defaults for what no payload names (as SQLAlchemy's insert would); an update leaves
    # those columns alone. Names and defaults come from the schema, never from a payload.
    defaults = {name: literal for name, literal in _DEFAULT_LITERALS[table_name].items() if name not in columns}
    names += "".join(f", {quote(name)}" for name in defaults)
    marks += "".join(f", {literal}" for literal in defaults.values())
    return (
        f"INSERT INTO {quote(table_name)} ({names}) VALUES ({marks}) ON CONFLICT ({quote(key)}) "  # noqa: S608
        f"DO UPDATE SET {updates} WHERE {quote(table_name)}.hlc < excluded.hlc"
    )


def _default_literals(table: Table) -> dict[str, str]:
    """Each column's Python-side default as an SQL literal of the value SQLite stores for it."""
    found: dict[str, str] = {}
    for column in table.columns:
        default = column.default
        if default is None or not (default.is_scalar or default.is_callable):
            continue
        value = default.arg if default.is_scalar else default.arg(None)  # type: ignore[attr-defined]
        convert = _storage_converter(column)
        value = convert(value) if convert is not None and value is not None else value
        if value is None:
            found[column.name] = "NULL"
        elif isinstance(value, bool | int):
            found[column.name] = str(int(value))
        elif isinstance(value, str):
            found[column.name] = "'" + value.replace("'", "''") + "'"
    return found


_DEFAULT_LITERALS = {name: _default_literals(Base.metadata.tables[name]) for name in SYNCED}


def key_column(table: Table) -> Any:
    (column,) = table.primary_key.columns
    return column


def upsert_if_newer(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    key = key_column(table).name
    names = sorted({name for row in rows for name in row})
    full = [{name: row.get(name) for name in names} for row in rows] if _ragged(rows, names) else list(rows)
    statement = sqlite_insert(table)
    updates = {name: statement.excluded[name] for name in names if name not in (key, "created_at")}
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[key], set_=updates, where=table.c.hlc < statement.excluded.hlc
        ),
        full,
    )


def _ragged(rows: Sequence[dict[str, Any]], names: list[str]) -> bool:
    return any(len(row) != len(names) for row in rows)
