"""Supervisors' records about an interaction: reviews (quality scorecards and duty-of-care outcomes), customer feedback
and friction points. All are synced rows, written through `store.rows.save` (row and outbox in one transaction).

A review row is either a quality review (scores, comment, kudos; `duty_of_care_outcome` empty) or a duty-of-care
outcome (`duty_of_care_outcome` set, the comment beside it, no scores). Keeping them apart lets "not yet reviewed"
mean "no quality review", whatever the duty-of-care queue did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, select

from cxassist.store import tables
from cxassist.store.rows import save, save_many

_review = tables.review
_feedback = tables.feedback
_friction = tables.friction_point
_interaction = tables.interaction


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: UUID
    interaction_id: UUID
    reviewer_id: str
    scores: Mapping[str, int] = field(default_factory=dict)
    comment: str = ""
    kudos: str = ""
    duty_of_care_outcome: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_quality_review(self) -> bool:
        return not self.duty_of_care_outcome


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    id: UUID
    interaction_id: UUID
    kind: str  # compliment, complaint
    channel: str
    text: str
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FrictionRecord:
    id: UUID
    interaction_id: UUID
    rule: str
    words: str
    status: str  # open, removed
    created_at: datetime | None = None


def _review_from(row: RowMapping) -> ReviewRecord:
    return ReviewRecord(
        id=row["id"],
        interaction_id=row["interaction_id"],
        reviewer_id=row["reviewer_id"],
        scores={str(k): int(v) for k, v in (row["scores"] or {}).items() if isinstance(v, int)},
        comment=row["comment"],
        kudos=row["kudos"],
        duty_of_care_outcome=row["duty_of_care_outcome"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def save_review(conn: Connection, record: ReviewRecord, *, hlc: str, now: datetime) -> None:
    values: dict[str, Any] = {
        "id": record.id,
        "interaction_id": record.interaction_id,
        "reviewer_id": record.reviewer_id,
        "scores": dict(record.scores),
        "comment": record.comment,
        "kudos": record.kudos,
        "duty_of_care_outcome": record.duty_of_care_outcome,
    }
    if record.created_at is not None:
        values["created_at"] = record.created_at
    save(conn, _review, values, hlc=hlc, now=now)


def reviews_for(conn: Connection, interaction_ids: Sequence[UUID]) -> list[ReviewRecord]:
    rows = conn.execute(
        select(_review).where(_review.c.interaction_id.in_(list(interaction_ids))).order_by(_review.c.created_at)
    ).mappings()
    return [_review_from(row) for row in rows]


def quality_review_by(conn: Connection, interaction_id: UUID, reviewer_id: str) -> ReviewRecord | None:
    row = (
        conn.execute(
            select(_review).where(
                _review.c.interaction_id == interaction_id,
                _review.c.reviewer_id == reviewer_id,
                _review.c.duty_of_care_outcome == "",
            )
        )
        .mappings()
        .first()
    )
    return None if row is None else _review_from(row)


def _feedback_from(row: RowMapping) -> FeedbackRecord:
    return FeedbackRecord(
        id=row["id"],
        interaction_id=row["interaction_id"],
        kind=row["kind"],
        channel=row["channel"],
        text=row["text"],
        created_at=row["created_at"],
    )


def save_feedback(conn: Connection, record: FeedbackRecord, *, hlc: str, now: datetime) -> None:
    values = {
        "id": record.id,
        "interaction_id": record.interaction_id,
        "kind": record.kind,
        "channel": record.channel,
        "text": record.text,
    }
    save(conn, _feedback, values, hlc=hlc, now=now)


def feedback_for(conn: Connection, interaction_ids: Sequence[UUID]) -> list[FeedbackRecord]:
    rows = conn.execute(
        select(_feedback).where(_feedback.c.interaction_id.in_(list(interaction_ids))).order_by(_feedback.c.created_at)
    ).mappings()
    return [_feedback_from(row) for row in rows]


def _friction_from(row: RowMapping) -> FrictionRecord:
    return FrictionRecord(
        id=row["id"],
        interaction_id=row["interaction_id"],
        rule=row["rule"],
        words=row["words"],
        status=row["status"],
        created_at=row["created_at"],
    )


def _friction_values(record: FrictionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "interaction_id": record.interaction_id,
        "rule": record.rule,
        "words": record.words,
        "status": record.status,
    }


def save_friction(conn: Connection, record: FrictionRecord, *, hlc: str, now: datetime) -> None:
    save(conn, _friction, _friction_values(record), hlc=hlc, now=now)


def save_frictions(conn: Connection, records: Sequence[FrictionRecord], *, hlc: str, now: datetime) -> None:
    save_many(conn, _friction, [_friction_values(r) for r in records], hlc=hlc, now=now)


def friction_for(conn: Connection, interaction_ids: Sequence[UUID]) -> list[FrictionRecord]:
    rows = conn.execute(
        select(_friction).where(_friction.c.interaction_id.in_(list(interaction_ids))).order_by(_friction.c.created_at)
    ).mappings()
    return [_friction_from(row) for row in rows]


def friction_since(conn: Connection, since: datetime | None) -> list[tuple[FrictionRecord, datetime]]:
    """Friction points marked since `since` (all when None), each with its interaction's start, newest first."""
    statement = (
        select(_friction, _interaction.c.started_at.label("interaction_started_at"))
        .join(_interaction, _interaction.c.id == _friction.c.interaction_id)
        .order_by(_friction.c.created_at.desc())
    )
    if since is not None:
        statement = statement.where(_friction.c.created_at >= since)
    return [(_friction_from(row), row["interaction_started_at"]) for row in conn.execute(statement).mappings()]


def open_friction(conn: Connection) -> list[FrictionRecord]:
    rows = conn.execute(select(_friction).where(_friction.c.status == "open")).mappings()
    return [_friction_from(row) for row in rows]


@dataclass(frozen=True, slots=True)
class Recognition:
    """Praise an agent sees in the workspace: a supervisor's kudos, or a customer's compliment."""

    kind: str  # kudos, compliment
    text: str
    at: datetime
    interaction_id: UUID
    interaction_started_at: datetime
    given_by: str  # the reviewer's id; for a compliment, the channel it came by


def recognition_for_agent(conn: Connection, agent_id: str, since: datetime | None, *, limit: int) -> list[Recognition]:
    """Kudos on reviews of the agent's interactions and compliments about them, newest first."""
    found: list[Recognition] = []
    kudos = select(_review, _interaction.c.started_at.label("interaction_started_at")).join(
        _interaction, _interaction.c.id == _review.c.interaction_id
    )
    kudos = kudos.where(_interaction.c.agent_id == agent_id, _review.c.kudos != "")
    compliments = select(_feedback, _interaction.c.started_at.label("interaction_started_at")).join(
        _interaction, _interaction.c.id == _feedback.c.interaction_id
    )
    compliments = compliments.where(_interaction.c.agent_id == agent_id, _feedback.c.kind == "compliment")
    if since is not None:
        kudos = kudos.where(_review.c.created_at >= since)
        compliments = compliments.where(_feedback.c.created_at >= since)
    for row in conn.execute(kudos.order_by(_review.c.created_at.desc()).limit(limit)).mappings():
        found.append(
            Recognition("kudos", row["kudos"], row["created_at"], row["interaction_id"],
                        row["interaction_started_at"], row["reviewer_id"])
        )  # fmt: skip
    for row in conn.execute(compliments.order_by(_feedback.c.created_at.desc()).limit(limit)).mappings():
        found.append(
            Recognition("compliment", row["text"], row["created_at"], row["interaction_id"],
                        row["interaction_started_at"], row["channel"])
        )  # fmt: skip
    found.sort(key=lambda item: item.at, reverse=True)
    return found[:limit]
