"""The console's query interface over a real database: every filter, keyset paging without gaps or repeats, the
indexes each filter seeks by, full-text search, counts, and the derived tables kept by triggers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import delete, select, update

from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel, Interaction, Outcome
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.demo import seed_demo
from cxassist.services.runtime import Runtime
from cxassist.store import query as q
from cxassist.store import tables
from cxassist.store.interactions import interaction_from_row
from cxassist.store.query import InteractionQuery, SortDirection, SortKey, derived
from cxassist.store.query import search as search_module
from cxassist.store.reviews import ReviewRecord, save_review

BASE = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def as_agent(runtime: Runtime, agent_id: str) -> Runtime:
    return replace(runtime, agent_id=agent_id)


@pytest.fixture
def db(runtime: Runtime) -> Runtime:
    """Demo data plus calls made to test the edges: ties on the start time, unknown numbers, shared tags."""
    seed_demo(runtime, callers=120, seed=11)
    for n in range(6):  # three pairs started at the same instant: the id breaks the tie
        log_interaction(
            as_agent(runtime, "sam.okafor" if n % 2 else "dan.mcgregor"),
            phone="020 7946 0990",
            details=CallDetails(
                channel=Channel.CHAT, outcome=Outcome.FAILED, note=f"boiler refund {n}", tags=("boiler", "refund")
            ),
            started_at=BASE + timedelta(minutes=n // 2),
        )
    log_interaction(
        as_agent(runtime, "priya.shah"),
        phone="+1 212 555 0147",
        details=CallDetails(channel=Channel.WEB, note="Near miss with the NEAR( operator", tags=("Odd Tag",)),
        started_at=BASE - timedelta(days=400),
    )
    with runtime.db.write() as conn:  # one quality review and one duty-of-care outcome
        ids = list(conn.execute(select(tables.interaction.c.id).order_by(tables.interaction.c.started_at)).scalars())
        for interaction_id, outcome in ((ids[3], ""), (ids[4], "no-action")):
            record = ReviewRecord(
                id=runtime.new_id(), interaction_id=interaction_id, reviewer_id="helen.ward",
                scores={} if outcome else {"empathy": 4}, duty_of_care_outcome=outcome,
            )  # fmt: skip
            save_review(conn, record, hlc=runtime.stamp(), now=runtime.now())
    return runtime


def everything(runtime: Runtime) -> list[Interaction]:
    with runtime.db.read() as conn:
        return [interaction_from_row(r) for r in conn.execute(select(tables.interaction)).mappings()]


def reference(runtime: Runtime, query: InteractionQuery) -> list[UUID]:
    """The answer worked out the slow way, in Python."""
    query = query.checked()
    with runtime.db.read() as conn:
        teams = dict(conn.execute(select(tables.agent.c.id, tables.agent.c.team)).all())
        reviewed = set(
            conn.execute(
                select(tables.review.c.interaction_id).where(tables.review.c.duty_of_care_outcome == "")
            ).scalars()
        )
    checks: list[Callable[[Interaction], bool]] = []
    if query.start:
        checks.append(lambda i: i.started_at >= query.start)
    if query.end:
        checks.append(lambda i: i.started_at < query.end)
    if query.agent_ids:
        checks.append(lambda i: i.agent_id in query.agent_ids)
    if query.team:
        checks.append(lambda i: teams.get(i.agent_id) == query.team)
    if query.channels:
        checks.append(lambda i: i.channel in query.channels)
    if query.outcomes:
        checks.append(lambda i: i.outcome in query.outcomes)
    if query.tags:
        checks.append(lambda i: bool(set(i.tags) & set(query.tags)))
    if query.caller_id:
        checks.append(lambda i: i.caller_id == query.caller_id)
    if query.emergency:
        checks.append(lambda i: i.flag_emergency)
    if query.vulnerable:
        checks.append(lambda i: i.flag_vulnerable)
    if query.follow_up_overdue_on:
        day = query.follow_up_overdue_on
        checks.append(lambda i: i.follow_up is not None and i.follow_up.is_overdue(day))
    if query.not_reviewed:
        checks.append(lambda i: i.id not in reviewed)
    found = [i for i in everything(runtime) if all(check(i) for check in checks)]

    def key(i: Interaction) -> tuple[Any, ...]:
        head = {SortKey.AGENT: (i.agent_id,), SortKey.CHANNEL: (i.channel.value,)}.get(query.sort, ())
        return (*head, i.started_at, i.id.int)

    found.sort(key=key, reverse=query.direction is SortDirection.DESC)
    return [i.id for i in found]


def walk(runtime: Runtime, query: InteractionQuery) -> list[UUID]:
    """Every page, following the cursors; fails on a repeat."""
    seen: list[UUID] = []
    cursor = None
    with runtime.db.read() as conn:
        while True:
            page = q.page(conn, query, after=cursor)
            assert len(page.rows) <= query.page_size
            seen.extend(row.interaction.id for row in page.rows)
            if page.next is None:
                break
            assert len(page.rows) == query.page_size or query.is_search
            cursor = page.next
    assert len(seen) == len(set(seen)), "a row came twice"
    return seen


def some(runtime: Runtime, pick: Callable[[Interaction], Any]) -> Any:
    return next(pick(i) for i in sorted(everything(runtime), key=lambda i: i.started_at) if pick(i))


FILTERS: dict[str, Callable[[Runtime], InteractionQuery]] = {
    "nothing": lambda _: InteractionQuery(),
    "date range": lambda _: InteractionQuery.for_days(date(2025, 6, 1), date(2026, 5, 4), tz=UTC),
    "one agent": lambda _: InteractionQuery(agent_ids=("sam.okafor",)),
    "two agents": lambda _: InteractionQuery(agent_ids=("sam.okafor", "priya.shah")),
    "team": lambda _: InteractionQuery(team="Pennine"),
    "team and agent outside it": lambda _: InteractionQuery(team="Pennine", agent_ids=("sam.okafor",)),
    "team nobody is in": lambda _: InteractionQuery(team="Nowhere"),
    "channels": lambda _: InteractionQuery(channels=(Channel.CHAT, Channel.IN_PERSON)),
    "outcome": lambda _: InteractionQuery(outcomes=(Outcome.FAILED,)),
    "tags, any of": lambda _: InteractionQuery(tags=("refund", "Boiler", "bereavement")),
    "tag nobody used": lambda _: InteractionQuery(tags=("no-such-tag",)),
    "caller": lambda r: InteractionQuery(caller_id=some(r, lambda i: i.caller_id)),
    "emergency": lambda _: InteractionQuery(emergency=True),
    "vulnerable": lambda _: InteractionQuery(vulnerable=True),
    "follow-up overdue": lambda r: InteractionQuery(follow_up_overdue_on=r.today()),
    "not reviewed": lambda _: InteractionQuery(not_reviewed=True),
    "many at once": lambda _: InteractionQuery.for_days(
        date(2024, 1, 1),
        date(2027, 1, 1),
        tz=UTC,
        team="Thames",
        channels=(Channel.PHONE, Channel.CHAT),
        outcomes=(Outcome.MET, Outcome.FAILED),
        not_reviewed=True,
    ),
    "vulnerable agent pair": lambda _: InteractionQuery(vulnerable=True, agent_ids=("sam.okafor", "tom.baker")),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_every_filter_matches_the_slow_answer_page_by_page(db: Runtime, name: str) -> None:
    query = replace(FILTERS[name](db), page_size=7)
    expected = reference(db, query)
    assert walk(db, query) == expected
    if name not in {"tag nobody used", "team nobody is in", "team and agent outside it"}:
        assert expected, f"the data should have rows for {name}"


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("direction", list(SortDirection))
@pytest.mark.parametrize("name", ["nothing", "team", "emergency", "channels", "tags, any of", "date range"])
def test_every_order_pages_without_gaps_or_repeats(
    db: Runtime, sort: SortKey, direction: SortDirection, name: str
) -> None:
    query = replace(FILTERS[name](db), sort=sort, direction=direction, page_size=11)
    assert walk(db, query) == reference(db, query)


def test_rows_written_between_pages_neither_repeat_nor_shift_the_next_page(db: Runtime) -> None:
    query = InteractionQuery(page_size=5)
    with db.db.read() as conn:
        first = q.page(conn, query)
    log_interaction(
        db, phone="020 7946 0991", details=CallDetails(note="newest"), started_at=BASE + timedelta(days=900)
    )
    with db.db.read() as conn:
        second = q.page(conn, query, after=first.next)
    expected = reference(db, query)
    assert [r.interaction.id for r in second.rows] == expected[6:11]  # after the new row and the first five


@pytest.mark.parametrize(
    ("name", "driver", "index"),
    [
        ("nothing", "time", "ix_interaction_started_at"),
        ("one agent", "agent", "ix_interaction_agent_started"),
        ("team", "agent", "ix_interaction_agent_started"),
        ("channels", "channel", "ix_interaction_channel_started"),
        ("outcome", "outcome", "ix_interaction_outcome_started"),
        ("tags, any of", "tag", "interaction_tag USING PRIMARY KEY"),
        ("caller", "caller", "ix_interaction_caller_started"),
        ("emergency", "emergency", "ix_interaction_emergency_started"),
        ("vulnerable", "vulnerable", "ix_interaction_vulnerable_started"),
        ("follow-up overdue", "overdue", "ix_interaction_open_follow_up_started"),
    ],
)
def test_each_filter_seeks_its_own_index_in_order(db: Runtime, name: str, driver: str, index: str) -> None:
    with db.db.read() as conn:
        plan = q.explain(conn, FILTERS[name](db))
    assert plan["driver"] == driver
    steps = " | ".join(plan["plan"])  # type: ignore[arg-type]
    assert index in steps
    assert "TEMP B-TREE FOR ORDER BY" not in steps, f"{name} sorts its matches: {steps}"


def test_the_rarest_filter_drives_when_there_are_several(db: Runtime) -> None:
    with db.db.read() as conn:
        assert q.explain(conn, InteractionQuery(emergency=True, team="Thames"))["driver"] == "emergency"
        assert q.explain(conn, InteractionQuery(tags=("no-such-tag",), vulnerable=True))["driver"] == "tag"


def test_log_rows_carry_the_caller_and_the_review_mark(db: Runtime) -> None:
    with db.db.read() as conn:
        rows = [row for row in walk_rows(conn, InteractionQuery(page_size=500))]
    named = [row for row in rows if row.interaction.caller_id]
    assert named and all(row.caller_name for row in named)
    with db.db.read() as conn:  # the demo's quality reviews and the fixture's; a duty-of-care outcome is not one
        review = tables.review
        quality = set(conn.execute(select(review.c.interaction_id).where(review.c.duty_of_care_outcome == "")))
    assert {(row.interaction.id,) for row in rows if row.reviewed} == quality


def walk_rows(conn: Any, query: InteractionQuery) -> list[q.LogRow]:
    rows: list[q.LogRow] = []
    cursor = None
    while True:
        page = q.page(conn, query, after=cursor)
        rows.extend(page.rows)
        if page.next is None:
            return rows
        cursor = page.next


def test_search_finds_notes_newest_stored_first_with_filters(db: Runtime) -> None:
    with db.db.read() as conn:
        found = q.page(conn, InteractionQuery(text="boiler refu*", page_size=4))
        assert [r.interaction.note for r in found.rows] == [f"boiler refund {n}" for n in (5, 4, 3, 2)]
        rest = q.page(conn, InteractionQuery(text="boiler refu*", page_size=4), after=found.next)
        assert [r.interaction.note for r in rest.rows] == ["boiler refund 1", "boiler refund 0"]
        assert rest.next is None
        sams = q.page(conn, InteractionQuery(text="boiler", agent_ids=("sam.okafor",)))
        assert [r.interaction.note for r in sams.rows] == ["boiler refund 5", "boiler refund 3", "boiler refund 1"]


@pytest.mark.parametrize("typed", ['"unclosed', "NEAR(", "near(miss", "AND OR NOT", "'; DROP TABLE interaction; --"])
def test_fts_syntax_typed_by_a_user_is_only_text(db: Runtime, typed: str) -> None:
    with db.db.read() as conn:
        q.page(conn, InteractionQuery(text=typed))  # no error
        found = q.page(conn, InteractionQuery(text="NEAR(operator"))
    assert [r.interaction.note for r in found.rows] == ["Near miss with the NEAR( operator"]


@pytest.mark.parametrize(("typed", "message"), [("a", "at least two letters"), ("?!", "no letters or digits")])
def test_unsearchable_text_is_refused(db: Runtime, typed: str, message: str) -> None:
    with db.db.read() as conn, pytest.raises(UserError, match=message):
        q.page(conn, InteractionQuery(text=typed))


def test_search_sorted_another_way_is_refused(db: Runtime) -> None:
    with db.db.read() as conn, pytest.raises(UserError, match="newest first"):
        q.page(conn, InteractionQuery(text="boiler", sort=SortKey.AGENT))


def test_a_search_stops_at_its_budget_and_reads_on_without_gaps(db: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(40):
        log_interaction(db, phone="020 7946 0992", details=CallDetails(note=f"quokka {n}"), started_at=BASE)
    monkeypatch.setattr(search_module, "SEARCH_BUDGET", 5)
    monkeypatch.setattr(search_module, "MAX_CHUNK", 5)
    query = InteractionQuery(text="quokka", agent_ids=("nobody",), page_size=3)
    with db.db.read() as conn:
        page = q.page(conn, query)
    assert page.rows == () and page.next is not None, "the budget ran out before the index did"
    everyone = walk(db, InteractionQuery(text="quokka", page_size=3))
    assert len(everyone) == 40


def test_counts_are_exact_where_cheap_and_absent_where_not(db: Runtime) -> None:
    with db.db.read() as conn:
        for name in ("one agent", "emergency", "tags, any of", "many at once", "tag nobody used"):
            query = FILTERS[name](db)
            assert q.count_estimate(conn, query) == q.CountEstimate(len(reference(db, query)), exact=True)
        assert q.count_estimate(conn, InteractionQuery(), cap=50) == q.CountEstimate(50, exact=False)
        assert q.count_estimate(conn, InteractionQuery(text="boiler")) == q.CountEstimate(6, exact=True)
        assert q.count_estimate(conn, InteractionQuery(text="boiler", emergency=True)) is None
        assert q.count_estimate(conn, InteractionQuery(not_reviewed=True), cap=50) is None


def test_derived_tables_follow_every_insert_update_and_delete(db: Runtime) -> None:
    table = tables.interaction
    with db.db.write() as conn:
        first, second = conn.execute(select(table.c.id).order_by(table.c.started_at).limit(2)).scalars()
        conn.execute(
            update(table).where(table.c.id == first).values(tags=["moved", "refund"], outcome="exceeded", channel="web")
        )
        conn.execute(update(table).where(table.c.id == second).values(started_at=BASE + timedelta(days=30)))
        conn.execute(delete(table).where(table.c.id == some(db, lambda i: i.id if "bereavement" in i.tags else None)))
    with db.db.read() as conn:
        assert derived.integrity_problems(conn) == []
        stored = set(conn.execute(select(q.plan.tag_table)).all())
    expected = {(t, i.started_at, i.id) for i in everything(db) for t in i.tags}
    assert stored == expected


def test_a_bad_tags_value_never_stops_a_write(db: Runtime) -> None:
    table = tables.interaction
    with db.db.write() as conn:
        target = conn.execute(select(table.c.id).limit(1)).scalar_one()
        conn.exec_driver_sql("UPDATE interaction SET tags = 'not json' WHERE id = ?", (target.hex,))
    with db.db.read() as conn:
        assert derived.integrity_problems(conn) == []
