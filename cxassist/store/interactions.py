"""Interactions and their emergency actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, Select, and_, bindparam, select, text

from cxassist.domain.models import (
    Channel,
    Direction,
    EmergencyAction,
    EmergencyActionKind,
    FollowUp,
    FollowUpKind,
    Interaction,
    Outcome,
    Status,
)
from cxassist.store import tables
from cxassist.store.rows import save

_interaction = tables.interaction
_action = tables.emergency_action


def interaction_from_row(row: RowMapping) -> Interaction:
    follow_up = None
    if row["follow_up_due"] is not None:
        follow_up = FollowUp(
            due=row["follow_up_due"],
            owner=row["follow_up_owner"],
            kind=FollowUpKind(row["follow_up_kind"] or FollowUpKind.CALLBACK),
            done_at=row["follow_up_done_at"],
        )
    outcome = row["outcome"]
    return Interaction(
        id=row["id"],
        caller_id=row["caller_id"],
        phone=row["phone"],
        agent_id=row["agent_id"],
        channel=Channel(row["channel"]),
        direction=Direction(row["direction"]),
        status=Status(row["status"]),
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        reason=row["reason"],
        outcome=Outcome(outcome) if outcome else None,
        resolution=row["resolution"],
        follow_up=follow_up,
        note=row["note"],
        tags=tuple(row["tags"]),
        flag_emergency=bool(row["flag_emergency"]),
        flag_vulnerable=bool(row["flag_vulnerable"]),
        flag_conflict=bool(row["flag_conflict"]),
    )


def interaction_values(item: Interaction) -> dict[str, Any]:
    follow_up = item.follow_up
    return {
        "id": item.id,
        "caller_id": item.caller_id,
        "phone": item.phone,
        "agent_id": item.agent_id,
        "channel": item.channel.value,
        "direction": item.direction.value,
        "status": item.status.value,
        "started_at": item.started_at,
        "ended_at": item.ended_at,
        "reason": item.reason,
        "outcome": item.outcome.value if item.outcome else None,
        "resolution": item.resolution,
        "follow_up_due": follow_up.due if follow_up else None,
        "follow_up_owner": follow_up.owner if follow_up else "",
        "follow_up_kind": follow_up.kind.value if follow_up else "",
        "follow_up_done_at": follow_up.done_at if follow_up else None,
        "note": item.note,
        "tags": list(item.tags),
        "flag_emergency": item.flag_emergency,
        "flag_vulnerable": item.flag_vulnerable,
        "flag_conflict": item.flag_conflict,
    }


def save_interaction(conn: Connection, item: Interaction, *, hlc: str, now: datetime) -> None:
    save(conn, _interaction, interaction_values(item), hlc=hlc, now=now)


def get_interaction(conn: Connection, interaction_id: UUID) -> Interaction | None:
    row = conn.execute(select(_interaction).where(_interaction.c.id == interaction_id)).mappings().first()
    return None if row is None else interaction_from_row(row)


def unfinished_calls(conn: Connection, *, agent_id: str, started_before: datetime) -> list[Interaction]:
    """This agent's calls still in progress with no end recorded that started before `started_before`."""
    rows = conn.execute(
        select(_interaction).where(
            _interaction.c.agent_id == agent_id,
            _interaction.c.status == Status.IN_PROGRESS.value,
            _interaction.c.ended_at.is_(None),
            _interaction.c.started_at < started_before,
        )
    ).mappings()
    return [interaction_from_row(row) for row in rows]


@lru_cache(maxsize=8)
def _recent_for_caller(limit: int) -> Select[Any]:
    return (
        select(_interaction)
        .where(_interaction.c.caller_id == bindparam("caller_id"))
        .order_by(_interaction.c.started_at.desc())
        .limit(limit)
    )


_OPEN_FOLLOW_UPS = (
    select(_interaction)
    .where(
        and_(
            _interaction.c.caller_id == bindparam("caller_id"),
            _interaction.c.follow_up_due.is_not(None),
            _interaction.c.follow_up_done_at.is_(None),
        )
    )
    .order_by(_interaction.c.follow_up_due)
)


def recent_for_caller(conn: Connection, caller_id: UUID, *, limit: int = 20) -> list[Interaction]:
    rows = conn.execute(_recent_for_caller(limit), {"caller_id": caller_id}).mappings()
    return [interaction_from_row(row) for row in rows]


def for_caller_between(
    conn: Connection, caller_id: UUID, *, before: datetime | None = None, since: datetime | None = None, limit: int
) -> list[Interaction]:
    """A caller's interactions newest first, started before `before` and at or after `since` (None: no bound)."""
    query = select(_interaction).where(_interaction.c.caller_id == caller_id)
    if before is not None:
        query = query.where(_interaction.c.started_at < before)
    if since is not None:
        query = query.where(_interaction.c.started_at >= since)
    rows = conn.execute(query.order_by(_interaction.c.started_at.desc()).limit(limit)).mappings()
    return [interaction_from_row(row) for row in rows]


def recent_for_number(conn: Connection, phone: str, *, limit: int = 20) -> list[Interaction]:
    """Interactions from a number not linked to any caller yet (an unknown caller who has called before)."""
    # Left to itself SQLite picks the caller index for "caller_id IS NULL" and walks every unlinked call (hundreds
    # of milliseconds at a million rows); the unary + keeps that term off the index, so the phone index finds the
    # few calls from this number directly.
    rows = conn.execute(
        select(_interaction)
        .where(_interaction.c.phone == phone, text("+interaction.caller_id IS NULL"))
        .order_by(_interaction.c.started_at.desc())
        .limit(limit)
    ).mappings()
    return [interaction_from_row(row) for row in rows]


def open_follow_ups(conn: Connection, caller_id: UUID) -> list[Interaction]:
    rows = conn.execute(_OPEN_FOLLOW_UPS, {"caller_id": caller_id}).mappings()
    return [interaction_from_row(row) for row in rows]


def action_from_row(row: RowMapping) -> EmergencyAction:
    return EmergencyAction(
        id=row["id"],
        interaction_id=row["interaction_id"],
        at=row["at"],
        kind=EmergencyActionKind(row["kind"]),
        detail=row["detail"],
        agent_id=row["agent_id"],
    )


def action_values(action: EmergencyAction) -> dict[str, Any]:
    return {
        "id": action.id,
        "interaction_id": action.interaction_id,
        "at": action.at,
        "kind": action.kind.value,
        "detail": action.detail,
        "agent_id": action.agent_id,
    }


def save_emergency_action(conn: Connection, action: EmergencyAction, *, hlc: str, now: datetime) -> None:
    save(conn, _action, action_values(action), hlc=hlc, now=now)


def emergency_actions(conn: Connection, interaction_ids: Sequence[UUID]) -> list[EmergencyAction]:
    if not interaction_ids:
        return []
    rows = conn.execute(
        select(_action).where(_action.c.interaction_id.in_(interaction_ids)).order_by(_action.c.at)
    ).mappings()
    return [action_from_row(row) for row in rows]
