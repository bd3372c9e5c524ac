"""Opening the supervisor console from the workspace: Ctrl+Shift+S opens it for a supervisor (audited, one window,
raised again), and an agent without the role is told why in the workspace and gets no console (also audited)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from cxassist.app import create_app
from cxassist.config import load_settings, resolve_paths
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.rows import save
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.log_view import InteractionLogTab
from cxassist.ui.console.sections import SECTIONS
from cxassist.ui.console.window import ConsoleWindow
from cxassist.ui.tasks import SynchronousRunner

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def audit_actions(runtime: Runtime) -> list[str]:
    event = tables.audit_event
    with runtime.db.read() as conn:
        return list(conn.execute(select(event.c.action).order_by(event.c.seq)).scalars())


def consoles() -> list[ConsoleWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]


@pytest.fixture
def window(qtbot: Any, runtime: Runtime, runner: Any, errors: Any) -> MainWindow:
    made = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def press_ctrl_shift_s(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.search, Qt.Key.Key_S, CTRL_SHIFT)


def test_an_agent_without_the_role_is_told_and_gets_no_console(qtbot: Any, runtime: Runtime,
                                                               window: MainWindow, errors: Any) -> None:
    press_ctrl_shift_s(qtbot, window)
    assert window.messages.isVisible()
    assert "Only a supervisor or admin can use the supervisor console" in window.messages.text.text()
    assert window.actions_.console is None and consoles() == []
    assert audit_actions(runtime) == ["refused-supervisor-console"]
    assert errors.messages == [], "shown once, in the workspace's message bar"


def test_a_supervisor_gets_one_console_and_each_opening_is_audited(qtbot: Any, runtime: Runtime,
                                                                  window: MainWindow) -> None:
    runtime.agent_id = "helen.ward"
    with runtime.db.write() as conn:
        save(conn, tables.agent, {"id": "helen.ward", "display_name": "Helen", "role": "supervisor", "team": "Leads"},
             hlc=runtime.stamp(), now=runtime.now())
    press_ctrl_shift_s(qtbot, window)
    console = window.actions_.console
    assert console is not None and console.isVisible() and consoles() == [console]
    qtbot.addWidget(console)
    assert isinstance(console.tab("interactionLogTab"), InteractionLogTab)
    assert audit_actions(runtime) == ["opened-supervisor-console"]

    console.close()
    window.actions_.console_action.trigger()  # the menu does the same
    assert window.actions_.console is console and console.isVisible()
    assert audit_actions(runtime) == ["opened-supervisor-console"] * 2
    assert not window.messages.isVisible()


def test_the_shortcut_is_listed_in_help(qtbot: Any, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    assert dict(dialog.rows())["Supervisor console"] == "Ctrl+Shift+S"
    dialog.close()


@pytest.mark.parametrize(("section", "object_name"), [("dashboard", "dashboardTab"), ("audit", "auditLogTab")])
def test_cxassist_console_opens_the_console_at_the_section_asked_for(
    qtbot: Any, data_dir: Path, errors: Any, monkeypatch: pytest.MonkeyPatch, section: str, object_name: str
) -> None:
    """`cxassist console SECTION` (the menu entry's "Supervisor console" action) starts the workspace with the
    console open at that section, for a supervisor; the opening is audited as from the workspace."""
    monkeypatch.setenv("CXASSIST_AGENT_ID", "helen.ward")
    settings = load_settings(data_dir=data_dir)
    seeded = open_runtime(settings, resolve_paths(settings))
    with seeded.db.write() as conn:
        save(conn, tables.agent, {"id": "helen.ward", "display_name": "Helen", "role": "supervisor", "team": "Leads"},
             hlc=seeded.stamp(), now=seeded.now())
    seeded.close()
    _app, window = create_app(["--data-dir", str(data_dir), "console", section], errors=errors,
                              runner_factory=SynchronousRunner, listen=False)
    qtbot.addWidget(window)
    try:
        console = window.actions_.console
        assert console is not None and console.isVisible()
        qtbot.addWidget(console)
        assert console.tabs.currentWidget() is console.tab(object_name)
        assert audit_actions(window.runtime) == ["opened-supervisor-console"]
    finally:
        window.shutdown()


def test_each_console_section_name_opens_its_own_tab(runtime: Runtime, runner: Any, errors: Any) -> None:
    expected = {"duty": "dutyOfCareTab", "log": "interactionLogTab", "dashboard": "dashboardTab",
                "friction": "frictionTab", "packs": "promptPacksTab", "audit": "auditLogTab"}  # fmt: skip
    console = ConsoleWindow(ConsoleContext(runtime, runner, errors))
    try:
        assert set(SECTIONS) == set(expected) and console.tabs.count() == len(SECTIONS)
        for section, object_name in expected.items():
            assert console.tabs.widget(SECTIONS.index(section)).objectName() == object_name, section
    finally:
        console.close()
