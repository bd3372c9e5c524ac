"""Drafts: the unsaved form of a call in progress, kept locally (never synced) so a crash loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.domain.models import Interaction
from cxassist.store import tables
from cxassist.store.interactions import interaction_from_row

_draft = tables.draft
_interaction = tables.interaction


@dataclass(frozen=True, slots=True)
class DraftRecord:
    interaction: Interaction
    body: dict[str, Any]
    updated_at: datetime


def put(conn: Connection, interaction_id: UUID, body: dict[str, Any], *, now: datetime) -> None:
    statement = sqlite_insert(_draft).values(interaction_id=interaction_id, body=body, updated_at=now)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[_draft.c.interaction_id], set_={"body": statement.excluded.body, "updated_at": now}
        )
    )


def remove(conn: Connection, interaction_id: UUID) -> None:
    conn.execute(delete(_draft).where(_draft.c.interaction_id == interaction_id))


def open_drafts(conn: Connection, *, agent_id: str, limit: int = 20) -> list[DraftRecord]:
    """Drafts of this agent's calls that are still in progress, newest first."""
    rows = conn.execute(
        select(_interaction, _draft.c.body.label("draft_body"), _draft.c.updated_at.label("draft_updated_at"))
        .join(_draft, _draft.c.interaction_id == _interaction.c.id)
        .where(_interaction.c.status == "in-progress", _interaction.c.agent_id == agent_id)
        .order_by(_draft.c.updated_at.desc())
        .limit(limit)
    ).mappings()
    return [DraftRecord(interaction_from_row(row), dict(row["draft_body"]), row["draft_updated_at"]) for row in rows]
