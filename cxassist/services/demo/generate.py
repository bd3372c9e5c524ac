"""The demo generator's state and its small choices: one `random.Random`, fictional numbers handed out once, times in
office hours relative to `now`. `callers.py`, `history.py` and `story.py` build records from these.

Every random choice goes through `Generator.rng` in a fixed order, so a seed always gives the same demo; a change
that adds, drops or reorders a draw changes every caller after it.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from uuid import UUID

from cxassist.domain.models import (
    Caller,
    Consent,
    EmergencyAction,
    EmergencyContact,
    Interaction,
    PhoneNumber,
    Vulnerability,
)
from cxassist.services.demo import data
from cxassist.store.prompt_suggestions import Suggestion
from cxassist.store.reviews import FeedbackRecord, FrictionRecord, ReviewRecord

_FREE_DIGITS = re.compile(r"\{n:0(\d)d\}")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PromptEvent:
    """A prompt shown on a contact, or what the agent did with it (used, or dismissed with a reason)."""

    id: UUID
    interaction_id: UUID
    rule_id: str
    pack_version: str
    event: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AuditNote:
    """An audit event a supervisor's action would have written (`store.audit.append` links it into the chain)."""

    id: UUID
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass
class Record:
    """One caller and everything about them, written in one transaction: who they are, their care records and
    contacts (`callers.py`, `history.py`), then what supervisors and agents made of those contacts
    (`supervision.py`)."""

    caller: Caller
    phone_ids: list[UUID]
    contacts: list[EmergencyContact] = field(default_factory=list)
    vulnerabilities: list[Vulnerability] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    actions: list[EmergencyAction] = field(default_factory=list)
    reviews: list[ReviewRecord] = field(default_factory=list)
    feedback: list[FeedbackRecord] = field(default_factory=list)
    friction: list[FrictionRecord] = field(default_factory=list)
    prompt_events: list[PromptEvent] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


class Numbers:
    """Fictional numbers, each handed out once while its range lasts. When every range asked for is used up, a
    number already given out is shared (a household line), which the screen pop shows as shared."""

    def __init__(self, seed: int, reserved: frozenset[str]) -> None:
        self._seed = seed
        self._reserved = reserved
        self._free: dict[str, list[str]] = {}
        self._given: dict[str, list[str]] = {}

    def _pool(self, pattern: str) -> list[str]:
        if pattern not in self._free:
            digits = _FREE_DIGITS.search(pattern)
            numbers = [pattern.format(n=n) for n in range(10 ** int(digits.group(1)))] if digits else [pattern]
            random.Random(f"{self._seed}:{pattern}").shuffle(numbers)
            self._free[pattern] = [n for n in numbers if n not in self._reserved]
            self._given[pattern] = []
        return self._free[pattern]

    def take(self, rng: random.Random, patterns: Sequence[str]) -> str:
        for pattern in patterns:
            pool = self._pool(pattern)
            if pool:
                number = pool.pop()
                self._given[pattern].append(number)
                return number
        pattern = rng.choice([p for p in patterns if self._given[p]])
        return rng.choice(self._given[pattern])


class Generator:
    """Makes callers one at a time: every choice from `rng`, every date relative to `now`."""

    def __init__(
        self,
        rng: random.Random,
        *,
        seed: int,
        now: datetime,
        today: date,
        agent_id: str,
        emergency_numbers: dict[str, str],
        agent_takes_calls: bool = True,
    ) -> None:
        self.rng = rng
        self.numbers = Numbers(
            seed,
            frozenset(
                {data.STORY_NUMBER, *(number for contact in data.STORY_CONTACTS for number, _label in contact[2])}
            ),
        )
        self.now = now
        self.today = today
        self.agents = [a[0] for a in data.AGENTS if a[2] == "agent"]
        self.agent_weights = [10] * len(self.agents)
        if agent_takes_calls:  # this desktop's agent, unless a supervisor: they review calls, not take them
            self.agents.append(agent_id)
            self.agent_weights.append(6)
        self.first_names = {agent_id: "the agent"} | {a[0]: a[1].split()[0] for a in data.AGENTS}
        self.emergency_numbers = emergency_numbers
        self.gb = tuple(dict.fromkeys(p for place in data.GB_PLACES for p in place.numbers))
        self.past_review = 2  # even a small demo has a couple of vulnerabilities waiting for their review
        self.emergencies = 0  # ... and a call where emergency mode was used

    def uuid(self) -> UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def pick(self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.rng.choices(items, weights=weights)[0]

    def agent(self) -> str:
        return self.pick(self.agents, self.agent_weights)

    def moment(self, days_ago: int, country: str = "GB") -> datetime:
        """A time in the caller's office hours `days_ago` days before now, never in the future."""
        day = (self.now - timedelta(days=days_ago)).date()
        local = datetime.combine(day, time(self.rng.randint(8, 18), self.rng.randrange(60)), tzinfo=UTC)
        at = local - timedelta(hours=data.HOURS_FROM_UTC.get(country, 0))
        return min(at, self.now - timedelta(minutes=self.rng.randint(30, 300)))

    def consent(self, at: datetime, by: str) -> Consent:
        return Consent(at=at, how=self.rng.choice(data.CONSENT_HOW), by=by)

    def patterns(self, place: data.Place, label: str) -> tuple[str, ...]:
        """Number ranges for a number with this label, best first, then the rest of the country's."""
        if place.country == "GB":
            first = {"mobile": (data.LONDON,), "work": (data.GB_WORK, *place.numbers)}.get(label, place.numbers)
            return tuple(dict.fromkeys((*first, *self.gb, data.GB_WORK)))
        same = tuple(p for other in data.ABROAD_PLACES if other.country == place.country for p in other.numbers)
        first = data.AU_MOBILES if place.country == "AU" and label == "mobile" else place.numbers
        return tuple(dict.fromkeys((*first, *same)))

    def phones(self, place: data.Place, labels: Sequence[str]) -> tuple[PhoneNumber, ...]:
        return tuple(
            PhoneNumber(self.numbers.take(self.rng, self.patterns(place, label)), label, is_primary=i == 0)
            for i, label in enumerate(labels)
        )
