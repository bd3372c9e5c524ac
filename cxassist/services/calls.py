"""Log interactions: start a call when it pops, log or complete it, with the note redacted before it is stored.

Every write commits the interaction and its outbox row in one transaction and returns only after the commit: what
these functions return has been acknowledged by the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import Connection

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import (
    Channel,
    Direction,
    FollowUp,
    FollowUpKind,
    Interaction,
    Outcome,
    Status,
)
from cxassist.domain.phones import lookup_keys
from cxassist.security.redaction import redact
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import callers as caller_store
from cxassist.store import care, interactions
from cxassist.store import drafts as draft_store

MAX_NOTE_CHARS = 1_000_000
MAX_TAGS = 20


@dataclass(frozen=True, slots=True)
class CallDetails:
    """What the agent records about a call (all free text is redacted before it is stored)."""

    channel: Channel = Channel.PHONE
    outcome: Outcome | None = None
    note: str = ""
    reason: str = ""
    resolution: str = ""
    tags: tuple[str, ...] = ()
    follow_up_due: date | None = None
    follow_up_kind: FollowUpKind = FollowUpKind.CALLBACK
    direction: Direction = Direction.INBOUND


def clean_text(text: str, *, field: str, limit: int) -> str:
    """Redacted, NUL-free text; refuses text longer than `limit` characters with a message naming the field."""
    if len(text) > limit:
        raise UserError(f"The {field} is {len(text):,} characters long; the limit is {limit:,}.")
    return redact(text.replace("\x00", "")).text


def clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(t.strip().lower() for t in tags if t.strip()))
    if len(cleaned) > MAX_TAGS:
        raise UserError(f"A call can have at most {MAX_TAGS} tags; {len(cleaned)} were given.")
    return tuple(clean_text(t, field="tag", limit=60) for t in cleaned)


def _number_and_caller(runtime: Runtime, conn: Connection, raw_phone: str) -> tuple[str, UUID | None]:
    """The number as stored (E.164 when valid) and the caller it belongs to, if exactly one caller has it."""
    if not raw_phone.strip():
        return "", None
    keys = lookup_keys(raw_phone, runtime.default_region)
    if keys.e164 is None:
        return "".join(ch for ch in raw_phone if ch.isdigit() or ch == "+"), None
    owners = caller_store.caller_ids_for_number(conn, keys.e164)
    return keys.e164, owners[0] if len(owners) == 1 else None


def _has_current_vulnerability(conn: Connection, caller_id: UUID | None) -> bool:
    return caller_id is not None and bool(care.vulnerabilities_for_caller(conn, caller_id))


def _apply(item: Interaction, details: CallDetails, *, owner: str) -> Interaction:
    follow_up = item.follow_up
    if details.follow_up_due is not None:
        follow_up = FollowUp(due=details.follow_up_due, owner=owner, kind=details.follow_up_kind)
    return replace(
        item,
        channel=details.channel,
        direction=details.direction,
        outcome=details.outcome,
        note=clean_text(details.note, field="note", limit=MAX_NOTE_CHARS),
        reason=clean_text(details.reason, field="reason", limit=500),
        resolution=clean_text(details.resolution, field="resolution", limit=10_000),
        tags=clean_tags(details.tags),
        follow_up=follow_up,
    )


def start_call(
    runtime: Runtime, *, phone: str, caller_id: UUID | None = None, channel: Channel = Channel.PHONE
) -> Done[Interaction]:
    """The call popped: the interaction exists from now on (in progress), so anything done during the call,
    an emergency action above all, has a home even if the call is never completed."""
    now = runtime.now()
    with runtime.db.write() as conn:
        number, owner = _number_and_caller(runtime, conn, phone)
        chosen = caller_id or owner
        item = Interaction(
            id=runtime.new_id(),
            caller_id=chosen,
            phone=number,
            agent_id=runtime.agent_id,
            channel=channel,
            direction=Direction.INBOUND,
            status=Status.IN_PROGRESS,
            started_at=now,
            flag_vulnerable=_has_current_vulnerability(conn, chosen),
        )
        interactions.save_interaction(conn, item, hlc=runtime.stamp(), now=now)
    return Done(item, Changes(interactions=frozenset({item.id}), outbox_pending=True))


def complete_call(
    runtime: Runtime, interaction_id: UUID, details: CallDetails, *, caller_id: UUID | None = None
) -> Done[Interaction]:
    """Save what the agent recorded and mark the call completed; returns after the commit."""
    now = runtime.now()
    with runtime.db.write() as conn:
        current = interactions.get_interaction(conn, interaction_id)
        if current is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        linked = caller_id or current.caller_id
        item = _apply(current, details, owner=runtime.agent_id)
        item = replace(
            item,
            caller_id=linked,
            status=Status.COMPLETED,
            ended_at=current.ended_at or now,
            flag_vulnerable=item.flag_vulnerable or _has_current_vulnerability(conn, linked),
        )
        interactions.save_interaction(conn, item, hlc=runtime.stamp(), now=now)
    changed = frozenset({item.id})
    callers = frozenset({linked}) if linked else frozenset()
    follow_ups = changed if item.follow_up else frozenset()
    return Done(item, Changes(callers=callers, interactions=changed, follow_ups=follow_ups, outbox_pending=True))


def log_interaction(
    runtime: Runtime,
    *,
    phone: str,
    details: CallDetails,
    caller_id: UUID | None = None,
    started_at: datetime | None = None,
) -> Done[Interaction]:
    """Log a whole interaction at once (the CLI, an import, a contact on another channel). An unknown number is
    logged with no caller and the number kept, so it can be linked later."""
    now = runtime.now()
    with runtime.db.write() as conn:
        number, owner = _number_and_caller(runtime, conn, phone)
        linked = caller_id or owner
        item = Interaction(
            id=runtime.new_id(),
            caller_id=linked,
            phone=number,
            agent_id=runtime.agent_id,
            channel=details.channel,
            direction=details.direction,
            status=Status.COMPLETED,
            started_at=started_at or now,
            ended_at=now,
            flag_vulnerable=_has_current_vulnerability(conn, linked),
        )
        item = _apply(item, details, owner=runtime.agent_id)
        interactions.save_interaction(conn, item, hlc=runtime.stamp(), now=now)
    callers = frozenset({linked}) if linked else frozenset()
    return Done(item, Changes(callers=callers, interactions=frozenset({item.id}), outbox_pending=True))


def is_abandoned(item: Interaction) -> bool:
    """A call the app closed on (or crashed during) before it was saved: still in progress, but with an end."""
    return item.status is Status.IN_PROGRESS and item.ended_at is not None


def close_abandoned_calls(runtime: Runtime, *, started_before: datetime) -> Done[list[Interaction]]:
    """At start-up: this agent's calls left in progress by an earlier session are marked as not completed.

    Status stays in progress (nothing about the call was completed) and the end is set to the last moment the call
    is known to have been alive: its start, its latest emergency step or its latest draft. Everywhere (the history
    here, other desktops after sync, the console) that reads as "not completed: the app closed". A call whose draft
    the agent then restores goes on with `resume_call`; the draft itself is kept, so nothing typed is lost."""
    with runtime.db.write() as conn:
        found = interactions.unfinished_calls(conn, agent_id=runtime.agent_id, started_before=started_before)
        if not found:
            return Done([], Changes())
        drafted = {d.interaction.id: d.updated_at for d in draft_store.open_drafts(conn, agent_id=runtime.agent_id,
                                                                                    limit=len(found) + 20)}
        steps: dict[UUID, datetime] = {}
        for step in interactions.emergency_actions(conn, [item.id for item in found]):
            steps[step.interaction_id] = max(step.at, steps.get(step.interaction_id, step.at))
        closed = []
        for item in found:
            known = [item.started_at, *(t for t in (drafted.get(item.id), steps.get(item.id)) if t is not None)]
            ended = replace(item, ended_at=max(known))
            interactions.save_interaction(conn, ended, hlc=runtime.stamp(), now=runtime.now())
            closed.append(ended)
    ids = frozenset(item.id for item in closed)
    callers = frozenset(item.caller_id for item in closed if item.caller_id)
    return Done(closed, Changes(callers=callers, interactions=ids, outbox_pending=True))


def resume_call(runtime: Runtime, interaction_id: UUID) -> Done[Interaction]:
    """The agent restored the draft of a call the app closed on: the call is in progress again (its end cleared)."""
    with runtime.db.write() as conn:
        item = interactions.get_interaction(conn, interaction_id)
        if item is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        if not is_abandoned(item):
            return Done(item, Changes())
        item = replace(item, ended_at=None)
        interactions.save_interaction(conn, item, hlc=runtime.stamp(), now=runtime.now())
    callers = frozenset({item.caller_id}) if item.caller_id else frozenset()
    return Done(item, Changes(callers=callers, interactions=frozenset({item.id}), outbox_pending=True))


def history_for_number(runtime: Runtime, raw_number: str, *, limit: int) -> list[Interaction]:
    with runtime.db.read() as conn:
        number, owner = _number_and_caller(runtime, conn, raw_number)
        if owner is not None:
            return interactions.recent_for_caller(conn, owner, limit=limit)
        return interactions.recent_for_number(conn, number, limit=limit)
