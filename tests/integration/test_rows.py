"""`rows.save_many`: many rows of one table written exactly as `rows.save` writes them one by one, outbox included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Table, func, select

from cxassist.domain.models import Channel, Direction, FollowUp, Interaction, Outcome, Status
from cxassist.services.runtime import Runtime
from cxassist.store import rows, tables
from cxassist.store.interactions import interaction_values

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
T1 = T0 + timedelta(days=2, minutes=7)


def interaction(n: int, *, note: str = "", outcome: Outcome | None = Outcome.MET) -> dict[str, Any]:
    started = T0 - timedelta(days=n, hours=n)
    follow_up = FollowUp(due=started.date() + timedelta(days=3), owner="sam") if n % 3 == 0 else None
    item = Interaction(
        id=UUID(int=n + 1, version=4),
        caller_id=None,
        phone=f"+44207946{n:04d}",
        agent_id="sam",
        channel=Channel.PHONE if n % 2 else Channel.CHAT,
        direction=Direction.INBOUND,
        status=Status.COMPLETED,
        started_at=started,
        ended_at=started + timedelta(minutes=12),
        reason="Refund",
        outcome=outcome,
        resolution="Sorted",
        follow_up=follow_up,
        note=note or f"Note {n}: café, £12.50",
        tags=("refund", f"t{n}"),
        flag_vulnerable=n == 4,
    )
    return interaction_values(item)


def stamps(prefix: str) -> Callable[[], str]:
    counter = iter(range(1_000_000))
    return lambda: f"{prefix}-{next(counter):06d}"


def table_rows(runtime: Runtime, table: Table) -> list[dict[str, Any]]:
    with runtime.db.read() as conn:
        return [dict(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()]


def outbox(runtime: Runtime) -> list[dict[str, Any]]:
    return table_rows(runtime, tables.outbox)


def count(runtime: Runtime, table: Table) -> int:
    with runtime.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


# Rows for one table as a screen of work would give them: new rows, a row saved twice (an edit in the same
# transaction), and rows naming fewer columns, which must leave the others alone on update.
def agent_batches() -> list[list[dict[str, Any]]]:
    return [
        [
            {"id": "sam", "display_name": "Sam Okafor", "role": "agent", "team": "Thames"},
            {"id": "ann", "display_name": "Ann Lee", "role": "supervisor", "team": "Severn"},
        ],
        [
            {"id": "ann", "display_name": "Ann Lee-Hart"},  # fewer columns: role and team stay as they are
            {"id": "bo", "display_name": "Bo Chen"},  # ... or take their defaults on insert
            {"id": "sam", "display_name": "Sam O.", "role": "admin", "team": "Tyne"},
            {"id": "sam", "display_name": "Samuel Okafor", "role": "admin", "team": "Tyne"},
        ],
    ]


def interaction_batches() -> list[list[dict[str, Any]]]:
    first = [interaction(n) for n in range(6)]
    second = [
        interaction(2, note="Called back, refund sent", outcome=Outcome.EXCEEDED),
        interaction(9),
        interaction(0, note="Edited again"),
        interaction(0, note="Edited once more", outcome=None),
    ]
    return [first, second]


@pytest.mark.parametrize(
    ("table", "batches"),
    [(tables.interaction, interaction_batches), (tables.agent, agent_batches)],
    ids=["interaction", "agent"],
)
def test_save_many_writes_what_repeated_save_writes(
    make_runtime: Callable[[str], Runtime], table: Table, batches: Callable[[], list[list[dict[str, Any]]]]
) -> None:
    one_by_one, together = make_runtime("save"), make_runtime("save_many")
    stamp_a, stamp_b = stamps("hlc"), stamps("hlc")
    for now, batch in zip((T0, T1), batches(), strict=True):
        with one_by_one.db.write() as conn:
            for values in batch:
                rows.save(conn, table, values, hlc=stamp_a(), now=now)
        with together.db.write() as conn:
            rows.save_many(conn, table, batch, hlc=stamp_b, now=now)

    written = table_rows(together, table)
    assert written == table_rows(one_by_one, table)
    assert outbox(together) == outbox(one_by_one)
    assert len(outbox(together)) == sum(len(batch) for batch in batches())
    assert len({row["hlc"] for row in outbox(together)}) == len(outbox(together)), "a stamp of its own per row"


def test_outbox_follows_the_order_of_the_rows_with_their_payloads(runtime: Runtime) -> None:
    batch = [interaction(n) for n in (5, 1, 4, 2)]
    with runtime.db.write() as conn:
        rows.save_many(conn, tables.interaction, batch, hlc=stamps("x"), now=T0)
    entries = outbox(runtime)
    assert [e["row_id"] for e in entries] == [str(values["id"]) for values in batch]
    assert [e["hlc"] for e in entries] == ["x-000000", "x-000001", "x-000002", "x-000003"]
    assert all(e["entity"] == "interaction" and e["state"] == "pending" and e["created_at"] == T0 for e in entries)
    first = entries[0]["payload"]
    assert first == rows.payload_of({**batch[0], "hlc": "x-000000", "updated_at": T0, "created_at": T0})
    assert first["started_at"] == "2025-02-24T04:30:00.000000+00:00" and first["tags"] == ["refund", "t5"]


def test_one_stamp_given_as_text_stamps_every_row(runtime: Runtime) -> None:
    with runtime.db.write() as conn:
        rows.save_many(conn, tables.interaction, [interaction(n) for n in range(3)], hlc="same", now=T0)
    assert {row["hlc"] for row in table_rows(runtime, tables.interaction)} == {"same"}
    assert [e["hlc"] for e in outbox(runtime)] == ["same"] * 3


def test_rollback_leaves_neither_rows_nor_outbox_entries(runtime: Runtime) -> None:
    before = count(runtime, tables.outbox)

    def save_then_fail() -> None:
        with runtime.db.write() as conn:
            rows.save_many(conn, tables.interaction, [interaction(n) for n in range(4)], hlc=runtime.stamp, now=T0)
            assert conn.execute(select(func.count()).select_from(tables.interaction)).scalar_one() == 4
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        save_then_fail()
    assert count(runtime, tables.interaction) == 0
    assert count(runtime, tables.outbox) == before


def test_upsert_keeps_created_at_and_updates_the_rest(runtime: Runtime) -> None:
    with runtime.db.write() as conn:
        rows.save_many(conn, tables.interaction, [interaction(n) for n in range(3)], hlc="a", now=T0)
    with runtime.db.write() as conn:
        edited = [interaction(1, note="Edited", outcome=Outcome.FAILED), interaction(7)]
        rows.save_many(conn, tables.interaction, edited, hlc="b", now=T1)
    by_id = {row["id"]: row for row in table_rows(runtime, tables.interaction)}
    assert len(by_id) == 4
    kept = by_id[UUID(int=2, version=4)]
    assert (kept["created_at"], kept["updated_at"], kept["hlc"]) == (T0, T1, "b")
    assert (kept["note"], kept["outcome"]) == ("Edited", "failed")
    untouched = by_id[UUID(int=1, version=4)]
    assert (untouched["created_at"], untouched["updated_at"], untouched["hlc"]) == (T0, T0, "a")
    new = by_id[UUID(int=8, version=4)]
    assert new["created_at"] == new["updated_at"] == T1


def test_nothing_to_save_writes_nothing(runtime: Runtime) -> None:
    before = count(runtime, tables.outbox)
    with runtime.db.write() as conn:
        rows.save_many(conn, tables.interaction, [], hlc=runtime.stamp, now=T0)
    assert count(runtime, tables.outbox) == before
