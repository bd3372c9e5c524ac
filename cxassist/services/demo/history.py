"""A demo caller's history: 0-12 contacts over the last two years, their follow-ups, and now and then a call where
emergency mode was used. `add` is also how the story caller's calls are made; every note in it is redacted like any
other.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from cxassist.domain.models import (
    Channel,
    Direction,
    EmergencyAction,
    EmergencyActionKind,
    FollowUp,
    FollowUpKind,
    Interaction,
    Outcome,
    Status,
)
from cxassist.services.calls import MAX_NOTE_CHARS, clean_tags, clean_text
from cxassist.services.demo import data, reasons
from cxassist.services.demo.generate import Generator, Record

HISTORY_WEIGHTS = (6, 10, 12, 12, 11, 10, 9, 8, 7, 5, 4, 3, 3)  # of 0 to 12 contacts in the last two years
CHANNEL_WEIGHTS = (50, 18, 15, 12, 5)  # phone, chat, email, web, in-person
MINUTES = {
    Channel.PHONE: (4, 25),
    Channel.CHAT: (6, 30),
    Channel.EMAIL: (2, 10),
    Channel.WEB: (3, 15),
    Channel.IN_PERSON: (10, 35),
}


@functools.cache
def _clean_label(text: str) -> str:
    """A reason or resolution from the word lists, redacted like any other (once: there are only a few dozen)."""
    return clean_text(text, field="reason", limit=500)


@functools.cache
def _clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    return clean_tags(tags)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fill(gen: Generator, record: Record, *, name: str, country: str) -> None:
    """0-12 contacts over the last two years (none before they became a customer), oldest first."""
    since = record.caller.customer_since or gen.today
    oldest = min(730, (gen.today - since).days)
    if oldest < 2:
        return
    count = gen.pick(range(len(HISTORY_WEIGHTS)), HISTORY_WEIGHTS)
    for days_ago in sorted((gen.rng.randint(1, oldest) for _ in range(count)), reverse=True):
        _contact(gen, record, days_ago, name=name, country=country)
    if record.vulnerabilities and record.contacts and (gen.rng.random() < 0.25 or not gen.emergencies):
        gen.emergencies += 1
        add_emergency(gen, record, gen.rng.randint(1, oldest), name=name, country=country)


def _contact(gen: Generator, record: Record, days_ago: int, *, name: str, country: str) -> None:
    rng = gen.rng
    reason = gen.pick(reasons.REASONS, [r.weight for r in reasons.REASONS])
    outcome = gen.pick(list(Outcome), reason.outcomes)
    preferred = record.caller.preferred_channel
    channel = preferred if preferred and rng.random() < 0.6 else gen.pick(list(Channel), CHANNEL_WEIGHTS)
    started, agent = gen.moment(days_ago, country), gen.agent()
    fields = {
        "name": name,
        "amount": f"{rng.randint(8, 480)}.{rng.choice(('00', '50', '99', '20', '75'))}",
        "ref": f"REF-{rng.randint(100000, 999999)}",
        "month": data.MONTHS[(started.month - 2) % 12],
        "last4": f"{rng.randint(0, 9999):04d}",
        "day": _ordinal(rng.randint(1, 28)),
        "day0": _ordinal(rng.randint(1, 28)),
        "relative": rng.choice(data.RELATIVES),
        "topic": rng.choice(data.TOPICS),
        "agent": gen.first_names[gen.agent()],
    }
    follow_up = _follow_up(gen, reason, outcome, started, agent)
    add(
        gen,
        record,
        started,
        channel=channel,
        agent=agent,
        reason=reason.label,
        outcome=outcome,
        note=rng.choice(reason.notes[outcome]).format(**fields),
        resolution=reason.resolutions[outcome],
        tags=reason.tags,
        follow_up=follow_up,
    )
    if follow_up is not None and follow_up.done_at is not None and rng.random() < 0.5:
        add(
            gen,
            record,
            follow_up.done_at,
            channel=Channel.PHONE,
            agent=agent,
            reason=reason.label,
            outcome=gen.pick((Outcome.MET, Outcome.EXCEEDED), (3, 1)),
            direction=Direction.OUTBOUND,
            note=f"Called {name} back as promised about the {reason.label.lower()}; sorted it out.",
            resolution="Callback done",
        )


def _follow_up(
    gen: Generator, reason: reasons.Reason, outcome: Outcome, started: datetime, agent: str
) -> FollowUp | None:
    """Open (not due yet), overdue, or done; complaints get a senior person calling back."""
    rng = gen.rng
    chance = {Outcome.FAILED: 0.6, Outcome.MET: 0.08, Outcome.EXCEEDED: 0.03}[outcome]
    if reason.senior_callback and outcome is not Outcome.EXCEEDED:
        chance = 0.8
    if rng.random() >= chance:
        return None
    due = started.date() + timedelta(days=rng.randint(1, 7))
    kind = (
        FollowUpKind.SENIOR_CALLBACK
        if reason.senior_callback
        else (FollowUpKind.CALLBACK if rng.random() < 0.8 else FollowUpKind.TASK)
    )
    done_at = None
    if due < gen.today and rng.random() < (0.7 if outcome is Outcome.FAILED else 0.85):
        hours = rng.randint(2, 24 * (due - started.date()).days + 30)
        done_at = min(started + timedelta(hours=hours), gen.now - timedelta(hours=1))
    owner = rng.choice(data.SUPERVISORS) if kind is FollowUpKind.SENIOR_CALLBACK else agent
    return FollowUp(due=due, owner=owner, kind=kind, done_at=done_at)


def add(
    gen: Generator,
    record: Record,
    started: datetime,
    *,
    channel: Channel,
    agent: str,
    reason: str,
    outcome: Outcome,
    note: str,
    resolution: str,
    tags: tuple[str, ...] = (),
    follow_up: FollowUp | None = None,
    direction: Direction = Direction.INBOUND,
    minutes: int | None = None,
    emergency: bool = False,
) -> Interaction:
    caller = record.caller
    phone = ""
    if channel is Channel.PHONE and caller.phones:
        phone = caller.phones[0 if gen.rng.random() < 0.8 else -1].e164
    length = minutes if minutes is not None else gen.rng.randint(*MINUTES[channel])
    item = Interaction(
        id=gen.uuid(),
        caller_id=caller.id,
        phone=phone,
        agent_id=agent,
        channel=channel,
        direction=direction,
        status=Status.COMPLETED,
        started_at=started,
        ended_at=min(started + timedelta(minutes=length), gen.now),
        reason=_clean_label(reason),
        outcome=outcome,
        resolution=_clean_label(resolution),
        follow_up=follow_up,
        note=clean_text(note, field="note", limit=MAX_NOTE_CHARS),
        tags=_clean_tags(tags),
        flag_emergency=emergency,
        flag_vulnerable=emergency
        or any(v.consent is not None and v.consent.at <= started for v in record.vulnerabilities),
    )
    record.interactions.append(item)
    return item


def add_emergency(gen: Generator, record: Record, days_ago: int, *, name: str, country: str) -> Interaction:
    """A call where the caller needed help: every step of emergency mode, timestamped."""
    label, template = gen.rng.choice(reasons.EMERGENCIES)
    contact = record.contacts[0]
    number = gen.emergency_numbers.get(country) or gen.emergency_numbers.get("default", "112")
    note = template.format(
        name=name, emergency=number, contact_rel=contact.relationship, contact=contact.name.split()[0]
    )
    started, agent = gen.moment(days_ago, country), gen.agent()
    wait = gen.rng.randint(12, 35)
    item = add(
        gen,
        record,
        started,
        channel=Channel.PHONE,
        agent=agent,
        reason=label,
        note=note,
        outcome=gen.pick((Outcome.MET, Outcome.EXCEEDED), (2, 1)),
        resolution="Help arrived",
        tags=("emergency",),
        minutes=wait + 3,
        emergency=True,
    )
    steps = (
        (0, EmergencyActionKind.KEPT_ON_LINE, f"Kept {name} talking"),
        (1, EmergencyActionKind.ADDRESS_CONFIRMED, record.caller.address.one_line()),
        (2, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, f"Called {number}"),
        (
            6,
            EmergencyActionKind.CONTACT_NOTIFIED,
            f"Rang {contact.name} ({contact.relationship}) on {contact.phones[0].e164}",
        ),
        (wait, EmergencyActionKind.STAYED_ON_LINE, "Stayed on the line until help arrived"),
    )
    for minute, kind, detail in steps:
        record.actions.append(
            EmergencyAction(
                id=gen.uuid(),
                interaction_id=item.id,
                at=started + timedelta(minutes=minute),
                kind=kind,
                detail=clean_text(detail, field="detail", limit=10_000),
                agent_id=agent,
            )
        )
    return item
