"""The console's audit log tab: events newest first a page at a time, filters by action and by who, and a check of
the hash chain that passes, then names the event after someone edits it directly in the database."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import update

from cxassist.domain.errors import UserError
from cxassist.services import audit_log
from cxassist.services.audit_log import AuditAction
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.ui.console.audit_model import PAGE_SIZE
from cxassist.ui.console.audit_view import AuditLogTab
from cxassist.ui.console.context import ConsoleContext


def seed(runtime: Runtime, count: int) -> None:
    """`count` events in one transaction: sam views vulnerabilities, lee every third one views contacts."""
    with runtime.db.write() as conn:
        for n in range(count):
            third = n % 3 == 0
            who = replace(runtime, agent_id="lee" if third else "sam")
            action = AuditAction.VIEWED_EMERGENCY_CONTACTS if third else AuditAction.VIEWED_VULNERABILITIES
            audit_log.append_event(conn, who, action=action, subject=f"caller:{n}", detail='{"reason":"call"}')


@pytest.fixture
def tab(qtbot: Any, runtime: Runtime, runner: Any, errors: Any) -> AuditLogTab:
    made = AuditLogTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(made)
    return made


def unnamed(root: QWidget) -> list[str]:
    focusable = [
        w for w in root.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root)
    ]
    return [w.objectName() for w in focusable if not w.objectName() or not w.accessibleName().strip()]


def column(tab: AuditLogTab, number: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def test_events_are_listed_newest_first_a_page_at_a_time(
    qtbot: Any, qtmodeltester: Any, runtime: Runtime, tab: AuditLogTab
) -> None:
    seed(runtime, PAGE_SIZE + 50)
    tab.show()
    assert tab.model.rowCount() == PAGE_SIZE, "one page, not the whole trail"
    assert column(tab, 3)[:2] == [f"caller:{PAGE_SIZE + 49}", f"caller:{PAGE_SIZE + 48}"]
    assert column(tab, 1)[:2] == ["lee", "sam"]  # 249 is a third one
    assert column(tab, 2)[:2] == ["Viewed emergency contacts", "Viewed vulnerabilities"]
    assert column(tab, 4)[0] == "reason: call"
    assert "scroll down for older ones" in tab.count.text()
    tab.model.fetchMore()
    assert tab.model.rowCount() == PAGE_SIZE + 50 and column(tab, 3)[-1] == "caller:0"
    assert "All 250 matching events shown" in tab.count.text()
    qtmodeltester.check(tab.model)


def test_filters_by_action_and_by_who(runtime: Runtime, tab: AuditLogTab) -> None:
    seed(runtime, 7)
    tab.show()
    action_choices = [tab.action.itemText(i) for i in range(tab.action.count())]
    assert action_choices == ["Any action", "Viewed emergency contacts", "Viewed vulnerabilities"]
    tab.action.setCurrentIndex(tab.action.findData(AuditAction.VIEWED_EMERGENCY_CONTACTS.value))
    assert column(tab, 3) == ["caller:6", "caller:3", "caller:0"]
    tab.action.setCurrentIndex(0)
    tab.who.setCurrentIndex(tab.who.findData("sam"))
    assert column(tab, 3) == ["caller:5", "caller:4", "caller:2", "caller:1"]


def test_a_new_audited_event_shows_at_the_top(runtime: Runtime, runner: Any, tab: AuditLogTab) -> None:
    seed(runtime, 2)
    tab.show()
    runner.write(lambda: audit_log.record(runtime, action=AuditAction.SAVED_VULNERABILITY, subject="caller:new"))
    assert column(tab, 3)[0] == "caller:new"


def test_the_chain_check_passes_then_names_the_event_tampered_with(
    qtbot: Any, runtime: Runtime, tab: AuditLogTab
) -> None:
    seed(runtime, 5)
    tab.show()
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert tab.result.text() == "✓ All 5 events intact."
    assert not tab.go_to_broken.isVisible()
    assert not any("TAMPERED" in text for text in column(tab, 0))

    event = tables.audit_event
    with runtime.db.engine.begin() as conn:  # someone edits the file behind the app's back
        conn.execute(update(event).where(event.c.seq == 3).values(subject="caller:someone-else"))
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    text = tab.result.text()
    assert text.startswith("⚠ Tampering: event 3 (Viewed vulnerabilities) at ")
    assert "does not match the event before it" in text
    marked = [row for row, when in enumerate(column(tab, 0)) if when.startswith("⚠ TAMPERED")]
    assert [tab.model.events[row].seq for row in marked] == [3]
    assert tab.model.data(tab.model.index(marked[0], 0), Qt.ItemDataRole.DecorationRole) is not None
    assert tab.go_to_broken.isVisible()
    assert unnamed(tab) == []

    seed(runtime, 300)  # the broken event is now far down the list
    tab.refresh()
    qtbot.mouseClick(tab.go_to_broken, Qt.MouseButton.LeftButton)
    assert tab.model.events[0].seq == 3 and tab.table.currentIndex().row() == 0
    assert column(tab, 3)[0] == "caller:someone-else"


def test_the_check_runs_on_a_worker_and_the_tab_stays_usable(
    qtbot: Any, runtime: Runtime, threaded_runner: Any, errors: Any
) -> None:
    seed(runtime, 3)
    tab = AuditLogTab(ConsoleContext(runtime=runtime, runner=threaded_runner, errors=errors))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    tab.check_button.click()
    assert not tab.check_button.isEnabled() and "Checking" in tab.result.text()
    qtbot.waitUntil(tab.check_button.isEnabled)
    assert tab.result.text() == "✓ All 3 events intact."


def test_a_page_that_cannot_be_read_is_explained(monkeypatch: pytest.MonkeyPatch, tab: AuditLogTab) -> None:
    def busy(*_args: Any, **_kwargs: Any) -> Any:
        raise UserError("The database at /data/cxassist.db is busy; try again in a moment.")

    monkeypatch.setattr("cxassist.ui.console.audit_model.events_page", busy)
    tab.show()
    assert "is busy" in tab.messages.text.text() and tab.model.rowCount() == 0
