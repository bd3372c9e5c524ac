"""A whole call through the workspace: pop the story caller, read the history, emergency mode, log the call."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from cxassist.domain.models import ContactPurpose, EmergencyActionKind, Outcome, Status, VulnerabilityDriver
from cxassist.services import caller_edit
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.emergency import actions_for
from cxassist.store import audit, interactions
from cxassist.ui.agent.main_window import MainWindow

STORY_NUMBER = "+442079460018"


@pytest.fixture
def peggy(runtime: Any, add_caller: Any) -> Any:
    caller = add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy", pronunciation="PEG-ee")
    start = runtime.now() - timedelta(days=40)
    log_interaction(runtime, phone=STORY_NUMBER, started_at=start,
                    details=CallDetails(reason="new card", outcome=Outcome.MET, note="card sent"))
    log_interaction(runtime, phone=STORY_NUMBER, started_at=start + timedelta(days=37),
                    details=CallDetails(reason="billing", outcome=Outcome.FAILED, note="refund not sorted",
                                        follow_up_due=runtime.today() - timedelta(days=1)))
    caller_edit.save_contact(runtime, caller_id=caller.id, name="Ann Hale", relationship="daughter",
                             phones=(caller_edit.PhoneInput("020 7946 0019"),),
                             may_contact_for=(ContactPurpose.HEALTH, ContactPurpose.WELFARE), consent_how="verbally")
    caller_edit.save_vulnerability(runtime, caller_id=caller.id, driver=VulnerabilityDriver.HEALTH,
                                   detail="hard of hearing", adjustments="Speak slowly and confirm each step",
                                   consent_how="verbally", review_by=runtime.today() + timedelta(days=90))
    return caller


@pytest.fixture
def window(qtbot: Any, runtime: Any, runner: Any, errors: Any) -> MainWindow:
    dialled: list[str] = []
    win = MainWindow(runtime, runner, errors, dial=dialled.append)
    win.dialled = dialled  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_whole_call(qtbot: Any, runtime: Any, window: MainWindow, peggy: Any, errors: Any) -> None:
    # The call pops: the card greets her by her preferred name, with the adjustments she asked for.
    window.pop_number("tel:+44-20-7946-0018")
    assert window.card.caller is not None and window.card.caller.id == peggy.id
    shown = " ".join(label.text() for label in window.card.findChildren(QLabel) if label.isVisible())
    assert "Peggy" in shown and "PEG-ee" in shown and "Speak slowly" in shown
    assert "hard of hearing" not in shown  # the detail opens only on request (and is audited)
    call = window.controller.call
    assert call is not None and call.status is Status.IN_PROGRESS and call.caller_id == peggy.id

    # History, newest first; the overdue follow-up stands out at the top.
    model = window.history.model
    assert [model.data(model.index(r, 2)) for r in range(model.rowCount())][:2] == ["billing", "new card"]
    assert model.data(model.index(0, 3)) == "✗ Failed"
    overdue = [b for b in window.history.findChildren(QPushButton) if b.objectName() == "followUpDone"]
    assert len(overdue) == 1

    # Emergency mode: number, address, contacts; each step saved at once.
    window.actions_.emergency_action.trigger()
    dialog = window.actions_.emergency
    assert dialog is not None and dialog.isVisible()
    assert "999" in dialog.number_label.text() and "1 High Street" in dialog.address.text()
    qtbot.mouseClick(dialog.steps[EmergencyActionKind.EMERGENCY_SERVICES_CALLED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.steps[EmergencyActionKind.CONTACT_NOTIFIED], Qt.MouseButton.LeftButton)
    steps = actions_for(runtime, call.id)
    assert [s.kind for s in steps] == [EmergencyActionKind.EMERGENCY_SERVICES_CALLED,
                                       EmergencyActionKind.CONTACT_NOTIFIED]
    assert dialog.log.count() == 2
    dial = next(b for b in dialog.contacts.findChildren(QPushButton) if b.objectName() == "dialContact")
    qtbot.mouseClick(dial, Qt.MouseButton.LeftButton)
    assert window.dialled == ["+442079460019"]  # type: ignore[attr-defined]
    dialog.close()

    # Log the call: Saved shows only after the commit, and it is in the history.
    form = window.form
    form.channel.setCurrentIndex(form.channel.findData("phone"))
    form.outcome.setCurrentIndex(form.outcome.findData("exceeded"))
    qtbot.keyClicks(form.reason, "confused during payment")
    qtbot.keyClicks(form.note, "Paramedics called, daughter told. ")
    window.actions_.save.trigger()
    assert "Saved" in form.status.text()
    with runtime.db.read() as conn:
        saved = interactions.get_interaction(conn, call.id)
    assert saved is not None and saved.status is Status.COMPLETED and saved.flag_emergency
    assert saved.outcome is Outcome.EXCEEDED
    assert model.data(model.index(0, 2)) == "confused during payment"
    assert window.history.view.isExpanded(model.index(0, 0))
    wellbeing = window.findChild(QDialog, "wellbeingCheck")
    assert wellbeing is not None and wellbeing.isVisible(), "the wellbeing check is offered after an emergency"
    assert errors.messages == []


def test_opening_care_records_is_audited(qtbot: Any, runtime: Any, window: MainWindow, peggy: Any) -> None:
    window.pop_number(STORY_NUMBER)
    window.card.open_vulnerability_details()
    window.contacts.open_contacts()
    with runtime.db.read() as conn:
        assert audit.count(conn) >= 2 + 2  # the two saved in the fixture, and the two reads


def test_an_unparseable_number_says_so_and_changes_nothing(qtbot: Any, runtime: Any, window: MainWindow,
                                                          peggy: Any) -> None:
    window.pop_number(STORY_NUMBER)
    before = window.controller.call
    window.pop_number("+44 20 CALL ME")
    assert window.messages.isVisible() and "not a phone number" in window.messages.text.text()
    assert window.controller.call == before and window.card.caller is not None


def test_an_unknown_caller_is_saved_with_the_call(qtbot: Any, runtime: Any, window: MainWindow) -> None:
    window.pop_number("020 7946 0555")
    assert window.card.caller is None and window.form.new_caller_name.isVisible()
    qtbot.keyClicks(window.form.new_caller_name, "Tom Reid")
    window.form.outcome.setCurrentIndex(window.form.outcome.findData("met"))
    window.controller.save()
    assert window.card.caller is not None and window.card.caller.full_name == "Tom Reid"


def test_a_pop_during_an_unsaved_call_lets_the_agent_choose(qtbot: Any, runtime: Any, window: MainWindow,
                                                           peggy: Any) -> None:
    window.pop_number(STORY_NUMBER)
    first = window.controller.call
    qtbot.keyClicks(window.form.note, "half way through")
    window.pop_number("020 7946 0555")
    assert window.controller.call == first  # nothing switched yet
    stay = window.messages.findChild(QPushButton, "openWaitingCall")
    assert stay is not None
    qtbot.mouseClick(stay, Qt.MouseButton.LeftButton)
    assert window.controller.call != first and window.card.caller is None
    from cxassist.services.drafts import drafts_to_restore

    kept = drafts_to_restore(runtime)
    assert [d.interaction.id for d in kept if first is not None] == [first.id]  # type: ignore[union-attr]
    assert kept[0].form.note == "half way through"


def test_a_failed_save_keeps_the_text(qtbot: Any, runtime: Any, window: MainWindow, peggy: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from cxassist.domain.errors import UserError
    from cxassist.services import drafts

    window.pop_number(STORY_NUMBER)
    qtbot.keyClicks(window.form.note, "important words")

    def disk_full(*_a: Any, **_k: Any) -> Any:
        raise UserError("The database cannot be written: the disk is full.")

    monkeypatch.setattr(drafts, "complete_call", disk_full)
    window.controller.save()
    assert "Not saved" in window.form.status.text() and "disk is full" in window.form.status.text()
    assert window.form.note.toPlainText() == "important words" and window.form.isEnabled()


def test_a_draft_comes_back_after_a_crash(qtbot: Any, runtime: Any, runner: Any, errors: Any, peggy: Any) -> None:
    first = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(first)
    first.pop_number(STORY_NUMBER)
    qtbot.keyClicks(first.form.note, "she asked for a callback")
    first.controller.save_draft_now()
    call_id = first.controller.call.id  # type: ignore[union-attr]
    # "crash": the first window is simply abandoned; a new one starts on the same database.
    second = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(second)
    second.controller.offer_drafts()
    restore = second.messages.findChild(QPushButton, "restoreDraft")
    assert restore is not None
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert second.controller.call is not None and second.controller.call.id == call_id
    assert second.controller.call.ended_at is None, "the restored call goes on"
    assert second.form.note.toPlainText() == "she asked for a callback"
    assert second.card.caller is not None and second.card.caller.id == peggy.id


def test_a_call_the_app_closed_on_shows_as_not_completed(qtbot: Any, runtime: Any, runner: Any, errors: Any,
                                                        peggy: Any) -> None:
    from cxassist.ui.agent.history_model import HistoryModel

    first = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(first)
    first.pop_number(STORY_NUMBER)
    call_id = first.controller.call.id  # type: ignore[union-attr]
    # "crash" before anything was typed: no draft to offer, so the call cannot go on.
    second = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(second)
    second.controller.offer_drafts()
    assert second.messages.findChild(QPushButton, "restoreDraft") is None
    second.pop_number(STORY_NUMBER)
    model = second.history.view.model()
    assert isinstance(model, HistoryModel)
    row = model.row_of(call_id)
    assert row is not None
    flags = model.index(row, model.COLUMNS.index("flags")).data()
    assert "Not completed (the app closed)" in flags and "In progress" not in flags


def test_a_caller_popped_before_the_closing_at_start_up_is_shown_again(qtbot: Any, runtime: Any, runner: Any,
                                                                       errors: Any, peggy: Any) -> None:
    """create_app pops the caller while the closing of abandoned calls may still be on the writer: the pop's history
    can be read first, and must not keep showing the abandoned call as in progress."""
    first = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(first)
    first.pop_number(STORY_NUMBER)
    call_id = first.controller.call.id  # type: ignore[union-attr]
    second = MainWindow(runtime, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(second)
    second.pop_number(STORY_NUMBER)  # read before the closing
    second.controller.offer_drafts()
    model = second.history.model
    row = model.row_of(call_id)
    assert row is not None
    flags = model.index(row, model.COLUMNS.index("flags")).data()
    assert "Not completed (the app closed)" in flags and "In progress" not in flags
