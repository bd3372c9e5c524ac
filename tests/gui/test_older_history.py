"""Older history in the workspace: the "Older history…" button fetches the next older page of the caller on screen
from the centre (a folder backend shared with another desktop), appends it, and never mixes callers up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cxassist.app import create_app
from cxassist.domain.models import Address, Caller, EmergencyActionKind, PhoneNumber
from cxassist.domain.phones import normalise
from cxassist.services import screen_pop
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.emergency import actions_for, record_action
from cxassist.services.older_history import history_since
from cxassist.services.runtime import Runtime
from cxassist.store.callers import save_caller
from cxassist.sync.api import SyncAuthError
from cxassist.sync.backends.folder import FolderBackend
from cxassist.sync.runner import SyncRunner
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.tasks import SynchronousRunner

PEGGY = "020 7946 0018"
TOM = "020 7946 0021"
RECENT_DAYS = (3, 40, 200)  # inside the 13 months a pull keeps
OLD_DAYS = (500, 800, 1100)  # older: only the centre has them


def add_caller(runtime: Runtime, full_name: str, number: str) -> Caller:
    caller = Caller(
        id=runtime.new_id(), full_name=full_name,
        phones=(PhoneNumber(e164=normalise(number, runtime.default_region), label="home", is_primary=True),),
        address=Address(lines=("1 High Street",), city="London", postcode="N1 1AA", country="GB"),
    )
    with runtime.db.write() as conn:
        save_caller(conn, caller, hlc=runtime.stamp(), now=runtime.now(), new_phone_id=runtime.new_id)
    return caller


def log_calls(runtime: Runtime, number: str, who: str, days_ago: tuple[int, ...]) -> None:
    for days in days_ago:
        log_interaction(runtime, phone=number, details=CallDetails(reason=f"{who} {days} days ago"),
                        started_at=runtime.now() - timedelta(days=days))


@pytest.fixture
def share(tmp_path: Path, make_runtime: Callable[[str], Runtime], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shared folder where another desktop logged Peggy's and Tom's calls, recent and years old."""
    folder = tmp_path / "share"
    folder.mkdir()
    other = make_runtime("other-desk")
    peggy = add_caller(other, "Margaret Hale", PEGGY)
    add_caller(other, "Tom Reid", TOM)
    log_calls(other, PEGGY, "Peggy", RECENT_DAYS + OLD_DAYS)
    (old_call,) = [i for i in history_since(other, peggy.id, other.now() - timedelta(days=2000))
                   if i.reason == "Peggy 800 days ago"]
    record_action(other, old_call.id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, "ambulance sent")
    log_calls(other, TOM, "Tom", (900,))
    SyncRunner(db=other.db, adapter=FolderBackend(folder), clock=other.clock).run_once()
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "folder")
    monkeypatch.setenv("CXASSIST_SYNC_FOLDER_PATH", str(folder))
    return folder


@pytest.fixture
def open_window(share: Path, tmp_path: Path, qtbot: Any, errors: Any) -> Iterator[Callable[..., MainWindow]]:
    """This desktop's workspace after its first sync: recent history only."""
    opened: list[MainWindow] = []

    def make(runner_factory: Any = SynchronousRunner) -> MainWindow:
        _app, window = create_app(["--data-dir", str(tmp_path / "this-desk"), "--no-err-windows"], errors=errors,
                                  runner_factory=runner_factory, listen=False)
        qtbot.addWidget(window)
        opened.append(window)
        window.sync_scheduler.sync._sleep = lambda _seconds: None  # retries without waiting
        window.sync_scheduler.sync_now()
        return window

    yield make
    for window in opened:
        window.shutdown()


def reasons(window: MainWindow) -> list[str]:
    model = window.history.model
    return [model.item(row).reason for row in range(model.rowCount())]


def days(who: str, ages: tuple[int, ...]) -> list[str]:
    return [f"{who} {age} days ago" for age in ages]


def current_reason(window: MainWindow) -> str:
    index = window.history.view.currentIndex()
    return window.history.model.item(index.row()).reason


def test_the_button_fetches_older_history_and_appends_it_keeping_the_selection(open_window: Any, qtbot: Any) -> None:
    window = open_window()
    window.pop_number(PEGGY)
    button = window.history.older_button
    assert reasons(window) == days("Peggy", RECENT_DAYS), "a pull keeps 13 months; the rest stays at the centre"
    assert button.isVisible() and button.isEnabled() and button.accessibleName()
    window.history.view.setCurrentIndex(window.history.model.index(1, 0))

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert reasons(window) == days("Peggy", RECENT_DAYS + OLD_DAYS), "older contacts at the end, newest first"
    assert current_reason(window) == "Peggy 40 days ago", "the selection stays where the agent left it"
    assert button.isEnabled() and not window.history.older_status.isVisible()

    button.click()
    assert window.history.older_status.text() == "No older history"
    assert not button.isEnabled()
    assert reasons(window) == days("Peggy", RECENT_DAYS + OLD_DAYS)


def test_fetched_history_is_kept_on_this_computer_with_its_emergency_steps(open_window: Any) -> None:
    window = open_window()
    window.pop_number(PEGGY)
    window.history.older_button.click()
    caller = window.card.caller
    assert caller is not None
    kept = history_since(window.runtime, caller.id, window.runtime.now() - timedelta(days=2000))
    in_progress = [""]  # the pop started this call
    assert sorted(item.reason for item in kept) == sorted(in_progress + days("Peggy", RECENT_DAYS + OLD_DAYS))
    (old_call,) = [item for item in kept if item.reason == "Peggy 800 days ago"]
    assert [action.detail for action in actions_for(window.runtime, old_call.id)] == ["ambulance sent"]


def test_offline_says_so_plainly_and_a_retry_works_once_back(open_window: Any, share: Path, errors: Any) -> None:
    window = open_window()
    window.pop_number(PEGGY)
    hidden = share.with_name("share-unmounted")
    share.rename(hidden)

    window.history.older_button.click()

    status = window.history.older_status.text()
    assert "cannot be reached" in status and "Nothing was lost" in status
    assert window.history.older_button.isEnabled(), "the agent can try again"
    assert reasons(window) == days("Peggy", RECENT_DAYS)
    assert not errors.bugs

    hidden.rename(share)
    window.history.older_button.click()
    assert reasons(window) == days("Peggy", RECENT_DAYS + OLD_DAYS)
    assert not window.history.older_status.isVisible()


def test_switching_caller_while_fetching_never_shows_the_old_callers_rows(open_window: Any, deferred: Any) -> None:
    def deferred_factory(relay: Any, reporter: Any) -> Any:
        deferred.relay, deferred.errors = relay, reporter
        return deferred

    window = open_window(deferred_factory)
    deferred.run_all()
    window.pop_number(PEGGY)
    deferred.run_all()
    window.history.older_button.click()
    assert window.history.older_status.text() == "Loading older history…"
    assert not window.history.older_button.isEnabled()

    window.pop_number(TOM)  # Peggy's page is still on its way
    deferred.run_all()

    assert reasons(window) == [], "Tom has no calls this computer keeps"
    assert window.history.older_button.isEnabled() and not window.history.older_status.isVisible()
    window.history.older_button.click()
    deferred.run_all()
    assert reasons(window) == days("Tom", (900,))


def test_a_refresh_of_the_same_caller_keeps_the_older_pages_open(open_window: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_pop, "HISTORY_LIMIT", 2)  # a pop shows the two newest; older pages come on request
    window = open_window()
    window.pop_number(PEGGY)
    assert reasons(window) == days("Peggy", RECENT_DAYS[:2])
    window.history.older_button.click()
    assert reasons(window) == days("Peggy", RECENT_DAYS + OLD_DAYS)
    window.history.view.setCurrentIndex(window.history.model.index(4, 0))

    window.controller.refresh()  # as when another desktop's change to Peggy arrives

    in_progress = [""]  # a refresh reads the call the pop started too
    assert reasons(window) == in_progress + days("Peggy", RECENT_DAYS + OLD_DAYS)
    assert current_reason(window) == "Peggy 800 days ago"


def test_without_sync_the_button_pages_through_what_this_computer_keeps(qtbot: Any, runtime: Runtime, runner: Any,
                                                                         errors: Any) -> None:
    add_caller(runtime, "Margaret Hale", PEGGY)
    ages = tuple(range(1, 26))  # more contacts than the pop shows
    log_calls(runtime, PEGGY, "Peggy", ages)
    window = MainWindow(runtime, runner, errors)
    qtbot.addWidget(window)
    window.show()
    window.pop_number(PEGGY)
    shown = len(reasons(window))
    assert 0 < shown < len(ages)
    button = window.history.older_button
    assert button.isVisible() and "this computer" in button.accessibleName()

    button.click()
    assert reasons(window) == days("Peggy", ages)
    assert not window.history.older_status.isVisible(), "no word about a centre this desktop does not use"
    button.click()
    assert window.history.older_status.text() == "No older history" and not button.isEnabled()


def test_no_button_for_an_unknown_number(open_window: Any) -> None:
    window = open_window()
    window.pop_number("020 7946 0099")
    assert not window.history.older_button.isVisible()


class RefusingCentre(FolderBackend):
    """The centre turns this computer's credentials down."""

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Any:
        raise SyncAuthError("the sync token was refused (HTTP 401)")


def test_a_refused_sign_in_is_explained_and_local_history_still_shows(open_window: Any, share: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_pop, "HISTORY_LIMIT", 1)
    window = open_window()
    window.pop_number(PEGGY)
    window.sync_scheduler.sync.adapter = RefusingCentre(share)

    window.history.older_button.click()

    assert reasons(window) == days("Peggy", RECENT_DAYS), "what this computer keeps still comes"
    status = window.history.older_status.text()
    assert "kept on this computer only" in status and "refused" in status and "IT" in status
    assert window.history.older_button.isEnabled()
