"""Marking a friction point from the interaction form: one button, a small popup that offers the rules already
marked, Enter saves against the call in progress, "Noted" in the form; without a call the button is disabled and
says why."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from cxassist.services import feedback
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.ui.agent.friction_marker import FrictionMarker
from cxassist.ui.agent.main_window import MainWindow


def unnamed(root: QWidget) -> list[str]:
    focusable = [
        w
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(root)
        and not (isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox))
    ]
    return [w.objectName() for w in focusable if not w.objectName() or not w.accessibleName().strip()]


def attach_marker(window: MainWindow) -> FrictionMarker:
    """The window's own marker once the workspace builds one; until then, one made the same way."""
    found = window.findChild(FrictionMarker)
    if found is not None:
        return found
    return FrictionMarker(window.runtime, window.runner, form=window.form, calls=window.controller, parent=window)


@pytest.fixture
def window(qtbot: Any, runtime: Any, runner: Any, errors: Any, add_caller: Any) -> MainWindow:
    add_caller("Margaret Hale", "020 7946 0018")
    win = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(win)
    win.show()
    return win


def test_without_a_call_the_button_is_disabled_and_says_why(window: MainWindow) -> None:
    marker = attach_marker(window)
    button = window.form.friction_button
    assert not button.isEnabled() and not marker.action.isEnabled()
    assert "no call in progress" in button.toolTip()
    marker.open()  # the shortcut, pressed anyway
    assert marker.popup is None
    assert "no call in progress" in window.form.friction_notice.text()


def test_a_friction_point_is_marked_in_one_step_against_the_call(qtbot: Any, runtime: Any, window: MainWindow) -> None:
    earlier = log_interaction(runtime, phone="020 7946 0555", details=CallDetails(reason="bill")).value
    feedback.mark_friction(runtime, earlier.id, "Proof of address by post", "why post")
    marker = attach_marker(window)
    window.pop_number("020 7946 0018")
    call = window.controller.call
    assert call is not None
    button = window.form.friction_button
    assert button.isEnabled() and marker.action.isEnabled() and "Ctrl+Shift+F" in button.toolTip()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    popup = marker.popup
    assert popup is not None and popup.isVisible()
    assert unnamed(popup) == []
    offered = [popup.rule.itemText(i) for i in range(popup.rule.count())]
    assert offered == ["Proof of address by post"]
    popup.rule.setEditText("Security questions asked twice")
    qtbot.keyClicks(popup.words, "she had to answer them again after the transfer")
    qtbot.keyClick(popup.words, Qt.Key.Key_Return)

    assert not popup.isVisible()
    assert "Noted" in window.form.friction_notice.text()
    assert "Security questions asked twice" in window.form.friction_notice.text()
    ranked = {r.rule: r for r in feedback.rank_friction(runtime)}
    example = ranked["Security questions asked twice"].examples
    assert [(e.interaction_id, e.words) for e in example] == [
        (call.id, "she had to answer them again after the transfer")
    ]


def test_enter_in_the_rule_box_saves_once_and_an_empty_rule_is_explained(
    qtbot: Any, runtime: Any, window: MainWindow
) -> None:
    marker = attach_marker(window)
    window.pop_number("020 7946 0018")
    marker.action.trigger()
    popup = marker.popup
    assert popup is not None
    qtbot.keyClick(popup.words, Qt.Key.Key_Return)
    assert popup.isVisible() and "Name the rule" in popup.problem.text()
    qtbot.keyClicks(popup.rule.lineEdit(), "Fax the form")
    qtbot.keyClick(popup.rule.lineEdit(), Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert [(r.rule, r.count) for r in feedback.rank_friction(runtime)] == [("Fax the form", 1)]


def test_after_the_call_is_saved_the_button_is_disabled_again(window: MainWindow) -> None:
    marker = attach_marker(window)
    window.pop_number("020 7946 0018")
    assert window.form.friction_button.isEnabled()
    window.controller.save()
    assert not window.form.friction_button.isEnabled() and not marker.action.isEnabled()
    assert "no call in progress" in window.form.friction_button.toolTip()
