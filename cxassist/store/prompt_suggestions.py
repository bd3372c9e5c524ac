"""Agents' prompt suggestions as supervisors see them: the open ones to act on, and the status they set.

Suggestions are written by `store.prompt_events.save_suggestion` (status "open"); a supervisor marks one "done" or
"not-doing". Both are synced rows, written with `store.rows.save`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final
from uuid import UUID

from sqlalchemy import Connection, RowMapping, select

from cxassist.store import tables
from cxassist.store.rows import save

_suggestion = tables.prompt_suggestion
OPEN: Final = "open"
STATUSES: Final = (OPEN, "done", "not-doing")


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: UUID
    agent_id: str
    interaction_id: UUID | None
    category: str
    text: str
    status: str
    suggested_at: datetime


def _suggestion_of(row: RowMapping) -> Suggestion:
    return Suggestion(
        id=row["id"],
        agent_id=row["agent_id"],
        interaction_id=row["interaction_id"],
        category=row["category"],
        text=row["text"],
        status=row["status"],
        suggested_at=row["created_at"],
    )


def open_suggestions(conn: Connection, *, limit: int) -> list[Suggestion]:
    """Open suggestions, oldest first (the longest waiting is acted on first)."""
    rows = conn.execute(
        select(_suggestion)
        .where(_suggestion.c.status == OPEN)
        .order_by(_suggestion.c.created_at, _suggestion.c.id)
        .limit(limit)
    ).mappings()
    return [_suggestion_of(row) for row in rows]


def get_suggestion(conn: Connection, suggestion_id: UUID) -> Suggestion | None:
    row = conn.execute(select(_suggestion).where(_suggestion.c.id == suggestion_id)).mappings().first()
    return None if row is None else _suggestion_of(row)


def set_status(conn: Connection, suggestion: Suggestion, status: str, *, hlc: str, now: datetime) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown suggestion status {status!r}")
    values = {
        "id": suggestion.id,
        "agent_id": suggestion.agent_id,
        "interaction_id": suggestion.interaction_id,
        "category": suggestion.category,
        "text": suggestion.text,
        "status": status,
        "created_at": suggestion.suggested_at,
    }
    save(conn, _suggestion, values, hlc=hlc, now=now)
