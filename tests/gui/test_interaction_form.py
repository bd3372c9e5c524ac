"""The call form: redaction as typed with a visible notice, values in and out, dirty tracking."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from cxassist.domain.models import Channel, Outcome
from cxassist.services.drafts import CallForm
from cxassist.ui.agent.interaction_form import InteractionForm


def _form(qtbot: Any) -> InteractionForm:
    form = InteractionForm()
    qtbot.addWidget(form)
    form.start_call(unknown_caller=False)
    form.show()
    return form


def test_a_card_number_is_masked_as_typed_with_a_notice(qtbot: Any) -> None:
    form = _form(qtbot)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "card 4111 1111 1111 1111 expires")
    assert form.note.toPlainText() == "card **** **** **** 1111 expires"
    assert form.mask_notice.isVisible() and "A card number was masked" in form.mask_notice.text()
    assert form.note.textCursor().position() == len(form.note.toPlainText())
    assert "4111 1111" not in form.value().note


def test_a_pause_masks_a_number_at_the_end_of_the_note(qtbot: Any) -> None:
    form = _form(qtbot)
    qtbot.keyClicks(form.note, "4111111111111111")
    qtbot.waitUntil(lambda: form.note.toPlainText() == "**** **** **** 1111", timeout=3000)


def test_ordinary_numbers_survive(qtbot: Any) -> None:
    form = _form(qtbot)
    qtbot.keyClicks(form.note, "call back on 020 7946 0018 after 2pm, ref 12345678.")
    assert form.note.toPlainText() == "call back on 020 7946 0018 after 2pm, ref 12345678."
    assert not form.mask_notice.isVisible()


def test_values_round_trip_and_dirty_tracking(qtbot: Any) -> None:
    form = _form(qtbot)
    draft = CallForm(channel=Channel.CHAT, reason="refund", outcome=Outcome.EXCEEDED, note="sorted",
                     tags=("billing", "refund"), follow_up_due=date(2030, 1, 2))
    form.start_call(unknown_caller=False, form=draft)
    assert form.value() == draft
    assert not form.is_dirty()
    with qtbot.waitSignal(form.edited):
        qtbot.keyClicks(form.reason, " done")
    assert form.is_dirty()
    with qtbot.waitSignal(form.save_requested):
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    form.mark_saved("Saved")
    assert not form.is_dirty() and form.status.text() == "Saved"
