"""Builders for prompt tests: domain objects with sensible defaults, and contexts built from them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

from cxassist.domain.models import (
    Caller,
    Channel,
    Consent,
    ContactPurpose,
    Direction,
    EmergencyContact,
    FollowUp,
    FollowUpKind,
    Interaction,
    Outcome,
    Status,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.prompts import PackSet, PromptContext, build_context, evaluate, load_packs

NOW = datetime(2025, 11, 23, 14, 5, tzinfo=UTC)  # a Sunday; 14:05 in London
CALLER_ID = UUID(int=1)
LONDON = "Europe/London"


@functools.cache
def default_set() -> PackSet:
    return load_packs(None)


def make_caller(**overrides: object) -> Caller:
    values: dict[str, object] = {"id": CALLER_ID, "full_name": "Margaret Hale", "preferred_name": "Peggy"}
    values.update(overrides)
    return Caller(**values)  # type: ignore[arg-type]


def make_interaction(
    days_ago: float,
    outcome: Outcome | None = Outcome.MET,
    *,
    reason: str = "billing",
    channel: Channel = Channel.PHONE,
    follow_up: FollowUp | None = None,
    tags: tuple[str, ...] = (),
    emergency: bool = False,
    resolution: str = "",
) -> Interaction:
    return Interaction(
        id=uuid4(), caller_id=CALLER_ID, phone="+442079460018", agent_id="sam", channel=channel,
        direction=Direction.INBOUND, status=Status.COMPLETED, started_at=NOW - timedelta(days=days_ago),
        reason=reason, outcome=outcome, follow_up=follow_up, tags=tags, flag_emergency=emergency,
        resolution=resolution,
    )  # fmt: skip


def follow_up(due_in_days: int, kind: FollowUpKind = FollowUpKind.CALLBACK, *, done: bool = False) -> FollowUp:
    return FollowUp(due=NOW.date() + timedelta(days=due_in_days), owner="sam", kind=kind, done_at=NOW if done else None)


def make_vulnerability(
    driver: VulnerabilityDriver = VulnerabilityDriver.HEALTH,
    detail: str = "lives alone",
    adjustments: str = "",
    review_by: date = date(2026, 6, 1),
) -> Vulnerability:
    consent = Consent(at=NOW, how="verbal", by="sam")
    return Vulnerability(uuid4(), CALLER_ID, driver, detail, adjustments, consent, "sam", review_by)


def make_contact(
    name: str,
    relationship: str,
    purposes: Sequence[ContactPurpose] = (ContactPurpose.ANY,),
    *,
    consent: bool = True,
    priority: int = 1,
) -> EmergencyContact:
    agreed = Consent(at=NOW, how="verbal", by="sam") if consent else None
    return EmergencyContact(uuid4(), CALLER_ID, name, relationship, (), tuple(purposes), agreed, priority)


_UNSET = object()


def make_context(
    caller: object = _UNSET,
    history: Sequence[Interaction] = (),
    vulnerabilities: Sequence[Vulnerability] = (),
    contacts: Sequence[EmergencyContact] = (),
    *,
    channel: Channel = Channel.PHONE,
    now: datetime = NOW,
    tz: str | None = LONDON,
    note: str = "",
    chosen: Sequence[str] = (),
    pack_set: PackSet | None = None,
) -> PromptContext:
    who = make_caller() if caller is _UNSET else caller
    assert who is None or isinstance(who, Caller)
    return build_context(
        who, history, vulnerabilities, contacts, channel=channel, now=now, caller_tz=tz, note=note,
        cues=(pack_set or default_set()).cues, chosen_cues=chosen,
    )  # fmt: skip


def fired(context: PromptContext, pack_set: PackSet | None = None) -> list[str]:
    return [p.rule_id for p in evaluate(pack_set or default_set(), context)]
