"""What a write changed, so each view can decide for itself whether to refresh (STYLE.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Changes:
    callers: frozenset[UUID] = field(default_factory=frozenset)
    interactions: frozenset[UUID] = field(default_factory=frozenset)
    follow_ups: frozenset[UUID] = field(default_factory=frozenset)
    reviews: frozenset[UUID] = field(default_factory=frozenset)
    outbox_pending: bool = False
    prompt_pack: bool = False
    pulled: int = 0

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            callers=self.callers | other.callers,
            interactions=self.interactions | other.interactions,
            follow_ups=self.follow_ups | other.follow_ups,
            reviews=self.reviews | other.reviews,
            outbox_pending=self.outbox_pending or other.outbox_pending,
            prompt_pack=self.prompt_pack or other.prompt_pack,
            pulled=self.pulled + other.pulled,
        )


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Done(Generic[T]):
    """A write's result together with what it changed."""

    value: T
    changes: Changes
