"""Saved filter sets: each supervisor's own, named, replaced by name, deleted; local to the desktop."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Channel, Outcome
from cxassist.services import saved_filters
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.query import InteractionQuery, SortDirection, SortKey


def test_save_list_replace_and_delete(runtime: Runtime) -> None:
    failed_chats = InteractionQuery(
        channels=(Channel.CHAT,), outcomes=(Outcome.FAILED,), tags=("Refund",), sort=SortKey.AGENT,
        direction=SortDirection.ASC, follow_up_overdue_on=date(2026, 3, 1),
        start=datetime(2026, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    saved = saved_filters.save_filter(runtime, "  Failed   chats ", failed_chats)
    assert saved.value.name == "Failed chats" and saved.changes.outbox_pending is False
    saved_filters.save_filter(runtime, "Care", InteractionQuery(vulnerable=True, emergency=True))
    listed = saved_filters.list_filters(runtime)
    assert [f.name for f in listed] == ["Care", "Failed chats"]
    assert listed[1].query == failed_chats.checked(), "read back exactly as saved (tags folded)"
    again = saved_filters.save_filter(runtime, "Failed chats", InteractionQuery(team="Thames"))
    assert again.value.id == saved.value.id
    assert [f.query.team for f in saved_filters.list_filters(runtime)] == [None, "Thames"]
    saved_filters.delete_filter(runtime, saved.value.id)
    assert [f.name for f in saved_filters.list_filters(runtime)] == ["Care"]
    with pytest.raises(NotFoundError):
        saved_filters.delete_filter(runtime, saved.value.id)
    with runtime.db.read() as conn:
        assert conn.execute(select(tables.outbox)).first() is None, "saved filter sets do not sync"


def test_each_supervisor_sees_and_deletes_only_their_own(runtime: Runtime) -> None:
    lee, kim = replace(runtime, agent_id="lee"), replace(runtime, agent_id="kim")
    mine = saved_filters.save_filter(lee, "Mine", InteractionQuery()).value
    saved_filters.save_filter(kim, "Mine", InteractionQuery(emergency=True))
    assert [f.query.emergency for f in saved_filters.list_filters(kim)] == [True]
    with pytest.raises(NotFoundError):
        saved_filters.delete_filter(kim, mine.id)
    assert [f.name for f in saved_filters.list_filters(lee)] == ["Mine"]


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("   ", InteractionQuery(), "Give the filter set a name"),
        ("x" * 81, InteractionQuery(), "at most 80"),
        ("Backwards", InteractionQuery.for_days(date(2026, 1, 2), date(2026, 1, 2)), None),
        ("Bad size", InteractionQuery(page_size=0), "1 to 500"),
    ],
)
def test_bad_filter_sets_are_refused(runtime: Runtime, name: str, query: InteractionQuery, message: str | None) -> None:
    if message is None:
        saved_filters.save_filter(runtime, name, query)  # a one-day range is fine
        return
    with pytest.raises(UserError, match=message):
        saved_filters.save_filter(runtime, name, query)
