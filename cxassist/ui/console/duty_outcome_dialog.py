"""Duty-of-care outcomes: for an interaction in the queue (follow-up needed, referred or no action, with a comment),
and for a vulnerability past its review date (the same, plus the next review date). Either leaves the queue once
saved; the services refuse a missing comment or a second outcome, and the dialog shows why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QDateEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from cxassist.services.changes import Done
from cxassist.services.duty_of_care import MAX_REVIEW_AHEAD, DutyOutcome, record_outcome, review_vulnerability
from cxassist.store.query import DutyItem
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import wrapped


class _OutcomeDialog(EditDialog):
    def __init__(
        self, context: ConsoleContext, *, name: str, title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context.runner, name=name, title=title, parent=parent)
        self.runtime = context.runtime
        self.form.addRow(wrapped(intro, self))
        column = QWidget(self)
        lines = QVBoxLayout(column)
        lines.setContentsMargins(0, 0, 0, 0)
        self.outcomes = QButtonGroup(self)
        self.choices: dict[DutyOutcome, QRadioButton] = {}
        for outcome, text, accessible in (
            (DutyOutcome.FOLLOW_UP_NEEDED, self.tr("&Follow-up needed"), self.tr("Outcome: follow-up needed")),
            (DutyOutcome.REFERRED, self.tr("&Referred"), self.tr("Outcome: referred to someone else")),
            (DutyOutcome.NO_ACTION, self.tr("&No action"), self.tr("Outcome: no action needed")),
        ):
            button = QRadioButton(text, column)
            button.setObjectName(f"dutyOutcome_{outcome.value}")
            button.setAccessibleName(accessible)
            self.outcomes.addButton(button)
            self.choices[outcome] = button
            lines.addWidget(button)
        self.add_row(self.tr("Outcome"), column)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName(f"{name}Comment")
        self.comment.setAccessibleName(self.tr("Comment: what was done and why (required)"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.add_row(self.tr("Co&mment (required)"), self.comment)

    def chosen(self) -> DutyOutcome:
        for outcome, button in self.choices.items():
            if button.isChecked():
                return outcome
        raise ValueError(self.tr("choose an outcome: follow-up needed, referred or no action."))


class DutyOutcomeDialog(_OutcomeDialog):
    def __init__(self, context: ConsoleContext, interaction_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            name="dutyOutcomeDialog",
            title=self.tr("Record the duty-of-care outcome"),
            intro=self.tr(
                "What was done to keep this caller safe? The call leaves the duty-of-care "
                "queue on every desktop once saved."
            ),
            parent=parent,
        )
        self.interaction_id = interaction_id

    def write(self) -> Callable[[], Done[Any]]:
        outcome = self.chosen()
        runtime, interaction_id, comment = self.runtime, self.interaction_id, self.comment.toPlainText()
        return lambda: record_outcome(runtime, interaction_id, outcome, comment)


class VulnerabilityReviewDialog(_OutcomeDialog):
    def __init__(self, context: ConsoleContext, item: DutyItem, parent: QWidget | None = None) -> None:
        who = item.caller_name or self.tr("this caller")
        super().__init__(
            context,
            name="vulnerabilityReviewDialog",
            title=self.tr("Review a vulnerability"),
            intro=self.tr(
                "{0}'s recorded need is past its review date. Record what you decided and when to review it next."
            ).format(who),
            parent=parent,
        )
        self.vulnerability_id = item.id
        today = self.runtime.today()
        latest = today + MAX_REVIEW_AHEAD
        self.next_review = QDateEdit(self)
        self.next_review.setObjectName("nextReviewDate")
        self.next_review.setAccessibleName(self.tr("Next review date, at most 12 months ahead"))
        self.next_review.setCalendarPopup(True)
        self.next_review.setDisplayFormat("dd MMM yyyy")
        tomorrow = today + timedelta(days=1)
        self.next_review.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.next_review.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.next_review.setDate(QDate(latest.year, latest.month, latest.day))
        self.add_row(self.tr("Ne&xt review"), self.next_review)

    def write(self) -> Callable[[], Done[Any]]:
        outcome = self.chosen()
        runtime, vulnerability_id, comment = self.runtime, self.vulnerability_id, self.comment.toPlainText()
        next_review = self.next_review.date().toPython()
        return lambda: review_vulnerability(runtime, vulnerability_id, outcome, comment, next_review=next_review)  # type: ignore[arg-type]
