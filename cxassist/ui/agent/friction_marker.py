"""Friction points from the interaction form, in one step: "Caller found a rule pointless…" (Alt+P, or Ctrl+Shift+F
anywhere in the window) opens a small popup asking which rule, policy or process and a few words; Enter saves it
against the call in progress and the form says "Noted".

The rule box offers the rules colleagues have already marked (read off the main thread when the popup opens), so the
same rule is spelled the same way and ranks together in the console. With no call in progress the button is
disabled, and its tooltip says why.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cxassist.domain.errors import UserError
from cxassist.domain.models import Interaction
from cxassist.services.feedback import MAX_RULE, MAX_WORDS, mark_friction, rank_friction
from cxassist.services.runtime import Runtime
from cxassist.ui.agent.call_controller import CallController
from cxassist.ui.agent.interaction_form import InteractionForm
from cxassist.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cxassist.store.reviews import FrictionRecord

SHORTCUT = "Ctrl+Shift+F"
RULES_OFFERED = 50
RULES_FROM_DAYS = 365


class FrictionPopup(QDialog):
    """Which rule, and a few words. `submitted(rule, words)` on Enter; the marker closes it once saved."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frictionPopup")
        self.setWindowTitle(self.tr("A rule the caller found pointless"))
        self.setAccessibleName(self.tr("Note a rule the caller found pointless"))
        self._saving = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Noted against this call, so a supervisor can take it to whoever owns the rule."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.rule = QComboBox(self)
        self.rule.setObjectName("frictionRule")
        self.rule.setAccessibleName(self.tr("Which rule, policy or process the caller found pointless"))
        self.rule.setEditable(True)
        self.rule.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rule.setMinimumContentsLength(32)
        line = self.rule.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setMaxLength(MAX_RULE)
        line.setPlaceholderText(self.tr("e.g. Proof of address sent by post"))
        line.returnPressed.connect(self.submit)
        rule_label = QLabel(self.tr("&Which rule, policy or process?"), self)
        rule_label.setBuddy(self.rule)
        form.addRow(rule_label, self.rule)
        self.words = QLineEdit(self)
        self.words.setObjectName("frictionWords")
        self.words.setAccessibleName(self.tr("In a few words, what the caller said about it"))
        self.words.setMaxLength(MAX_WORDS)
        self.words.returnPressed.connect(self.submit)
        words_label = QLabel(self.tr("In a few &words"), self)
        words_label.setBuddy(self.words)
        form.addRow(words_label, self.words)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("frictionProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.save = buttons.addButton(self.tr("Save  (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("saveFriction")
        self.save.setAccessibleName(self.tr("Save the friction point"))
        self.save.setAutoDefault(False)  # Enter in either box saves through `submit`, once
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelFriction")
        cancel.setAccessibleName(self.tr("Close without saving"))
        cancel.setAutoDefault(False)
        self.save.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def start(self) -> None:
        """Empty boxes, the rule box focused."""
        self._saving = False
        self.save.setEnabled(True)
        self.rule.setEditText("")
        self.words.clear()
        self.problem.hide()
        self.rule.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_rules(self, rules: list[str]) -> None:
        typed = self.rule.currentText()
        self.rule.clear()
        self.rule.addItems(rules)
        self.rule.setEditText(typed)

    def submit(self) -> None:
        if self._saving:
            return
        rule = self.rule.currentText().strip()
        if not rule:
            self.show_problem(self.tr("Name the rule, policy or process first."))
            self.rule.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._saving = True
        self.save.setEnabled(False)
        self.submitted.emit(rule, self.words.text().strip())

    def show_problem(self, text: str) -> None:
        self._saving = False
        self.save.setEnabled(True)
        self.problem.setText(self.tr("⚠ Not saved: {0}").format(text))
        self.problem.setAccessibleName(self.problem.text())
        self.problem.show()


class FrictionMarker(QObject):
    """Wires the form's button and `action` (Ctrl+Shift+F: add it to the window's menu and shortcut list) to the
    popup and the save, against `calls.call`, the call in progress."""

    def __init__(
        self,
        runtime: Runtime,
        runner: TaskRunner,
        *,
        form: InteractionForm,
        calls: CallController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.form = form
        self.calls = calls
        self.popup: FrictionPopup | None = None
        self._call_id: UUID | None = None
        self.action = QAction(self.tr("Caller found a rule &pointless…"), form.window())
        self.action.setObjectName("actionFriction")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        form.window().addAction(self.action)
        form.friction_button.clicked.connect(self.open)
        form.installEventFilter(self)
        calls.call_started.connect(self._on_call_started)
        self._show_availability()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form and event.type() == QEvent.Type.EnabledChange:
            self._show_availability()
        return False

    def _show_availability(self) -> None:
        available = self.form.isEnabled()
        self.action.setEnabled(available)
        if available:
            tip = self.tr("Note a rule, policy or process the caller found pointless ({0})").format(SHORTCUT)
        else:
            tip = self.tr("Available during a call: there is no call in progress to note it against.")
        self.form.friction_button.setToolTip(tip)
        self.form.friction_button.setAccessibleDescription(tip)

    def open(self) -> None:
        call = self.calls.call
        if call is None or not self.form.isEnabled():
            self._notice(self.tr("There is no call in progress to note a rule against."))
            return
        self._call_id = call.id
        if self.popup is None:
            self.popup = FrictionPopup(self.form.window())
            self.popup.submitted.connect(self._save)
        self.popup.start()
        self.popup.show()
        self.popup.raise_()
        self.popup.activateWindow()
        runtime = self.runtime

        def known_rules() -> list[str]:
            since = runtime.now() - timedelta(days=RULES_FROM_DAYS)
            return [ranked.rule for ranked in rank_friction(runtime, since, limit=RULES_OFFERED)]

        self.runner.read(known_rules, on_done=self._offer_rules, on_error=lambda _error: None)

    def _offer_rules(self, rules: list[str]) -> None:
        if self.popup is not None:
            self.popup.set_rules(rules)

    def _save(self, rule: str, words: str) -> None:
        call_id = self._call_id
        if call_id is None:
            return
        runtime = self.runtime
        self.runner.write(
            lambda: mark_friction(runtime, call_id, rule, words),
            on_done=self._saved,
            on_error=self._failed,
            initiator=self,
        )

    def _saved(self, record: FrictionRecord) -> None:
        if self.popup is not None:
            self.popup.accept()
        self._notice(self.tr("✓ Noted: “{0}”. Supervisors see it ranked in the console.").format(record.rule))

    def _failed(self, error: Exception) -> None:
        if self.popup is None:
            return
        if isinstance(error, UserError):
            self.popup.show_problem(str(error))
        else:
            self.popup.show_problem(self.tr("something went wrong on our side; try again."))

    def _on_call_started(self, call: Interaction) -> None:
        if self.popup is not None and self.popup.isVisible() and call.id != self._call_id:
            self.popup.reject()  # it was about the call before

    def _notice(self, text: str) -> None:
        self.form.friction_notice.setText(text)
        self.form.friction_notice.setAccessibleName(text)
