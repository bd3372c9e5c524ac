"""A first pull writes without the synced tables' secondary indexes and builds them at its end, whatever happens."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from cxassist.services.runtime import Runtime
from cxassist.store import sync_indexes, sync_store
from cxassist.sync.api import Change, PullResult, SyncError
from cxassist.sync.backends.none import LocalOnly
from cxassist.sync.runner import Pulled, SyncRunner

AT = "2026-01-01T09:00:00.000000+00:00"


def phones(count: int) -> list[Change]:
    changes = []
    for n in range(count):
        caller_id, phone_id = str(uuid.uuid4()), str(uuid.uuid4())
        version = f"001764000000{n:03d}-00000-central"
        caller = {"id": caller_id, "full_name": f"Caller {n}", "external_id": f"CRM-{n}", "country": "GB",
                  "created_at": AT, "updated_at": AT}
        phone = {"id": phone_id, "caller_id": caller_id, "e164": f"+4420794600{n:02d}", "national": f"020794600{n:02d}",
                 "tail": f"46000{n:02d}", "label": "home", "is_primary": True, "created_at": AT, "updated_at": AT}
        changes.append(Change(entity="caller", row_id=caller_id, version=version, payload=caller, origin="central"))
        changes.append(Change(entity="caller_phone", row_id=phone_id, version=version, payload=phone, origin="central"))
    return changes


class Pages(LocalOnly):
    """Serves `changes` `limit` at a time, the cursor being the count handed out; fails past `fail_after` if set."""

    name = "pages"

    def __init__(self, changes: list[Change], *, fail_after: int | None = None) -> None:
        self.changes = changes
        self.fail_after = fail_after

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        start = int(cursor or 0)
        if self.fail_after is not None and start >= self.fail_after:
            raise SyncError("the connection was cut")
        page = self.changes[start : start + limit]
        return PullResult(changes=tuple(page), cursor=str(start + len(page)))


def indexes(runtime: Runtime) -> list[str]:
    with runtime.db.read() as conn:
        query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        return [str(sql) for sql in conn.exec_driver_sql(query).scalars()]


def number_lookup_plan(runtime: Runtime) -> str:
    with runtime.db.read() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN SELECT caller_id FROM caller_phone WHERE e164 = ?", ("+1",))
        return " ".join(str(row[-1]) for row in plan)


def runner_for(runtime: Runtime, adapter: LocalOnly, on_pulled: Callable[[Pulled], Any] | None = None) -> SyncRunner:
    return SyncRunner(db=runtime.db, adapter=adapter, clock=runtime.clock, batch_size=4, on_pulled=on_pulled,
                      sleep=lambda _seconds: None, attempts=2)


def test_a_first_pull_writes_without_secondary_indexes_and_builds_them_at_its_end(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    before = indexes(runtime)
    during: list[str] = []
    runner = runner_for(runtime, Pages(phones(10)), on_pulled=lambda _p: during.append(number_lookup_plan(runtime)))

    assert runner.pull() == (20, 0)

    assert during and all("ix_caller_phone_e164" not in plan for plan in during)
    assert indexes(runtime) == before
    assert "ix_caller_phone_e164" in number_lookup_plan(runtime)
    with runtime.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM caller_phone").scalar_one() == 10
        assert not sync_indexes.deferred(conn)


def test_a_small_first_pull_and_later_pulls_keep_the_indexes(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("desk")
    during: list[str] = []
    changes = phones(3)
    adapter = Pages(changes[:2])
    runner = runner_for(runtime, adapter, on_pulled=lambda _pulled: during.append(number_lookup_plan(runtime)))
    runner.pull()  # one page, not full: nothing big is coming
    adapter.changes = changes
    runner.pull()  # a full page, but not the first pull
    assert len(during) == 2
    assert all("ix_caller_phone_e164" in plan for plan in during)


def test_a_first_pull_that_fails_half_way_builds_the_indexes_all_the_same(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    before = indexes(runtime)
    with pytest.raises(SyncError):
        runner_for(runtime, Pages(phones(10), fail_after=8)).pull()
    assert indexes(runtime) == before
    with runtime.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM caller").scalar_one() == 4, "the first pages were kept"


def test_the_pull_after_a_killed_first_pull_builds_the_indexes(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("desk")
    before = indexes(runtime)
    changes = phones(10)
    runner = runner_for(runtime, Pages(changes))
    with runtime.db.write() as conn:  # what a first pull killed after its first page leaves
        sync_indexes.defer(conn)
        sync_store.set_state(conn, runner.cursor_key, "4")
    assert indexes(runtime) != before

    assert runner.pull() == (16, 0)

    assert indexes(runtime) == before


def test_only_the_callers_tables_lose_indexes_and_each_comes_back_in_its_own_transaction(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    before = indexes(runtime)
    with runtime.db.write() as conn:
        sync_indexes.defer(conn)
    kept = indexes(runtime)
    dropped = set(before) - set(kept)
    assert dropped and all(" ON caller " in sql or " ON caller_phone " in sql for sql in dropped)
    assert any(" ON interaction " in sql for sql in kept), "interactions keep theirs"

    built: list[int] = []  # indexes present as each write transaction begins
    write = runtime.db.write

    def counting_write() -> Any:
        built.append(len(indexes(runtime)))
        return write()

    runtime.db.write = counting_write  # type: ignore[method-assign]
    sync_indexes.restore(runtime.db)
    assert indexes(runtime) == before
    assert built == list(range(len(kept), len(before) + 1)), "one index per transaction"
