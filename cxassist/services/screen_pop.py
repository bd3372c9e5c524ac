"""Screen pop: who is calling, from the local database alone (no network on this path).

An exact E.164 match fills the card. Numbers that are probably the caller's (the same national number under another
country code, or a stored number ending in every digit received) come back as candidates for the agent to confirm,
never merged silently; so does a number that several callers share (a household landline). An unknown number still
shows what earlier calls from it were about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from sqlalchemy import Connection

from cxassist.domain.errors import NotFoundError
from cxassist.domain.models import Caller, EmergencyContact, Interaction, Vulnerability
from cxassist.domain.phones import lookup_keys
from cxassist.services.runtime import Runtime
from cxassist.store import callers as caller_store
from cxassist.store import care, interactions

HISTORY_LIMIT = 20


class Match(StrEnum):
    EXACT = "exact"
    PROBABLE = "probable"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class CandidateCaller:
    caller: Caller
    matched_number: str
    reason: str


@dataclass(frozen=True, slots=True)
class ScreenPop:
    number: str  # E.164 when the input was a valid number, else the digits received
    valid_number: bool
    match: Match
    caller: Caller | None
    candidates: tuple[CandidateCaller, ...]
    history: tuple[Interaction, ...]
    emergency_contacts: tuple[EmergencyContact, ...]
    vulnerabilities: tuple[Vulnerability, ...]
    follow_ups: tuple[Interaction, ...]


def _digits(raw: str) -> str:
    return re.sub(r"\D", "", raw)


def caller_details(conn: Connection, caller: Caller, *, number: str, valid: bool) -> ScreenPop:
    return ScreenPop(
        number=number,
        valid_number=valid,
        match=Match.EXACT,
        caller=caller,
        candidates=(),
        history=tuple(interactions.recent_for_caller(conn, caller.id, limit=HISTORY_LIMIT)),
        emergency_contacts=tuple(care.contacts_for_caller(conn, caller.id)),
        vulnerabilities=tuple(care.vulnerabilities_for_caller(conn, caller.id)),
        follow_ups=tuple(interactions.open_follow_ups(conn, caller.id)),
    )


def screen_pop(runtime: Runtime, raw_number: str) -> ScreenPop:
    """Look up `raw_number` (any common spelling, or a tel: URI). Raises PhoneError for input with no digits or
    with letters; an unknown or invalid-but-dialable number is not an error: it answers `Match.NONE`."""
    keys = lookup_keys(raw_number, runtime.default_region)
    number = keys.e164 or _digits(raw_number)
    with runtime.db.read() as conn:
        exact = caller_store.caller_ids_for_number(conn, keys.e164) if keys.e164 else []
        if len(exact) == 1:
            caller = caller_store.get_caller(conn, exact[0])
            if caller is not None:
                return caller_details(conn, caller, number=number, valid=keys.e164 is not None)
        found: list[CandidateCaller] = []
        if len(exact) > 1:
            shared = caller_store.get_callers(conn, exact)
            found = [CandidateCaller(c, number, "same number, shared by several callers") for c in shared]
        else:
            probable = caller_store.probable_candidates(
                conn, e164=keys.e164, national=keys.national, tail=keys.tail, digits=_digits(raw_number)
            )
            by_id = {c.id: c for c in caller_store.get_callers(conn, [p.caller_id for p in probable])}
            found = [
                CandidateCaller(by_id[p.caller_id], p.matched_number, p.reason)
                for p in probable
                if p.caller_id in by_id
            ]
        history = interactions.recent_for_number(conn, number, limit=HISTORY_LIMIT)
    return ScreenPop(
        number=number,
        valid_number=keys.e164 is not None,
        match=Match.PROBABLE if found else Match.NONE,
        caller=None,
        candidates=tuple(found),
        history=tuple(history),
        emergency_contacts=(),
        vulnerabilities=(),
        follow_ups=(),
    )


def confirm_candidate(runtime: Runtime, caller_id: UUID, *, number: str) -> ScreenPop:
    """The agent confirmed a probable match: show that caller's card (nothing is merged or changed)."""
    with runtime.db.read() as conn:
        caller = caller_store.get_caller(conn, caller_id)
        if caller is None:
            raise NotFoundError(f"No caller with id {caller_id}.")
        return caller_details(conn, caller, number=number, valid=True)
