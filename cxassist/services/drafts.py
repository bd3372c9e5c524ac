"""The call form as a draft: written continuously while the agent types, offered back after a crash.

The draft holds what the form holds, already redacted (a card number never reaches the disk, even in a draft).
Drafts stay on this machine; they are not synced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from cxassist.domain.models import Channel, Interaction, Outcome
from cxassist.services.calls import MAX_NOTE_CHARS, CallDetails, clean_text, complete_call
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import drafts as draft_store
from cxassist.store import interactions


@dataclass(frozen=True, slots=True)
class CallForm:
    """What the agent has typed about the call so far."""

    channel: Channel = Channel.PHONE
    reason: str = ""
    outcome: Outcome | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    follow_up_due: date | None = None
    new_caller_name: str = ""  # an unknown caller's name, saved with the call

    def is_empty(self) -> bool:
        return not (self.reason.strip() or self.note.strip() or self.tags or self.outcome or self.follow_up_due
                    or self.new_caller_name.strip())

    def details(self) -> CallDetails:
        return CallDetails(
            channel=self.channel, outcome=self.outcome, note=self.note, reason=self.reason, tags=self.tags,
            follow_up_due=self.follow_up_due,
        )

    def to_body(self) -> dict[str, Any]:
        return {
            "channel": self.channel.value,
            "reason": self.reason,
            "outcome": self.outcome.value if self.outcome else None,
            "note": self.note,
            "tags": list(self.tags),
            "follow_up_due": self.follow_up_due.isoformat() if self.follow_up_due else None,
            "new_caller_name": self.new_caller_name,
        }

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> CallForm:
        """Read a stored draft leniently: a field this version does not understand is dropped, not fatal."""

        def text(key: str) -> str:
            value = body.get(key)
            return value if isinstance(value, str) else ""

        channel = Channel(body["channel"]) if body.get("channel") in set(Channel) else Channel.PHONE
        outcome = Outcome(body["outcome"]) if body.get("outcome") in set(Outcome) else None
        due: date | None = None
        try:
            due = date.fromisoformat(text("follow_up_due")) if text("follow_up_due") else None
        except ValueError:
            due = None
        tags = tuple(t for t in body.get("tags") or () if isinstance(t, str))
        return cls(channel=channel, reason=text("reason"), outcome=outcome, note=text("note"), tags=tags,
                   follow_up_due=due, new_caller_name=text("new_caller_name"))


@dataclass(frozen=True, slots=True)
class SavedDraft:
    interaction: Interaction
    form: CallForm
    updated_at: datetime = field(compare=False)


def redacted(form: CallForm) -> CallForm:
    return CallForm(
        channel=form.channel,
        reason=clean_text(form.reason, field="reason", limit=500),
        outcome=form.outcome,
        note=clean_text(form.note, field="note", limit=MAX_NOTE_CHARS),
        tags=tuple(clean_text(t, field="tag", limit=60) for t in form.tags),
        follow_up_due=form.follow_up_due,
        new_caller_name=clean_text(form.new_caller_name, field="name", limit=200),
    )


def save_draft(runtime: Runtime, interaction_id: UUID, form: CallForm) -> Done[None]:
    """Keep the form of a call in progress (redacted); returns after the commit. Nothing to sync: no changes."""
    body = redacted(form).to_body()
    with runtime.db.write() as conn:
        draft_store.put(conn, interaction_id, body, now=runtime.now())
    return Done(None, Changes())


def discard_draft(runtime: Runtime, interaction_id: UUID) -> Done[None]:
    with runtime.db.write() as conn:
        draft_store.remove(conn, interaction_id)
    return Done(None, Changes())


def drafts_to_restore(runtime: Runtime) -> list[SavedDraft]:
    """This agent's unsaved calls (still in progress, with a draft), newest first."""
    with runtime.db.read() as conn:
        records = draft_store.open_drafts(conn, agent_id=runtime.agent_id)
    return [SavedDraft(r.interaction, CallForm.from_body(r.body), r.updated_at) for r in records]


def finish_call(runtime: Runtime, interaction_id: UUID, form: CallForm, *, caller_id: UUID | None) -> Done[Interaction]:
    """Save the call (acknowledged once committed), then drop its draft. An unknown caller whose name the agent typed
    is saved first, with the number they called from, and the call linked to them."""
    changes = Changes()
    if caller_id is None and form.new_caller_name.strip():
        from cxassist.services.caller_edit import CallerInput, PhoneInput, save_caller  # noqa: PLC0415 - cycle

        with runtime.db.read() as conn:
            current = interactions.get_interaction(conn, interaction_id)
        number = current.phone if current and current.phone.startswith("+") else ""
        created = save_caller(runtime, CallerInput(full_name=form.new_caller_name, phones=(PhoneInput(number),)))
        caller_id, changes = created.value.id, created.changes
    done = complete_call(runtime, interaction_id, form.details(), caller_id=caller_id)
    with runtime.db.write() as conn:
        draft_store.remove(conn, interaction_id)
    return Done(done.value, done.changes | changes)
