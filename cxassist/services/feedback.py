"""Friction points (CX principle 9: collect the rules customers find senseless, rank them, get them removed) and
customer feedback that arrives after the contact (principles 7 and 11).

Friction ranking. Points are grouped by their rule, compared without case, spacing or trailing punctuation. Each
point counts for 0.5 ** (age in days / 30) on the day of ranking: a point marked today counts 1, one marked a month
ago 0.5, two months ago 0.25. The score therefore grows with how often a rule comes up and fades with how long ago,
so a rule mentioned five times this week outranks one mentioned ten times last spring. Ties go to the more recent.
A rule marked as removed leaves the ranking; if agents mark it again afterwards it comes back, flagged as
`previously_removed`.

Feedback. A compliment becomes recognition the agent sees in the workspace (`review.kudos_for_agent`); an agent
cannot record one about their own contact. A complaint opens a follow-up on the interaction it is about (a callback,
or a callback from a senior person), which shows in the caller's history and open follow-ups like any other. If the
interaction already has an open follow-up it is kept: its due date becomes the earlier of the two and a senior
callback, when asked for, takes over the kind and owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Channel, FollowUp, FollowUpKind, Interaction
from cxassist.services.access import require_supervisor
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import reviews as review_store
from cxassist.store.interactions import get_interaction, save_interaction
from cxassist.store.reviews import FeedbackRecord, FrictionRecord

HALF_LIFE_DAYS = 30.0
MAX_RULE = 200
MAX_WORDS = 500
MAX_FEEDBACK = 5_000
_SPACES = re.compile(r"\s+")


class FeedbackKind(StrEnum):
    COMPLIMENT = "compliment"
    COMPLAINT = "complaint"


def rule_key(rule: str) -> str:
    """How two spellings of one rule are recognised as the same: case, spacing and trailing punctuation ignored."""
    return _SPACES.sub(" ", rule).strip().strip(".!?;:,").strip().casefold()


def mark_friction(runtime: Runtime, interaction_id: UUID, rule: str, words: str = "") -> Done[FrictionRecord]:
    """In one step from the interaction form: the rule, policy or process the caller found pointless, and a few words
    about it."""
    rule = clean_text(_SPACES.sub(" ", rule).strip(), field="rule", limit=MAX_RULE)
    if not rule_key(rule):
        raise UserError("Name the rule or process the caller found pointless.")
    words = clean_text(words.strip(), field="words", limit=MAX_WORDS)
    now = runtime.now()
    with runtime.db.write() as conn:
        if get_interaction(conn, interaction_id) is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        record = FrictionRecord(
            id=runtime.new_id(), interaction_id=interaction_id, rule=rule, words=words, status="open", created_at=now
        )
        review_store.save_friction(conn, record, hlc=runtime.stamp(), now=now)
    return Done(record, Changes(interactions=frozenset({interaction_id}), outbox_pending=True))


@dataclass(frozen=True, slots=True)
class FrictionExample:
    interaction_id: UUID
    started_at: datetime
    words: str


@dataclass(frozen=True, slots=True)
class RankedFriction:
    rule: str  # the most recent spelling
    key: str  # what `mark_friction_removed` takes
    score: float
    count: int
    last_marked: datetime
    examples: tuple[FrictionExample, ...]  # the most recent first
    previously_removed: bool


def rank_friction(
    runtime: Runtime, since: datetime | None = None, *, limit: int = 20, examples: int = 3
) -> list[RankedFriction]:
    """Open friction points marked since `since`, grouped by rule and ranked by the decayed count above."""
    now = runtime.now()
    with runtime.db.read() as conn:
        found = review_store.friction_since(conn, since)
    groups: dict[str, list[tuple[FrictionRecord, datetime]]] = {}
    removed: set[str] = set()
    for record, started in found:  # newest first
        key = rule_key(record.rule)
        if record.status == "removed":
            removed.add(key)
        else:
            groups.setdefault(key, []).append((record, started))
    ranked = []
    for key, items in groups.items():
        marked = [r.created_at or now for r, _ in items]
        score = sum(0.5 ** (max((now - at).total_seconds(), 0.0) / 86_400 / HALF_LIFE_DAYS) for at in marked)
        ranked.append(
            RankedFriction(
                rule=items[0][0].rule,
                key=key,
                score=round(score, 3),
                count=len(items),
                last_marked=max(marked),
                examples=tuple(FrictionExample(r.interaction_id, s, r.words) for r, s in items[:examples]),
                previously_removed=key in removed,
            )
        )
    ranked.sort(key=lambda item: (item.score, item.last_marked), reverse=True)
    return ranked[:limit]


def mark_friction_removed(runtime: Runtime, rule: str) -> Done[int]:
    """The rule was taken to its owner and removed: every open point about it is marked removed (they sync).
    Returns how many points were marked."""
    require_supervisor(runtime, purpose="mark friction points as removed")
    key = rule_key(rule)
    now = runtime.now()
    with runtime.db.write() as conn:
        matching = [r for r in review_store.open_friction(conn) if rule_key(r.rule) == key]
        if not matching:
            raise NotFoundError(f"No open friction points about '{rule}'.")
        review_store.save_frictions(
            conn, [replace(r, status="removed") for r in matching], hlc=runtime.stamp(), now=now
        )
    interactions = frozenset(r.interaction_id for r in matching)
    return Done(len(matching), Changes(interactions=interactions, outbox_pending=True))


def _complaint_follow_up(item: Interaction, *, due: date, owner: str, senior: bool) -> FollowUp:
    kind = FollowUpKind.SENIOR_CALLBACK if senior else FollowUpKind.CALLBACK
    current = item.follow_up
    if current is None or not current.is_open():
        return FollowUp(due=due, owner=owner, kind=kind)
    if senior:
        return replace(current, due=min(current.due, due), owner=owner, kind=kind)
    return replace(current, due=min(current.due, due))


def record_feedback(
    runtime: Runtime,
    interaction_id: UUID,
    kind: FeedbackKind,
    channel: Channel,
    text: str,
    *,
    senior_callback: bool = False,
    follow_up_due: date | None = None,
    follow_up_owner: str = "",
) -> Done[FeedbackRecord]:
    """Record a compliment or complaint about an interaction, whatever channel it came by. A complaint opens a
    follow-up (due tomorrow unless given; owned by whoever records it unless given)."""
    kind = FeedbackKind(kind)
    text = clean_text(text.strip(), field="feedback", limit=MAX_FEEDBACK)
    if not text:
        raise UserError("Write down what the customer said.")
    if kind is not FeedbackKind.COMPLAINT and (senior_callback or follow_up_due):
        raise UserError("Only a complaint opens a follow-up.")
    today = runtime.today()
    due = follow_up_due or today + timedelta(days=1)
    if due < today:
        raise UserError(f"The follow-up cannot be due in the past ({due}).")
    now = runtime.now()
    with runtime.db.write() as conn:
        item = get_interaction(conn, interaction_id)
        if item is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        if kind is FeedbackKind.COMPLIMENT and item.agent_id == runtime.agent_id:
            raise UserError("A compliment about your own contact must be recorded by a colleague or supervisor.")
        record = FeedbackRecord(
            id=runtime.new_id(), interaction_id=interaction_id, kind=kind.value, channel=Channel(channel).value,
            text=text, created_at=now,
        )  # fmt: skip
        review_store.save_feedback(conn, record, hlc=runtime.stamp(), now=now)
        changed = Changes(interactions=frozenset({interaction_id}), outbox_pending=True)
        if kind is FeedbackKind.COMPLAINT:
            owner = follow_up_owner.strip() or runtime.agent_id
            follow_up = _complaint_follow_up(item, due=due, owner=owner, senior=senior_callback)
            save_interaction(conn, replace(item, follow_up=follow_up), hlc=runtime.stamp(), now=now)
            callers = frozenset({item.caller_id}) if item.caller_id else frozenset()
            changed = changed | Changes(follow_ups=frozenset({interaction_id}), callers=callers)
    return Done(record, changed)
