"""The facts about this caller and this moment that rules are evaluated against.

`build_context` turns domain objects into a `PromptContext`: a flat, immutable mapping from each dotted path of
`schema.FIELDS` to its value (what conditions read), and the same values grouped by root (``caller``, ``history``...)
for templates. It is pure and cheap (well under a millisecond for a caller with 20 contacts), so it can run on every
keystroke of the live note; cue detection reads only the end of a long note (see `cues`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from types import MappingProxyType
from typing import Final
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cxassist.domain.models import (
    Caller,
    Channel,
    ContactPurpose,
    EmergencyContact,
    FollowUpKind,
    Interaction,
    Outcome,
    Vulnerability,
)
from cxassist.prompts.cues import CueBook, NoteAnalysis, normalise
from cxassist.prompts.sandbox import Group
from cxassist.prompts.schema import FIELDS, WEEKDAYS
from cxassist.prompts.templates import template_namespace

_ADJUSTMENT_SPLIT: Final = re.compile(r"[,;\n]+")


@dataclass(frozen=True, slots=True)
class PromptContext:
    """Everything rules see. `fields` maps every path of `schema.FIELDS` that conditions may read to its value."""

    fields: Mapping[str, object]
    template_vars: Mapping[str, object]
    evidence: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    jargon_found: tuple[tuple[str, str], ...] = ()
    _words: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, repr=False)

    def get(self, path: str) -> object:
        return self.fields[path]

    @property
    def cues(self) -> frozenset[str]:
        return frozenset(self._strings("note.cues"))

    def words(self, path: str) -> tuple[tuple[str, ...], ...]:
        """The normalised words of a text field, or of each item of a list field (cached; for ``mentions``)."""
        cached = self._words.get(path)
        if cached is None:
            value = self.fields[path]
            items = value if isinstance(value, tuple) else (value,)
            cached = tuple(normalise(str(item)) for item in items if item)
            self._words[path] = cached
        return cached

    def as_dict(self) -> dict[str, object]:
        """A JSON-friendly copy: every field plus the template-only ones (for ``prompts show --debug`` and tests)."""
        out: dict[str, object] = {k: list(v) if isinstance(v, tuple) else v for k, v in self.fields.items()}
        out["note.evidence"] = dict(self.evidence)
        out["note.jargon_found"] = [{"term": term, "plain": plain} for term, plain in self.jargon_found]
        return out

    def _strings(self, path: str) -> tuple[str, ...]:
        value = self.fields[path]
        return value if isinstance(value, tuple) else ()


def build_context(
    caller: Caller | None,
    history: Sequence[Interaction],
    vulnerabilities: Sequence[Vulnerability] = (),
    emergency_contacts: Sequence[EmergencyContact] = (),
    *,
    channel: Channel = Channel.PHONE,
    now: datetime,
    caller_tz: str | None = None,
    note: str = "",
    cues: CueBook | None = None,
    chosen_cues: Collection[str] = (),
    follow_ups: Sequence[Interaction] = (),
    current_interaction_id: UUID | None = None,
) -> PromptContext:
    """The context for one caller (None: an unknown number) at `now` (aware; ValueError if naive).

    `history` holds the caller's earlier interactions in any order; ones that start after `now` are ignored, and the
    caller passes the interaction in progress separately (or not at all). `caller_tz` is an IANA zone name such as
    ``Europe/London``; when it is None or unknown, the ``time.*`` fields are empty and days are counted in UTC.
    `cues` is the pack set's cue book (None: no cue or jargon detection); `chosen_cues` are cue kinds the agent
    picked by hand, added to those found in `note`. `follow_ups` are interactions with open follow-ups that may be
    older than `history` reaches (a screen pop loads the last 20 contacts); they count for the ``history.*follow_up*``
    fields only. `current_interaction_id` names the interaction of this very call, which is left out if present.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    zone = _zone(caller_tz)
    local_now = now.astimezone(zone or UTC)
    today = local_now.date()
    channel_name = Channel(channel).value
    analysis = cues.analyse(note) if cues is not None else NoteAnalysis()
    values: dict[str, object] = {}
    values.update(_caller_fields(caller, today, channel_name))
    values.update(_history_fields(history, follow_ups, current_interaction_id, now, zone or UTC))
    values.update(_vulnerability_fields(vulnerabilities, today))
    values.update(_contact_fields(emergency_contacts))
    values.update(_time_fields(local_now if zone else None))
    evidence = dict(analysis.evidence)  # what was typed; a cue the agent chose has no evidence
    values["note.has_text"] = bool(note.strip())
    values["note.cues"] = tuple(sorted(analysis.cues | {c.strip().lower() for c in chosen_cues if c.strip()}))
    values["note.jargon"] = tuple(term for term, _ in analysis.jargon)
    template_only: dict[str, object] = {
        "note.evidence": MappingProxyType(evidence),
        "note.jargon_found": tuple(Group({"term": t, "plain": p}) for t, p in analysis.jargon),
    }
    groups: dict[str, dict[str, object]] = {}
    for spec in FIELDS:
        value = values[spec.path] if spec.for_conditions else template_only[spec.path]
        groups.setdefault(spec.root, {})[spec.name] = value
    return PromptContext(
        fields=MappingProxyType(values),
        template_vars=MappingProxyType(template_namespace({root: Group(g) for root, g in groups.items()})),
        evidence=MappingProxyType(evidence),
        jargon_found=analysis.jargon,
    )


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _caller_fields(caller: Caller | None, today: date, channel: str) -> dict[str, object]:
    since = caller.customer_since if caller else None
    tenure: int | None = None
    if since is not None:
        tenure = max(0, today.year - since.year - ((today.month, today.day) < (since.month, since.day)))
    preferred = caller.preferred_channel.value if caller and caller.preferred_channel else ""
    return {
        "caller.known": caller is not None,
        "caller.name": (caller.preferred_name or caller.full_name).strip() if caller else "",
        "caller.preferred_name": caller.preferred_name.strip() if caller else "",
        "caller.full_name": caller.full_name.strip() if caller else "",
        "caller.pronunciation": caller.pronunciation.strip() if caller else "",
        "caller.tenure_years": tenure,
        "caller.customer_since_year": since.year if since else None,
        "caller.joined_this_month": bool(since and since.month == today.month and since.year < today.year),
        "caller.preferred_channel": preferred,
        "caller.language": caller.language.strip() if caller else "",
        "caller.has_email": bool(caller and caller.email.strip()),
        "caller.tags": tuple(caller.tags) if caller else (),
        "call.channel": channel,
        "call.on_preferred_channel": preferred == channel,
    }


def _is_complaint(item: Interaction) -> bool:
    return any(tag.lower().startswith("complaint") for tag in item.tags)


def _history_fields(
    history: Iterable[Interaction],
    follow_ups: Iterable[Interaction],
    current: UUID | None,
    now: datetime,
    zone: tzinfo,
) -> dict[str, object]:
    past = sorted(
        (i for i in history if i.started_at <= now and i.id != current), key=lambda i: i.started_at, reverse=True
    )
    today = now.astimezone(zone).date()

    def days_ago(item: Interaction) -> int:
        return (today - item.started_at.astimezone(zone).date()).days

    last = past[0] if past else None
    promised = {i.id: i for i in (*past, *follow_ups) if i.started_at <= now and i.id != current}
    open_items = [i for i in promised.values() if i.follow_up is not None and i.follow_up.is_open()]
    open_items.sort(key=lambda i: i.follow_up.due if i.follow_up else date.max)
    nxt = open_items[0] if open_items else None
    nxt_due = nxt.follow_up.due if nxt and nxt.follow_up else None
    complaints = [i for i in past if _is_complaint(i)]
    return {
        "history.count": len(past),
        "history.days_since_last": days_ago(last) if last else None,
        "history.last_outcome": last.outcome.value if last and last.outcome else "",
        "history.last_reason": last.reason.strip() if last else "",
        "history.last_resolution": last.resolution.strip() if last else "",
        "history.last_channel": last.channel.value if last else "",
        "history.last_tags": tuple(last.tags) if last else (),
        "history.channels": tuple(dict.fromkeys(i.channel.value for i in past)),
        "history.contacts_7d": sum(1 for i in past if now - i.started_at <= timedelta(days=7)),
        "history.contacts_30d": sum(1 for i in past if now - i.started_at <= timedelta(days=30)),
        "history.open_follow_ups": len(open_items),
        "history.overdue_follow_ups": sum(1 for i in open_items if i.follow_up and i.follow_up.is_overdue(today)),
        "history.next_follow_up_due": nxt_due.isoformat() if nxt_due else "",
        "history.next_follow_up_days": (nxt_due - today).days if nxt_due else None,
        "history.next_follow_up_kind": nxt.follow_up.kind.value if nxt and nxt.follow_up else "",
        "history.next_follow_up_reason": nxt.reason.strip() if nxt else "",
        "history.senior_callback_open": any(
            i.follow_up.kind is FollowUpKind.SENIOR_CALLBACK for i in open_items if i.follow_up
        ),
        "history.complaints": len(complaints),
        "history.days_since_complaint": days_ago(complaints[0]) if complaints else None,
        "history.failed_last_3": sum(1 for i in past[:3] if i.outcome is Outcome.FAILED),
        "history.exceeded_before": any(i.outcome is Outcome.EXCEEDED for i in past),
        "history.emergency_before": any(i.flag_emergency for i in past),
    }


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        text = item.strip()
        if text:
            seen.setdefault(text.lower(), text)
    return tuple(seen.values())


def _vulnerability_fields(items: Sequence[Vulnerability], today: date) -> dict[str, object]:
    return {
        "vulnerability.any": bool(items),
        "vulnerability.count": len(items),
        "vulnerability.drivers": _unique(v.driver.value for v in items),
        "vulnerability.details": _unique(v.detail for v in items),
        "vulnerability.adjustments": _unique(a for v in items for a in _ADJUSTMENT_SPLIT.split(v.adjustments)),
        "vulnerability.review_due": sum(1 for v in items if v.is_due_for_review(today)),
    }


def _contact_fields(contacts: Sequence[EmergencyContact]) -> dict[str, object]:
    ordered = sorted(contacts, key=lambda c: c.priority)

    def may(contact: EmergencyContact, purpose: ContactPurpose) -> bool:
        return purpose in contact.may_contact_for or ContactPurpose.ANY in contact.may_contact_for

    return {
        "emergency_contacts.count": len(ordered),
        "emergency_contacts.names": tuple(c.name.strip() for c in ordered),
        "emergency_contacts.labels": tuple(
            f"{c.name.strip()} ({c.relationship.strip()})" if c.relationship.strip() else c.name.strip()
            for c in ordered
        ),
        "emergency_contacts.for_health": sum(1 for c in ordered if may(c, ContactPurpose.HEALTH)),
        "emergency_contacts.for_welfare": sum(1 for c in ordered if may(c, ContactPurpose.WELFARE)),
        "emergency_contacts.with_consent": sum(1 for c in ordered if c.consent is not None),
    }


def _part_of_day(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def _time_fields(local: datetime | None) -> dict[str, object]:
    if local is None:
        return {
            "time.known": False, "time.hour": None, "time.part_of_day": "", "time.local_time": "",
            "time.weekday": "", "time.is_weekend": False,
        }  # fmt: skip
    return {
        "time.known": True,
        "time.hour": local.hour,
        "time.part_of_day": _part_of_day(local.hour),
        "time.local_time": f"{local.hour:02d}:{local.minute:02d}",
        "time.weekday": WEEKDAYS[local.weekday()],
        "time.is_weekend": local.weekday() >= 5,
    }
