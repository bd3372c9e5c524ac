"""The `none` backend: local only. Nothing leaves this desktop; the outbox simply waits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cxassist.security.secrets import SecretStore
from cxassist.sync.api import PROTOCOL_VERSION, Change, Health, PullResult, PushResult


class LocalOnly:
    name = "none"

    def push(self, batch: Sequence[Change]) -> PushResult:
        return PushResult(accepted=(), rejected={})

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        return PullResult(changes=(), cursor=cursor or "")

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]:
        return ()

    def health(self) -> Health:
        return Health(reachable=True, protocol_version=PROTOCOL_VERSION, detail="local only: nothing is synced")

    def close(self) -> None:
        return None


def create(settings: Mapping[str, object], secrets: SecretStore) -> LocalOnly:  # noqa: ARG001 - the factory contract
    return LocalOnly()
