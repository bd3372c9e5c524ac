"""The prompts panel in the workspace: prompts that fit the caller, live cues from the note, and the agent's voice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from cxassist.domain.models import Outcome, VulnerabilityDriver
from cxassist.services import caller_edit
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.ui.agent.main_window import MainWindow

NUMBER = "+442079460018"


@pytest.fixture
def window(qtbot: Any, runtime: Any, runner: Any, errors: Any, add_caller: Any) -> MainWindow:
    caller = add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy")
    log_interaction(
        runtime,
        phone=NUMBER,
        started_at=runtime.now() - timedelta(days=3),
        details=CallDetails(reason="refund", outcome=Outcome.FAILED, note="refund not sorted"),
    )
    caller_edit.save_vulnerability(
        runtime,
        caller_id=caller.id,
        driver=VulnerabilityDriver.HEALTH,
        detail="lives alone",
        adjustments="Speak slowly and confirm each step",
        consent_how="verbally",
        review_by=runtime.today() + timedelta(days=90),
    )
    win = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(win)
    win.show()
    return win


def events(runtime: Any) -> list[tuple[str, str, str]]:
    with runtime.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT rule_id, event, reason FROM prompt_event ORDER BY rowid").fetchall()
    return [tuple(r) for r in rows]


def rule_ids(window: MainWindow) -> list[str]:
    return [card.prompt.rule_id for card in window.prompts.cards]


def test_prompts_fit_the_caller_and_say_why(window: MainWindow, runtime: Any) -> None:
    window.pop_number(NUMBER)
    ids = rule_ids(window)
    assert "empathy-last-failed" in ids and "greet-preferred-name" in ids
    assert all(p.why for p in (c.prompt for c in window.prompts.cards))
    card = window.prompts.cards[0]
    assert card.why.isHidden()
    card.why_button.click()
    assert not card.why.isHidden()
    shown = [e for e in events(runtime) if e[1] == "shown"]
    assert sorted(r for r, _, _ in shown) == sorted(ids), "each prompt on screen is logged as shown, once"
    window.prompts_controller.evaluate()
    assert len([e for e in events(runtime) if e[1] == "shown"]) == len(ids)


def test_a_confusion_cue_offers_emergency_mode_but_never_opens_it(window: MainWindow, qtbot: Any) -> None:
    window.pop_number(NUMBER)
    window.form.note.setFocus()
    qtbot.keyClicks(window.form.note, "she sounds confused and doesn't know where she is")
    qtbot.waitUntil(lambda: window.prompts.cards[0].prompt.offers == "emergency-mode", timeout=3000)
    assert window.actions_.emergency is None or not window.actions_.emergency.isVisible()
    first = window.prompts.cards[0]
    button = next(b for b in first.findChildren(type(first.use_button)) if b.objectName() == "promptEmergency")
    button.click()
    assert window.actions_.emergency is not None and window.actions_.emergency.isVisible()


def test_use_dismiss_and_keyboard(window: MainWindow, runtime: Any, qtbot: Any) -> None:
    window.pop_number(NUMBER)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    second = window.prompts.cards[1]
    assert second.use_button.hasFocus()
    qtbot.keyClick(second.use_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == second.prompt.text
    first = window.prompts.cards[0]
    first_id = first.prompt.rule_id
    menu = first.dismiss_button.menu()
    reason_action = next(a for a in menu.actions() if "wrong for this caller" in a.text())
    reason_action.trigger()
    assert first_id not in rule_ids(window)
    window.prompts_controller.evaluate()
    assert first_id not in rule_ids(window), "a dismissed prompt stays away for this call"
    recorded = events(runtime)
    assert (second.prompt.rule_id, "used", "") in recorded
    assert (first_id, "dismissed", "wrong for this caller") in recorded


def test_a_suggestion_is_saved_for_supervisors(window: MainWindow, runtime: Any) -> None:
    window.pop_number(NUMBER)
    window.prompts.suggested.emit("Offer to post a large-print summary")
    with runtime.db.read() as conn:
        texts = [r[0] for r in conn.exec_driver_sql("SELECT text FROM prompt_suggestion")]
    assert texts == ["Offer to post a large-print summary"]
