"""The console as a supervisor meets it: every tab present and named, Ctrl+1.. switches tabs, the dashboard follows
the log's filters, and every focusable widget on every tab has a plain-words accessible name."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.rows import save
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.window import ConsoleWindow
from cxassist.ui.widgets.text import short_date

TABS = ("dutyOfCareTab", "interactionLogTab", "dashboardTab", "frictionTab", "promptPacksTab", "auditLogTab")


@pytest.fixture
def console(qtbot: Any, runtime: Runtime, runner: Any, errors: Any) -> ConsoleWindow:
    runtime.agent_id = "helen.ward"
    with runtime.db.write() as conn:
        save(conn, tables.agent, {"id": "helen.ward", "display_name": "Helen", "role": "supervisor", "team": "Leads"},
             hlc=runtime.stamp(), now=runtime.now())
    window = ConsoleWindow(ConsoleContext(runtime, runner, errors))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_every_tab_is_there_in_the_order_of_a_supervisors_day(console: ConsoleWindow) -> None:
    names = [console.tabs.widget(i).objectName() for i in range(console.tabs.count())]
    assert names == list(TABS)
    assert all(console.tabs.tabText(i).strip() for i in range(console.tabs.count()))


def test_ctrl_and_a_number_switches_tabs(qtbot: Any, console: ConsoleWindow) -> None:
    for number, name in enumerate(TABS, start=1):
        qtbot.keyClick(console, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
        assert console.tabs.currentWidget().objectName() == name
    assert "Ctrl+3" in console.tabs.tabToolTip(2)


def test_every_focusable_widget_on_every_tab_has_a_name_in_plain_words(console: ConsoleWindow, unnamed: Any) -> None:
    for index in range(console.tabs.count()):
        console.tabs.setCurrentIndex(index)
        assert unnamed(console.tabs.currentWidget()) == [], console.tabs.widget(index).objectName()


def test_the_dashboard_follows_the_logs_filters(qtbot: Any, console: ConsoleWindow) -> None:
    log, dashboard = console.tab("interactionLogTab"), console.tab("dashboardTab")
    qtbot.keyClick(console, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    log.filters.emergency.setChecked(True)  # type: ignore[attr-defined]
    log.apply_filters()  # type: ignore[attr-defined]
    qtbot.keyClick(console, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    shown = dashboard.summary.text() + dashboard.status.text()  # type: ignore[attr-defined]
    month_ago = console.context.runtime.today() - timedelta(days=29)
    assert short_date(month_ago) in shown, "the log's 30 days, not the dashboard's own 90"
