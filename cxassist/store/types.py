"""Column types: UTC timestamps and dates stored as ISO 8601 text, lists stored as JSON.

Timestamps are written in one fixed-width form (`2026-11-23T13:31:49.123456+00:00`) so that text order is time order
and indexes on them sort correctly; naive datetimes are refused rather than guessed at.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Dialect, String, Text
from sqlalchemy.types import TypeDecorator

ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


def to_iso(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"refusing a naive datetime {value!r}: every stored time is UTC")
    return value.astimezone(UTC).strftime(ISO_FORMAT)


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetime in, aware UTC datetime out; stored as fixed-width ISO 8601 text."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_iso(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else from_iso(value)


class IsoDate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class JsonList(TypeDecorator[list[Any]]):
    """A JSON array (tags, phone lists, scores); never NULL in practice: an empty list is `[]`."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[Any] | tuple[Any, ...] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[Any] | None:
        return None if value is None else list(json.loads(value))


class JsonDict(TypeDecorator[dict[str, Any]]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[str, Any] | None:
        return None if value is None else dict(json.loads(value))
