"""The prompts panel in the workspace: prompts that fit the caller, live cues from the note, and the agent's voice."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from cxassist.domain.models import Outcome, VulnerabilityDriver
from cxassist.prompts import Prompt
from cxassist.services import caller_edit
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.agent.prompts_panel import CARDS_PER_TURN, READY_CARDS, PromptCard, PromptsPanel

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


def pop(window: MainWindow, qtbot: Any) -> None:
    """Pop the caller and wait for every prompt card (cards beyond the first few are built over a few turns)."""
    window.pop_number(NUMBER)
    qtbot.waitUntil(window.prompts.is_complete, timeout=3000)


def test_prompts_fit_the_caller_and_say_why(window: MainWindow, runtime: Any, qtbot: Any) -> None:
    pop(window, qtbot)
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
    pop(window, qtbot)
    window.form.note.setFocus()
    qtbot.keyClicks(window.form.note, "she sounds confused and doesn't know where she is")
    qtbot.waitUntil(lambda: window.prompts.cards[0].prompt.offers == "emergency-mode", timeout=3000)
    assert window.actions_.emergency is None or not window.actions_.emergency.isVisible()
    first = window.prompts.cards[0]
    button = next(b for b in first.findChildren(type(first.use_button)) if b.objectName() == "promptEmergency")
    button.click()
    assert window.actions_.emergency is not None and window.actions_.emergency.isVisible()


def type_a_cue(window: MainWindow, qtbot: Any) -> set[str]:
    """Type a cue of confusion; returns the rules it brought on screen."""
    before = set(rule_ids(window))
    window.form.note.setFocus()
    qtbot.keyClicks(window.form.note, "she sounds confused and doesn't know where she is")
    qtbot.waitUntil(lambda: window.prompts.cards[0].prompt.offers == "emergency-mode", timeout=3000)
    return set(rule_ids(window)) - before


def shown_ids(runtime: Any) -> list[str]:
    return [rule for rule, event, _ in events(runtime) if event == "shown"]


def test_prompts_shown_while_typing_are_saved_a_moment_later_once_each(
    window: MainWindow, runtime: Any, qtbot: Any
) -> None:
    pop(window, qtbot)
    new = type_a_cue(window, qtbot)
    assert new
    qtbot.waitUntil(lambda: new <= set(shown_ids(runtime)), timeout=5000)
    window.prompts_controller.evaluate()
    window.prompts_controller.save_shown()
    assert sorted(shown_ids(runtime)) == sorted(set(shown_ids(runtime))), "once per rule per call"


def test_another_callers_pop_saves_the_last_calls_shown_prompts_at_once(
    window: MainWindow, runtime: Any, qtbot: Any
) -> None:
    pop(window, qtbot)
    new = type_a_cue(window, qtbot)
    first_call = window.prompts_controller.interaction_id
    window.pop_number("+442079460999")
    window.messages.findChild(QPushButton, "openWaitingCall").click()  # the note on this call is kept as a draft
    assert window.prompts_controller.interaction_id != first_call
    with runtime.db.read() as conn:
        saved = {r[0] for r in conn.exec_driver_sql(
            "SELECT rule_id FROM prompt_event WHERE event = 'shown' AND interaction_id = ?", (first_call.hex,))}
    assert new <= saved


def test_closing_the_window_right_after_prompts_appear_saves_them(
    window: MainWindow, runtime: Any, qtbot: Any
) -> None:
    pop(window, qtbot)
    new = type_a_cue(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.prompts_controller._unsaved_shown), timeout=5000)
    assert not new <= set(shown_ids(runtime)), "still waiting for the delayed save"
    window.shutdown_hooks.append(lambda: None)  # as the composition root gives it
    window.shutdown()
    assert new <= set(shown_ids(runtime))


def test_use_dismiss_and_keyboard(window: MainWindow, runtime: Any, qtbot: Any) -> None:
    pop(window, qtbot)
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


def fake_prompts(tag: str, count: int) -> list[Prompt]:
    return [Prompt(rule_id=f"{tag}-{n}", category="context", text=f"{tag} prompt {n}", why="because",
                   priority=count - n, pack_name="test", pack_version=1) for n in range(count)]


@pytest.fixture
def panel(qtbot: Any) -> PromptsPanel:
    shown = PromptsPanel()
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_cards_arrive_a_few_per_turn_and_are_reused(panel: PromptsPanel, qtbot: Any) -> None:
    first = fake_prompts("a", 7)
    assert panel.show_prompts(first) == first
    assert len(panel.cards) == CARDS_PER_TURN < len(first), "the rest follow on later turns"
    qtbot.waitUntil(panel.is_complete, timeout=3000)
    cards = list(panel.cards)
    assert [c.prompt for c in cards] == first
    assert (cards[6].number.text(), cards[6].text.text()) == ("7.", "a prompt 6")

    # A keystroke that rewords one prompt and adds one: the same cards, the words changed in place.
    typed = [fake_prompts("cue", 1)[0], *first[:3], replace(first[3], text="reworded"), *first[4:]]
    panel.show_prompts(typed)
    assert panel.cards[1:] == cards
    assert (panel.cards[4].number.text(), panel.cards[4].text.text()) == ("5.", "reworded")
    qtbot.waitUntil(panel.is_complete, timeout=3000)

    # Another caller: the cards put aside are shown again with the new prompts; none is built.
    built = set(panel.findChildren(PromptCard))
    panel.clear()
    assert panel.cards == [] and all(c.isHidden() for c in cards)
    second = fake_prompts("b", 7)
    panel.show_prompts(second)
    qtbot.waitUntil(panel.is_complete, timeout=3000)
    assert set(panel.cards) <= built, "no card was built for the second caller"
    assert [c.prompt for c in panel.cards] == second and panel.cards[0].use_button.text() == "Use"


def test_alt_n_waits_for_its_card(panel: PromptsPanel, qtbot: Any) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    prompts = fake_prompts("a", 6)
    panel.show_prompts(prompts)
    panel.focus_prompt(5)  # not built yet
    qtbot.waitUntil(lambda: len(panel.cards) >= 5, timeout=3000)
    qtbot.waitUntil(panel.cards[4].use_button.hasFocus, timeout=3000)
    assert panel.cards[4].prompt == prompts[4]


def test_a_prompt_added_above_renumbers_the_cards_without_touching_their_words(
    panel: PromptsPanel, qtbot: Any
) -> None:
    first = fake_prompts("a", 10)
    panel.show_prompts(first)
    qtbot.waitUntil(panel.is_complete, timeout=3000)
    numbers = [card.number for card in panel.cards]
    assert [n.text() for n in numbers] == [f"{n}." for n in range(1, 10)] + [""], "Alt+1 to Alt+9 only"
    assert all(n.minimumSize() == n.maximumSize() for n in numbers), "a new number never re-lays out a card"

    panel.show_prompts([fake_prompts("cue", 1)[0], *first])
    qtbot.waitUntil(panel.is_complete, timeout=3000)
    moved = panel.cards[1:]
    assert [(c.number.text(), c.text.text()) for c in moved[:2]] == [("2.", "a prompt 0"), ("3.", "a prompt 1")]
    assert moved[8].number.text() == "" and moved[8].text.text() == "a prompt 8"


def test_a_prompt_that_appears_while_typing_takes_a_card_built_ahead(panel: PromptsPanel, qtbot: Any) -> None:
    first = fake_prompts("a", 5)
    panel.show_prompts(first)
    qtbot.waitUntil(lambda: panel.is_complete() and len(panel._spare) == READY_CARDS, timeout=3000)
    built = set(panel.findChildren(PromptCard))
    assert all(card.isHidden() for card in panel._spare)

    panel.show_prompts([fake_prompts("cue", 1)[0], *first])
    assert panel.is_complete(), "shown in the same turn"
    assert set(panel.findChildren(PromptCard)) == built, "no card was built while the agent typed"
    assert panel.cards[0].text.text() == "cue prompt 0" and not panel.cards[0].isHidden()
