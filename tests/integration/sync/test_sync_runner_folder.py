"""The sync runner between two agents over a shared folder: end to end, and under faults (0 lost, 0 doubled)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.store import tables
from cxassist.sync.api import Change, PullResult, PushResult, SyncAuthError, SyncError
from cxassist.sync.backends.folder import FolderBackend
from cxassist.sync.runner import Pulled

NUMBER = "020 7946 0018"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


def log_calls(agent: Any, count: int, *, number: str = NUMBER) -> list[Any]:
    return [
        log_interaction(agent.runtime, phone=number, details=CallDetails(note=f"call {n}")).value for n in range(count)
    ]


def interaction_ids(agent: Any) -> list[str]:
    with agent.runtime.db.read() as conn:
        return [str(i) for i in conn.execute(select(tables.interaction.c.id)).scalars()]


def test_agent_b_screen_pop_shows_agent_a_interaction_after_one_sync_round(make_agent: Any, share: Path) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    peggy = a.add_caller("Margaret Hale", NUMBER)
    (call,) = log_calls(a, 1)
    seen: list[Pulled] = []
    b.runner.on_pulled = seen.append
    a.sync()
    report = b.sync()
    pop = screen_pop(b.runtime, NUMBER)
    assert pop.match is Match.EXACT and pop.caller is not None and pop.caller.id == peggy.id
    assert [item.id for item in pop.history] == [call.id]
    assert pop.history[0].note == "call 0"
    assert report.pulled == 3  # caller, phone, interaction
    assert seen and call.id in seen[0].interactions and peggy.id in seen[0].callers
    assert a.pending() == 0


def test_a_batch_at_a_time_in_order_and_status_tells_the_truth(make_agent: Any, share: Path) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share), batch_size=3)
    b.connect(FolderBackend(share), batch_size=4)
    before = a.runner.status()
    assert before.online is None and before.pending == 0
    calls = log_calls(a, 10)
    assert a.runner.status().pending == 10
    assert a.sync().pushed == 10
    assert len(list((share / "changes").glob("*.jsonl"))) == 4
    b.sync()
    assert sorted(interaction_ids(b)) == sorted(str(c.id) for c in calls)
    status = a.runner.status()
    assert status.online is True and status.pending == 0 and status.rejected == 0 and status.last_success


def test_pulling_everything_again_doubles_nothing(make_agent: Any, share: Path) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    log_calls(a, 5)
    a.sync()
    b.sync()
    with b.runtime.db.write() as conn:
        conn.execute(tables.sync_state.delete())  # forget the cursor: the whole folder comes again
    b.sync()
    assert b.count("interaction") == 5
    assert a.sync().pulled == 0 or a.count("interaction") == 5


class Flaky:
    """Wraps a backend: raises `error` for the first `failures` pushes and pulls; may deliver before failing."""

    def __init__(self, inner: Any, *, failures: int, error: Exception, deliver_first: bool = False) -> None:
        self.inner, self.name = inner, inner.name
        self.failures, self.error, self.deliver_first = failures, error, deliver_first
        self.calls = 0

    def push(self, batch: Sequence[Change]) -> PushResult:
        self.calls += 1
        if self.failures > 0:
            self.failures -= 1
            if self.deliver_first:  # the store got it; the answer was lost (connection cut after the write)
                self.inner.push(batch[: max(1, len(batch) // 2)])
            raise self.error
        return self.inner.push(batch)  # type: ignore[no-any-return]

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        return self.inner.pull(cursor, limit)  # type: ignore[no-any-return]

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Any:
        return self.inner.fetch_history(caller_id, before, limit)

    def health(self) -> Any:
        return self.inner.health()

    def close(self) -> None:
        self.inner.close()


@pytest.mark.parametrize("deliver_first", [False, True], ids=["lost-request", "connection-cut-mid-batch"])
def test_transient_failures_are_retried_with_backoff_and_the_batch_resent_whole(
    make_agent: Any, share: Path, deliver_first: bool
) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    flaky = Flaky(FolderBackend(share), failures=2, error=SyncError("connection reset"), deliver_first=deliver_first)
    a.connect(flaky, batch_size=10)
    b.connect(FolderBackend(share))
    calls = log_calls(a, 6)
    assert a.sync().pushed == 6
    assert flaky.calls == 3
    assert len(a.sleeps) == 2 and a.sleeps[0] < a.sleeps[1], "exponential backoff between attempts"
    b.sync()
    assert sorted(interaction_ids(b)) == sorted(str(c.id) for c in calls)


def test_the_server_down_for_the_whole_shift_loses_nothing(make_agent: Any, share: Path) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    down = Flaky(FolderBackend(share), failures=10**6, error=SyncError("no route to host"))
    a.connect(down, attempts=3)
    calls = []
    for _ in range(5):  # a sync round after every few calls, all day
        calls += log_calls(a, 4)
        with pytest.raises(SyncError):
            a.sync()
    assert down.calls == 15, "bounded attempts per round, no storm"
    status = a.runner.status()
    assert status.online is False and status.pending == 20 and "no route to host" in (status.last_error or "")
    a.connect(FolderBackend(share))  # back
    assert a.sync().pushed == 20
    b.connect(FolderBackend(share))
    b.sync()
    assert sorted(interaction_ids(b)) == sorted(str(c.id) for c in calls)


def test_refused_credentials_are_not_retried_and_nothing_is_dropped(make_agent: Any, share: Path) -> None:
    a = make_agent("agent-a")
    refused = Flaky(FolderBackend(share), failures=10**6, error=SyncAuthError("The server refused the token."))
    a.connect(refused)
    log_calls(a, 3)
    with pytest.raises(SyncAuthError):
        a.sync()
    assert refused.calls == 1 and a.sleeps == []
    status = a.runner.status()
    assert status.pending == 3 and status.online is False
    assert "refused the token" in (status.last_error or "")


def test_a_change_the_store_refuses_is_kept_and_shown_and_the_rest_flow(make_agent: Any, share: Path) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    calls = log_calls(a, 2)
    with a.runtime.db.write() as conn:
        conn.execute(insert(tables.outbox).values(
            entity="gadget", row_id="g1", hlc=a.runtime.stamp(), payload={"id": "g1"},
            created_at=a.runtime.now(), state="pending",
        ))
    calls += log_calls(a, 1)
    report = a.sync()
    assert (report.pushed, report.rejected) == (3, 1)
    status = a.runner.status()
    assert status.rejected == 1 and status.pending == 0
    assert status.rejected_changes[0]["entity"] == "gadget"
    assert "unknown entity" in status.rejected_changes[0]["reason"]
    a.sync()  # a rejected change is not sent again and again
    assert a.runner.status().rejected == 1
    b.sync()
    assert sorted(interaction_ids(b)) == sorted(str(c.id) for c in calls)


def test_cancel_stops_between_batches_and_the_rest_waits(make_agent: Any, share: Path) -> None:
    a = make_agent("agent-a")
    a.connect(FolderBackend(share), batch_size=2)
    log_calls(a, 6)
    cancel = threading.Event()
    pushes = []
    inner_push = a.runner.adapter.push

    def push_then_cancel(batch: Sequence[Change]) -> PushResult:
        pushes.append(len(batch))
        cancel.set()
        return inner_push(batch)

    a.runner.adapter.push = push_then_cancel  # type: ignore[method-assign]
    assert a.runner.run_once(cancel).cancelled
    assert pushes == [2] and a.pending() == 4


def test_clocks_hours_apart_still_give_the_last_edit_the_win(make_agent: Any, share: Path) -> None:
    real = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    a = make_agent("agent-a", wall=lambda: real + timedelta(hours=5))  # fast by five hours
    b = make_agent("agent-b", wall=lambda: real)
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    caller = a.add_caller("Margaret Hale", NUMBER)
    a.sync()
    b.sync()
    from dataclasses import replace

    from cxassist.store.callers import get_caller, save_caller

    with b.runtime.db.write() as conn:  # B edits after A (in real time), with a clock five hours behind A's
        save_caller(conn, replace(caller, preferred_name="Peggy"), hlc=b.runtime.stamp(),
                    now=b.runtime.now(), new_phone_id=b.runtime.new_id)
    b.sync()
    a.sync()
    for agent in (a, b):
        with agent.runtime.db.read() as conn:
            found = get_caller(conn, caller.id)
        assert found is not None and found.preferred_name == "Peggy"


def test_other_desktops_audit_events_are_kept_beside_the_local_chain(make_agent: Any, share: Path) -> None:
    from cxassist.store import audit

    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    for agent in (a, b):
        with agent.runtime.db.write() as conn:
            for n in range(3):
                rt = agent.runtime
                audit.append(conn, event_id=rt.new_id(), at=rt.now(), actor=rt.agent_id, action="console.opened",
                             detail=str(n), hlc=rt.stamp())
    a.sync()
    b.sync()
    a.sync()
    for agent in (a, b):
        assert agent.count("audit_event") == 3 and agent.count("remote_audit_event") == 3
        with agent.runtime.db.read() as conn:
            assert audit.verify(conn).intact


def test_callers_pulled_in_bulk_apply_quickly(make_agent: Any, share: Path) -> None:
    """Not a benchmark (see bench/): a guard that applying stays batched."""
    import time

    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share), batch_size=500)
    b.connect(FolderBackend(share), batch_size=500)
    for n in range(300):
        a.add_caller(f"Caller {n}", f"020 7946 {n:04d}")
    a.sync()
    started = time.perf_counter()
    assert b.sync().pulled == 600
    assert time.perf_counter() - started < 10


