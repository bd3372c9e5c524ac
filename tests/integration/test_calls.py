"""Logging interactions: redacted before storage, acknowledged only after commit, outbox in the same transaction,
and nothing lost when the disk refuses a write."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from cxassist.domain.models import Channel, Outcome, Status
from cxassist.services import calls
from cxassist.services.calls import CallDetails, complete_call, log_interaction, start_call
from cxassist.store import rows, tables
from cxassist.store.errors import StoreError


def outbox_rows(runtime: Any) -> list[dict[str, Any]]:
    with runtime.db.read() as conn:
        return [dict(r) for r in conn.execute(select(tables.outbox).order_by(tables.outbox.c.seq)).mappings()]


def interaction_count(runtime: Any) -> int:
    with runtime.db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM interaction").scalar_one())


def test_logged_interaction_is_linked_redacted_and_queued_for_sync(runtime: Any, add_caller: Any) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018")
    note = "Paid by card 4111-1111-1111-1111, CVV 123. Call back on 020 7946 0018 about order ORD-2024-000123."
    done = log_interaction(
        runtime,
        phone="+44 20 7946 0018",
        details=CallDetails(channel=Channel.PHONE, outcome=Outcome.EXCEEDED, note=note, tags=("Refund", "refund")),
    )
    item = done.value
    assert item.caller_id == peggy.id
    assert item.status is Status.COMPLETED
    assert "4111" not in item.note.replace("**** **** **** 1111", "")
    assert "**** **** **** 1111" in item.note
    assert "CVV 123" not in item.note and "[security code removed]" in item.note
    assert "020 7946 0018" in item.note and "ORD-2024-000123" in item.note
    assert item.tags == ("refund",)
    queued = [r for r in outbox_rows(runtime) if r["entity"] == "interaction"]
    assert len(queued) == 1 and queued[0]["row_id"] == str(item.id)
    assert queued[0]["payload"]["note"] == item.note
    assert peggy.id in done.changes.callers and done.changes.outbox_pending
    with runtime.db.read() as conn:
        raw = conn.exec_driver_sql("SELECT group_concat(note) FROM interaction").scalar_one()
        everything = json.dumps([dict(r) for r in conn.exec_driver_sql("SELECT * FROM outbox").mappings()])
    assert "4111" not in raw and "4111111111111111" not in everything


def test_unknown_number_is_logged_without_a_caller_and_keeps_the_number(runtime: Any) -> None:
    item = log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="new caller")).value
    assert item.caller_id is None and item.phone == "+442079460500"


def test_a_failing_outbox_write_leaves_no_interaction_behind(runtime: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_enqueue(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("outbox write failed")

    monkeypatch.setattr(rows, "enqueue", broken_enqueue)
    with pytest.raises(RuntimeError):
        log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="lost?"))
    assert interaction_count(runtime) == 0


def test_call_lifecycle_from_pop_to_completion(runtime: Any, add_caller: Any) -> None:
    add_caller("Tom Reid", "020 7946 0100")
    started = start_call(runtime, phone="020 7946 0100").value
    assert started.status is Status.IN_PROGRESS and started.caller_id is not None
    details = CallDetails(outcome=Outcome.MET, note="sorted", follow_up_due=date(2030, 1, 2))
    done = complete_call(runtime, started.id, details).value
    assert done.id == started.id and done.status is Status.COMPLETED
    assert done.follow_up is not None and done.follow_up.due == date(2030, 1, 2) and done.follow_up.is_open()
    assert interaction_count(runtime) == 1
    assert [r["entity"] for r in outbox_rows(runtime)].count("interaction") == 2


@pytest.mark.parametrize(
    "note",
    [
        "x" * 1_000_000,
        "Caller happy 😀👍🏽 " * 1000,
        "המתקשר ביקש החזר כספי 4111 1111 1111 1111 مرحبا بك",
        "before\x00after\x00",
    ],
    ids=["1MB", "emoji", "rtl-with-card", "nul-bytes"],
)
def test_difficult_notes_are_stored_intact_apart_from_what_must_go(runtime: Any, note: str) -> None:
    item = log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note=note)).value
    with runtime.db.read() as conn:
        stored = conn.exec_driver_sql("SELECT note FROM interaction WHERE id = ?", (item.id.hex,)).scalar_one()
    assert stored == item.note
    assert "\x00" not in stored
    assert "4111 1111 1111 1111" not in stored
    if "😀" in note:
        assert stored == note


def test_a_note_over_the_limit_is_refused_plainly(runtime: Any) -> None:
    with pytest.raises(calls.UserError, match="note is 1,000,001 characters long"):
        log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="x" * 1_000_001))
    assert interaction_count(runtime) == 0


def test_a_full_disk_is_explained_and_nothing_saved_is_lost(runtime: Any) -> None:
    first = log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="saved before")).value
    with runtime.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    # Every pooled connection gets the cap: the disk is "full" at the current size.
    from sqlalchemy import event

    @event.listens_for(runtime.db.engine, "checkout")
    def cap(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(StoreError, match="disk is full"):
        log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="y" * 200_000))
    event.remove(runtime.db.engine, "checkout", cap)
    with runtime.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count=1073741823")
    runtime.db.engine.dispose()
    with runtime.db.read() as conn:
        notes = [r[0] for r in conn.exec_driver_sql("SELECT note FROM interaction")]
    assert notes == [first.note]


def test_a_read_only_database_is_explained(runtime: Any) -> None:
    from sqlalchemy import event

    @event.listens_for(runtime.db.engine, "checkout")
    def read_only(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    with pytest.raises(StoreError, match="cannot be written"):
        log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note="z"))
    event.remove(runtime.db.engine, "checkout", read_only)
    runtime.db.engine.dispose()
    assert interaction_count(runtime) == 0


def test_calls_an_earlier_session_left_in_progress_become_not_completed(runtime: Any, add_caller: Any) -> None:
    from cxassist.domain.models import EmergencyActionKind
    from cxassist.services import drafts
    from cxassist.services.emergency import record_action
    from cxassist.store import interactions

    add_caller("Tom Reid", "020 7946 0100")
    bare = start_call(runtime, phone="020 7946 0100").value  # popped, then the app crashed
    drafted = start_call(runtime, phone="020 7946 0100").value
    drafts.save_draft(runtime, drafted.id, drafts.CallForm(note="half way"))
    urgent = start_call(runtime, phone="020 7946 0100").value
    step = record_action(runtime, urgent.id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, "999").value
    saved = complete_call(runtime, start_call(runtime, phone="020 7946 0100").value.id, CallDetails()).value
    session_start = runtime.now()
    this_session = start_call(runtime, phone="020 7946 0100").value

    closed = calls.close_abandoned_calls(runtime, started_before=session_start)
    assert {c.id for c in closed.value} == {bare.id, drafted.id, urgent.id}
    with runtime.db.read() as conn:
        ended = {i: interactions.get_interaction(conn, i) for i in (bare.id, drafted.id, urgent.id, saved.id,
                                                                    this_session.id)}
    assert all(calls.is_abandoned(ended[i]) for i in (bare.id, drafted.id, urgent.id))  # type: ignore[arg-type]
    assert ended[bare.id].ended_at == bare.started_at  # type: ignore[union-attr]
    assert ended[urgent.id].ended_at == step.at, "the last moment the call is known to have been alive"  # type: ignore[union-attr]
    assert ended[saved.id] == saved and not calls.is_abandoned(ended[this_session.id])  # type: ignore[arg-type]
    assert {r["row_id"] for r in outbox_rows(runtime)[-3:]} == {str(bare.id), str(drafted.id), str(urgent.id)}
    assert calls.close_abandoned_calls(runtime, started_before=session_start).value == [], "closed once"

    # The draft is still offered; restoring it resumes its call, and saving it completes it with a real end.
    (offered,) = drafts.drafts_to_restore(runtime)
    assert offered.interaction.id == drafted.id and offered.form.note == "half way"
    resumed = calls.resume_call(runtime, drafted.id).value
    assert resumed.status is Status.IN_PROGRESS and resumed.ended_at is None
    done = drafts.finish_call(runtime, drafted.id, offered.form, caller_id=None).value
    assert done.status is Status.COMPLETED and done.ended_at is not None and done.ended_at > drafted.started_at
