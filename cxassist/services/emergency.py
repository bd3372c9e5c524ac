"""Emergency mode: what the agent needs to get help to the caller, and a timestamped record of every step.

Each action is saved the moment the agent clicks it, against the in-progress interaction that exists from the pop, so
the record survives even if the call is never completed. Recording an action also flags the interaction for the
supervisors' duty-of-care queue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from cxassist.config import Settings
from cxassist.domain.errors import NotFoundError
from cxassist.domain.models import Caller, EmergencyAction, EmergencyActionKind
from cxassist.domain.phones import region_of, time_zones_of
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import interactions

CHECKLIST: tuple[EmergencyActionKind, ...] = (
    EmergencyActionKind.KEPT_ON_LINE,
    EmergencyActionKind.ADDRESS_CONFIRMED,
    EmergencyActionKind.EMERGENCY_SERVICES_CALLED,
    EmergencyActionKind.CONTACT_NOTIFIED,
    EmergencyActionKind.STAYED_ON_LINE,
    EmergencyActionKind.HANDED_OVER,
)


@dataclass(frozen=True, slots=True)
class CallerPlace:
    """Where the caller is, as far as we know: the region drives the emergency number, the zone their clock."""

    region: str
    region_source: str  # "address", "number" or "site default"
    emergency_number: str
    address: str
    zone: str | None  # IANA name, None when unknown


def _number_region(number: str) -> str | None:
    try:
        return region_of(number) if number.startswith("+") else None
    except ValueError:
        return None


def _zones(number: str) -> tuple[str, ...]:
    try:
        return time_zones_of(number) if number.startswith("+") else ()
    except ValueError:
        return ()


def _zones_of_region(region: str) -> tuple[str, ...]:
    example = phonenumbers.example_number(region)
    if example is None:
        return ()
    return _zones(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))


def caller_place(settings: Settings, caller: Caller | None, number: str) -> CallerPlace:
    """Address country, else the number's region, else the site default (DESIGN.md, screen pop)."""
    numbers = [number] + [p.e164 for p in caller.phones] if caller else [number]
    from_number = next((r for r in map(_number_region, numbers) if r), None)
    country = caller.address.country.upper() if caller and caller.address.country else ""
    if country:
        region, source = country, "address"
    elif from_number:
        region, source = from_number, "number"
    else:
        region, source = settings.phone.default_region.upper(), "site default"
    zones: tuple[str, ...] = ()
    for candidate in numbers:  # the number's own zone is the most precise, if it is in the caller's region
        if _number_region(candidate) == region:
            zones = _zones(candidate)
            break
    zones = zones or _zones_of_region(region)
    return CallerPlace(
        region=region,
        region_source=source,
        emergency_number=settings.emergency_number(region),
        address=caller.address.one_line() if caller else "",
        zone=zones[0] if len(zones) >= 1 else None,
    )


def local_time(now: datetime, zone: str | None) -> datetime | None:
    if not zone:
        return None
    try:
        tz: tzinfo = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return now.astimezone(tz)


def record_action(
    runtime: Runtime, interaction_id: UUID, kind: EmergencyActionKind, detail: str = ""
) -> Done[EmergencyAction]:
    """Save one timestamped step and flag the interaction as an emergency; returns after the commit."""
    now = runtime.now()
    with runtime.db.write() as conn:
        item = interactions.get_interaction(conn, interaction_id)
        if item is None:
            raise NotFoundError(f"No interaction with id {interaction_id}: the emergency step was not saved.")
        action = EmergencyAction(
            id=runtime.new_id(), interaction_id=interaction_id, at=now, kind=kind,
            detail=clean_text(detail, field="detail", limit=2000), agent_id=runtime.agent_id,
        )
        interactions.save_emergency_action(conn, action, hlc=runtime.stamp(), now=now)
        if not item.flag_emergency:
            interactions.save_interaction(conn, replace(item, flag_emergency=True), hlc=runtime.stamp(), now=now)
    return Done(action, Changes(interactions=frozenset({interaction_id}), outbox_pending=True))


def actions_for(runtime: Runtime, interaction_id: UUID) -> list[EmergencyAction]:
    with runtime.db.read() as conn:
        return interactions.emergency_actions(conn, [interaction_id])
