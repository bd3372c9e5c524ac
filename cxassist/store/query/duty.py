"""The duty-of-care queue: what a supervisor must look at to keep callers safe, oldest first.

Two sources, merged by when the item arose:
- interactions that involved an emergency (flag or emergency actions), a vulnerable caller, or a conflict found by
  sync, until a duty-of-care outcome (a review row with `duty_of_care_outcome`) is recorded against them; served by
  the partial index `ix_interaction_duty_of_care` oldest first, and by `emergency_action` for any action whose
  interaction lost its flag;
- vulnerabilities whose review date has come (`review_by <= today`), until the review moves that date on; they arise
  at midnight UTC of their review date.

Paging is by keyset on (when, id) like the log, so a queue of hundreds of thousands is read a page at a time.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, cast
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, RowMapping, and_, exists, literal_column, or_, select

from cxassist.domain.models import Vulnerability
from cxassist.store import tables
from cxassist.store.care import vulnerability_from_row
from cxassist.store.query.model import Cursor
from cxassist.store.types import from_iso, to_iso

_i = tables.interaction
_v = tables.vulnerability
_review = tables.review
_action = tables.emergency_action
_caller = tables.caller
_FLAGGED = cast(ColumnElement[bool], literal_column("(flag_emergency OR flag_vulnerable OR flag_conflict)"))


@dataclass(frozen=True, slots=True)
class DutyItem:
    kind: str  # "interaction" or "vulnerability"
    id: UUID  # the interaction's or the vulnerability's id
    since: datetime  # when it arose: the interaction's start, or the review date (midnight UTC)
    reasons: tuple[str, ...]  # emergency, vulnerable caller, sync conflict, review date passed
    caller_id: UUID | None
    caller_name: str
    agent_id: str  # who took the call, or who recorded the vulnerability
    summary: str  # the call's reason, or the vulnerability's driver


@dataclass(frozen=True, slots=True)
class DutyPage:
    items: tuple[DutyItem, ...]
    next: Cursor | None


def _resolved() -> ColumnElement[bool]:
    return exists().where(_review.c.interaction_id == _i.c.id, _review.c.duty_of_care_outcome != "")


def _after_interaction(cursor: Cursor | None) -> list[ColumnElement[bool]]:
    if cursor is None or cursor.id is None:
        return []
    at = from_iso(cursor.key[0])
    return [_i.c.started_at >= at, or_(_i.c.started_at > at, _i.c.id > cursor.id)]


def _after_vulnerability(cursor: Cursor | None) -> list[ColumnElement[bool]]:
    if cursor is None or cursor.id is None:
        return []
    at = from_iso(cursor.key[0])
    day = at.date()
    if at == _midnight(day):
        return [or_(_v.c.review_by > day, and_(_v.c.review_by == day, _v.c.id > cursor.id))]
    return [_v.c.review_by > day]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _interaction_item(row: RowMapping, names: dict[Any, str]) -> DutyItem:
    reasons = []
    if row["flag_emergency"] or row["has_action"]:
        reasons.append("emergency")
    if row["flag_vulnerable"]:
        reasons.append("vulnerable caller")
    if row["flag_conflict"]:
        reasons.append("sync conflict")
    return DutyItem(
        kind="interaction",
        id=row["id"],
        since=row["started_at"],
        reasons=tuple(reasons),
        caller_id=row["caller_id"],
        caller_name=names.get(row["caller_id"], ""),
        agent_id=row["agent_id"],
        summary=row["reason"],
    )


def _interactions(conn: Connection, cursor: Cursor | None, limit: int) -> list[RowMapping]:
    has_action = exists().where(_action.c.interaction_id == _i.c.id)
    columns: list[Any] = [_i.c[name] for name in ("id", "caller_id", "agent_id", "started_at", "reason")]
    columns += [_i.c.flag_emergency, _i.c.flag_vulnerable, _i.c.flag_conflict, has_action.label("has_action")]
    flagged = (
        select(*columns)
        .where(_FLAGGED, ~_resolved(), *_after_interaction(cursor))
        .order_by(_i.c.started_at, _i.c.id)
        .limit(limit)
    )
    # An emergency action always flags its interaction; this catches one whose flag was lost (an older desktop).
    unflagged_ids = select(_action.c.interaction_id).distinct().scalar_subquery()
    unflagged = (
        select(*columns)
        .where(
            _i.c.id.in_(unflagged_ids),
            ~_i.c.flag_emergency,
            ~_i.c.flag_vulnerable,
            ~_i.c.flag_conflict,
            ~_resolved(),
            *_after_interaction(cursor),
        )
        .order_by(_i.c.started_at, _i.c.id)
        .limit(limit)
    )
    runs = [list(conn.execute(flagged).mappings()), list(conn.execute(unflagged).mappings())]
    return list(heapq.merge(*runs, key=lambda row: (row["started_at"], row["id"])))[:limit]


def _vulnerabilities(conn: Connection, today: date, cursor: Cursor | None, limit: int) -> list[RowMapping]:
    statement = (
        select(_v.c.id, _v.c.caller_id, _v.c.driver, _v.c.recorded_by, _v.c.review_by)
        .where(_v.c.review_by <= today, _v.c.deleted_at.is_(None), *_after_vulnerability(cursor))
        .order_by(_v.c.review_by, _v.c.id)
        .limit(limit)
    )
    return list(conn.execute(statement).mappings())


def duty_of_care_page(conn: Connection, *, today: date, after: Cursor | None = None, size: int = 100) -> DutyPage:
    """The next `size` open items after `after`, oldest first."""
    calls = _interactions(conn, after, size + 1)
    due = _vulnerabilities(conn, today, after, size + 1)
    caller_ids = list({row["caller_id"] for row in [*calls, *due] if row["caller_id"] is not None})
    names = dict(conn.execute(select(_caller.c.id, _caller.c.full_name).where(_caller.c.id.in_(caller_ids))).all())
    items = [_interaction_item(row, names) for row in calls]
    for row in due:
        items.append(
            DutyItem(
                kind="vulnerability",
                id=row["id"],
                since=_midnight(row["review_by"]),
                reasons=("review date passed",),
                caller_id=row["caller_id"],
                caller_name=names.get(row["caller_id"], ""),
                agent_id=row["recorded_by"],
                summary=row["driver"],
            )
        )
    items.sort(key=lambda item: (item.since, item.id))
    shown = items[:size]
    following = Cursor(key=(to_iso(shown[-1].since),), id=shown[-1].id) if len(items) > size else None
    return DutyPage(items=tuple(shown), next=following)


def is_resolved(conn: Connection, interaction_id: UUID) -> bool:
    statement = select(_review.c.id).where(
        _review.c.interaction_id == interaction_id, _review.c.duty_of_care_outcome != ""
    )
    return conn.execute(statement.limit(1)).first() is not None


def current_vulnerability(conn: Connection, vulnerability_id: UUID) -> Vulnerability | None:
    row = conn.execute(select(_v).where(_v.c.id == vulnerability_id, _v.c.deleted_at.is_(None))).mappings().first()
    return None if row is None else vulnerability_from_row(row)
