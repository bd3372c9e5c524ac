"""The call in the window: pop a number, start the interaction, keep the draft, save, restore after a crash.

All database work goes through the runner: reads on the pool, writes on the single writer. The widgets only show
what they are given; this object decides what happens next. The current call is `self.call`; it exists (in progress)
from the moment the pop's `start_call` commits, so emergency steps always have a home.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal

from cxassist.domain.errors import UserError
from cxassist.domain.models import Interaction
from cxassist.services import drafts
from cxassist.services.audit_log import AuditAction, record
from cxassist.services.caller_edit import mark_follow_up_done
from cxassist.services.calls import close_abandoned_calls, resume_call, start_call
from cxassist.services.changes import Changes
from cxassist.services.emergency import CallerPlace, caller_place
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import ScreenPop, confirm_candidate, screen_pop
from cxassist.ui.agent.caller_card import CallerCard, display_number
from cxassist.ui.agent.emergency_panel import EmergencyPanel
from cxassist.ui.agent.history_view import HistoryPanel
from cxassist.ui.agent.interaction_form import InteractionForm
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.call_timer import CallTimer
from cxassist.ui.widgets.message_bar import MessageBar

DRAFT_DELAY_MS = 500


@dataclass
class Panels:
    card: CallerCard
    history: HistoryPanel
    contacts: EmergencyPanel
    form: InteractionForm
    messages: MessageBar
    timer: CallTimer


class CallController(QObject):
    """Signals: `popped(pop)` after the panels fill; `call_started(interaction)`; `call_saved(interaction)`."""

    popped = Signal(object)
    call_started = Signal(object)
    call_saved = Signal(object)

    def __init__(self, runtime: Runtime, runner: TaskRunner, panels: Panels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.panels = panels
        self.pop: ScreenPop | None = None
        self.place: CallerPlace | None = None
        self.call: Interaction | None = None
        self.caller_id: UUID | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        panels.form.edited.connect(self._draft_timer.start)
        panels.form.save_requested.connect(self.save)
        panels.card.candidate_confirmed.connect(self.confirm)
        panels.card.vulnerabilities_opened.connect(self._audit_vulnerabilities)
        panels.contacts.contacts_opened.connect(self._audit_contacts)
        panels.history.follow_up_done_requested.connect(self.follow_up_done)
        runner.relay.changed.connect(self.on_changes)

    # -- pop ------------------------------------------------------------------------------------------------------

    def pop_number(self, raw: str) -> None:
        """A call arrived (or the agent typed a number). An unsaved form for another call makes the agent choose."""
        if self.call is not None and self.panels.form.is_dirty():
            self.save_draft_now()
            self.panels.messages.show_message(
                self.tr("A call from {0} is waiting. Your notes on the current call are kept as a draft.").format(
                    raw.strip()),
                warning=True,
                choices=(
                    ("openWaitingCall", self.tr("Open the new call"), lambda: self._read_pop(raw)),
                    ("stayOnCall", self.tr("Stay on this call"), lambda: None),
                ),
            )
            return
        self._read_pop(raw)

    def open_caller(self, caller_id: UUID, number: str) -> None:
        """Open a caller found by name (the number they are on file with)."""
        runtime = self.runtime
        self.runner.read(lambda: confirm_candidate(runtime, caller_id, number=number), on_done=self._show_new_pop,
                         on_error=self._pop_failed)

    def _read_pop(self, raw: str) -> None:
        runtime = self.runtime
        self.runner.read(lambda: screen_pop(runtime, raw), on_done=self._show_new_pop, on_error=self._pop_failed)

    def _pop_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.panels.messages.show_message(
                self.tr("{0} Nothing else was changed.").format(error), warning=True)

    def _show_new_pop(self, pop: ScreenPop) -> None:
        self._draft_timer.stop()
        self.panels.messages.clear()
        self.call = None
        self._show(pop)
        self.panels.form.start_call(unknown_caller=pop.caller is None, enabled=False)
        self.panels.timer.start()
        runtime, number, caller = self.runtime, pop.number, self.caller_id
        self.runner.write(lambda: start_call(runtime, phone=number, caller_id=caller), on_done=self._call_started,
                          initiator=self)

    def _show(self, pop: ScreenPop) -> None:
        self.pop = pop
        self.caller_id = pop.caller.id if pop.caller else None
        self.place = caller_place(self.runtime.settings, pop.caller, pop.number)
        now = self.runtime.now()
        self.panels.card.show_pop(pop, self.place, now)
        history = list(pop.history)
        if self.call is not None and all(h.id != self.call.id for h in history):
            history.insert(0, self.call)
        self.panels.history.show_history(history, pop.follow_ups, self.runtime.today())
        self.panels.contacts.show_contacts(self.caller_id, pop.emergency_contacts)
        self.popped.emit(pop)

    def _call_started(self, call: Interaction) -> None:
        self.call = call
        self.panels.form.setEnabled(True)
        self.call_started.emit(call)

    def confirm(self, caller_id: UUID) -> None:
        """The agent confirmed a probable match: show that caller; the call is linked to them when saved."""
        number = self.pop.number if self.pop else ""
        runtime = self.runtime
        self.runner.read(lambda: confirm_candidate(runtime, caller_id, number=number), on_done=self._confirmed)

    def _confirmed(self, pop: ScreenPop) -> None:
        self._show(pop)
        self.panels.form.set_unknown_caller(False)

    def refresh(self) -> None:
        if self.caller_id is None or self.pop is None:
            return
        runtime, caller_id, number = self.runtime, self.caller_id, self.pop.number
        self.runner.read(lambda: confirm_candidate(runtime, caller_id, number=number), on_done=self._show)

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if initiator is self or self.caller_id is None:
            return
        if self.caller_id in changes.callers or (self.call is not None and self.call.id in changes.interactions):
            self.refresh()

    # -- drafts and saving ----------------------------------------------------------------------------------------

    def save_draft_now(self) -> None:
        self._draft_timer.stop()
        if self.call is None:
            return
        runtime, call_id, form = self.runtime, self.call.id, self.panels.form.value()
        self.runner.write(lambda: drafts.save_draft(runtime, call_id, form), on_error=self._draft_failed,
                          initiator=self)

    def _draft_failed(self, error: Exception) -> None:
        self.panels.form.show_problem(self.tr("the draft could not be kept ({0}).").format(error))

    def save(self) -> None:
        if self.call is None:
            self.panels.messages.show_message(self.tr("There is no call to save yet: pop a number first (Ctrl+L)."))
            return
        self._draft_timer.stop()
        runtime, call_id, form = self.runtime, self.call.id, self.panels.form.value()
        caller_id = self.caller_id
        self.panels.form.save.setEnabled(False)
        self.panels.form.status.setText(self.tr("Saving…"))
        self.runner.write(lambda: drafts.finish_call(runtime, call_id, form, caller_id=caller_id),
                          on_done=self._saved, on_error=self._save_failed, initiator=self)

    def _saved(self, saved: Interaction) -> None:
        self.panels.form.save.setEnabled(True)
        self.panels.form.mark_saved(self.tr("✓ Saved at {0}").format(self.runtime.now().astimezone().strftime("%H:%M")))
        self.panels.form.setEnabled(False)
        self.panels.form.status.setEnabled(True)
        self.panels.timer.stop()
        self.call = None
        if saved.caller_id is not None and self.pop is not None:
            self.caller_id = saved.caller_id
            runtime, caller_id, number = self.runtime, saved.caller_id, self.pop.number
            self.runner.read(lambda: confirm_candidate(runtime, caller_id, number=number),
                             on_done=lambda pop: self._after_save(pop, saved))
        self.call_saved.emit(saved)

    def _after_save(self, pop: ScreenPop, saved: Interaction) -> None:
        self._show(pop)
        self.panels.history.expand(saved.id)

    def _save_failed(self, error: Exception) -> None:
        self.panels.form.save.setEnabled(True)
        self.panels.form.setEnabled(True)
        self.panels.form.show_problem(str(error))

    def offer_drafts(self) -> None:
        """At start-up: calls an earlier session left in progress become "not completed", then the newest draft is
        offered back (restoring it resumes its call)."""
        runtime, started_before = self.runtime, self.runtime.now()
        self.runner.write(lambda: close_abandoned_calls(runtime, started_before=started_before),
                          on_done=self._abandoned_closed, on_error=self._close_failed, initiator=self)

    def _abandoned_closed(self, closed: list[Interaction]) -> None:
        if any(item.caller_id is not None and item.caller_id == self.caller_id for item in closed):
            self.refresh()  # a caller popped at start-up was read before these calls were closed
        self._read_drafts()

    def _close_failed(self, error: Exception) -> None:
        self.panels.messages.show_message(
            self.tr("Unsaved calls from last time could not be marked as not completed: {0}").format(error),
            warning=True)
        self._read_drafts()

    def _read_drafts(self) -> None:
        runtime = self.runtime
        self.runner.read(lambda: drafts.drafts_to_restore(runtime), on_done=self._offer)

    def _offer(self, found: list[drafts.SavedDraft]) -> None:
        if not found:
            return
        draft = found[0]
        when = draft.interaction.started_at.astimezone().strftime("%d %b %H:%M")
        number = display_number(draft.interaction.phone, self.runtime.default_region) or self.tr("no number")
        self.panels.messages.show_message(
            self.tr("You have unsaved notes from a call at {0} ({1}).").format(when, number),
            choices=(
                ("restoreDraft", self.tr("Restore them"), lambda: self.restore(draft)),
                ("discardDraft", self.tr("Discard them"), lambda: self._discard(draft)),
            ),
        )

    def restore(self, draft: drafts.SavedDraft) -> None:
        runtime, call_id = self.runtime, draft.interaction.id
        self.runner.write(lambda: resume_call(runtime, call_id), on_done=lambda item: self._restore(draft, item),
                          on_error=self._restore_failed, initiator=self)

    def _restore_failed(self, error: Exception) -> None:
        self.panels.messages.show_message(self.tr("The call could not be restored: {0}").format(error), warning=True)

    def _restore(self, draft: drafts.SavedDraft, item: Interaction) -> None:
        runtime = self.runtime

        def read() -> ScreenPop:
            if item.caller_id is not None:
                return confirm_candidate(runtime, item.caller_id, number=item.phone)
            return screen_pop(runtime, item.phone or "0")

        def show(pop: ScreenPop) -> None:
            self.call = item
            self._show(pop)
            self.panels.form.start_call(unknown_caller=pop.caller is None, form=draft.form)
            self.panels.timer.start(item.started_at, runtime.now())
            self.call_started.emit(item)

        self.runner.read(read, on_done=show)

    def _discard(self, draft: drafts.SavedDraft) -> None:
        runtime, call_id = self.runtime, draft.interaction.id
        self.runner.write(lambda: drafts.discard_draft(runtime, call_id), initiator=self)

    # -- care records ---------------------------------------------------------------------------------------------

    def _audit_vulnerabilities(self, caller_id: UUID) -> None:
        runtime = self.runtime
        self.runner.write(lambda: record(runtime, action=AuditAction.VIEWED_VULNERABILITIES, subject=str(caller_id)),
                          initiator=self)

    def _audit_contacts(self, caller_id: UUID) -> None:
        runtime = self.runtime
        self.runner.write(
            lambda: record(runtime, action=AuditAction.VIEWED_EMERGENCY_CONTACTS, subject=str(caller_id)),
            initiator=self)

    def follow_up_done(self, interaction_id: UUID) -> None:
        runtime = self.runtime
        self.runner.write(lambda: mark_follow_up_done(runtime, interaction_id), on_done=lambda _i: self.refresh(),
                          initiator=self)
