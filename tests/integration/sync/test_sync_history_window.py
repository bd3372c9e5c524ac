"""The local history window: a pull keeps recent history; older history of one caller comes through fetch_history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from cxassist.domain.models import EmergencyActionKind
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.emergency import actions_for, record_action
from cxassist.services.screen_pop import screen_pop
from cxassist.sync.runner import months_before

NUMBER = "020 7946 0018"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def fixed_wall() -> datetime:
    return NOW


def test_pull_keeps_13_months_and_older_history_is_fetched_on_demand(
    make_agent: Any, new_backend: Callable[[], Any]
) -> None:
    a, b = make_agent("agent-a", wall=fixed_wall), make_agent("agent-b", wall=fixed_wall)
    a.connect(new_backend())
    b.connect(new_backend(), batch_size=3, history_months=13)
    peggy = a.add_caller("Margaret Hale", NUMBER)
    ages = {"last week": 7, "a year ago": 365, "two years ago": 730, "three years ago": 1095}
    calls = {
        note: log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note=note),
                              started_at=NOW - timedelta(days=days)).value
        for note, days in ages.items()
    }
    record_action(a.runtime, calls["two years ago"].id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED)
    record_action(a.runtime, calls["last week"].id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED)
    a.sync()

    b.sync()
    recent = [item.note for item in screen_pop(b.runtime, NUMBER).history]
    assert recent == ["last week", "a year ago"]
    assert len(actions_for(b.runtime, calls["last week"].id)) == 1
    assert b.count("emergency_action") == 1, "the old call's emergency step stays central with its call"
    assert b.sync().pulled == 0 and b.count("interaction") == 2, "skipped history is not fetched again by a pull"

    fetched = b.runner.fetch_history(peggy.id, before=months_before(NOW, 13), limit=1)
    assert fetched.interactions == {calls["two years ago"].id}
    assert len(actions_for(b.runtime, calls["two years ago"].id)) == 1, "an older call comes with its emergency steps"
    b.runner.fetch_history(peggy.id, before=calls["two years ago"].started_at, limit=10)
    history = [item.note for item in screen_pop(b.runtime, NUMBER).history]
    assert history == ["last week", "a year ago", "two years ago", "three years ago"]


def test_an_old_call_already_held_is_still_updated_by_a_pull(make_agent: Any, new_backend: Callable[[], Any]) -> None:
    a, b = make_agent("agent-a", wall=fixed_wall), make_agent("agent-b", wall=fixed_wall)
    a.connect(new_backend())
    b.connect(new_backend(), history_months=13)
    peggy = a.add_caller("Margaret Hale", NUMBER)
    old = log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note="old"),
                          started_at=NOW - timedelta(days=800)).value
    a.sync()
    b.sync()
    b.runner.fetch_history(peggy.id)
    assert b.count("interaction") == 1
    record_action(a.runtime, old.id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, "added later")
    a.sync()
    b.sync()
    assert [action.detail for action in actions_for(b.runtime, old.id)] == ["added later"]


def test_months_before_counts_calendar_months() -> None:
    assert months_before(datetime(2026, 3, 31, 12, tzinfo=UTC), 13) == datetime(2025, 2, 28, 12, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 1) == datetime(2025, 12, 15, tzinfo=UTC)
