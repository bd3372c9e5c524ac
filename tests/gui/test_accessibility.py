"""Every focusable widget has a plain-words accessible name; every action has a shortcut listed in Help."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from cxassist.app import create_app
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.tasks import SynchronousRunner

REQUIRED_NAMES = ("popSearch", "callerCard", "historyView", "emergencyPanel", "emergencyModeButton",
                  "interactionForm", "noteEdit", "outcomeSelect", "channelSelect", "saveInteraction", "statusSync",
                  "promptsPanel")


def test_every_focusable_widget_has_a_name_in_plain_words(qtbot: Any, runtime: Any, runner: Any, errors: Any,
                                                          add_caller: Any, unnamed: Any) -> None:
    add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy")
    window = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    window.show()
    for name in REQUIRED_NAMES:
        assert window.findChild(QWidget, name) is not None, name
    assert unnamed(window) == []
    window.pop_number("020 7946 0018")  # the card and history fill with their own buttons
    assert unnamed(window) == []
    window.actions_.enter_emergency_mode()
    assert window.actions_.emergency is not None
    assert unnamed(window.actions_.emergency) == []
    window.pop_number("020 7946 0555")
    assert unnamed(window) == []


def test_every_action_has_a_shortcut_listed_in_help(qtbot: Any, runtime: Any, runner: Any, errors: Any) -> None:
    window = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    actions = window.actions_.all()
    assert all(not a.shortcut().isEmpty() for a in actions)
    dialog = window.show_shortcuts()
    rows = dict(dialog.rows())
    assert rows["Emergency mode"] == "Ctrl+E" and rows["Save this call"] == "Ctrl+S"
    assert rows["Find a caller by number or name"] == "Ctrl+L"
    assert len(rows) == len(actions)
    dialog.close()


def test_tab_order_follows_the_call(qtbot: Any, runtime: Any, runner: Any, errors: Any, add_caller: Any) -> None:
    add_caller("Margaret Hale", "020 7946 0018")
    window = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    window.show()
    window.pop_number("020 7946 0018")
    order = []
    widget: QWidget = window.search
    for _ in range(60):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is window.search:
            break
    positions = {name: order.index(name) for name in ("popSearch", "editCaller", "historyView", "channelSelect",
                                                      "noteEdit", "saveInteraction") if name in order}
    assert list(positions) == sorted(positions, key=positions.__getitem__)
    assert len(positions) == 6, order


@pytest.mark.parametrize("high_contrast", [False, True])
def test_create_app_builds_the_window_with_the_theme(qtbot: Any, data_dir: Path, high_contrast: bool,
                                                     monkeypatch: pytest.MonkeyPatch, errors: Any) -> None:
    monkeypatch.setenv("CXASSIST_UI_HIGH_CONTRAST", "true" if high_contrast else "false")
    app, window = create_app(["--data-dir", str(data_dir)], errors=errors, runner_factory=SynchronousRunner,
                             listen=False)
    qtbot.addWidget(window)
    try:
        assert isinstance(app, QApplication) and window.isVisible()
        assert "Local only" in window.status.sync.text()
        dark = app.palette().color(app.palette().ColorRole.Window).lightness() < 50
        assert dark is high_contrast
    finally:
        window.shutdown()
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
