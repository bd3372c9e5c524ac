"""The query a supervisor builds: checked before any SQL runs, and saved and read back unchanged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from uuid import uuid4

import pytest

from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel, Outcome
from cxassist.store.query import InteractionQuery, SortDirection, SortKey


def test_reversed_dates_are_refused_with_both_dates_named() -> None:
    with pytest.raises(UserError, match="reversed: 2026-03-09 is after 2026-03-01"):
        InteractionQuery.for_days(date(2026, 3, 9), date(2026, 3, 1))
    start = datetime(2026, 3, 9, tzinfo=UTC)
    with pytest.raises(UserError, match="reversed"):
        InteractionQuery(start=start, end=start - timedelta(hours=1)).checked()


def test_an_empty_range_is_refused_and_one_day_is_not() -> None:
    at = datetime(2026, 3, 9, 12, tzinfo=UTC)
    with pytest.raises(UserError, match="empty"):
        InteractionQuery(start=at, end=at).checked()
    one_day = InteractionQuery.for_days(date(2026, 3, 9), date(2026, 3, 9), tz=UTC).checked()
    assert one_day.end is not None and one_day.start is not None
    assert one_day.end - one_day.start == timedelta(days=1)


def test_days_are_local_days_in_the_zone_given() -> None:
    plus_two = timezone(timedelta(hours=2))
    query = InteractionQuery.for_days(date(2026, 3, 9), date(2026, 3, 10), tz=plus_two)
    assert query.start == datetime(2026, 3, 8, 22, tzinfo=UTC)
    assert query.end == datetime(2026, 3, 10, 22, tzinfo=UTC)


@pytest.mark.parametrize("size", [0, -1, 501])
def test_page_size_is_bounded(size: int) -> None:
    with pytest.raises(UserError, match="1 to 500"):
        InteractionQuery(page_size=size).checked()


def test_checked_folds_tags_and_drops_blanks() -> None:
    query = InteractionQuery(
        tags=(" Refund ", "refund", ""), agent_ids=(" sam ", ""), team="  ", text="  x  "
    ).checked()
    assert query.tags == ("refund",) and query.agent_ids == ("sam",) and query.team is None and query.text == "x"


def test_json_round_trip_keeps_every_field() -> None:
    query = InteractionQuery(
        start=datetime(2026, 1, 1, tzinfo=UTC),
        end=datetime(2026, 2, 1, tzinfo=UTC),
        agent_ids=("sam", "priya"),
        team="Thames",
        channels=(Channel.CHAT, Channel.IN_PERSON),
        outcomes=(Outcome.FAILED,),
        tags=("refund",),
        caller_id=uuid4(),
        emergency=True,
        vulnerable=True,
        follow_up_overdue_on=date(2026, 1, 15),
        not_reviewed=True,
        text="boiler",
        sort=SortKey.AGENT,
        direction=SortDirection.ASC,
        page_size=50,
    )
    body = query.to_json()
    assert InteractionQuery.from_json(body) == query
    assert InteractionQuery().to_json() == {}, "defaults are left out"


def test_a_newer_consoles_keys_are_ignored_and_bad_values_refused() -> None:
    assert InteractionQuery.from_json({"team": "Thames", "mood": "sunny"}) == InteractionQuery(team="Thames")
    with pytest.raises(UserError, match="saved filter set cannot be read"):
        InteractionQuery.from_json({"channels": ["carrier pigeon"]})
