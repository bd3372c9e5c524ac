"""Turn domain objects into plain JSON values: the one shape the CLI, exports and sync payloads share."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any
from uuid import UUID


def to_jsonable(value: Any) -> Any:
    """Dataclasses become objects, enums their value, UUIDs strings, times ISO 8601 in UTC with an offset."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_jsonable(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (UUID, PurePath)):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"refusing a naive datetime {value!r}")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    return value
