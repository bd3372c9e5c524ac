"""The agent workspace: the caller top left, the emergency button always in sight, the hands on the keyboard.

Layout (DESIGN.md, "The agent workspace at a glance"): search, call timer and the Emergency button across the top;
the caller card and history on the left; prompts and emergency contacts on the right; this call's form at the
bottom; sync state, agent and data folder in the status bar.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import Agent
from cxassist.domain.phones import lookup_keys
from cxassist.services.review import agents_and_teams
from cxassist.services.runtime import Runtime
from cxassist.services.search import SearchResult, search
from cxassist.services.workspace_status import pending_outbox
from cxassist.ui.agent.call_controller import CallController, Panels
from cxassist.ui.agent.caller_card import CallerCard
from cxassist.ui.agent.contact_list import dial_with_system
from cxassist.ui.agent.emergency_panel import EmergencyPanel
from cxassist.ui.agent.friction_marker import FrictionMarker
from cxassist.ui.agent.history_view import HistoryPanel
from cxassist.ui.agent.interaction_form import InteractionForm
from cxassist.ui.agent.older_history import OlderHistory
from cxassist.ui.agent.prompts_controller import PromptsController
from cxassist.ui.agent.prompts_panel import PromptsPanel
from cxassist.ui.agent.recognition import KudosStrip
from cxassist.ui.agent.shortcuts import ShortcutsDialog
from cxassist.ui.agent.window_actions import WindowActions
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.sync_scheduler import SyncScheduler
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.call_timer import CallTimer
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.status import WorkspaceStatus

if TYPE_CHECKING:
    from cxassist.sync.runner import SyncRunner


def looks_like_number(text: str) -> bool:
    """Digits and phone punctuation only (or a tel: URI): pop it; anything with letters is a name search."""
    stripped = text.strip()
    if stripped.lower().startswith("tel:"):
        return True
    return any(ch.isdigit() for ch in stripped) and not any(ch.isalpha() for ch in stripped)


class MainWindow(QMainWindow):
    def __init__(self, runtime: Runtime, runner: TaskRunner, errors: ErrorReporter, *,
                 dial: Callable[[str], None] = dial_with_system) -> None:
        super().__init__()
        self.setObjectName("agentWorkspace")
        self.setWindowTitle(self.tr("cxassist: agent workspace"))
        self.runtime = runtime
        self.runner = runner
        self.errors = errors
        self.shutdown_hooks: list[Callable[[], object]] = []
        self.sync_scheduler: SyncScheduler | None = None  # set by the composition root when sync is configured
        self.dial = dial
        region = runtime.default_region
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.addLayout(self._top_bar())
        self.search_results = QListWidget(self)
        self.search_results.setObjectName("searchResults")
        self.search_results.setAccessibleName(self.tr("Callers found by name; press Enter to open one"))
        self.search_results.itemActivated.connect(self._open_search_result)
        self.search_results.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.search_results.hide()
        outer.addWidget(self.search_results)
        self.messages = MessageBar("messageBar", self)
        outer.addWidget(self.messages)
        errors.show_message = self.show_message
        self.kudos = KudosStrip(runtime, runner, self)
        outer.addWidget(self.kudos)

        self.card = CallerCard(region, self)
        self.history = HistoryPanel(self)
        self.prompts = PromptsPanel(self)
        self.contacts = EmergencyPanel(region, dial=dial, parent=self)
        self.form = InteractionForm(self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        card_scroll = QScrollArea(self)
        card_scroll.setObjectName("callerCardScroll")
        card_scroll.setWidgetResizable(True)
        card_scroll.setWidget(self.card)
        card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left.addWidget(card_scroll)
        left.addWidget(self.history)
        left.setSizes([420, 580])
        left.setChildrenCollapsible(False)
        card_scroll.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.prompts)
        contacts_scroll = QScrollArea(self)
        contacts_scroll.setWidgetResizable(True)
        contacts_scroll.setWidget(self.contacts)
        contacts_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right.addWidget(contacts_scroll)
        right.setSizes([700, 300])  # prompts need the room; the contacts panel is a few lines until opened
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(left)
        upper.addWidget(right)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.setObjectName("workspaceSplitter")
        main.addWidget(upper)
        main.addWidget(self.form)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)
        outer.addWidget(main, 1)
        self.setCentralWidget(central)

        settings = runtime.settings
        self.status = WorkspaceStatus(backend=settings.sync.backend, agent=settings.agent.name or runtime.agent_id,
                                      data_dir=runtime.paths.data_dir, parent=self)
        self.setStatusBar(self.status)
        panels = Panels(card=self.card, history=self.history, contacts=self.contacts, form=self.form,
                        messages=self.messages, timer=self.timer)
        self.controller = CallController(runtime, runner, panels, self)
        self.controller.popped.connect(lambda _pop: self.fix_tab_order())
        self.older_history = OlderHistory(runtime, runner, self.history, sync=self._sync_runner, parent=self)
        self.controller.popped.connect(self.older_history.on_popped)
        self.prompts_controller = PromptsController(runtime, runner, panel=self.prompts, calls=self.controller,
                                                    form=self.form, messages=self.messages, parent=self)
        self.friction = FrictionMarker(runtime, runner, form=self.form, calls=self.controller, parent=self)
        self.actions_ = WindowActions(self)
        self.prompts.emergency_requested.connect(self.actions_.enter_emergency_mode)
        self.emergency_button.clicked.connect(self.actions_.enter_emergency_mode)
        runner.relay.changed.connect(self.on_changes)
        self.refresh_pending()
        self.load_agent_names()
        self.fix_tab_order()
        self.resize(1280, 860)

    # -- the top bar ----------------------------------------------------------------------------------------------

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("popSearch")
        self.search.setAccessibleName(self.tr("Search by phone number or name"))
        self.search.setPlaceholderText(self.tr("Search number or name   (Ctrl+L)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search_entered)
        bar.addWidget(self.search, 3)
        self.timer = CallTimer(self.tr("Call"), self)
        self.timer.setObjectName("callTimer")
        bar.addWidget(self.timer)
        self.emergency_button = QPushButton(self.tr("⚠ Emergency  (Ctrl+E)"), self)
        self.emergency_button.setObjectName("emergencyModeButton")
        self.emergency_button.setAccessibleName(self.tr("Enter emergency mode"))
        self.emergency_button.setProperty("role", "emergency")
        bar.addWidget(self.emergency_button)
        return bar

    # -- searching and popping ------------------------------------------------------------------------------------

    def pop_number(self, raw: str) -> None:
        """A number from the softphone, a tel: link or the search box."""
        self.search_results.hide()
        self.raise_and_focus()
        self.controller.pop_number(raw)

    def _search_entered(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if looks_like_number(text):
            try:
                lookup_keys(text, self.runtime.default_region)
            except Exception as error:  # noqa: BLE001 - shown the same way as a failed pop
                self.show_message(self.tr("{0} Nothing else was changed.").format(error))
                return
            self.pop_number(text)
            return
        runtime = self.runtime
        self.runner.read(lambda: search(runtime, text, limit=20), on_done=self._show_search)

    def _show_search(self, result: SearchResult) -> None:
        self.search_results.clear()
        for caller in result.callers:
            number = caller.phones[0].e164 if caller.phones else ""
            item = QListWidgetItem(f"{caller.full_name}  {number}".strip())
            item.setData(Qt.ItemDataRole.UserRole, (caller.id, number))
            self.search_results.addItem(item)
        if not result.callers:
            self.show_message(self.tr("No caller matches '{0}'.").format(result.query))
            self.search_results.hide()
            return
        self.search_results.show()
        self.search_results.setCurrentRow(0)
        self.search_results.setFocus()

    def _open_search_result(self, item: QListWidgetItem) -> None:
        caller_id, number = item.data(Qt.ItemDataRole.UserRole)
        self.search_results.hide()
        self.controller.open_caller(caller_id, number)

    # -- state shown around the panels ----------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.messages.show_message(text, warning=True)

    def on_changes(self, changes: object, initiator: object | None) -> None:
        if getattr(changes, "outbox_pending", False):
            self.refresh_pending()
        if getattr(changes, "pulled", False):
            self.load_agent_names()  # the agent table syncs

    def _sync_runner(self) -> SyncRunner | None:
        return self.sync_scheduler.sync if self.sync_scheduler is not None else None

    def load_agent_names(self) -> None:
        runtime = self.runtime
        self.runner.read(lambda: agents_and_teams(runtime), on_done=self._show_agent_names)

    def _show_agent_names(self, found: tuple[list[Agent], list[str]]) -> None:
        self.history.model.set_agent_names({agent.id: agent.display_name for agent in found[0]})

    def refresh_pending(self) -> None:
        runtime = self.runtime
        self.runner.read(lambda: pending_outbox(runtime), on_done=self.status.show_pending)

    def raise_and_focus(self) -> None:
        self.show()
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()

    def fix_tab_order(self) -> None:
        """Search, then the caller card, then the history, then the form down to Save: the order of a call."""
        chain: list[QWidget] = [self.search, self.emergency_button]
        chain += [w for w in self.card.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain.append(self.history.view)
        chain += [w for w in self.history.findChildren(QPushButton) if w is not self.history.older_button]
        chain.append(self.history.older_button)  # below the list on screen, so last in the panel
        form = self.form
        chain += [form.new_caller_name, form.channel, form.outcome, form.reason, form.note, form.tags,
                  form.friction_button, form.follow_up, form.follow_up_due, form.save]
        chain.append(self.kudos.all_button)  # recognition comes after the call's work
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions_.all(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.save_draft_now()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Run the composition root's shutdown steps once, in the order given (reverse of start-up), after handing
        the writer the prompts shown but not yet saved (the runner still takes work then)."""
        if self.shutdown_hooks:
            self.prompts_controller.save_shown()
        hooks, self.shutdown_hooks = self.shutdown_hooks, []
        for hook in hooks:
            hook()

