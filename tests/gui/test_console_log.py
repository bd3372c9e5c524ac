"""The console's interaction log: filters change the rows, search finds notes, bad input is explained beside the
filters, pages load as the supervisor scrolls (a superseded page is dropped), sorting, saved filter sets, opening a
row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QStyleOptionHeader, QWidget

from cxassist.domain.models import Channel, EmergencyActionKind, Outcome
from cxassist.services import review
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.emergency import record_action
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.query import InteractionQuery, SortDirection, SortKey
from cxassist.store.rows import save
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.log_model import InteractionLogModel
from cxassist.ui.console.log_view import InteractionLogTab
from cxassist.ui.tasks import TaskRunner

SUPERVISOR = "helen.ward"


@dataclass
class Seeded:
    ids: dict[str, UUID]  # by note


def as_agent(runtime: Runtime, agent_id: str) -> Runtime:
    return replace(runtime, agent_id=agent_id)


def add_agent(runtime: Runtime, agent_id: str, role: str, team: str) -> None:
    with runtime.db.write() as conn:
        name = agent_id.replace(".", " ").title()  # sam.okafor is Sam Okafor
        values = {"id": agent_id, "display_name": name, "role": role, "team": team}
        save(conn, tables.agent, values, hlc=runtime.stamp(), now=runtime.now())


@pytest.fixture
def seeded(runtime: Runtime) -> Seeded:
    runtime.agent_id = SUPERVISOR
    add_agent(runtime, SUPERVISOR, "supervisor", "Leads")
    add_agent(runtime, "sam.okafor", "agent", "Thames")
    add_agent(runtime, "priya.shah", "agent", "Pennine")
    now = runtime.now()
    calls = (  # agent, days ago, channel, outcome, note, tags
        ("sam.okafor", 1, Channel.CHAT, Outcome.FAILED, "boiler refund promised by Friday", ("boiler",)),
        ("priya.shah", 2, Channel.PHONE, Outcome.MET, "address changed after the move", ("move",)),
        ("sam.okafor", 3, Channel.EMAIL, Outcome.EXCEEDED, "thanked us for the quick reply", ()),
        ("priya.shah", 4, Channel.CHAT, Outcome.MET, "second boiler visit booked", ("boiler", "visit")),
        ("sam.okafor", 5, Channel.PHONE, Outcome.FAILED, "caller collapsed, ambulance called", ()),
        ("priya.shah", 45, Channel.PHONE, Outcome.MET, "an old call about the boiler", ("boiler",)),
    )
    ids = {}
    for agent, days, channel, outcome, note, tags in reversed(calls):  # stored in time order, as calls are
        done = log_interaction(as_agent(runtime, agent), phone="020 7946 0990", started_at=now - timedelta(days=days),
                               details=CallDetails(channel=channel, outcome=outcome, note=note, tags=tags,
                                                   reason=note.split()[0]))
        ids[note] = done.value.id
    record_action(as_agent(runtime, "sam.okafor"), ids["caller collapsed, ambulance called"],
                  EmergencyActionKind.EMERGENCY_SERVICES_CALLED, "")
    review.save_review(runtime, ids["address changed after the move"],
                       scores=dict.fromkeys(runtime.settings.review.criteria, 4))
    return Seeded(ids)


@pytest.fixture
def context(runtime: Runtime, runner: TaskRunner, errors: Any) -> ConsoleContext:
    return ConsoleContext(runtime, runner, errors)


@pytest.fixture
def tab(qtbot: Any, context: ConsoleContext, seeded: Seeded) -> InteractionLogTab:
    made = InteractionLogTab(context, page_size=2)
    qtbot.addWidget(made)
    made.show()
    return made


def all_notes(model: InteractionLogModel) -> list[str]:
    """Every row the query matches, fetching page after page as a scrolling view would."""
    while model.canFetchMore():
        model.fetchMore()
    return [model.log_row(r).interaction.note for r in range(model.rowCount())]


def column(model: InteractionLogModel, number: int) -> list[str]:
    all_notes(model)
    return [model.data(model.index(r, number)) for r in range(model.rowCount())]


def apply(qtbot: Any, tab: InteractionLogTab, change: Callable[[], object]) -> None:
    change()
    qtbot.mouseClick(tab.filters.apply, Qt.MouseButton.LeftButton)


def test_the_log_opens_on_the_last_30_days_with_a_count(tab: InteractionLogTab, seeded: Seeded) -> None:
    assert len(all_notes(tab.model)) == 5, "the call 45 days ago is outside the default range"
    assert all_notes(tab.model)[0] == "boiler refund promised by Friday", "newest first"
    assert tab.count.text() == "5 interactions"
    assert tab.filters.agent.findData("priya.shah") > 0 and tab.filters.team.findData("Pennine") > 0
    row = {tab.model.headerData(c, Qt.Orientation.Horizontal): tab.model.data(tab.model.index(4, c))
           for c in range(tab.model.columnCount())}
    assert row["Outcome"] == "✗ Failed" and row["Channel"] == "Phone" and row["Agent"] == "Sam Okafor"
    assert "Emergency" in row["Flags"] and row["Reviewed"] == "Not reviewed"
    assert column(tab.model, 7)[1] == "✓ Reviewed"


def test_agents_show_by_name_and_an_unknown_agent_by_id(
    qtbot: Any, context: ConsoleContext, runtime: Runtime, tab: InteractionLogTab
) -> None:
    assert set(column(tab.model, 2)) == {"Sam Okafor", "Priya Shah"}
    log_interaction(as_agent(runtime, "temp.one"), phone="020 7946 0990", details=CallDetails(note="a temp's call"))
    tab.refresh()  # loads the agents again, then the log
    rows = {tab.model.log_row(r).interaction.note: tab.model.data(tab.model.index(r, 2))
            for r in range(tab.model.rowCount())}  # fmt: skip
    assert rows["a temp's call"] == "temp.one", "an agent not in the agent table shows as their id"
    fresh = InteractionLogModel(context)  # before the agents have loaded: ids
    fresh.set_query(InteractionQuery())
    assert fresh.data(fresh.index(0, 2)) == "temp.one"


def arrow(tab: InteractionLogTab, section: int) -> QStyleOptionHeader.SortIndicator:
    """The arrow the header draws on `section` (SortUp points up)."""
    option = QStyleOptionHeader()
    tab.table.horizontalHeader().initStyleOptionForIndex(option, section)
    return option.sortIndicator


def test_the_sort_arrow_points_the_way_the_order_runs(qtbot: Any, tab: InteractionLogTab) -> None:
    assert tab.order.currentText() == "Newest first"
    assert arrow(tab, 0) == QStyleOptionHeader.SortIndicator.SortDown, "newest first: descending, arrow down"
    assert arrow(tab, 2) == QStyleOptionHeader.SortIndicator.None_
    tab.order.activated.emit(1)  # oldest first
    assert arrow(tab, 0) == QStyleOptionHeader.SortIndicator.SortUp
    header_click(qtbot, tab, 2)  # Agent A to Z
    assert arrow(tab, 2) == QStyleOptionHeader.SortIndicator.SortUp
    assert arrow(tab, 0) == QStyleOptionHeader.SortIndicator.None_


def test_columns_fit_their_text_and_reason_and_flags_share_the_rest(tab: InteractionLogTab) -> None:
    tab.resize(1400, 600)
    header = tab.table.horizontalHeader()
    started = tab.model.data(tab.model.index(0, 0))
    assert header.sectionSize(0) >= tab.table.fontMetrics().horizontalAdvance(started), "the time is not cut off"
    assert header.sectionSize(4) > header.sectionSize(7) and header.sectionSize(6) > header.sectionSize(7)
    flags = tab.model.index(4, 6)
    assert tab.model.data(flags, Qt.ItemDataRole.ToolTipRole) == tab.model.data(flags)


def test_filters_change_the_rows_and_are_announced(qtbot: Any, tab: InteractionLogTab, seeded: Seeded) -> None:
    bar = tab.filters
    with qtbot.waitSignal(tab.query_changed) as announced:
        apply(qtbot, tab, lambda: bar.channel.setCurrentIndex(bar.channel.findData("chat")))
    assert announced.args[0].channels == (Channel.CHAT,)
    assert all_notes(tab.model) == ["boiler refund promised by Friday", "second boiler visit booked"]

    apply(qtbot, tab, lambda: bar.team.setCurrentIndex(bar.team.findData("Pennine")))
    assert all_notes(tab.model) == ["second boiler visit booked"]

    bar.clear()
    apply(qtbot, tab, lambda: bar.agent.setCurrentIndex(bar.agent.findData("sam.okafor")))
    assert set(column(tab.model, 2)) == {"Sam Okafor"} and tab.model.rowCount() == 3

    bar.clear()
    apply(qtbot, tab, lambda: bar.outcome.setCurrentIndex(bar.outcome.findData("met")))
    assert all_notes(tab.model) == ["address changed after the move", "second boiler visit booked"]

    bar.clear()
    apply(qtbot, tab, lambda: qtbot.keyClicks(bar.tags, "Visit, move"))
    assert all_notes(tab.model) == ["address changed after the move", "second boiler visit booked"]

    bar.clear()
    apply(qtbot, tab, bar.emergency.click)
    assert all_notes(tab.model) == ["caller collapsed, ambulance called"]

    bar.clear()
    apply(qtbot, tab, bar.not_reviewed.click)
    assert "address changed after the move" not in all_notes(tab.model) and tab.model.rowCount() == 4

    bar.clear()
    apply(qtbot, tab, lambda: bar.since.setDate(QDate(tab.context.runtime.today() - timedelta(days=60))))
    assert all_notes(tab.model)[-1] == "an old call about the boiler"


def test_search_finds_a_note_newest_first(qtbot: Any, tab: InteractionLogTab) -> None:
    apply(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search, "boiler"))
    assert all_notes(tab.model) == ["boiler refund promised by Friday", "second boiler visit booked"]
    assert tab.model.query is not None and tab.model.query.text == "boiler"
    tab.filters.search.clear()
    qtbot.keyClicks(tab.filters.search, "ambulance")
    qtbot.keyClick(tab.filters.search, Qt.Key.Key_Return)
    assert all_notes(tab.model) == ["caller collapsed, ambulance called"]


@pytest.mark.parametrize(("typed", "said"), [
    ("x", "at least two letters"),
    ("?!...", "no letters or digits"),
])
def test_a_bad_search_is_explained_and_the_table_stays(qtbot: Any, tab: InteractionLogTab, typed: str,
                                                      said: str, errors: Any) -> None:
    before = all_notes(tab.model)
    apply(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search, typed))
    assert said in tab.filters.error_text and tab.filters.error_text.startswith("⚠")
    assert all_notes(tab.model) == before
    assert errors.messages == [], "shown beside the filters, not in a message bar"
    tab.filters.search.clear()
    apply(qtbot, tab, lambda: None)
    assert tab.filters.error_text == "", "a good query clears the message"


@pytest.mark.parametrize("typed", ['"unclosed', "NEAR(", "boiler AND OR"])
def test_search_syntax_typed_by_a_user_is_only_text(qtbot: Any, tab: InteractionLogTab, typed: str) -> None:
    apply(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search, typed))
    assert tab.filters.error_text == ""
    assert all("boiler" in note for note in all_notes(tab.model))


def test_a_reversed_date_range_is_explained(qtbot: Any, tab: InteractionLogTab) -> None:
    before = all_notes(tab.model)
    today = tab.context.runtime.today()
    apply(qtbot, tab, lambda: tab.filters.since.setDate(QDate(today + timedelta(days=2))))
    assert "reversed" in tab.filters.error_text
    assert all_notes(tab.model) == before


def test_pages_load_one_at_a_time_as_the_view_asks(qtbot: Any, context: ConsoleContext, seeded: Seeded) -> None:
    model = InteractionLogModel(context)
    model.set_query(InteractionQuery(page_size=2))
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4
    notes = all_notes(model)
    assert len(notes) == len(set(notes)) == 6
    assert not model.canFetchMore()
    started = [model.log_row(r).interaction.started_at for r in range(model.rowCount())]
    assert started == sorted(started, reverse=True)


def test_model_passes_the_model_tester(qtmodeltester: Any, context: ConsoleContext, seeded: Seeded) -> None:
    model = InteractionLogModel(context)
    model.set_query(InteractionQuery(page_size=3))
    qtmodeltester.check(model, force_py=True)


def test_a_page_for_a_superseded_query_is_dropped(runtime: Runtime, deferred: Any, errors: Any,
                                                  seeded: Seeded) -> None:
    model = InteractionLogModel(ConsoleContext(runtime, deferred, errors))
    model.set_query(InteractionQuery(page_size=2))
    deferred.run_next()
    model.fetchMore()
    model.fetchMore()
    assert len(deferred.pending) == 1, "one page in flight at a time"
    model.set_query(InteractionQuery(page_size=2, channels=(Channel.EMAIL,)))
    deferred.run_next()  # the old query's second page arrives late
    assert model.rowCount() == 2 and model.query is not None and model.query.channels == ()
    deferred.run_next()
    assert [model.log_row(r).interaction.note for r in range(model.rowCount())] == ["thanked us for the quick reply"]
    assert not model.canFetchMore()


def header_click(qtbot: Any, tab: InteractionLogTab, section: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_sorting_by_the_columns_the_store_can_order(qtbot: Any, tab: InteractionLogTab) -> None:
    header = tab.table.horizontalHeader()
    header_click(qtbot, tab, 2)  # Agent: A to Z
    agents = column(tab.model, 2)
    assert agents == sorted(agents) and agents[0] == "Priya Shah"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (2, Qt.SortOrder.AscendingOrder)
    header_click(qtbot, tab, 2)  # again: Z to A
    assert column(tab.model, 2)[0] == "Sam Okafor"
    assert tab.model.query is not None and tab.model.query.direction is SortDirection.DESC
    header_click(qtbot, tab, 4)  # Reason cannot be sorted: nothing changes
    assert tab.model.query.sort is SortKey.AGENT and header.sortIndicatorSection() == 2
    assert tab.order.currentText() == "Agent Z to A"

    tab.order.setFocus()
    qtbot.keyClick(tab.order, Qt.Key.Key_Down)  # the order box does the same from the keyboard
    assert column(tab.model, 3)[0] == "Chat" and header.sortIndicatorSection() == 3
    tab.order.setCurrentIndex(0)
    tab.order.activated.emit(1)  # oldest first
    notes = all_notes(tab.model)
    assert notes[0] == "caller collapsed, ambulance called" and notes[-1] == "boiler refund promised by Friday"


def test_search_results_stay_newest_first(qtbot: Any, tab: InteractionLogTab) -> None:
    header_click(qtbot, tab, 2)
    apply(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search, "boiler"))
    assert tab.model.query is not None and tab.model.query.sort is SortKey.STARTED_AT
    header_click(qtbot, tab, 3)
    assert "newest first" in tab.filters.error_text
    assert tab.table.horizontalHeader().sortIndicatorSection() == 0 and tab.order.currentText() == "Newest first"


def test_a_saved_filter_set_round_trips(qtbot: Any, tab: InteractionLogTab) -> None:
    bar = tab.filters
    bar.channel.setCurrentIndex(bar.channel.findData("chat"))
    qtbot.keyClicks(bar.tags, "boiler")
    tab.saved.save_current("Chat about boilers")
    assert [s.name for s in tab.saved.sets] == ["Chat about boilers"]
    assert "Chat about boilers" in tab.message.text()

    bar.clear()
    assert tab.model.rowCount() >= 2 and bar.channel.currentData() is None
    applied = [a for a in tab.saved.menu_.actions() if a.objectName() == "applySavedFilter"]
    assert len(applied) == 1
    with qtbot.waitSignal(tab.query_changed):
        applied[0].trigger()
    assert bar.channel.currentData() == "chat" and bar.tags.text() == "boiler"
    assert all_notes(tab.model) == ["boiler refund promised by Friday", "second boiler visit booked"]

    tab.saved.delete(tab.saved.sets[0])
    assert tab.saved.sets == []


def test_saving_filters_that_cannot_run_says_why(qtbot: Any, tab: InteractionLogTab) -> None:
    tab.filters.since.setDate(QDate(tab.context.runtime.today() + timedelta(days=3)))
    tab.saved.save_current("Broken")
    assert "reversed" in tab.filters.error_text and tab.saved.sets == []


def test_enter_or_a_double_click_opens_the_interaction(qtbot: Any, tab: InteractionLogTab, seeded: Seeded) -> None:
    table = tab.table
    table.setFocus()
    table.setCurrentIndex(tab.model.index(0, 1))
    with qtbot.waitSignal(tab.open_interaction) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [seeded.ids["boiler refund promised by Friday"]]
    cell = table.visualRect(tab.model.index(1, 1)).center()
    with qtbot.waitSignal(tab.open_interaction) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double click's first press
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [seeded.ids["address changed after the move"]]


def test_a_new_interaction_shows_after_the_change_notice(qtbot: Any, context: ConsoleContext,
                                                        seeded: Seeded) -> None:
    tab = InteractionLogTab(context)
    qtbot.addWidget(tab)
    tab.show()
    runtime = context.runtime
    context.runner.write(lambda: log_interaction(as_agent(runtime, "sam.okafor"), phone="020 7946 0990",
                                                 details=CallDetails(note="just now")))
    assert all_notes(tab.model)[0] == "just now" and tab.count.text() == "6 interactions"


def test_every_control_has_a_name_in_plain_words(tab: InteractionLogTab) -> None:
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in tab.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(tab)
        and type(w.parent()).__name__ not in ("QComboBox", "QDateEdit")
        and (not w.objectName() or not w.accessibleName().strip() or w.accessibleName() == w.objectName())
    ]
    assert unnamed == []
