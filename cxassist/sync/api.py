"""The narrow API a sync backend implements (third-party backends import only this module).

A `Change` is one version of one synced row. It is identified on the wire and in push results by its `key`,
`"entity:row_id:version"`, so two versions of the same row in one batch are told apart. `base` is the version the
editor replaced (None for a new row); receivers use it to spot concurrent edits of sensitive rows.

A backend factory has the signature `create(settings: Mapping[str, object], secrets: SecretStore) -> SyncAdapter`
and is registered under the entry point group `cxassist.sync_backends`. `settings` holds the effective sync keys
("sync.batch_size", "sync.<backend>.<key>", ..., plus "site_file" naming where they came from, for messages).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cxassist.domain.errors import UserError

PROTOCOL_VERSION = 1
# Rows that hang off an interaction (by `interaction_id` in their payload): `fetch_history` brings them with the
# page's interactions, so an older contact arrives whole (its emergency steps, prompts, friction, feedback, reviews).
HISTORY_CHILDREN = frozenset(
    {"emergency_action", "prompt_event", "friction_point", "feedback", "review", "prompt_suggestion"}
)
VERSION_PATTERN = re.compile(r"[0-9]{15}-[0-9]{5}-[A-Za-z0-9._-]{1,64}", re.ASCII)


@dataclass(frozen=True, slots=True)
class Change:
    """One row to sync: which table, which row, its version (HLC stamp), the row itself, and who made it."""

    entity: str
    row_id: str
    version: str
    payload: Mapping[str, Any]
    origin: str
    base: str | None = None

    @property
    def key(self) -> str:
        return change_key(self.entity, self.row_id, self.version)

    def to_wire(self) -> dict[str, Any]:
        """The JSON object used by the folder and HTTP backends and PostgreSQL's push()."""
        return {
            "entity": self.entity,
            "id": self.row_id,
            "version": self.version,
            "base": self.base,
            "origin": self.origin,
            "payload": dict(self.payload),
        }

    @classmethod
    def from_wire(cls, data: object) -> Change:
        """Parse `to_wire` output; raises ValueError (never KeyError or TypeError) for anything malformed."""
        if not isinstance(data, Mapping):
            raise ValueError(f"a change must be a JSON object, not {type(data).__name__}")
        text = {name: data.get(name) for name in ("entity", "id", "version", "origin")}
        for name, value in text.items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"a change needs a non-empty string {name!r}")
        base = data.get("base")
        payload = data.get("payload")
        if base is not None and not isinstance(base, str):
            raise ValueError("a change's 'base' must be a string or null")
        if not isinstance(payload, Mapping):
            raise ValueError("a change's 'payload' must be a JSON object")
        return cls(
            entity=str(text["entity"]),
            row_id=str(text["id"]),
            version=str(text["version"]),
            payload=dict(payload),
            origin=str(text["origin"]),
            base=base,
        )


def change_key(entity: str, row_id: str, version: str) -> str:
    return f"{entity}:{row_id}:{version}"


def problem_with(change: Change, entities: frozenset[str] | None = None) -> str | None:
    """Why a store would refuse this change (None when it is acceptable): every backend applies the same checks."""
    if entities is not None and change.entity not in entities:
        return f"unknown entity {change.entity!r}"
    if not VERSION_PATTERN.fullmatch(change.version):
        return f"version {change.version!r} is not an HLC stamp"
    if change.base is not None and not VERSION_PATTERN.fullmatch(change.base):
        return f"base {change.base!r} is not an HLC stamp"
    if not change.row_id or len(change.row_id) > 128:
        return "the row id must be 1-128 characters"
    return None


@dataclass(frozen=True, slots=True)
class PushResult:
    """Keys (`Change.key`) the store holds now (newly or already), and keys it refused with the reason.

    A key in neither set was not processed: the runner sends it again later."""

    accepted: tuple[str, ...] = ()
    rejected: Mapping[str, str] = field(default_factory=dict)  # change key -> reason


@dataclass(frozen=True, slots=True)
class PullResult:
    """Changes after `cursor`, oldest first, and the cursor to pass next time (opaque to the runner)."""

    changes: tuple[Change, ...]
    cursor: str


@dataclass(frozen=True, slots=True)
class Health:
    reachable: bool
    protocol_version: int | None
    detail: str = ""


class SyncError(Exception):
    """A failure worth retrying later (the network, a timeout, a 5xx, a garbled answer)."""


class SyncAuthError(UserError):
    """The server refused our credentials, or we refused its certificate: retrying will not help until someone
    acts."""


class SyncConfigError(UserError):
    """The backend's settings are wrong; the message names the file and key."""


class SyncAdapter(Protocol):
    name: str

    def push(self, batch: Sequence[Change]) -> PushResult: ...

    def pull(self, cursor: str | None, limit: int) -> PullResult: ...

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]:
        """The newest version of the caller's `limit` newest interactions started before `before` (all when None),
        newest first, then the newest version of every `HISTORY_CHILDREN` row that hangs off one of them."""
        ...

    def health(self) -> Health: ...

    def close(self) -> None: ...


def setting(settings: Mapping[str, object], key: str, default: str = "") -> str:
    """A string setting by its dotted key, for backend factories."""
    value = settings.get(key, default)
    return value if isinstance(value, str) else str(value)


def config_error(settings: Mapping[str, object], key: str, problem: str) -> SyncConfigError:
    """A config error naming the file the setting came from (when known) and the key."""
    section, name = key.rsplit(".", 1)
    where = settings.get("site_file")
    if where:
        return SyncConfigError(f"{where}: [{section}] {name} {problem}")
    return SyncConfigError(f"The setting {key} {problem}")


__all__ = [
    "HISTORY_CHILDREN",
    "PROTOCOL_VERSION",
    "VERSION_PATTERN",
    "Change",
    "Health",
    "PullResult",
    "PushResult",
    "SyncAdapter",
    "SyncAuthError",
    "SyncConfigError",
    "SyncError",
    "change_key",
    "config_error",
    "problem_with",
    "setting",
]
