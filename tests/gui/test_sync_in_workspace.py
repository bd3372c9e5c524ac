"""Sync in the window: two agents sharing a folder backend; the status bar tells the truth; offline is not a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cxassist.app import create_app
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.screen_pop import screen_pop
from cxassist.ui.tasks import SynchronousRunner

NUMBER = "+442079460018"


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "folder")
    monkeypatch.setenv("CXASSIST_SYNC_FOLDER_PATH", str(folder))
    return folder


def open_window(data_dir: Path, errors: Any) -> Any:
    _app, window = create_app(["--data-dir", str(data_dir), "--no-err-windows"], errors=errors,
                              runner_factory=SynchronousRunner, listen=False)
    return window


def test_agent_b_sees_agent_a_after_one_round(shared: Path, tmp_path: Path, qtbot: Any, errors: Any) -> None:
    window_a = open_window(tmp_path / "a", errors)
    qtbot.addWidget(window_a)
    log_interaction(window_a.runtime, phone=NUMBER, details=CallDetails(note="logged by agent A"))
    window_a.sync_scheduler.sync_now()
    assert "Sync: online" in window_a.status.sync.text()
    assert "0 waiting to send" in window_a.status.sync.text()
    window_b = open_window(tmp_path / "b", errors)
    qtbot.addWidget(window_b)
    window_b.sync_scheduler.sync_now()
    pop = screen_pop(window_b.runtime, NUMBER)
    assert [h.note for h in pop.history] == ["logged by agent A"]
    for window in (window_a, window_b):
        window.shutdown()


def test_an_unreachable_share_shows_offline_and_keeps_the_change(shared: Path, tmp_path: Path, qtbot: Any,
                                                                 errors: Any) -> None:
    window = open_window(tmp_path / "a", errors)
    qtbot.addWidget(window)
    shared.rmdir()
    log_interaction(window.runtime, phone=NUMBER, details=CallDetails(note="kept while offline"))
    window.sync_scheduler.sync_now()
    text = window.status.sync.text()
    assert "offline" in text and "1 waiting to send" in text
    window.shutdown()
