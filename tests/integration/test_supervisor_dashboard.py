"""The dashboard's rows against the slow answer: contacts per day by channel, outcome mix, per agent and team,
follow-ups on time, review scores and prompt use; summary tables and live counting agree, across a clock change."""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from cxassist.domain.models import Channel, Outcome
from cxassist.services import dashboard as dashboard_service
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.dashboard import dashboard
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.prompt_events import PromptEventRecord, save_events
from cxassist.store.query import InteractionQuery
from cxassist.store.query import aggregates as agg
from cxassist.store.reviews import ReviewRecord, save_review

LONDON = ZoneInfo("Europe/London")
FIRST, LAST = date(2026, 3, 10), date(2026, 4, 20)  # British Summer Time starts on 29 March
AGENTS = {"sam": "Thames", "priya": "Thames", "dan": "Pennine", "nomad": ""}


@pytest.fixture
def calls(runtime: Runtime) -> list[Any]:
    rng = random.Random(3)
    with runtime.db.write() as conn:
        for agent, team in AGENTS.items():
            if team:
                values = {"id": agent, "display_name": agent.title(), "role": "agent", "team": team}
                from cxassist.store.rows import save

                save(conn, tables.agent, values, hlc=runtime.stamp(), now=runtime.now())
    made = []
    start = datetime(2026, 3, 8, tzinfo=UTC)
    for n in range(320):
        at = start + timedelta(minutes=rng.randrange(0, 46 * 24 * 60))
        agent = rng.choice(list(AGENTS))
        due = at.date() + timedelta(days=rng.randrange(1, 5)) if n % 4 == 0 else None
        details = CallDetails(
            channel=rng.choice(list(Channel)), outcome=rng.choice([*Outcome, None]), follow_up_due=due,
            tags=("refund",) if n % 5 == 0 else (),
        )  # fmt: skip
        item = log_interaction(replace(runtime, agent_id=agent), phone="020 7946 0700", details=details,
                               started_at=at).value  # fmt: skip
        made.append(item)
        if due is not None and n % 8 == 0:
            done_at = datetime.combine(due + timedelta(days=rng.choice([-1, 0, 2])), datetime.min.time(), tzinfo=UTC)
            with runtime.db.write() as conn:
                conn.execute(update(tables.interaction).where(tables.interaction.c.id == item.id)
                             .values(follow_up_done_at=done_at))  # fmt: skip
            made[-1] = replace(item, follow_up=replace(item.follow_up, done_at=done_at))
    with runtime.db.write() as conn:
        for n, item in enumerate(reviewed(made)):
            when = datetime(2026, 4, 1, 12, tzinfo=UTC) + timedelta(hours=n)
            scores = {"empathy": 1 + n % 5, "care": 5 - n % 3}
            save_review(conn, ReviewRecord(id=runtime.new_id(), interaction_id=item.id, reviewer_id="lee",
                                           scores=scores), hlc=runtime.stamp(), now=when)  # fmt: skip
            events = [PromptEventRecord(item.id, "greet", "1", "shown"), PromptEventRecord(item.id, "greet", "1",
                      "used" if n % 2 else "dismissed")]  # fmt: skip
            save_events(conn, events, new_id=runtime.new_id, hlc=runtime.stamp(), now=when)
    return made


def reviewed(calls: list[Any]) -> list[Any]:
    """The calls that get a review and prompt events: 40 that started well inside the range."""
    inside = datetime(2026, 3, 11, tzinfo=UTC), datetime(2026, 4, 19, tzinfo=UTC)
    return [c for c in calls if inside[0] <= c.started_at < inside[1]][:40]


def slow(calls: list[Any], query: InteractionQuery, tz: tzinfo, today: date) -> dict[str, Any]:
    query = query.checked()
    assert query.start is not None and query.end is not None

    def matches(c: Any) -> bool:
        agent_ok = not query.agent_ids or c.agent_id in query.agent_ids
        team_ok = not query.team or AGENTS[c.agent_id] == query.team
        return agent_ok and team_ok and (not query.channels or c.channel in query.channels)

    inside = [c for c in calls if query.start <= c.started_at < query.end and matches(c)]

    def day(c: Any) -> date:
        if query.agent_ids or query.team:
            return c.started_at.date()  # agents are kept by UTC day
        return c.started_at.replace(minute=0, second=0, microsecond=0).astimezone(tz).date()

    first_due, last_due = query.start.astimezone(tz).date(), query.end.astimezone(tz).date()
    follow = Counter()
    for c in calls:
        f = c.follow_up
        if f is None or not first_due <= f.due < last_due or not matches(c):
            continue
        slot = (0 if f.done_at.date() <= f.due else 1) if f.done_at else (2 if f.due < today else 3)
        follow[(f.due, slot)] += 1
    return {
        "channels": Counter((day(c), c.channel.value) for c in inside),
        "outcomes": Counter((day(c), c.outcome.value if c.outcome else "") for c in inside),
        "agents": Counter((c.agent_id, c.outcome.value if c.outcome else "") for c in inside),
        "follow": follow,
    }


def fast(board: Any) -> dict[str, Any]:
    agents = Counter()
    for row in board.by_agent:
        for key, n in (("failed", row.failed), ("met", row.met), ("exceeded", row.exceeded), ("", row.none)):
            if n:
                agents[(row.name, key)] = n
    follow = Counter()
    for row in board.follow_ups:
        for slot, n in enumerate((row.on_time, row.late, row.open_overdue, row.open)):
            if n:
                follow[(row.due, slot)] = n
    return {
        "channels": Counter({(r.day, r.key): r.contacts for r in board.contacts_by_channel}),
        "outcomes": Counter({(r.day, r.key): r.contacts for r in board.outcome_mix}),
        "agents": agents,
        "follow": follow,
    }


QUERIES = {
    "everything": {},
    "one team": {"team": "Thames"},
    "an agent and a channel": {"agent_ids": ("dan",), "channels": (Channel.PHONE, Channel.CHAT)},
}


@pytest.mark.parametrize("name", list(QUERIES))
@pytest.mark.parametrize("zone", ["Europe/London", "UTC", "Asia/Kolkata"])
def test_every_chart_matches_the_slow_answer(runtime: Runtime, calls: list[Any], name: str, zone: str) -> None:
    tz = ZoneInfo(zone)
    query = InteractionQuery.for_days(FIRST, LAST, tz=tz, **QUERIES[name])
    board = dashboard(runtime, query, tz=tz)
    assert board.source == "summary"
    assert fast(board) == slow(calls, query, tz, runtime.now().astimezone(tz).date())
    assert board.overall.total == sum(board.overall.__getattribute__(k) for k in ("failed", "met", "exceeded", "none"))


def test_local_days_are_folded_by_sqlite_in_the_machines_zone(
    runtime: Runtime, calls: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        query = InteractionQuery.for_days(FIRST, LAST)  # the machine's zone, now London
        board = dashboard(runtime, query)
        assert fast(board) == slow(calls, query, LONDON, runtime.today())
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_summary_and_live_counting_agree(
    runtime: Runtime, calls: list[Any], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = InteractionQuery.for_days(FIRST, LAST, tz=LONDON, **QUERIES[name])
    summary = dashboard(runtime, query, tz=LONDON)
    monkeypatch.setattr(agg, "summary_serves", lambda _: False)
    live = dashboard(runtime, query, tz=LONDON)
    assert live.source == "live"
    assert live.by_agent == summary.by_agent and live.by_team == summary.by_team
    late_starters = {c.id for c in calls if c.started_at < query.start}  # type: ignore[operator]
    assert sum(f.on_time + f.late + f.open + f.open_overdue for f in live.follow_ups) == sum(
        f.on_time + f.late + f.open + f.open_overdue for f in summary.follow_ups
    ) - sum(
        1
        for c in calls
        if c.id in late_starters
        and c.follow_up
        and FIRST <= c.follow_up.due < LAST + timedelta(days=1)
        and c.agent_id in (query.agent_ids or AGENTS)
        and (not query.team or AGENTS[c.agent_id] == query.team)
        and (not query.channels or c.channel in query.channels)
    )  # live counts the follow-ups of contacts that started in the range only
    assert live.scores_by_agent == summary.scores_by_agent and live.prompts == summary.prompts
    if not (query.team or query.agent_ids):  # live rows fold hours into local days; agents' summary is by UTC day
        assert live.contacts_by_channel == summary.contacts_by_channel and live.outcome_mix == summary.outcome_mix


def test_scores_teams_and_prompts(runtime: Runtime, calls: list[Any]) -> None:
    board = dashboard(runtime, InteractionQuery.for_days(FIRST, LAST, tz=UTC), tz=UTC)
    chosen = reviewed(calls)
    for criterion, pick in (("empathy", lambda n: 1 + n % 5), ("care", lambda n: 5 - n % 3)):
        by_agent: dict[str, list[int]] = {}
        for n, item in enumerate(chosen):
            by_agent.setdefault(item.agent_id, []).append(pick(n))
        expected = {a: (round(sum(v) / len(v), 2), len(v)) for a, v in by_agent.items()}
        got = {r.name: (r.average, r.reviews) for r in board.scores_by_agent if r.criterion == criterion}
        assert got == expected
    teams = {r.name for r in board.by_team}
    assert teams == {"Thames", "Pennine", "(no team)"}
    (greet,) = board.prompts
    assert greet.rule_id == "greet" and greet.shown == 40 and greet.used == 20
    used = Counter(c.outcome.value if c.outcome else "" for n, c in enumerate(chosen) if n % 2)
    assert greet.used_outcomes == dict(used)


def test_a_narrow_filter_counts_its_rows_live(runtime: Runtime, calls: list[Any]) -> None:
    query = InteractionQuery.for_days(FIRST, LAST, tz=UTC, tags=("refund",))
    board = dashboard(runtime, query, tz=UTC)
    inside = [c for c in calls if query.start <= c.started_at < query.end and "refund" in c.tags]  # type: ignore[operator]
    assert board.source == "live" and board.overall.total == len(inside) > 0


def test_the_default_range_is_the_last_90_days(runtime: Runtime, calls: list[Any]) -> None:
    fixed = replace(runtime, wall=lambda: datetime(2026, 4, 20, 12, tzinfo=UTC))
    board = dashboard(fixed, InteractionQuery(), tz=UTC)
    assert board.start == datetime(2026, 1, 21, tzinfo=UTC) and board.end == datetime(2026, 4, 21, tzinfo=UTC)
    assert dashboard_service.DEFAULT_DAYS == 90
