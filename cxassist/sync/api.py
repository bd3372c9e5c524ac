"""The narrow API a sync backend implements (third-party backends import only this module)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cxassist.domain.errors import UserError

PROTOCOL_VERSION = 1


@dataclass(frozen=True, slots=True)
class Change:
    """One row to sync: which table, which row, its version (HLC stamp), the row itself, and who made it."""

    entity: str
    row_id: str
    version: str
    payload: Mapping[str, Any]
    origin: str


@dataclass(frozen=True, slots=True)
class PushResult:
    accepted: tuple[str, ...] = ()
    rejected: Mapping[str, str] = field(default_factory=dict)  # row id -> reason


@dataclass(frozen=True, slots=True)
class PullResult:
    changes: tuple[Change, ...]
    cursor: str


@dataclass(frozen=True, slots=True)
class Health:
    reachable: bool
    protocol_version: int | None
    detail: str = ""


class SyncError(Exception):
    """A failure worth retrying later (the network, a timeout, a 5xx)."""


class SyncAuthError(UserError):
    """The server refused our credentials: retrying will not help until someone acts."""


class SyncConfigError(UserError):
    """The backend's settings are wrong; the message names the file and key."""


class SyncAdapter(Protocol):
    name: str

    def push(self, batch: Sequence[Change]) -> PushResult: ...

    def pull(self, cursor: str | None, limit: int) -> PullResult: ...

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]: ...

    def health(self) -> Health: ...

    def close(self) -> None: ...


__all__ = [
    "PROTOCOL_VERSION",
    "Change",
    "Health",
    "PullResult",
    "PushResult",
    "SyncAdapter",
    "SyncAuthError",
    "SyncConfigError",
    "SyncError",
]
