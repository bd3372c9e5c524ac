"""The contract every sync backend passes (like keyring's `BackendBasicTests`): subclass `BackendContract` in the
backend's own tests and provide a `backend` fixture that yields a fresh, empty store's adapter.

Imported only by tests (it needs pytest); a third-party backend can run the same suite against itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence

import pytest

from cxassist.domain.hlc import HybridClock
from cxassist.sync.api import PROTOCOL_VERSION, Change, SyncAdapter

WALL_MS = 1_795_000_000_000  # a fixed instant in 2026


def make_changes(
    count: int, *, node: str = "desk-a", caller_id: str | None = None, start_ms: int = WALL_MS
) -> list[Change]:
    """`count` new interactions made on `node`, one a minute from `start_ms`, with increasing versions."""
    clock = HybridClock(node, wall_ms=lambda: start_ms)
    caller = caller_id or str(uuid.uuid4())
    changes = []
    for n in range(count):
        row_id = str(uuid.uuid4())
        started = f"2026-11-{1 + n // 1440:02d}T{(n // 60) % 24:02d}:{n % 60:02d}:00.000000+00:00"
        payload = {"id": row_id, "caller_id": caller, "started_at": started, "note": f"call {n}"}
        changes.append(
            Change(entity="interaction", row_id=row_id, version=clock.now().encode(), payload=payload, origin=node)
        )
    return changes


def pull_all(backend: SyncAdapter, cursor: str | None = None, *, limit: int = 100) -> tuple[list[Change], str | None]:
    """Follow the cursor until the store has nothing newer."""
    found: list[Change] = []
    for _ in range(10_000):
        result = backend.pull(cursor, limit)
        found.extend(result.changes)
        if not result.changes:
            return found, result.cursor or cursor
        cursor = result.cursor
    raise AssertionError("pull never ran dry")


def keys(changes: Sequence[Change]) -> list[str]:
    return [c.key for c in changes]


class BackendContract:
    """What every backend promises the runner."""

    @pytest.fixture
    def backend(self) -> Iterator[SyncAdapter]:
        raise NotImplementedError("a backend's test class provides this fixture")

    def test_health_speaks_our_protocol(self, backend: SyncAdapter) -> None:
        health = backend.health()
        assert health.reachable
        assert health.protocol_version == PROTOCOL_VERSION

    def test_pull_after_push_sees_the_changes_in_order(self, backend: SyncAdapter) -> None:
        batch = make_changes(5)
        result = backend.push(batch)
        assert sorted(result.accepted) == sorted(keys(batch))
        assert not result.rejected
        pulled, _ = pull_all(backend)
        assert keys(pulled) == keys(batch)
        assert pulled[0].payload == batch[0].payload
        assert pulled[0].origin == "desk-a"

    def test_same_batch_pushed_twice_yields_one_copy(self, backend: SyncAdapter) -> None:
        batch = make_changes(3)
        first = backend.push(batch)
        again = backend.push(batch)
        assert sorted(first.accepted) == sorted(again.accepted) == sorted(keys(batch))
        pulled, _ = pull_all(backend)
        assert sorted(keys(pulled)) == sorted(keys(batch))

    def test_rejected_changes_come_back_with_a_reason_and_the_rest_are_kept(self, backend: SyncAdapter) -> None:
        good = make_changes(2)
        bad = Change(entity="no_such_table", row_id="x1", version=good[0].version, payload={"id": "x1"},
                     origin="desk-a")
        garbled = Change(entity="interaction", row_id="x2", version="yesterday", payload={"id": "x2"},
                         origin="desk-a")
        result = backend.push([good[0], bad, garbled, good[1]])
        assert sorted(result.accepted) == sorted(keys(good))
        assert set(result.rejected) == {bad.key, garbled.key}
        assert all(reason.strip() for reason in result.rejected.values())
        pulled, _ = pull_all(backend)
        assert sorted(keys(pulled)) == sorted(keys(good))

    def test_pull_cursor_only_moves_forward(self, backend: SyncAdapter) -> None:
        first, second = make_changes(3), make_changes(2, node="desk-b")
        backend.push(first)
        seen, cursor = pull_all(backend)
        assert keys(seen) == keys(first)
        backend.push(second)
        later, cursor2 = pull_all(backend, cursor)
        assert keys(later) == keys(second), "a cursor never hands back what it already passed"
        nothing, _ = pull_all(backend, cursor2)
        assert nothing == []
        replay, _ = pull_all(backend, cursor)
        assert keys(replay) == keys(second), "an old cursor replays from where it was: pulls are idempotent"

    def test_paging_returns_every_change_exactly_once(self, backend: SyncAdapter) -> None:
        batches = [make_changes(3, node=f"desk-{n}") for n in range(4)]
        for batch in batches:
            backend.push(batch)
        pulled, _ = pull_all(backend, limit=2)
        assert sorted(keys(pulled)) == sorted(k for batch in batches for k in keys(batch))

    def test_every_version_of_a_row_is_kept_in_order(self, backend: SyncAdapter) -> None:
        (change,) = make_changes(1)
        clock = HybridClock("desk-b", wall_ms=lambda: WALL_MS + 60_000)
        newer = Change(entity=change.entity, row_id=change.row_id, version=clock.now().encode(),
                       payload={**change.payload, "note": "edited"}, origin="desk-b", base=change.version)
        backend.push([change])
        backend.push([newer])
        pulled, _ = pull_all(backend)
        assert keys(pulled) == [change.key, newer.key]
        assert pulled[1].base == change.version

    def test_fetch_history_returns_a_callers_older_interactions_newest_first(self, backend: SyncAdapter) -> None:
        caller = str(uuid.uuid4())
        mine = make_changes(5, caller_id=caller)
        backend.push(mine + make_changes(2))
        history = list(backend.fetch_history(caller, None, 10))
        assert [c.row_id for c in history] == [c.row_id for c in reversed(mine)]
        before = str(mine[2].payload["started_at"])
        older = list(backend.fetch_history(caller, before, 1))
        assert [c.row_id for c in older] == [mine[1].row_id]

    def test_fetch_history_brings_the_rows_hanging_off_the_page_after_its_interactions(
        self, backend: SyncAdapter
    ) -> None:
        caller = str(uuid.uuid4())
        calls = make_changes(3, caller_id=caller)
        clock = HybridClock("desk-a", wall_ms=lambda: WALL_MS + 60_000)

        def child(entity: str, call: Change, detail: str = "", row_id: str | None = None) -> Change:
            row_id = row_id or str(uuid.uuid4())
            payload = {"id": row_id, "interaction_id": call.row_id, "detail": detail}
            return Change(entity=entity, row_id=row_id, version=clock.now().encode(), payload=payload,
                          origin="desk-a")

        action = child("emergency_action", calls[0], "called 999")
        outside_the_page = child("prompt_event", calls[2])
        another_callers = child("emergency_action", make_changes(1)[0])
        backend.push([*calls, action, outside_the_page, another_callers])
        edited = child("emergency_action", calls[0], "called 999, ambulance sent", row_id=action.row_id)
        backend.push([edited])
        before = str(calls[2].payload["started_at"])
        history = list(backend.fetch_history(caller, before, 2))
        assert [c.row_id for c in history[:2]] == [calls[1].row_id, calls[0].row_id], "limit counts interactions"
        assert [c.key for c in history[2:]] == [edited.key], "only the newest version, only of the page's rows"
        assert history[2].payload["detail"] == "called 999, ambulance sent"
