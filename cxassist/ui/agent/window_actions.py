"""The workspace's actions, each with a shortcut and a menu entry, and the dialogs they open (emergency mode, the
editing dialogs, the wellbeing check, the shortcut list)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from cxassist.domain.errors import UserError
from cxassist.domain.models import (
    EmergencyAction,
    EmergencyActionKind,
    EmergencyContact,
    Interaction,
    Vulnerability,
)
from cxassist.services import access
from cxassist.services.calls import start_call
from cxassist.services.emergency import actions_for, caller_place, record_action
from cxassist.ui.agent.emergency_mode import EmergencyModeDialog
from cxassist.ui.console.sections import SECTIONS

if TYPE_CHECKING:
    from cxassist.ui.agent.main_window import MainWindow
    from cxassist.ui.console.window import ConsoleWindow


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.emergency: EmergencyModeDialog | None = None
        self.console: ConsoleWindow | None = None
        self._actions: list[QAction] = []
        bar = window.menuBar()
        call = bar.addMenu(self.tr("&Call"))
        self.find = self._add(call, "actionFind", self.tr("&Find a caller by number or name"), "Ctrl+L",
                              self.focus_search)
        self.emergency_action = self._add(call, "actionEmergency", self.tr("&Emergency mode"), "Ctrl+E",
                                          self.enter_emergency_mode)
        self.save = self._add(call, "actionSave", self.tr("&Save this call"), "Ctrl+S",
                              window.controller.save)
        self.note = self._add(call, "actionNote", self.tr("Go to the &note"), "Ctrl+N",
                              lambda: window.form.note.setFocus())  # noqa: PLW0108 - triggered passes a bool
        call.addAction(window.friction.action)
        self._actions.append(window.friction.action)
        call.addSeparator()
        self.quit = self._add(call, "actionQuit", self.tr("&Quit"), "Ctrl+Q", window.close)
        caller = bar.addMenu(self.tr("C&aller"))
        self.edit_caller = self._add(caller, "actionEditCaller", self.tr("&Edit caller details…"), "Ctrl+Shift+D",
                                     self.edit_caller_details)
        self.add_contact = self._add(caller, "actionAddContact", self.tr("Add an emergency &contact…"),
                                     "Ctrl+Shift+C", self.add_emergency_contact)
        self.add_need = self._add(caller, "actionAddNeed", self.tr("Record a &need or vulnerability…"),
                                  "Ctrl+Shift+V", self.add_vulnerability)
        self.show_needs = self._add(caller, "actionShowNeeds", self.tr("Show what they &told us"), "Ctrl+Shift+N",
                                    window.card.open_vulnerability_details)
        self.show_contacts = self._add(caller, "actionShowContacts", self.tr("Show emergency contacts' &numbers"),
                                       "Ctrl+Shift+K", window.contacts.open_contacts)
        supervisor = bar.addMenu(self.tr("&Supervisor"))
        self.console_action = self._add(supervisor, "actionConsole", self.tr("Supervisor &console"), "Ctrl+Shift+S",
                                        self.open_console)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = self._add(help_menu, "actionShortcuts", self.tr("&Keyboard shortcuts"), "F1",
                                   window.show_shortcuts)
        window.card.edit_caller_requested.connect(self.edit_caller_details)
        window.contacts.add_contact_requested.connect(self.add_emergency_contact)
        window.contacts.edit_contact_requested.connect(self.edit_emergency_contact)
        window.card.edit_vulnerability_requested.connect(self.edit_vulnerability)
        window.card.settle_versions_requested.connect(self.settle_versions)
        window.controller.call_saved.connect(self.after_call)

    def all(self) -> list[QAction]:
        return list(self._actions)

    def _add(self, menu: object, name: str, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut if name == "actionEmergency"
                                  else Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        self._actions.append(action)
        return action

    def focus_search(self) -> None:
        self.window.raise_and_focus()
        self.window.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.search.selectAll()

    # -- emergency mode -------------------------------------------------------------------------------------------

    def enter_emergency_mode(self) -> None:
        """Open emergency mode at once; a call is started first if there is none, so every step has a home."""
        window = self.window
        controller = window.controller
        if self.emergency is None:
            self.emergency = EmergencyModeDialog(window.runtime.default_region, self.record_step, dial=window.dial,
                                                 parent=window)
        pop = controller.pop
        place = controller.place or caller_place(window.runtime.settings, None, "")
        contacts = pop.emergency_contacts if pop else ()
        self.emergency.show_call(place, contacts, window.runtime.now())
        self.emergency.start([])
        if controller.call is None:
            runtime = window.runtime
            number = pop.number if pop else ""
            caller_id = controller.caller_id
            window.runner.write(lambda: start_call(runtime, phone=number, caller_id=caller_id),
                                on_done=self._emergency_call_started, initiator=controller)
        else:
            self._load_steps(controller.call)
        if controller.caller_id is not None:
            window.contacts.open_contacts()  # audited as opening the contacts

    def _emergency_call_started(self, call: Interaction) -> None:
        controller = self.window.controller
        if controller.call is None:
            controller.call = call
            self.window.form.setEnabled(True)
            self.window.timer.start()

    def _load_steps(self, call: Interaction) -> None:
        runtime, call_id = self.window.runtime, call.id
        self.window.runner.read(lambda: actions_for(runtime, call_id), on_done=self._show_steps)

    def _show_steps(self, steps: list[EmergencyAction]) -> None:
        if self.emergency is not None:
            self.emergency.log.clear()
            for step in steps:
                self.emergency.action_saved(step)

    def record_step(self, kind: EmergencyActionKind, detail: str) -> None:
        window = self.window
        call = window.controller.call
        if call is None:
            window.show_message(self.tr("The call is still being set up; click the step again in a moment."))
            return
        runtime, call_id = window.runtime, call.id
        window.runner.write(lambda: record_action(runtime, call_id, kind, detail), on_done=self._step_saved,
                            on_error=self._step_failed, initiator=self)

    def _step_saved(self, action: EmergencyAction) -> None:
        if self.emergency is not None:
            self.emergency.action_saved(action)

    def _step_failed(self, error: Exception) -> None:
        text = self.tr("⚠ That step was NOT saved: {0}").format(error)
        if self.emergency is not None:
            self.emergency.log.addItem(text)
        self.window.show_message(text)

    # -- the supervisor console -----------------------------------------------------------------------------------

    def open_console(self) -> None:
        self.open_console_at(None)

    def open_console_at(self, section: str | None) -> None:
        """Check the role and audit the opening on the writer; then show the one console window (raised if open),
        at `section` (one of `sections.SECTIONS`) when given."""
        runtime = self.window.runtime
        self.window.runner.write(lambda: access.open_console(runtime),
                                 on_done=lambda role: self._show_console(role, section),
                                 on_error=self._console_refused, initiator=self)

    def _show_console(self, _role: object, section: str | None = None) -> None:
        from cxassist.ui.console.context import ConsoleContext  # noqa: PLC0415 - the console loads on first opening
        from cxassist.ui.console.window import ConsoleWindow  # noqa: PLC0415

        window = self.window
        if self.console is None:
            self.console = ConsoleWindow(ConsoleContext(window.runtime, window.runner, window.errors), window)
        if section in SECTIONS:
            self.console.show_tab(SECTIONS.index(section))
        self.console.show()
        self.console.setWindowState(self.console.windowState() & ~Qt.WindowState.WindowMinimized)
        self.console.raise_()
        self.console.activateWindow()

    def _console_refused(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.window.show_message(str(error))

    # -- editing and care -----------------------------------------------------------------------------------------

    def edit_caller_details(self) -> None:
        from cxassist.ui.agent.edit_caller import open_caller_editor  # noqa: PLC0415

        open_caller_editor(self.window)

    def add_emergency_contact(self) -> None:
        from cxassist.ui.agent.edit_care import open_contact_editor  # noqa: PLC0415

        open_contact_editor(self.window)

    def add_vulnerability(self) -> None:
        from cxassist.ui.agent.edit_care import open_vulnerability_editor  # noqa: PLC0415

        open_vulnerability_editor(self.window)

    def edit_emergency_contact(self, contact: EmergencyContact) -> None:
        from cxassist.ui.agent.edit_care import open_contact_editor  # noqa: PLC0415

        open_contact_editor(self.window, contact)

    def edit_vulnerability(self, item: Vulnerability) -> None:
        from cxassist.ui.agent.edit_care import open_vulnerability_editor  # noqa: PLC0415

        open_vulnerability_editor(self.window, item)

    def settle_versions(self, caller_id: object) -> None:
        from cxassist.ui.conflict_dialog import open_conflict_dialog  # noqa: PLC0415

        open_conflict_dialog(self.window.runtime, self.window.runner, caller_id, self.window)

    def after_call(self, saved: Interaction) -> None:
        if saved.flag_emergency or saved.flag_vulnerable:
            from cxassist.ui.agent.wellbeing import WellbeingDialog  # noqa: PLC0415

            dialog = WellbeingDialog(emergency=saved.flag_emergency, parent=self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
