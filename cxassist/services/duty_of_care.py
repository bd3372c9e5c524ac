"""The duty-of-care queue and its outcomes (DESIGN.md "Care and safety").

Every interaction that involved an emergency, a vulnerable caller or a sync conflict waits, oldest first, until a
supervisor records an outcome: follow-up needed, referred, or no action, always with a comment. The outcome is a
review row (synced, so every desktop's queue empties together) and an audit event.

A vulnerability whose review date has come waits too. Reviewing it records the same kinds of outcome, in the audit
trail, and moves its review date on (at most 12 months ahead, the default), so it leaves the queue and comes back when
that date comes; a vulnerability that no longer applies is removed from the caller's record in the workspace.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Vulnerability
from cxassist.services.access import ConsoleAudit, audit_on, require_supervisor
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import care
from cxassist.store import reviews as review_store
from cxassist.store.interactions import get_interaction
from cxassist.store.query import Cursor, DutyPage, duty_of_care_page
from cxassist.store.query.duty import current_vulnerability, is_resolved
from cxassist.store.reviews import ReviewRecord

MAX_COMMENT = 5_000
MAX_REVIEW_AHEAD = timedelta(days=365)


class DutyOutcome(StrEnum):
    FOLLOW_UP_NEEDED = "follow-up-needed"
    REFERRED = "referred"
    NO_ACTION = "no-action"


def queue(runtime: Runtime, *, after: Cursor | None = None, size: int = 100) -> DutyPage:
    """The next page of open items, oldest first."""
    require_supervisor(runtime, purpose="see the duty-of-care queue")
    if not 1 <= size <= 500:
        raise UserError(f"A page holds 1 to 500 items, not {size}.")
    with runtime.db.read() as conn:
        return duty_of_care_page(conn, today=runtime.today(), after=after, size=size)


def _comment(comment: str) -> str:
    text = clean_text(comment.strip(), field="comment", limit=MAX_COMMENT)
    if not text:
        raise UserError("Say in a few words why: a duty-of-care outcome needs a comment.")
    return text


def record_outcome(runtime: Runtime, interaction_id: UUID, outcome: DutyOutcome, comment: str) -> Done[ReviewRecord]:
    """Record the outcome for an interaction in the queue; it leaves the queue on every desktop once synced.
    Recording a second outcome for the same interaction is refused (the first is the record of what was done)."""
    require_supervisor(runtime, purpose="record duty-of-care outcomes")
    outcome = DutyOutcome(outcome)
    text = _comment(comment)
    now = runtime.now()
    with runtime.db.write() as conn:
        item = get_interaction(conn, interaction_id)
        if item is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        if is_resolved(conn, interaction_id):
            raise UserError("This interaction already has a duty-of-care outcome; add a note to it instead.")
        record = ReviewRecord(
            id=runtime.new_id(),
            interaction_id=interaction_id,
            reviewer_id=runtime.agent_id,
            comment=text,
            duty_of_care_outcome=outcome.value,
        )
        review_store.save_review(conn, record, hlc=runtime.stamp(), now=now)
        audit_on(
            conn, runtime, ConsoleAudit.DUTY_OF_CARE_OUTCOME, subject=f"interaction:{interaction_id}",
            outcome=outcome.value,
        )  # fmt: skip
    changes = Changes(interactions=frozenset({interaction_id}), reviews=frozenset({record.id}), outbox_pending=True)
    return Done(replace(record, created_at=now, updated_at=now), changes)


def review_vulnerability(
    runtime: Runtime,
    vulnerability_id: UUID,
    outcome: DutyOutcome,
    comment: str,
    *,
    next_review: date | None = None,
) -> Done[Vulnerability]:
    """Record the outcome of a vulnerability's review and set its next review date (default and latest: a year on;
    it must be after today)."""
    require_supervisor(runtime, purpose="review vulnerabilities")
    outcome = DutyOutcome(outcome)
    text = _comment(comment)
    today = runtime.today()
    latest = today + MAX_REVIEW_AHEAD
    next_review = next_review or latest
    if next_review <= today:
        raise UserError(f"The next review date must be after today ({today}), not {next_review}.")
    if next_review > latest:
        raise UserError(f"The next review date can be at most 12 months ahead ({latest}), not {next_review}.")
    now = runtime.now()
    with runtime.db.write() as conn:
        found = current_vulnerability(conn, vulnerability_id)
        if found is None:
            raise NotFoundError(f"No current vulnerability with id {vulnerability_id}.")
        updated = replace(found, review_by=next_review)
        care.save_vulnerability(conn, updated, hlc=runtime.stamp(), now=now)
        audit_on(
            conn, runtime, ConsoleAudit.REVIEWED_VULNERABILITY, subject=f"vulnerability:{vulnerability_id}",
            outcome=outcome.value, comment=text, next_review=next_review.isoformat(),
        )  # fmt: skip
    return Done(updated, Changes(callers=frozenset({updated.caller_id}), outbox_pending=True))
