"""Two made-up contexts that every template is rendered against when a pack is loaded.

A rich one, where every field has a value (a template that fails here is broken for real callers), and an unknown
caller with nothing at all (a template must not run away or reach internals there either). Rendering both at load
time turns most template mistakes into pack errors with a line number instead of prompts that vanish on a call.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from cxassist.domain.models import (
    Address,
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
    PhoneNumber,
    Status,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.prompts.context import PromptContext, build_context
from cxassist.prompts.cues import CueBook

_NOW = datetime(2025, 11, 23, 19, 5, tzinfo=UTC)
_ID = UUID(int=1)


def _interaction(
    days: int, outcome: Outcome, reason: str, follow_up: FollowUp | None = None, *, complaint: bool = False
) -> Interaction:
    return Interaction(
        id=UUID(int=100 + days), caller_id=_ID, phone="+442079460018", agent_id="sample", channel=Channel.PHONE,
        direction=Direction.INBOUND, status=Status.COMPLETED, started_at=_NOW - timedelta(days=days),
        reason=reason, outcome=outcome, follow_up=follow_up, tags=("complaint",) if complaint else (),
        flag_emergency=outcome is Outcome.EXCEEDED,
    )  # fmt: skip


@functools.cache
def sample_contexts() -> tuple[PromptContext, PromptContext]:
    """(a caller with every field filled in, an unknown caller with nothing)."""
    consent = Consent(at=_NOW, how="verbal", by="sample")
    caller = Caller(
        id=_ID, full_name="Margaret Hale", preferred_name="Peggy", pronunciation="PEG-ee",
        phones=(PhoneNumber("+442079460018", "home", True),), email="peggy@example.org",
        address=Address(("1 High Street",), "London", "N1 1AA", "GB"), preferred_channel=Channel.EMAIL,
        language="cy", customer_since=date(2009, 11, 2), tags=("older", "complaint"),
    )  # fmt: skip
    history = [
        _interaction(3, Outcome.FAILED, "refund", FollowUp(date(2025, 11, 20), kind=FollowUpKind.SENIOR_CALLBACK),
                     complaint=True),
        _interaction(10, Outcome.FAILED, "billing", FollowUp(date(2025, 11, 25))),
        _interaction(40, Outcome.EXCEEDED, "new card"),
    ]  # fmt: skip
    vulnerability = Vulnerability(
        id=UUID(int=2), caller_id=_ID, driver=VulnerabilityDriver.HEALTH, detail="lives alone",
        adjustments="speak slowly, confirm understanding", consent=consent, recorded_by="sample",
        review_by=date(2025, 1, 1),
    )  # fmt: skip
    contacts = [
        EmergencyContact(UUID(int=3), _ID, "Ann Hale", "daughter", (PhoneNumber("+442079460019"),),
                         (ContactPurpose.ANY,), consent, 1),
        EmergencyContact(UUID(int=4), _ID, "Tom Reid", "neighbour", (PhoneNumber("+442079460020"),),
                         (ContactPurpose.WELFARE,), None, 2),
    ]  # fmt: skip
    book = CueBook({"confusion": ["sounds confused"]}, jargon={"arrears": "money owed"})
    rich = build_context(
        caller, history, [vulnerability], contacts, channel=Channel.PHONE, now=_NOW, caller_tz="Europe/London",
        note="She sounds confused about the arrears.", cues=book,
        chosen_cues=("medical", "disorientation", "distress", "repetition", "financial-difficulty"),
    )  # fmt: skip
    unknown = build_context(None, [], now=_NOW)
    return rich, unknown
