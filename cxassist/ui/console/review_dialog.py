"""A quality review: a score from 1 to 5 for each criterion in the site config, a comment, and an optional kudos the
agent then sees in their workspace. Saving again updates the supervisor's earlier review of the same call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPlainTextEdit, QSpinBox, QWidget

from cxassist.services.changes import Done
from cxassist.services.review import save_review
from cxassist.store.query import InteractionDetail
from cxassist.store.reviews import ReviewRecord
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import short_date, wrapped

NOT_SCORED = 0


def criterion_label(criterion: str) -> str:
    return criterion[:1].upper() + criterion[1:]


class ReviewDialog(EditDialog):
    def __init__(self, context: ConsoleContext, detail: InteractionDetail, parent: QWidget | None = None) -> None:
        super().__init__(context.runner, name="reviewDialog", title=self.tr("Review this call"), parent=parent)
        self.runtime = context.runtime
        self.interaction_id = detail.interaction.id
        agent = detail.agent.display_name if detail.agent is not None else detail.interaction.agent_id
        intro = wrapped(
            self.tr("{0}'s call on {1}. Score each from 1 (poor) to 5 (excellent).").format(
                agent, short_date(detail.interaction.started_at)
            ),
            self,
        )
        self.form.addRow(intro)
        earlier = next(
            (r for r in detail.reviews if r.reviewer_id == self.runtime.agent_id and r.is_quality_review), None
        )
        self.scores: dict[str, QSpinBox] = {}
        for number, criterion in enumerate(self.runtime.settings.review.criteria, start=1):
            box = QSpinBox(self)
            box.setObjectName(f"score_{number}")
            box.setAccessibleName(self.tr("Score for {0}, 1 to 5").format(criterion))
            box.setRange(NOT_SCORED, 5)
            box.setSpecialValueText(self.tr("not scored"))
            box.setValue(earlier.scores.get(criterion, NOT_SCORED) if earlier else NOT_SCORED)
            label = f"&{number} {criterion_label(criterion)}" if number < 10 else criterion_label(criterion)
            self.add_row(label, box)
            self.scores[criterion] = box
        self.comment = self._text(
            "reviewComment",
            self.tr("Co&mment"),
            self.tr("Comment for the agent and coach"),
            earlier.comment if earlier else "",
        )
        self.kudos = self._text(
            "reviewKudos",
            self.tr("&Kudos (optional)"),
            self.tr("Kudos the agent will see in their workspace, optional"),
            earlier.kudos if earlier else "",
        )
        self.form.addRow(wrapped(self.tr("Kudos shows in the agent's workspace, with your name."), self))

    def _text(self, name: str, label: str, accessible: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.add_row(label, edit)
        return edit

    def write(self) -> Callable[[], Done[ReviewRecord]]:
        missing = [criterion for criterion, box in self.scores.items() if box.value() == NOT_SCORED]
        if missing:
            raise ValueError(self.tr("give a score from 1 to 5 for {0}.").format(", ".join(missing)))
        scores = {criterion: box.value() for criterion, box in self.scores.items()}
        runtime, interaction_id = self.runtime, self.interaction_id
        comment, kudos = self.comment.toPlainText(), self.kudos.toPlainText()
        return lambda: save_review(runtime, interaction_id, scores=scores, comment=comment, kudos=kudos)
