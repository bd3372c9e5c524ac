"""This call: channel, reason, outcome (judged by the caller), note, tags and a follow-up.

The note is redacted as it is typed: once a run of digits ends (or the agent pauses), card numbers are masked and a
visible notice says so; the cursor keeps its distance from the end of the text. The form never saves by itself: it
says `edited` (the window keeps a draft) and `save_requested` (Ctrl+S); "Saved" shows only when told the commit
happened (`mark_saved`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import Channel, Outcome
from cxassist.security.redaction import redact
from cxassist.services.drafts import CallForm
from cxassist.ui.widgets.text import channel_text, outcome_long, section_title

_RUN_CHARS = frozenset("0123456789 -")
IDLE_REDACT_MS = 700


class InteractionForm(QFrame):
    edited = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionForm")
        self.setAccessibleName(self.tr("This call"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._loading = False
        self._dirty = False
        outer = QVBoxLayout(self)
        outer.addWidget(section_title(self.tr("This call"), self))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.new_caller_name = self._line("newCallerName", self.tr("New caller's full name (saved with the call)"))
        self.new_caller_label = QLabel(self.tr("New caller's &name"), self)
        self.new_caller_label.setBuddy(self.new_caller_name)
        form.addRow(self.new_caller_label, self.new_caller_name)

        top = QHBoxLayout()
        self.channel = QComboBox(self)
        self.channel.setObjectName("channelSelect")
        self.channel.setAccessibleName(self.tr("Channel of this contact"))
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        self.channel.currentIndexChanged.connect(self._on_edit)
        channel_label = QLabel(self.tr("C&hannel"), self)
        channel_label.setBuddy(self.channel)
        top.addWidget(channel_label)
        top.addWidget(self.channel)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcomeSelect")
        self.outcome.setAccessibleName(self.tr("Outcome, as the caller would judge it"))
        self.outcome.addItem(outcome_long(None), None)
        for outcome in Outcome:
            self.outcome.addItem(outcome_long(outcome), outcome.value)
        self.outcome.currentIndexChanged.connect(self._on_edit)
        outcome_label = QLabel(self.tr("&Outcome"), self)
        outcome_label.setBuddy(self.outcome)
        top.addWidget(outcome_label)
        top.addWidget(self.outcome, 1)
        form.addRow(top)

        self.reason = self._line("reasonEdit", self.tr("Reason for the call"))
        form.addRow(self._buddy(self.tr("&Reason"), self.reason), self.reason)

        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setAccessibleName(self.tr("Note about this call; card numbers are masked as you type"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What happened, in your words. Card numbers are masked automatically."))
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.note.textChanged.connect(self._on_note_changed)
        form.addRow(self._buddy(self.tr("No&te"), self.note), self.note)
        self.mask_notice = QLabel(self)
        self.mask_notice.setObjectName("maskNotice")
        self.mask_notice.setWordWrap(True)
        self.mask_notice.hide()
        form.addRow("", self.mask_notice)

        self.tags = self._line("tagsEdit", self.tr("Tags, separated by commas"))
        form.addRow(self._buddy(self.tr("T&ags"), self.tags), self.tags)

        friction = QHBoxLayout()
        self.friction_button = QPushButton(self.tr("Caller found a rule &pointless…"), self)
        self.friction_button.setObjectName("markFriction")
        self.friction_button.setAccessibleName(self.tr("Note a rule, policy or process the caller found pointless"))
        friction.addWidget(self.friction_button)
        self.friction_notice = QLabel(self)
        self.friction_notice.setObjectName("frictionNotice")
        self.friction_notice.setWordWrap(True)
        friction.addWidget(self.friction_notice, 1)
        form.addRow(friction)

        follow = QHBoxLayout()
        self.follow_up = QCheckBox(self.tr("&Follow-up needed, due"), self)
        self.follow_up.setObjectName("followUpCheck")
        self.follow_up.setAccessibleName(self.tr("A follow-up is needed"))
        self.follow_up.toggled.connect(self._on_follow_up_toggled)
        self.follow_up_due = QDateEdit(self)
        self.follow_up_due.setObjectName("followUpDue")
        self.follow_up_due.setAccessibleName(self.tr("Follow-up due date"))
        self.follow_up_due.setCalendarPopup(True)
        self.follow_up_due.setDisplayFormat("dd MMM yyyy")
        self.follow_up_due.setEnabled(False)
        self.follow_up_due.dateChanged.connect(self._on_edit)
        follow.addWidget(self.follow_up)
        follow.addWidget(self.follow_up_due)
        follow.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        follow.addWidget(self.status, 2)
        self.save = QPushButton(self.tr("Save  (Ctrl+S)"), self)
        self.save.setObjectName("saveInteraction")
        self.save.setAccessibleName(self.tr("Save this call"))
        self.save.clicked.connect(self.save_requested)
        follow.addWidget(self.save)
        outer.addLayout(follow)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_REDACT_MS)
        self._idle.timeout.connect(self.redact_note)
        self.start_call(unknown_caller=False, enabled=False)

    # -- the form's state -----------------------------------------------------------------------------------------

    def start_call(self, *, unknown_caller: bool, enabled: bool = True, form: CallForm | None = None) -> None:
        """Show an empty form (or `form`, a restored draft) for a new call."""
        self._loading = True
        try:
            form = form or CallForm()
            self.channel.setCurrentIndex(max(0, self.channel.findData(form.channel.value)))
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(form.outcome.value if form.outcome else None)))
            self.reason.setText(form.reason)
            self.note.setPlainText(form.note)
            self.tags.setText(", ".join(form.tags))
            self.follow_up.setChecked(form.follow_up_due is not None)
            due = form.follow_up_due or datetime.now().astimezone().date() + timedelta(days=2)
            self.follow_up_due.setDate(QDate(due.year, due.month, due.day))
            self.new_caller_name.setText(form.new_caller_name)
            self.new_caller_name.setVisible(unknown_caller)
            self.new_caller_label.setVisible(unknown_caller)
            self.mask_notice.hide()
            self.status.clear()
            self.friction_notice.clear()
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(enabled)

    def set_unknown_caller(self, unknown: bool) -> None:
        self.new_caller_name.setVisible(unknown)
        self.new_caller_label.setVisible(unknown)

    def value(self) -> CallForm:
        outcome = self.outcome.currentData()
        due = self.follow_up_due.date().toPython() if self.follow_up.isChecked() else None
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return CallForm(
            channel=Channel(self.channel.currentData()),
            reason=self.reason.text(),
            outcome=Outcome(outcome) if outcome else None,
            note=self.note.toPlainText(),
            tags=tags,
            follow_up_due=due if isinstance(due, date) else None,
            new_caller_name=self.new_caller_name.text() if self.new_caller_name.isVisible() else "",
        )

    def is_dirty(self) -> bool:
        """Whether the agent typed something not yet saved as a completed call."""
        return self._dirty and not self.value().is_empty()

    def mark_saved(self, text: str) -> None:
        self._dirty = False
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def show_problem(self, text: str) -> None:
        self.status.setText(self.tr("⚠ Not saved: {0} Your text is still here and in the draft.").format(text))
        self.status.setAccessibleName(self.status.text())

    # -- redaction as typed ---------------------------------------------------------------------------------------

    def redact_note(self) -> None:
        text = self.note.toPlainText()
        result = redact(text)
        if not result.changed:
            return
        cursor = self.note.textCursor()
        from_end = len(text) - cursor.position()
        self._loading = True
        try:
            self.note.setPlainText(result.text)
        finally:
            self._loading = False
        cursor = self.note.textCursor()
        cursor.setPosition(max(0, min(len(result.text), len(result.text) - from_end)))
        self.note.setTextCursor(cursor)
        notices = []
        if result.cards_masked:
            notices.append(self.tr("A card number was masked"))
        if result.codes_removed:
            notices.append(self.tr("A security code was removed"))
        self.mask_notice.setText("🔒 " + "; ".join(notices) + self.tr(": card details are never stored."))
        self.mask_notice.setAccessibleName(self.mask_notice.text())
        self.mask_notice.show()

    def _on_note_changed(self) -> None:
        if self._loading:
            return
        cursor = self.note.textCursor()
        before = self.note.toPlainText()[: cursor.position()][-1:]
        if before and before not in _RUN_CHARS:
            self.redact_note()  # a run of digits just ended
        else:
            self._idle.start()
        self._on_edit()

    # -- plumbing -------------------------------------------------------------------------------------------------

    def _on_edit(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status.clear()
        self.edited.emit()

    def _on_follow_up_toggled(self, checked: bool) -> None:
        self.follow_up_due.setEnabled(checked)
        self._on_edit()

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(self._on_edit)
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

