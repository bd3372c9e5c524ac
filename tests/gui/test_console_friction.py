"""The console's friction points tab: a point marked from the agent's form shows up ranked with its example; an
example opens its interaction; "Mark as removed" (confirmed) takes the rule out, and marked again it comes back
flagged; the "since" selector narrows the ranking."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from cxassist.config import load_settings, resolve_paths
from cxassist.services import feedback
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.ui.agent.friction_marker import FrictionMarker
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.friction_view import FrictionTab


@pytest.fixture
def lee(data_dir: Path, tmp_path: Path) -> Any:
    site = tmp_path / "site.toml"
    site.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings)), agent_id="lee")
    yield runtime
    runtime.close()


def make_tab(qtbot: Any, runtime: Runtime, runner: Any, errors: Any) -> FrictionTab:
    tab = FrictionTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(tab)
    tab.show()
    return tab


def unnamed(root: QWidget) -> list[str]:
    focusable = [
        w for w in root.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root)
    ]
    return [w.objectName() for w in focusable if not w.objectName() or not w.accessibleName().strip()]


def rows(tab: FrictionTab) -> list[list[str]]:
    table = tab.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def call(runtime: Runtime, days_ago: float = 0) -> Any:
    started = runtime.now() - timedelta(days=days_ago)
    return log_interaction(
        runtime, phone="020 7946 0600", started_at=started, details=CallDetails(reason="address")
    ).value


def test_a_point_marked_from_the_form_is_ranked_with_its_example_which_opens(
    qtbot: Any, lee: Runtime, runner: Any, errors: Any, add_caller: Any
) -> None:
    other = call(lee)
    feedback.mark_friction(lee, other.id, "Fax the form", "no fax at home")
    window = MainWindow(lee, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    marker = window.findChild(FrictionMarker) or FrictionMarker(
        lee, runner, form=window.form, calls=window.controller, parent=window
    )
    window.pop_number("020 7946 0018")
    current = window.controller.call
    assert current is not None
    for words in ("sent it twice already", "lost in the post"):
        marker.open()
        assert marker.popup is not None
        marker.popup.rule.setEditText("Proof of address by post")
        marker.popup.words.setText(words)
        marker.popup.submit()

    tab = make_tab(qtbot, lee, runner, errors)
    assert [(r[0], r[2], r[4]) for r in rows(tab)] == [
        ("Proof of address by post", "2", "Open"),
        ("Fax the form", "1", "Open"),
    ]
    assert tab.table.currentRow() == 0
    examples = tab.examples
    assert [examples.item(r, 1).text() for r in range(examples.rowCount())] == [
        "lost in the post",
        "sent it twice already",
    ]
    examples.setFocus()
    examples.setCurrentCell(1, 1)
    with qtbot.waitSignal(tab.open_interaction) as opened:
        qtbot.keyClick(examples, Qt.Key.Key_Return)
    assert opened.args == [current.id]


def test_mark_as_removed_asks_first_then_the_rule_leaves_and_returns_flagged(
    qtbot: Any, lee: Runtime, runner: Any, errors: Any
) -> None:
    item = call(lee)
    for words in ("one", "two"):
        feedback.mark_friction(lee, item.id, "Security questions asked twice", words)
    tab = make_tab(qtbot, lee, runner, errors)
    tab.table.selectRow(0)
    assert tab.remove.isEnabled()
    qtbot.mouseClick(tab.remove, Qt.MouseButton.LeftButton)
    assert "Mark “Security questions asked twice” as removed?" in tab.messages.text.text()
    assert rows(tab)[0][0] == "Security questions asked twice", "nothing happens before the supervisor confirms"
    assert unnamed(tab) == []
    confirm = tab.messages.findChild(QPushButton, "confirmFrictionRemoved")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert rows(tab) == []
    assert "marked as removed (2 friction points)" in tab.messages.text.text()
    assert not tab.remove.isEnabled()

    runner.write(lambda: feedback.mark_friction(lee, item.id, "security questions asked twice.", "again"))
    assert [(r[0], r[2], r[4]) for r in rows(tab)] == [
        ("security questions asked twice.", "1", "⟲ Marked again after it was removed")
    ]


def test_the_since_selector_narrows_the_ranking(qtbot: Any, lee: Runtime, runner: Any, errors: Any) -> None:
    item = call(lee, days_ago=70)
    earlier = replace(lee, wall=lambda: lee.now() - timedelta(days=60))
    feedback.mark_friction(earlier, item.id, "Wet signature required", "")
    feedback.mark_friction(lee, item.id, "Fax the form", "")
    tab = make_tab(qtbot, lee, runner, errors)
    assert [r[0] for r in rows(tab)] == ["Fax the form", "Wet signature required"]
    tab.since.setCurrentIndex(tab.since.findData(30))
    assert [r[0] for r in rows(tab)] == ["Fax the form"]


def test_an_agent_without_the_role_is_told_why_nothing_was_removed(
    qtbot: Any, runtime: Runtime, runner: Any, errors: Any
) -> None:
    feedback.mark_friction(runtime, call(runtime).id, "Fax the form", "")
    tab = make_tab(qtbot, runtime, runner, errors)
    tab.table.selectRow(0)
    tab.mark_removed(tab.ranked[0])
    assert "Only a supervisor or admin" in tab.messages.text.text()
    assert [r[0] for r in rows(tab)] == ["Fax the form"]
