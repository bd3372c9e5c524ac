"""The console's dashboard tab: the last 90 days on its own, the log's filters when given, a table for every chart
(named for screen readers, reachable by keyboard), a plain message for an empty range, stale results dropped,
refreshed by changes, and tables only when pyqtgraph is missing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cxassist.domain.models import Channel, Outcome
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.changes import Changes
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.prompt_events import PromptEventRecord, save_events
from cxassist.store.query import InteractionQuery
from cxassist.store.reviews import ReviewRecord, save_review
from cxassist.store.rows import save
from cxassist.ui.console.charts.chart_data import ChartData, Series
from cxassist.ui.console.charts.table_model import ChartTableModel
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.dashboard_view import DashboardTab
from cxassist.ui.tasks import SynchronousRunner

CHARTS = ("contactsByChannel", "outcomeMix", "outcomesByAgent", "outcomesByTeam", "scoresByAgent", "scoresByTeam",
          "followUps", "promptUse")  # fmt: skip


def add_agent(runtime: Runtime, agent_id: str, team: str) -> None:
    with runtime.db.write() as conn:
        values = {"id": agent_id, "display_name": agent_id.title(), "role": "agent", "team": team}
        save(conn, tables.agent, values, hlc=runtime.stamp(), now=runtime.now())


def log(runtime: Runtime, *, agent: str, channel: Channel, outcome: Outcome | None, days_ago: int) -> Any:
    at = runtime.now() - timedelta(days=days_ago, hours=1)
    details = CallDetails(channel=channel, outcome=outcome)
    return log_interaction(replace(runtime, agent_id=agent), phone="020 7946 0700", details=details,
                           started_at=at).value  # fmt: skip


@pytest.fixture
def calls(runtime: Runtime) -> list[Any]:
    add_agent(runtime, "sam", "Thames")
    add_agent(runtime, "dan", "Pennine")
    return [
        log(runtime, agent="sam", channel=Channel.PHONE, outcome=Outcome.MET, days_ago=1),
        log(runtime, agent="sam", channel=Channel.PHONE, outcome=Outcome.FAILED, days_ago=3),
        log(runtime, agent="dan", channel=Channel.CHAT, outcome=Outcome.EXCEEDED, days_ago=3),
        log(runtime, agent="dan", channel=Channel.EMAIL, outcome=Outcome.MET, days_ago=120),  # outside 90 days
    ]


@pytest.fixture
def tab(qtbot: Any, runtime: Runtime, runner: SynchronousRunner, errors: Any) -> DashboardTab:
    made = DashboardTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(made)
    made.resize(1400, 1000)
    return made


def table(tab: DashboardTab, chart: str) -> ChartTableModel:
    return tab.card(chart).model


def headers(model: ChartTableModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_on_its_own_the_tab_counts_the_last_90_days(tab: DashboardTab, calls: list[Any]) -> None:
    assert tab.dashboard is None, "nothing is counted before the tab is shown"
    tab.show()
    assert tab.dashboard is not None
    assert tab.summary.text().startswith("Contacts: 3 ")
    assert "Met or exceeded expectations: 67%" in tab.summary.text()
    by_channel = table(tab, "contactsByChannel")
    assert headers(by_channel) == ["Day", "Phone", "Chat", "Total"], "email was 120 days ago"
    assert sum(by_channel.column("Total")) == 3
    assert table(tab, "outcomesByAgent").column("Agent") == ["Dan", "Sam"]
    assert table(tab, "outcomesByTeam").column("Total") == [1, 2]
    assert tab.card("contactsByChannel").legend.texts() == ["Phone", "Chat"]
    assert tab.card("outcomeMix").legend.texts() == ["✗ Failed", "✓ Met", "★ Exceeded"]


def test_a_channel_filter_leaves_only_that_channel(tab: DashboardTab, calls: list[Any]) -> None:
    tab.show()
    tab.set_query(InteractionQuery(channels=(Channel.CHAT,)))
    by_channel = table(tab, "contactsByChannel")
    assert headers(by_channel) == ["Day", "Chat", "Total"]
    assert by_channel.column("Chat") == [1]
    assert table(tab, "outcomesByAgent").column("Agent") == ["Dan"]
    assert table(tab, "outcomeMix").column("★ Exceeded") == [1]
    assert tab.summary.text().startswith("Contacts: 1 ")
    assert "matching the interaction log's filters" in tab.summary.text()


def test_a_filter_set_while_hidden_is_counted_when_shown(tab: DashboardTab, calls: list[Any]) -> None:
    tab.set_query(InteractionQuery(agent_ids=("sam",)))
    assert tab.dashboard is None
    tab.show()
    assert table(tab, "outcomesByAgent").column("Agent") == ["Sam"]


def test_every_chart_has_a_table_toggle_named_for_screen_readers(
    qtbot: Any, tab: DashboardTab, calls: list[Any]
) -> None:
    tab.show()
    assert [card.chart.name for card in tab.cards] == list(CHARTS)
    for name in ("contactsByChannel", "outcomeMix", "outcomesByAgent"):
        card = tab.card(name)
        toggle = tab.findChild(QWidget, f"{name}ShowTable")
        view = tab.findChild(QWidget, f"{name}Table")
        assert toggle is card.as_table and view is card.table
        assert toggle.accessibleName() == f"Show as a table: {card.title.text()}"
        assert view.accessibleName() == f"{card.title.text()}, as a table"
        assert toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert card.stack.currentWidget() is not view
        toggle.setFocus()
        qtbot.keyClick(toggle, Qt.Key.Key_Space)
        assert card.stack.currentWidget() is view
        assert view.model().rowCount() > 0
    assert unnamed(tab) == []


def unnamed(root: QWidget) -> list[str]:
    """Focusable widgets without a plain-words accessible name (as tests/gui/test_accessibility.py checks)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisibleTo(root):
            continue
        name, accessible = widget.objectName(), widget.accessibleName()
        if not name or not accessible.strip() or accessible == name:
            problems.append(f"{type(widget).__name__} objectName={name!r} accessibleName={accessible!r}")
    return problems


def test_an_empty_range_says_so_instead_of_empty_axes(tab: DashboardTab, calls: list[Any]) -> None:
    tab.show()
    tab.set_query(InteractionQuery.for_days(date(2020, 1, 1), date(2020, 1, 31)))
    assert tab.status.isVisible()
    assert tab.status.text().startswith("No contacts in this range")
    assert not tab.charts_area.isVisible()
    assert table(tab, "contactsByChannel").rowCount() == 0
    tab.set_query(InteractionQuery())
    assert not tab.status.isVisible() and tab.charts_area.isVisible()


def test_charts_without_data_say_so(tab: DashboardTab, calls: list[Any]) -> None:
    tab.show()
    card = tab.card("scoresByAgent")
    assert card.empty.isVisible() and card.empty.text() == "No quality reviews of contacts in this range."
    assert not card.stack.isVisible() and not card.as_table.isEnabled()


def test_reviews_and_prompt_use_show_in_their_tables(tab: DashboardTab, runtime: Runtime, calls: list[Any]) -> None:
    first, second = calls[0], calls[2]
    with runtime.db.write() as conn:
        for item, given in ((first, {"empathy": 4, "care": 5}), (second, {"empathy": 2})):
            record = ReviewRecord(id=runtime.new_id(), interaction_id=item.id, reviewer_id="lee", scores=given)
            save_review(conn, record, hlc=runtime.stamp(), now=runtime.now())
        events = [PromptEventRecord(first.id, "greet", "1", "shown"), PromptEventRecord(first.id, "greet", "1", "used"),
                  PromptEventRecord(second.id, "greet", "1", "shown")]  # fmt: skip
        save_events(conn, events, new_id=runtime.new_id, hlc=runtime.stamp(), now=runtime.now())
    tab.show()
    scores = table(tab, "scoresByAgent")
    assert headers(scores) == ["Agent", "Criterion", "Average score", "Reviews"]
    assert {(a, c): v for a, c, v in zip(scores.column("Agent"), scores.column("Criterion"),
                                          scores.column("Average score"), strict=True)} == {
        ("Dan", "empathy"): 2.0, ("Sam", "care"): 5.0, ("Sam", "empathy"): 4.0}  # fmt: skip
    assert table(tab, "scoresByTeam").column("Team") == ["Pennine", "Thames", "Thames"]
    prompts = table(tab, "promptUse")
    assert prompts.column("Prompt") == ["Greet"], "a rule not in the packs in force: its id in words"
    assert (prompts.column("Shown"), prompts.column("Used"), prompts.column("Used: met")) == ([2], [1], [1])
    assert prompts.column("Met or exceeded where used") == ["100%"]
    assert prompts.column("Rule id") == ["greet"]


def test_prompts_are_named_in_words_with_the_rule_id_for_pack_editors(
    tab: DashboardTab, runtime: Runtime, calls: list[Any]
) -> None:
    rules = ("closing-confirm-preferred-channel", "care-emergency-contacts", "greet-preferred-name")
    with runtime.db.write() as conn:
        events = [PromptEventRecord(calls[0].id, rule, "1", "shown") for rule in rules]
        save_events(conn, events, new_id=runtime.new_id, hlc=runtime.stamp(), now=runtime.now())
    tab.show()
    prompts = table(tab, "promptUse")
    names = dict(zip(prompts.column("Rule id"), prompts.column("Prompt"), strict=True))
    assert names == {
        "closing-confirm-preferred-channel": "Closing: Confirm preferred channel",
        "care-emergency-contacts": "Care and safety: Emergency contacts",
        "greet-preferred-name": "Greeting: Preferred name",
    }
    row = prompts.column("Rule id").index("closing-confirm-preferred-channel")
    tip = prompts.data(prompts.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "closing-confirm-preferred-channel" in tip
    card = tab.card("promptUse")
    assert card.plot is not None and "Closing: Confirm preferred channel" in card.plot.toolTip()
    assert "closing-confirm-preferred-channel" in card.plot.toolTip()


def test_a_result_for_a_replaced_query_is_dropped(
    qtbot: Any, runtime: Runtime, relay: Any, errors: Any, calls: list[Any]
) -> None:
    runner = HeldRunner(relay, errors)
    tab = DashboardTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(tab)
    tab.show()
    tab.set_query(InteractionQuery(channels=(Channel.PHONE,)))
    tab.set_query(InteractionQuery(channels=(Channel.CHAT,)))
    assert len(runner.held) == 3  # the first showing, then two filters
    runner.finish(2)  # the newest arrives first
    assert table(tab, "contactsByChannel").column("Chat") == [1]
    runner.finish(1)
    runner.finish(0)
    assert headers(table(tab, "contactsByChannel")) == ["Day", "Chat", "Total"], "older results are dropped"
    runner.shutdown()


class HeldRunner(SynchronousRunner):
    """Runs each read when the test says so, in any order (as a worker pool may finish them)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.held: list[Callable[[], None]] = []

    def _submit(self, executor: Any, fn: Callable[[], Any], finish: Callable[[Future[Any]], None]) -> None:
        def run() -> None:
            future: Future[Any] = Future()
            future.set_result(fn())
            finish(future)

        self.held.append(run)

    def finish(self, index: int) -> None:
        self.held[index]()


def test_a_change_to_interactions_counts_again(
    tab: DashboardTab, runtime: Runtime, relay: Any, calls: list[Any]
) -> None:
    tab.show()
    made = log(runtime, agent="sam", channel=Channel.WEB, outcome=None, days_ago=2)
    relay.report(Changes(outbox_pending=True))
    assert tab.summary.text().startswith("Contacts: 3 "), "a change to nothing it shows is ignored"
    relay.report(Changes(interactions=frozenset({made.id})))
    assert tab.summary.text().startswith("Contacts: 4 ")
    assert "Web" in headers(table(tab, "contactsByChannel"))
    tab.hide()
    log(runtime, agent="sam", channel=Channel.WEB, outcome=None, days_ago=2)
    relay.report(Changes(pulled=1))
    assert tab.summary.text().startswith("Contacts: 4 "), "hidden: only marked stale"
    tab.show()
    assert tab.summary.text().startswith("Contacts: 5 ")


def test_a_reversed_range_is_explained_beside_the_charts(tab: DashboardTab, errors: Any, calls: list[Any]) -> None:
    tab.show()
    later = datetime.now().astimezone()
    tab.set_query(InteractionQuery(start=later, end=later - timedelta(days=3)))
    assert tab.status.isVisible()
    assert "The date range is reversed" in tab.status.text()
    assert errors.messages == []


def test_without_pyqtgraph_every_chart_is_a_table(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    runtime: Runtime,
    runner: SynchronousRunner,
    errors: Any,
    calls: list[Any],
) -> None:
    monkeypatch.setitem(sys.modules, "pyqtgraph", None)  # import pyqtgraph now raises ImportError
    tab = DashboardTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(tab)
    tab.show()
    assert tab.charts_missing.isVisible()
    assert "Charts are not installed" in tab.charts_missing.text()
    for card in tab.cards:
        assert card.plot is None and not card.as_table.isVisible()
        assert card.stack.currentWidget() is card.table
    assert table(tab, "contactsByChannel").column("Total") == [2, 1]  # 3 days ago, then yesterday


def test_with_pyqtgraph_there_is_no_missing_charts_line(tab: DashboardTab, calls: list[Any]) -> None:
    tab.show()
    assert not tab.charts_missing.isVisible()
    assert all(card.plot is not None for card in tab.cards)


def test_the_table_model_passes_the_model_tester(qtmodeltester: Any, qapp: Any) -> None:
    model = ChartTableModel()
    model.set_data(ChartData(series=(Series("met", "Met", (2.0,)),), headers=("Day", "Met", "Share"),
                             rows=(("1 Sep", 2, 0.5),), value_label="Contacts", days=(date(2026, 9, 1),)))  # fmt: skip
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "0.5"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) is not None
