"""The local database schema (SQLAlchemy 2 typed declarative mapping).

Every synced table has a UUID primary key made on the machine that created the row, `created_at` / `updated_at` in
UTC, and `hlc`, the hybrid logical clock stamp that versions the row for sync. Drafts, saved filters, the outbox and
sync state are local only. Queries go through Core (`Table.__table__` / `select`), so the mapped classes here are a
typed description of the tables, not objects passed around: repositories return domain dataclasses.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cxassist.store.types import IsoDate, JsonDict, JsonList, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime,
        date: IsoDate,
        list[Any]: JsonList,
        dict[str, Any]: JsonDict,
    }


class Versioned:
    """Columns every synced row carries."""

    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    hlc: Mapped[str] = mapped_column(String(64))


class AgentRow(Versioned, Base):
    __tablename__ = "agent"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    display_name: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(String(16), default="agent")
    team: Mapped[str] = mapped_column(default="")


class CallerRow(Versioned, Base):
    __tablename__ = "caller"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    full_name: Mapped[str]
    preferred_name: Mapped[str] = mapped_column(default="")
    pronunciation: Mapped[str] = mapped_column(default="")
    email: Mapped[str] = mapped_column(default="")
    address_lines: Mapped[list[Any]] = mapped_column(default=list)
    city: Mapped[str] = mapped_column(default="")
    postcode: Mapped[str] = mapped_column(default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    preferred_channel: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="")
    customer_since: Mapped[date | None]
    external_id: Mapped[str | None] = mapped_column(String(128), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    needs_attention: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[datetime | None]


class CallerPhoneRow(Versioned, Base):
    """One number of a caller; `national` and `tail` serve probable matching (another prefix, trailing digits)."""

    __tablename__ = "caller_phone"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    caller_id: Mapped[UUID] = mapped_column(ForeignKey("caller.id", ondelete="CASCADE"), index=True)
    e164: Mapped[str] = mapped_column(String(20), index=True)
    national: Mapped[str] = mapped_column(String(20), index=True)
    tail: Mapped[str] = mapped_column(String(7), index=True)
    label: Mapped[str] = mapped_column(default="")
    is_primary: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[datetime | None]  # removed from the caller; kept (and synced) so the removal reaches others


class EmergencyContactRow(Versioned, Base):
    __tablename__ = "emergency_contact"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    caller_id: Mapped[UUID] = mapped_column(ForeignKey("caller.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    relationship: Mapped[str] = mapped_column(default="")
    phones: Mapped[list[Any]] = mapped_column(default=list)
    may_contact_for: Mapped[list[Any]] = mapped_column(default=list)
    consent_at: Mapped[datetime | None]
    consent_how: Mapped[str] = mapped_column(default="")
    consent_by: Mapped[str] = mapped_column(default="")
    priority: Mapped[int] = mapped_column(default=1)
    deleted_at: Mapped[datetime | None]


class VulnerabilityRow(Versioned, Base):
    __tablename__ = "vulnerability"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    caller_id: Mapped[UUID] = mapped_column(ForeignKey("caller.id", ondelete="CASCADE"), index=True)
    driver: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="")
    adjustments: Mapped[str] = mapped_column(Text, default="")
    consent_at: Mapped[datetime | None]
    consent_how: Mapped[str] = mapped_column(default="")
    consent_by: Mapped[str] = mapped_column(default="")
    recorded_by: Mapped[str] = mapped_column(default="")
    review_by: Mapped[date] = mapped_column(index=True)
    deleted_at: Mapped[datetime | None]


class InteractionRow(Versioned, Base):
    __tablename__ = "interaction"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    caller_id: Mapped[UUID | None] = mapped_column(ForeignKey("caller.id", ondelete="SET NULL"))
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    agent_id: Mapped[str] = mapped_column(String(128), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(16), default="inbound")
    status: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(default="")
    outcome: Mapped[str | None] = mapped_column(String(16))
    resolution: Mapped[str] = mapped_column(Text, default="")
    follow_up_due: Mapped[date | None]
    follow_up_owner: Mapped[str] = mapped_column(default="")
    follow_up_kind: Mapped[str] = mapped_column(String(24), default="")
    follow_up_done_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    flag_emergency: Mapped[bool] = mapped_column(default=False)
    flag_vulnerable: Mapped[bool] = mapped_column(default=False)
    flag_conflict: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        Index("ix_interaction_caller_started", "caller_id", "started_at"),
        Index(
            "ix_interaction_open_follow_up",
            "caller_id",
            "follow_up_due",
            sqlite_where=text("follow_up_due IS NOT NULL AND follow_up_done_at IS NULL"),
        ),
        Index(
            "ix_interaction_duty_of_care",
            "started_at",
            sqlite_where=text("flag_emergency OR flag_vulnerable OR flag_conflict"),
        ),
    )


class EmergencyActionRow(Versioned, Base):
    __tablename__ = "emergency_action"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    agent_id: Mapped[str] = mapped_column(String(128), default="")


class PromptEventRow(Versioned, Base):
    __tablename__ = "prompt_event"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(128), index=True)
    pack_version: Mapped[str] = mapped_column(String(64), default="")
    event: Mapped[str] = mapped_column(String(16))  # shown, used, dismissed
    reason: Mapped[str] = mapped_column(default="")
    at: Mapped[datetime]


class PromptSuggestionRow(Versioned, Base):
    __tablename__ = "prompt_suggestion"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(128))
    interaction_id: Mapped[UUID | None] = mapped_column(ForeignKey("interaction.id", ondelete="SET NULL"))
    category: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")


class PromptPackRow(Versioned, Base):
    __tablename__ = "prompt_pack"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    version: Mapped[int]
    source: Mapped[str] = mapped_column(String(16))  # shipped, site, published
    body: Mapped[str] = mapped_column(Text)
    published_by: Mapped[str] = mapped_column(default="")
    active: Mapped[bool] = mapped_column(default=True)


class FrictionPointRow(Versioned, Base):
    __tablename__ = "friction_point"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(index=True)
    words: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")


class FeedbackRow(Versioned, Base):
    __tablename__ = "feedback"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # compliment, complaint
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")


class ReviewRow(Versioned, Base):
    __tablename__ = "review"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[str] = mapped_column(String(128))
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)
    comment: Mapped[str] = mapped_column(Text, default="")
    kudos: Mapped[str] = mapped_column(Text, default="")
    duty_of_care_outcome: Mapped[str] = mapped_column(String(24), default="")


class AuditEventRow(Versioned, Base):
    """Tamper-evident: `hash` covers this event and `prev_hash`, the previous event's hash on this machine."""

    __tablename__ = "audit_event"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DraftRow(Base):
    """The unsaved form of the call in progress, written as the agent types; local only."""

    __tablename__ = "draft"
    interaction_id: Mapped[UUID] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True)
    body: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class SavedFilterRow(Base):
    __tablename__ = "saved_filter"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(128))
    name: Mapped[str]
    body: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


class OutboxRow(Base):
    """One row per change to push, written in the same transaction as the change; drained in `seq` order."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    hlc: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending, rejected
    reject_reason: Mapped[str] = mapped_column(default="")
    attempts: Mapped[int] = mapped_column(default=0)


class SyncStateRow(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MetaRow(Base):
    """Facts about this database file: the node id used in HLC stamps, the app version that last wrote it."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncVersionRow(Base):
    """Versions of vulnerability and emergency-contact rows this desktop knows the central store holds (pushed
    and accepted, or pulled): how sync tells an edit made on top of ours from a concurrent one. Local only."""

    __tablename__ = "sync_version"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64), primary_key=True)
    # False for a version pulled while a local edit of the row was pending: that edit was not made on top of it.
    is_base: Mapped[bool] = mapped_column(default=True)


class SyncConflictRow(Base):
    """Two concurrent versions of a vulnerability or emergency contact, kept until a person settles them.

    The id is derived from the row and both versions, so every desktop that sees the same pair names it alike."""

    __tablename__ = "sync_conflict"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64), index=True)
    caller_id: Mapped[UUID | None] = mapped_column(index=True)
    local_hlc: Mapped[str] = mapped_column(String(64))
    local_payload: Mapped[dict[str, Any]]
    remote_hlc: Mapped[str] = mapped_column(String(64))
    remote_payload: Mapped[dict[str, Any]]
    remote_origin: Mapped[str] = mapped_column(String(64), default="")
    detected_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open, settled
    settled_by: Mapped[str] = mapped_column(String(128), default="")
    settled_at: Mapped[datetime | None]


class RemoteAuditEventRow(Versioned, Base):
    """Audit events pulled from other desktops. They keep their own machine's `seq` and hash chain, so they live
    beside the local chain instead of in it: local `audit_event.seq` stays this machine's gap-free sequence."""

    __tablename__ = "remote_audit_event"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("origin", "seq"),)


# -- Supervisor console (migration 0003_supervisor): indexes for the query interface and derived tables ---------------
# Every index below ends in `started_at`, so a filter's first page is a seek newest first, never a sort of its matches
# (cxassist/store/query/plan.py chooses one per query). The partial indexes' WHERE texts are matched literally by
# SQLite: queries repeat them from `PARTIAL` (a bound parameter in their place would not match).

PARTIAL = {
    "emergency": "flag_emergency = 1",
    "vulnerable": "flag_vulnerable = 1",
    "open_follow_up": "follow_up_due IS NOT NULL AND follow_up_done_at IS NULL",
    "follow_up": "follow_up_due IS NOT NULL",
}

_interaction_table = Base.metadata.tables["interaction"]
_i = _interaction_table.c
Index("ix_interaction_agent_started", _i.agent_id, _i.started_at)
Index("ix_interaction_channel_started", _i.channel, _i.started_at)
Index("ix_interaction_outcome_started", _i.outcome, _i.started_at)
Index("ix_interaction_emergency_started", _i.started_at, sqlite_where=text(PARTIAL["emergency"]))
Index("ix_interaction_vulnerable_started", _i.started_at, sqlite_where=text(PARTIAL["vulnerable"]))
Index(
    "ix_interaction_open_follow_up_started",
    _i.started_at,
    _i.follow_up_due,
    sqlite_where=text(PARTIAL["open_follow_up"]),
)
Index(
    "ix_interaction_follow_up_due",
    _i.follow_up_due,
    _i.follow_up_done_at,
    _i.agent_id,
    _i.channel,
    sqlite_where=text(PARTIAL["follow_up"]),
)
Index("ix_review_created_at", Base.metadata.tables["review"].c.created_at)
Index("ix_friction_point_created_at", Base.metadata.tables["friction_point"].c.created_at)
Index("ix_feedback_created_at", Base.metadata.tables["feedback"].c.created_at)
Index("ix_prompt_event_at", Base.metadata.tables["prompt_event"].c.at)


class InteractionTagRow(Base):
    """Derived and local: one row per tag of an interaction, kept by triggers (store/query/derived.py)."""

    __tablename__ = "interaction_tag"
    tag: Mapped[str] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(primary_key=True)
    interaction_id: Mapped[UUID] = mapped_column(primary_key=True)

    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class InteractionHourlyRow(Base):
    """Derived and local: interactions per UTC hour (`YYYY-MM-DDTHH`), channel and outcome ('' for none)."""

    __tablename__ = "interaction_hourly"
    hour: Mapped[str] = mapped_column(String(13), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class InteractionAgentDailyRow(Base):
    """Derived and local: interactions per UTC day, agent, channel and outcome ('' for none)."""

    __tablename__ = "interaction_agent_daily"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    agent_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)

    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads this class attribute
