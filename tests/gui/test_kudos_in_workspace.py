"""Recognition reaches the agent: a review with kudos saved in the console shows in the agent's workspace, quietly
and after the call's own controls in the tab order; older kudos are a click (or Alt+K) away."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import Channel
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.changes import Changes
from cxassist.services.feedback import FeedbackKind, record_feedback
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.rows import save_many
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.agent.recognition import KudosListDialog
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.detail_view import open_detail
from cxassist.ui.console.review_dialog import ReviewDialog

SITE = '[roles]\nsupervisors = ["lee"]\n[review]\ncriteria = ["empathy", "ownership", "care"]\n'
NOW = datetime(2026, 6, 10, 15, tzinfo=UTC)
KUDOS = "You stayed with Mrs Hale for an hour until her daughter arrived. That is what care looks like."


@pytest.fixture
def lee(data_dir: Path, tmp_path: Path) -> Any:
    """The supervisor; Sam, the agent, works on the same database (`replace(lee, agent_id="sam")`)."""
    site = tmp_path / "site.toml"
    site.write_text(SITE, encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    with runtime.db.write() as conn:
        save_many(conn, tables.agent, [
            {"id": "lee", "display_name": "Lee", "role": "supervisor", "team": "Thames"},
            {"id": "sam", "display_name": "Sam", "role": "agent", "team": "Thames"},
        ], hlc=runtime.stamp, now=NOW)  # fmt: skip
    yield runtime
    runtime.close()


@pytest.fixture
def sam(lee: Runtime) -> Runtime:
    return replace(lee, agent_id="sam")


@pytest.fixture
def workspace(qtbot: Any, sam: Runtime, runner: Any, errors: Any) -> MainWindow:
    window = MainWindow(sam, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    window.show()
    return window


def sams_call(sam: Runtime, when: datetime = NOW) -> Any:
    return log_interaction(sam, phone="020 7946 0018", started_at=when, details=CallDetails(reason="fell")).value


def test_a_review_with_kudos_shows_in_the_agents_workspace(qtbot: Any, lee: Runtime, sam: Runtime, runner: Any,
                                                            errors: Any, workspace: MainWindow) -> None:
    item = sams_call(sam)
    assert not workspace.kudos.isVisible(), "nothing to show yet"

    detail = open_detail(ConsoleContext(runtime=lee, runner=runner, errors=errors), item.id)
    qtbot.addWidget(detail)
    detail.open_review()
    dialog = detail.dialog
    assert isinstance(dialog, ReviewDialog)
    for criterion, score in {"empathy": 5, "ownership": 4, "care": 5}.items():
        dialog.scores[criterion].setValue(score)
    dialog.comment.setPlainText("Textbook emergency handling")
    dialog.kudos.setPlainText(KUDOS)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problem.text()

    strip = workspace.kudos
    assert strip.isVisible()
    assert strip.text.text().startswith("★ Kudos from Lee: 'You stayed with Mrs Hale for an hour")
    assert strip.text.toolTip().endswith("That is what care looks like.'")
    assert strip.text.accessibleName() == "Your newest kudos"
    assert strip.all_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert workspace.form.save.nextInFocusChain() is strip.all_button, "after Save: never in the way of a call"

    qtbot.mouseClick(strip.all_button, Qt.MouseButton.LeftButton)
    listing = strip.dialog
    assert isinstance(listing, KudosListDialog) and listing.isVisible()
    assert listing.list.count() == 1 and "Kudos from Lee" in listing.list.item(0).text()
    listing.close()


def test_only_the_last_two_weeks_show_and_compliments_count(qtbot: Any, lee: Runtime, sam: Runtime, runner: Any,
                                                            errors: Any) -> None:
    old = sams_call(sam, NOW - timedelta(days=30))
    record_feedback(replace(lee, wall=lambda: NOW - timedelta(days=20)), old.id, FeedbackKind.COMPLIMENT,
                    Channel.EMAIL, "An old thank-you")
    window = MainWindow(sam, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    window.show()
    assert not window.kudos.isVisible(), "older than 14 days: only in the full list"
    record_feedback(lee, old.id, FeedbackKind.COMPLIMENT, Channel.EMAIL, "Sam was wonderful with my mother")
    runner.relay.report(Changes(pulled=1))  # on an agent's desktop a compliment arrives by sync
    assert window.kudos.text.text() == "★ A customer's compliment (email): 'Sam was wonderful with my mother'"
    window.kudos.show_all()
    assert window.kudos.dialog is not None and window.kudos.dialog.list.count() == 2
    assert [w for w in window.kudos.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus] == [
        window.kudos.all_button
    ]
