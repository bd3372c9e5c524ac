"""Keeps the prompts panel in step with the call: the pop, the live note (debounced), and what the agent does.

Evaluation runs on the read pool (it needs no database: the pop already holds the caller), so typing never waits on
it; a generation number drops results that a newer evaluation has overtaken. Shown, used and dismissed prompts are
saved through the writer with the call's interaction (shown once per rule per call); events before the call's row
exists wait for it. Prompts shown while the agent types are saved together a moment later (`SHOWN_SAVE_DELAY_MS`),
not while the panel is being laid out again, and at once when another caller pops or the agent uses or dismisses one.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QObject, QTimer

from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel, Interaction
from cxassist.prompts import PackSet, Prompt
from cxassist.services.changes import Changes
from cxassist.services.prompt_packs import packs_in_force
from cxassist.services.prompts import (
    PromptRequest,
    pack_version,
    prompts_for,
    record_prompt_events,
    suggest_prompt,
)
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import ScreenPop
from cxassist.store.prompt_events import PromptEventRecord
from cxassist.ui.agent.call_controller import CallController
from cxassist.ui.agent.interaction_form import InteractionForm
from cxassist.ui.agent.prompts_panel import PromptsPanel
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.message_bar import MessageBar

NOTE_DEBOUNCE_MS = 300
# The save (on the writer) and the pending-count read it sets off compete with the main thread for the GIL: kept
# clear of the re-layout that showing new prompts causes, and one batch for several changes of the prompts.
SHOWN_SAVE_DELAY_MS = 1500


class PromptsController(QObject):
    def __init__(
        self,
        runtime: Runtime,
        runner: TaskRunner,
        *,
        panel: PromptsPanel,
        calls: CallController,
        form: InteractionForm,
        messages: MessageBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.panel = panel
        self.form = form
        self.messages = messages
        self.pack_set: PackSet | None = None
        self.pop: ScreenPop | None = None
        self.interaction_id: UUID | None = None
        self._generation = 0
        self._shown: set[str] = set()
        self._waiting: list[PromptEventRecord] = []  # (with a placeholder id) until the call's row exists
        self._unsaved_shown: list[PromptEventRecord] = []  # shown while typing, saved by `_shown_timer`
        self._shown_timer = QTimer(self)
        self._shown_timer.setSingleShot(True)
        self._shown_timer.setInterval(SHOWN_SAVE_DELAY_MS)
        self._shown_timer.timeout.connect(self.save_shown)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(NOTE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.evaluate)
        calls.popped.connect(self.on_popped)
        calls.call_started.connect(self.on_call_started)
        calls.call_saved.connect(self.on_call_saved)
        form.edited.connect(self._debounce.start)
        panel.used.connect(self.on_used)
        panel.dismissed.connect(self.on_dismissed)
        panel.suggested.connect(self.on_suggested)
        runner.relay.changed.connect(self.on_changed)
        self.load_packs()

    def load_packs(self) -> None:
        """Load (or reload) the packs in force, published ones from the database; on failure the set already in
        force stays."""
        runtime = self.runtime
        self.runner.read(lambda: packs_in_force(runtime), on_done=self._packs_loaded, on_error=self._packs_failed)

    def on_changed(self, changes: Changes, _initiator: object) -> None:
        if changes.prompt_pack:
            self.load_packs()  # a pack was published here, or arrived by sync

    def _packs_loaded(self, pack_set: PackSet) -> None:
        self.pack_set = pack_set
        self.evaluate()

    def _packs_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            kept = self.tr(" The prompts already in force stay.") if self.pack_set else ""
            self.messages.show_message(
                self.tr("A prompt pack could not be loaded: {0}.").format(error) + kept, warning=True
            )

    def on_popped(self, pop: ScreenPop) -> None:
        if self.pop is None or pop.caller != self.pop.caller or pop.number != self.pop.number:
            self.save_shown()  # the last call's, already carrying its interaction
            self._shown.clear()
            self._waiting.clear()
            self.interaction_id = None
            self.panel.clear()
        self.pop = pop
        self.evaluate()

    def on_call_started(self, call: Interaction) -> None:
        self.interaction_id = call.id
        waiting, self._waiting = self._waiting, []
        self._record([PromptEventRecord(call.id, e.rule_id, e.pack_version, e.event, e.reason) for e in waiting])

    def on_call_saved(self, saved: Interaction) -> None:
        self.interaction_id = saved.id

    def evaluate(self) -> None:
        pack_set, pop = self.pack_set, self.pop
        if pack_set is None or pop is None:
            return
        self._generation += 1
        generation = self._generation
        request = PromptRequest(
            pop=pop,
            note=self.form.note.toPlainText(),
            channel=Channel(self.form.channel.currentData()),
            current_interaction_id=self.interaction_id,
        )
        settings, now = self.runtime.settings, self.runtime.now()
        self.runner.read(
            lambda: prompts_for(settings, pack_set, request, now=now),
            on_done=lambda found: self._show(generation, found),
            uses_db=False,
        )

    def _show(self, generation: int, found: list[Prompt]) -> None:
        if generation != self._generation:
            return  # a newer evaluation (another keystroke, another caller) is on its way
        visible = self.panel.show_prompts(found)
        new = [p for p in visible if p.rule_id not in self._shown]
        self._shown.update(p.rule_id for p in new)
        self._event(new, "shown")

    def on_used(self, prompt: Prompt) -> None:
        self._event([prompt], "used")

    def on_dismissed(self, prompt: Prompt, reason: str) -> None:
        self._event([prompt], "dismissed", reason)

    def _event(self, prompts: list[Prompt], kind: str, reason: str = "") -> None:
        if not prompts:
            return
        placeholder = self.interaction_id or UUID(int=0)
        records = [PromptEventRecord(placeholder, p.rule_id, pack_version(p), kind, reason) for p in prompts]
        if self.interaction_id is None:
            self._waiting.extend(records)
            return
        if kind == "shown":
            self._unsaved_shown.extend(records)
            if not self._shown_timer.isActive():
                self._shown_timer.start()
            return
        self._record(self._take_unsaved_shown() + records)  # shown before what the agent then did

    def save_shown(self) -> None:
        """Save the prompts shown since the last save (the timer's slot; also before another caller's pop)."""
        self._record(self._take_unsaved_shown())

    def _take_unsaved_shown(self) -> list[PromptEventRecord]:
        self._shown_timer.stop()
        unsaved, self._unsaved_shown = self._unsaved_shown, []
        return unsaved

    def _record(self, records: list[PromptEventRecord]) -> None:
        if records:
            runtime = self.runtime
            self.runner.write(lambda: record_prompt_events(runtime, records), initiator=self)

    def on_suggested(self, text: str) -> None:
        runtime, interaction = self.runtime, self.interaction_id
        self.runner.write(
            lambda: suggest_prompt(runtime, text=text, interaction_id=interaction),
            on_done=lambda _id: self.messages.show_message(
                self.tr("Thank you: your suggestion was saved for your supervisors.")
            ),
            initiator=self,
        )
