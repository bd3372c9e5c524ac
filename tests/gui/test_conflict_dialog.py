"""The compare-and-settle screen for two versions of a need kept by sync, and its entry on the caller card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from cxassist.domain.models import Vulnerability, VulnerabilityDriver
from cxassist.services.conflicts import conflicts_for_caller, settle_conflict
from cxassist.services.emergency import caller_place
from cxassist.services.screen_pop import screen_pop
from cxassist.store import care
from cxassist.store.callers import get_caller
from cxassist.sync.backends.folder import FolderBackend
from cxassist.sync.runner import SyncRunner
from cxassist.ui.agent.caller_card import CallerCard
from cxassist.ui.conflict_dialog import ConflictDialog

NUMBER = "020 7946 0018"


def _save(runtime: Any, item: Vulnerability) -> None:
    with runtime.db.write() as conn:
        care.save_vulnerability(conn, item, hlc=runtime.stamp(), now=runtime.now())


@pytest.fixture
def conflicted(make_runtime: Any, tmp_path: Path) -> tuple[Any, Any]:
    """Two desktops that changed the same need at once and synced: returns (this desktop's runtime, caller id)."""
    from cxassist.services.caller_edit import CallerInput, PhoneInput, save_caller

    share = tmp_path / "share"
    share.mkdir()
    a, b = make_runtime("a"), make_runtime("b")
    runners = [SyncRunner(db=rt.db, adapter=FolderBackend(share), clock=rt.clock) for rt in (a, b)]
    caller = save_caller(a, CallerInput(full_name="Margaret Hale", phones=(PhoneInput(NUMBER),))).value
    item = Vulnerability(
        id=a.new_id(), caller_id=caller.id, driver=VulnerabilityDriver.HEALTH, detail="hard of hearing",
        adjustments="speak slowly", consent=None, recorded_by="a", review_by=date(2027, 6, 1),
    )
    _save(a, item)
    runners[0].run_once()
    runners[1].run_once()
    _save(a, replace(item, adjustments="speak slowly; confirm each step"))
    _save(b, replace(item, adjustments="use the text relay service"))
    runners[0].run_once()
    runners[1].run_once()
    return b, caller.id


def cell(dialog: ConflictDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def row_of(dialog: ConflictDialog, label: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if cell(dialog, r, 0) == label)


def test_the_two_versions_show_side_by_side_with_differences_in_words(
    qtbot: Any, runner: Any, conflicted: tuple[Any, Any]
) -> None:
    runtime, caller_id = conflicted
    dialog = ConflictDialog(runtime, runner, caller_id)
    qtbot.addWidget(dialog)
    dialog.load()
    adjustments = row_of(dialog, "Adjustments")
    assert cell(dialog, adjustments, 1) == "speak slowly; confirm each step"
    assert cell(dialog, adjustments, 2) == "use the text relay service"
    assert cell(dialog, adjustments, 3) == "Differs"
    assert dialog.table.item(adjustments, 1).font().bold()
    detail = row_of(dialog, "What they told us")
    assert cell(dialog, detail, 1) == cell(dialog, detail, 2) == "hard of hearing"
    assert cell(dialog, detail, 3) == "Same"
    assert dialog.keep_first.isEnabled() and dialog.keep_second.isEnabled()


def test_keeping_a_version_settles_it_and_closes(
    qtbot: Any, runner: Any, relay: Any, conflicted: tuple[Any, Any]
) -> None:
    runtime, caller_id = conflicted
    dialog = ConflictDialog(runtime, runner, caller_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    with qtbot.waitSignal(relay.changed) as notice:
        qtbot.mouseClick(dialog.keep_first, Qt.MouseButton.LeftButton)
    assert caller_id in notice.args[0].callers
    assert dialog.result() == ConflictDialog.DialogCode.Accepted and not dialog.isVisible()
    assert conflicts_for_caller(runtime, caller_id) == []
    with runtime.db.read() as conn:
        (kept,) = care.vulnerabilities_for_caller(conn, caller_id)
        flagged = get_caller(conn, caller_id)
    assert kept.adjustments == "speak slowly; confirm each step"
    assert flagged is not None and not flagged.needs_attention


def test_a_conflict_settled_meanwhile_gives_a_message_not_a_crash(
    qtbot: Any, runner: Any, errors: Any, conflicted: tuple[Any, Any]
) -> None:
    runtime, caller_id = conflicted
    dialog = ConflictDialog(runtime, runner, caller_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    case = dialog.case
    assert case is not None
    settle_conflict(runtime, case.id, keep_version=case.second.hlc)  # on another screen, meanwhile
    qtbot.mouseClick(dialog.keep_first, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "already settled" in dialog.problem.text()
    assert errors.bugs == []
    with runtime.db.read() as conn:
        (kept,) = care.vulnerabilities_for_caller(conn, caller_id)
    assert kept.adjustments == "use the text relay service"


def test_the_caller_card_offers_settling_for_a_flagged_caller(qtbot: Any, conflicted: tuple[Any, Any]) -> None:
    runtime, caller_id = conflicted
    card = CallerCard("GB")
    qtbot.addWidget(card)
    card.show()
    pop = screen_pop(runtime, NUMBER)
    card.show_pop(pop, caller_place(runtime.settings, pop.caller, pop.number), runtime.now())
    button = card.findChild(QPushButton, "settleVersions")
    assert button is not None and button.isVisible() and button.accessibleName()
    with qtbot.waitSignal(card.settle_versions_requested) as requested:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert requested.args == [caller_id]
