"""The bulk path that applies pulled rows (a first pull of a whole site): it stores exactly what the app's own writes
store, refuses what they refuse, and the PostgreSQL backend still pulls from a central schema without pull_json."""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy.exc import IntegrityError
from test_sync_postgresql import connect_backend

from cxassist.services.runtime import Runtime
from cxassist.store import fts
from cxassist.store.rows import upsert
from cxassist.store.schema import Base
from cxassist.store.sync_apply import Incoming, apply_incoming
from cxassist.store.sync_rows import row_values
from cxassist.sync.api import Change, PullResult, SyncError
from cxassist.sync.backends.none import LocalOnly
from cxassist.sync.runner import SyncRunner
from cxassist.sync.testing import make_changes, pull_all

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
CALLER_ID = uuid.uuid4()


def caller_payload(**changed: Any) -> dict[str, Any]:
    return {
        "id": str(CALLER_ID), "full_name": "Margaret Hale", "preferred_name": "Peggy", "email": "",
        "address_lines": ["1 High Street", "Flat 2 – Café"], "city": "London", "postcode": "N1 1AA", "country": "GB",
        "preferred_channel": None, "language": "en", "customer_since": "2019-04-01", "external_id": "CRM-1",
        "notes": "", "tags": [], "needs_attention": False, "deleted_at": None,
        "created_at": "2026-01-01T09:00:00.000000+00:00", "updated_at": "2026-01-01T09:00:00.000000+00:00",
        "unknown_to_this_desktop": "ignored", **changed,
    }


def stored(runtime: Runtime, table: str) -> list[tuple[Any, ...]]:
    with runtime.db.read() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")]


def pulled(runtime: Runtime, entity: str, payloads: list[dict[str, Any]], version: str) -> None:
    changes = [Incoming(entity=entity, row_id=str(p["id"]), version=version, payload=p, origin="desk-b")
               for p in payloads]
    with runtime.db.write() as conn:
        apply_incoming(conn, changes, own_node="desk-a", now=NOW)


def written_by_the_app(runtime: Runtime, entity: str, payloads: list[dict[str, Any]], version: str) -> None:
    with runtime.db.write() as conn:
        for payload in payloads:
            upsert(conn, Base.metadata.tables[entity], {**row_values(entity, payload), "hlc": version})


VERSION = "001764000000000-00000-desk-b"


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"id": str(CALLER_ID).upper(), "updated_at": "2026-01-01T10:00:00+01:00", "needs_attention": 0},
        {"customer_since": None, "tags": ["vip", "ünïcode"], "deleted_at": "2026-02-01T09:00:00.5+00:00"},
    ],
    ids=["canonical", "other-spellings", "nulls-and-lists"],
)
def test_a_pulled_row_is_stored_as_the_apps_own_write_stores_it(
    make_runtime: Callable[[str], Runtime], form: dict[str, Any]
) -> None:
    bulk, reference = make_runtime("bulk"), make_runtime("reference")
    pulled(bulk, "caller", [caller_payload(**form)], VERSION)
    written_by_the_app(reference, "caller", [caller_payload(**form)], VERSION)
    assert stored(bulk, "caller") == stored(reference, "caller")
    assert stored(bulk, "caller")[0][0] == CALLER_ID.hex


def test_payloads_that_name_different_columns_keep_what_each_names(make_runtime: Callable[[str], Runtime]) -> None:
    bulk, reference = make_runtime("bulk"), make_runtime("reference")
    other = uuid.uuid4()
    payloads = [caller_payload(), {k: v for k, v in caller_payload(id=str(other), external_id="CRM-2").items()
                                   if k not in ("customer_since", "deleted_at")}]
    pulled(bulk, "caller", payloads, VERSION)
    for payload in payloads:  # as before the bulk path: NULL for a column another payload of the batch names
        written_by_the_app(reference, "caller", [{"customer_since": None, "deleted_at": None, **payload}], VERSION)
    assert stored(bulk, "caller") == stored(reference, "caller")


def test_an_older_or_equal_version_changes_nothing_and_a_newer_one_wins(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("desk")
    pulled(runtime, "caller", [caller_payload(full_name="Second")], "001764000000002-00000-desk-b")
    pulled(runtime, "caller", [caller_payload(full_name="First")], "001764000000001-00000-desk-b")
    pulled(runtime, "caller", [caller_payload(full_name="Same stamp")], "001764000000002-00000-desk-b")
    assert stored(runtime, "caller")[0][1] == "Second"
    pulled(runtime, "caller", [caller_payload(full_name="Third")], "001764000000003-00000-desk-b")
    assert stored(runtime, "caller")[0][1] == "Third"


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "not-a-uuid"},
        {"created_at": "2026-02-30T09:00:00.000000+00:00"},
        {"customer_since": "2026-13-01"},
        {"updated_at": "2026-01-01T09:00:00.000000+00:00\n2026-01-01T09:00:00.000000+00:00"},
    ],
    ids=["uuid", "impossible-day", "impossible-month", "line-break"],
)
def test_a_malformed_value_fails_the_batch_as_the_apps_own_write_would(
    make_runtime: Callable[[str], Runtime], bad: dict[str, str]
) -> None:
    runtime = make_runtime("desk")
    good = caller_payload(id=str(uuid.uuid4()), external_id="CRM-9")
    with pytest.raises(ValueError, match=r"(?i)uuid|isoformat|range|month|day"):
        pulled(runtime, "caller", [good, caller_payload(**bad)], VERSION)
    assert stored(runtime, "caller") == [], "nothing of the batch was kept"


def test_the_postgresql_backend_pulls_from_a_central_schema_without_pull_json(central: str) -> None:
    backend = connect_backend(central)
    try:
        batch = make_changes(5)
        backend.push(batch)
        with psycopg.connect(central, autocommit=True) as conn:
            conn.execute("DROP FUNCTION cxassist.pull_json(bigint, integer)")  # a centre not upgraded yet
        found, _ = pull_all(backend, limit=2)
        assert [c.key for c in found] == [c.key for c in batch]
        assert found[0].payload == batch[0].payload
    finally:
        backend.close()


def test_the_postgresql_backend_pages_through_pull_json_in_order(central: str) -> None:
    backend = connect_backend(central)
    try:
        batch = make_changes(2500)  # more than one JSON text per page
        for start in range(0, len(batch), 500):
            backend.push(batch[start : start + 500])
        found, cursor = pull_all(backend, limit=2200)
        assert [c.key for c in found] == [c.key for c in batch]
        assert found[-1].payload == batch[-1].payload and found[-1].origin == "desk-a"
        assert backend.pull(cursor, 100).changes == ()
    finally:
        backend.close()


def test_a_caller_whose_external_id_another_caller_holds_is_kept_without_it_and_flagged(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    pulled(runtime, "caller", [caller_payload()], VERSION)
    twin = uuid.uuid4()  # another desktop imported the same person under a new id
    pulled(runtime, "caller", [caller_payload(id=str(twin), full_name="Peggy Hale")], "001764000000009-00000-desk-c")
    with runtime.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id, external_id, needs_attention FROM caller ORDER BY full_name").all()
        clashes = conn.exec_driver_sql("SELECT entity, row_id, state FROM sync_conflict").all()
    assert [tuple(r) for r in rows] == [(CALLER_ID.hex, "CRM-1", 0), (twin.hex, None, 1)]
    assert [tuple(c) for c in clashes] == [("caller", str(twin), "open")]


class FailingSecondPage(LocalOnly):
    """Hands out one page, then fails: the garbage collector must be running again afterwards either way."""

    name = "failing"

    def __init__(self, changes: list[Any]) -> None:
        self.changes = changes

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        if cursor is None:
            return PullResult(changes=tuple(self.changes), cursor="1")
        raise SyncError("the connection was cut")


def test_the_garbage_collector_runs_again_after_a_pull_that_failed_half_way(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    page = []
    for n in range(3):
        payload = caller_payload(id=str(uuid.uuid4()), external_id=f"CRM-{n}")
        page.append(Change(entity="caller", row_id=payload["id"], version=VERSION, payload=payload, origin="desk-b"))
    runner = SyncRunner(db=runtime.db, adapter=FailingSecondPage(page), clock=runtime.clock,
                        sleep=lambda _seconds: None, attempts=2)
    assert gc.isenabled()
    with pytest.raises(SyncError):
        runner.pull()
    assert gc.isenabled()
    with runtime.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM caller").scalar_one() == 3, "the first page was kept"


def test_search_finds_pulled_callers_by_their_newest_name(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("desk")
    pulled(runtime, "caller", [caller_payload()], "001764000000001-00000-desk-b")
    pulled(runtime, "caller", [caller_payload(full_name="Margaret Thornton")], "001764000000002-00000-desk-b")

    def found(word: str) -> int:
        with runtime.db.read() as conn:
            query = "SELECT count(*) FROM caller_fts WHERE caller_fts MATCH ?"
            return int(conn.exec_driver_sql(query, (word,)).scalar_one())

    assert (found("Thornton"), found("Hale"), found("Peggy")) == (1, 0, 1)
    with runtime.db.read() as conn:
        assert fts.integrity_problems(conn) == []


def many_callers(count: int, *, name: str = "Pulled") -> list[dict[str, Any]]:
    return [caller_payload(id=str(uuid.uuid4()), external_id=f"CRM-{name}-{n}", full_name=f"{name} Person{n}",
                           preferred_name="") for n in range(count)]


def found(runtime: Runtime, words: str) -> int:
    with runtime.db.read() as conn:
        query = "SELECT count(*) FROM caller_fts WHERE caller_fts MATCH ?"
        return int(conn.exec_driver_sql(query, (words,)).scalar_one())


def test_a_large_page_of_callers_is_searchable_and_later_saves_still_index_themselves(
    make_runtime: Callable[[str], Runtime],
) -> None:
    runtime = make_runtime("desk")
    written_by_the_app(runtime, "caller", [caller_payload()], VERSION)  # the agent's own caller, already indexed
    first = many_callers(300)
    pulled(runtime, "caller", first, "001764000000001-00000-desk-b")
    renamed = [{**payload, "full_name": f"Renamed Person{n}"} for n, payload in enumerate(first[:100])]
    pulled(runtime, "caller", renamed + many_callers(100, name="Second"), "001764000000002-00000-desk-b")
    written_by_the_app(runtime, "caller", [caller_payload(id=str(uuid.uuid4()), external_id="CRM-late",
                                                          full_name="Saved Afterwards")], VERSION)

    assert (found(runtime, "Hale"), found(runtime, "Pulled"), found(runtime, "Renamed")) == (1, 200, 100)
    assert (found(runtime, "Second"), found(runtime, "Person7"), found(runtime, "Afterwards")) == (100, 2, 1)
    with runtime.db.read() as conn:
        assert fts.integrity_problems(conn) == []


def test_a_large_page_that_fails_keeps_the_search_index_and_its_trigger(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("desk")
    with pytest.raises(ValueError, match=r"(?i)uuid"):
        pulled(runtime, "caller", [*many_callers(200), caller_payload(id="not-a-uuid")], VERSION)
    twins = [caller_payload(id=str(uuid.uuid4()), external_id="CRM-twin") for _ in range(2)]
    with pytest.raises(IntegrityError, match=r"(?i)unique"):  # SQLite refuses the page half-way through its insert
        pulled(runtime, "caller", [*many_callers(100), *twins], VERSION)
    written_by_the_app(runtime, "caller", [caller_payload()], VERSION)

    assert (found(runtime, "Pulled"), found(runtime, "Hale")) == (0, 1)
    with runtime.db.read() as conn:
        assert fts.integrity_problems(conn) == []
