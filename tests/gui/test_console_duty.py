"""The duty-of-care queue tab: oldest first, a page at a time; Enter opens a call; an outcome or a vulnerability's
review takes the row out of the queue."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import EmergencyActionKind, Vulnerability, VulnerabilityDriver
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.duty_of_care import DutyOutcome
from cxassist.services.emergency import record_action
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import care, tables
from cxassist.store.query.duty import current_vulnerability
from cxassist.ui.console import duty_view
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.duty_outcome_dialog import DutyOutcomeDialog, VulnerabilityReviewDialog
from cxassist.ui.console.duty_view import DutyOfCareTab

NOW = datetime(2026, 6, 10, 15, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def runtime(data_dir: Path, tmp_path: Path) -> Any:
    """Lee, a supervisor (from the site file); the calls in the queue are Sam's, on the same database."""
    site = tmp_path / "site.toml"
    site.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    lee = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    yield lee
    lee.close()


def call(runtime: Runtime, when: datetime, reason: str) -> Any:
    sam = replace(runtime, agent_id="sam")
    return log_interaction(sam, phone="020 7946 0500", details=CallDetails(reason=reason), started_at=when).value


@pytest.fixture
def queue(runtime: Runtime, add_caller: Any) -> dict[str, Any]:
    caller = add_caller("Margaret Hale", "020 7946 0018")
    emergency = call(runtime, NOW - 9 * DAY, "fell at home")
    record_action(replace(runtime, agent_id="sam"), emergency.id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED)
    vulnerable = call(runtime, NOW - 7 * DAY, "bereavement")
    with runtime.db.write() as conn:
        table = tables.interaction
        conn.execute(update(table).where(table.c.id == vulnerable.id).values(flag_vulnerable=True))
    need = Vulnerability(
        id=runtime.new_id(), caller_id=caller.id, driver=VulnerabilityDriver.HEALTH, detail="hard of hearing",
        adjustments="speak slowly", consent=None, recorded_by="sam", review_by=date(2026, 6, 5),
    )  # fmt: skip
    with runtime.db.write() as conn:
        care.save_vulnerability(conn, need, hlc=runtime.stamp(), now=runtime.now())
    call(runtime, NOW - 8 * DAY, "ordinary question")
    return {"emergency": emergency, "vulnerable": vulnerable, "need": need}


@pytest.fixture
def tab(qtbot: Any, runtime: Runtime, runner: Any, errors: Any, queue: dict[str, Any]) -> DutyOfCareTab:
    widget = DutyOfCareTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(tab: DutyOfCareTab) -> list[list[str]]:
    model = tab.view.model()
    return [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]


def select(tab: DutyOfCareTab, item_id: Any) -> None:
    row = next(n for n, item in enumerate(tab.items()) if item.id == item_id)
    tab.view.setCurrentIndex(tab.view.model().index(row, 0))


def test_the_queue_shows_what_needs_care_oldest_first(tab: DutyOfCareTab, queue: dict[str, Any]) -> None:
    shown = rows(tab)
    assert [r[0] for r in shown] == ["⚠ Emergency", "♥ Vulnerable caller", "↻ Vulnerability review due"]
    assert [r[4] for r in shown][:2] == ["fell at home", "bereavement"]
    assert shown[2][2] == "Margaret Hale" and "health" in shown[2][4] and shown[0][3] == "sam"
    assert tab.count.text() == "3 waiting."


def test_enter_on_a_call_opens_it(qtbot: Any, tab: DutyOfCareTab, queue: dict[str, Any]) -> None:
    select(tab, queue["vulnerable"].id)
    tab.view.setFocus()
    with qtbot.waitSignal(tab.open_interaction) as opened:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened.args == [queue["vulnerable"].id]


def test_an_outcome_takes_the_call_out_of_the_queue(qtbot: Any, tab: DutyOfCareTab, queue: dict[str, Any]) -> None:
    select(tab, queue["emergency"].id)
    qtbot.mouseClick(tab.outcome_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, DutyOutcomeDialog)
    dialog.save()
    assert "choose an outcome" in dialog.problem.text()
    dialog.choices[DutyOutcome.REFERRED].setChecked(True)
    dialog.save()
    assert "needs a comment" in dialog.problem.text() and dialog.isVisible()
    dialog.comment.setPlainText("Referred to the care team; daughter informed")
    dialog.save()
    assert not dialog.isVisible()
    assert queue["emergency"].id not in [item.id for item in tab.items()]
    assert len(tab.items()) == 2 and tab.view.currentItem() is not None


def test_reviewing_a_vulnerability_moves_it_out(qtbot: Any, tab: DutyOfCareTab, queue: dict[str, Any],
                                                runtime: Runtime) -> None:
    select(tab, queue["need"].id)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert isinstance(dialog, VulnerabilityReviewDialog) and dialog.isVisible()
    dialog.choices[DutyOutcome.NO_ACTION].setChecked(True)
    dialog.comment.setPlainText("Still applies; adjustments working")
    dialog.next_review.setDate(dialog.next_review.date().addMonths(-6))
    wanted = dialog.next_review.date().toPython()
    dialog.save()
    assert not dialog.isVisible()
    assert queue["need"].id not in [item.id for item in tab.items()]
    with runtime.db.read() as conn:
        moved = current_vulnerability(conn, queue["need"].id)
    assert moved is not None and moved.review_by == wanted


def test_the_queue_loads_a_page_at_a_time(qtbot: Any, runtime: Runtime, runner: Any, errors: Any,
                                          queue: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(duty_view, "PAGE", 2)
    tab = DutyOfCareTab(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    qtbot.addWidget(tab)
    tab.show()
    assert len(tab.items()) == 2 and tab.more_button.isEnabled()
    assert "more waiting" in tab.count.text()
    qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    assert [item.id for item in tab.items()][2:] == [queue["need"].id]
    assert not tab.more_button.isEnabled() and tab.count.text() == "3 waiting."
