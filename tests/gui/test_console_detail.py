"""The interaction detail in the console: the whole call with its emergency steps and prompts, and the review and
feedback dialogs opened from it, whose problems show inside them in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget
from sqlalchemy import select

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import EmergencyActionKind, FollowUpKind
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.emergency import record_action
from cxassist.services.prompts import record_prompt_events
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.interactions import get_interaction
from cxassist.store.prompt_events import PromptEventRecord
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.detail_html import exact_time
from cxassist.ui.console.detail_view import InteractionDetailWindow, open_detail
from cxassist.ui.console.duty_outcome_dialog import VulnerabilityReviewDialog
from cxassist.ui.console.duty_view import DutyOfCareTab
from cxassist.ui.console.feedback_dialog import FeedbackDialog
from cxassist.ui.console.review_dialog import ReviewDialog

SITE = '[roles]\nsupervisors = ["lee"]\n[review]\ncriteria = ["empathy", "care"]\n'
NOW = datetime(2026, 6, 10, 15, tzinfo=UTC)


@pytest.fixture
def runtime(data_dir: Path, tmp_path: Path) -> Any:
    """Lee, a supervisor (from the site file); Sam's calls are logged on the same database with `as_sam`."""
    site = tmp_path / "site.toml"
    site.write_text(SITE, encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    lee = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    yield lee
    lee.close()


def as_sam(runtime: Runtime, at: datetime = NOW) -> Runtime:
    return replace(runtime, agent_id="sam", wall=lambda: at)


@pytest.fixture
def context(runtime: Runtime, runner: Any, errors: Any) -> ConsoleContext:
    return ConsoleContext(runtime=runtime, runner=runner, errors=errors)


@pytest.fixture
def emergency_call(runtime: Runtime, add_caller: Any) -> Any:
    add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy")
    sam = as_sam(runtime, NOW - timedelta(hours=2))
    item = log_interaction(sam, phone="020 7946 0018", started_at=NOW - timedelta(hours=2),
                           details=CallDetails(reason="fell at home", note="She fell; ambulance called")).value
    record_action(as_sam(runtime, NOW - timedelta(minutes=110)), item.id, EmergencyActionKind.KEPT_ON_LINE)
    record_action(as_sam(runtime, NOW - timedelta(minutes=105, seconds=12)), item.id,
                  EmergencyActionKind.EMERGENCY_SERVICES_CALLED)
    record_prompt_events(as_sam(runtime, NOW - timedelta(minutes=119)), [
        PromptEventRecord(item.id, "care-speak-slowly", "default@1", "shown"),
        PromptEventRecord(item.id, "care-speak-slowly", "default@1", "used"),
        PromptEventRecord(item.id, "delight-birthday", "default@1", "dismissed", "not the moment"),
    ])
    return item


def test_the_detail_shows_emergency_steps_with_times_and_prompts_shown_and_used(
    qtbot: Any, context: ConsoleContext, emergency_call: Any
) -> None:
    window = open_detail(context, emergency_call.id)
    qtbot.addWidget(window)
    assert window.objectName() == "interactionDetail" and window.isVisible() and not window.isModal()
    text = window.text.toPlainText()
    assert "fell at home" in text and "She fell; ambulance called" in text and "Margaret Hale" in text
    called = exact_time(NOW - timedelta(minutes=105, seconds=12))
    assert f"{called}\nCalled emergency services" in text.replace("\t", "\n")
    assert exact_time(NOW - timedelta(minutes=110)) in text and "Kept the caller on the line" in text
    assert "1 shown, 1 used, 1 dismissed" in text and "care-speak-slowly" in text and "not the moment" in text
    assert window.duty_button.isVisible(), "an emergency call is in the duty-of-care queue"
    assert open_detail(context, emergency_call.id) is window, "opening it again raises the same window"
    window.close()
    assert open_detail(context, emergency_call.id) is not window


def test_an_interaction_that_does_not_exist_says_so_in_the_window(qtbot: Any, context: ConsoleContext) -> None:
    window = InteractionDetailWindow(context, context.runtime.new_id())
    qtbot.addWidget(window)
    assert "No interaction with id" in window.messages.text.text()
    assert not window.review_button.isEnabled()


def test_a_complaint_with_a_senior_callback_opens_the_follow_up(
    qtbot: Any, context: ConsoleContext, emergency_call: Any, runtime: Runtime
) -> None:
    window = open_detail(context, emergency_call.id)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.feedback_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, FeedbackDialog) and dialog.isVisible()
    assert not dialog.senior_callback.isEnabled(), "only a complaint can ask for a callback"
    dialog.complaint.setChecked(True)
    dialog.text.setPlainText("Nobody told me the ambulance was delayed")
    dialog.senior_callback.setChecked(True)
    dialog.save()
    assert not dialog.isVisible()
    with runtime.db.read() as conn:
        item = get_interaction(conn, emergency_call.id)
    assert item is not None and item.follow_up is not None
    assert item.follow_up.kind is FollowUpKind.SENIOR_CALLBACK and item.follow_up.owner == "lee"
    text = window.text.toPlainText()
    assert "Callback from a senior person" in text and "Nobody told me the ambulance was delayed" in text


def test_a_review_is_saved_and_its_problems_show_in_the_dialog(
    qtbot: Any, context: ConsoleContext, emergency_call: Any, runtime: Runtime
) -> None:
    own = log_interaction(runtime, phone="020 7946 0400", details=CallDetails(reason="my own call")).value
    mine = open_detail(context, own.id)
    qtbot.addWidget(mine)
    mine.open_review()
    refused = mine.dialog
    assert isinstance(refused, ReviewDialog)
    refused.save()
    assert "give a score from 1 to 5 for empathy, care" in refused.problem.text()
    for box in refused.scores.values():
        box.setValue(4)
    refused.save()
    assert "You cannot review your own interaction" in refused.problem.text() and refused.isVisible()

    window = open_detail(context, emergency_call.id)
    qtbot.addWidget(window)
    window.open_review()
    dialog = window.dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.scores["empathy"].setValue(5)
    dialog.scores["care"].setValue(4)
    dialog.comment.setPlainText("Calm and clear")
    dialog.save()
    assert not dialog.isVisible()
    with runtime.db.read() as conn:
        saved = conn.execute(select(tables.review)).mappings().one()
    assert saved["scores"] == {"empathy": 5, "care": 4} and saved["comment"] == "Calm and clear"
    assert "Quality review by lee" in window.text.toPlainText() and "empathy 5/5" in window.text.toPlainText()
    window.open_review()
    again = window.dialog
    assert isinstance(again, ReviewDialog) and again.scores["care"].value() == 4, "saving again updates the review"


def unnamed(root: QWidget) -> list[str]:
    """Focusable widgets without a plain-words accessible name (as tests/gui/test_accessibility.py checks)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        if not widget.accessibleName().strip() or widget.accessibleName() == widget.objectName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return problems


def test_every_control_has_a_name_in_plain_words(qtbot: Any, context: ConsoleContext, emergency_call: Any) -> None:
    window = open_detail(context, emergency_call.id)
    qtbot.addWidget(window)
    assert unnamed(window) == []
    for opener in (window.open_review, window.open_feedback, window.open_duty_outcome):
        opener()
        assert window.dialog is not None and unnamed(window.dialog) == []
    queue = DutyOfCareTab(context)
    qtbot.addWidget(queue)
    queue.show()
    assert unnamed(queue) == []
    need = next(item for item in queue.items() if item.kind == "interaction")
    queue.record_outcome(replace(need, kind="vulnerability", caller_name="Margaret Hale"))
    assert isinstance(queue.dialog, VulnerabilityReviewDialog) and unnamed(queue.dialog) == []
