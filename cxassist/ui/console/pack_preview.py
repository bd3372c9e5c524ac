"""Preview of a draft pack: the prompts a chosen caller (a phone number or a name) would get now, each with its why.

The draft takes the place of the pack of its name among the packs in force; nothing is stored. The lookup and the
evaluation run on the read pool.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from cxassist.domain.errors import UserError
from cxassist.prompts import PackError
from cxassist.services.prompt_packs import Preview, preview_pack
from cxassist.ui.agent.prompts_panel import category_title
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.text import wrapped


class PackPreview(QWidget):
    """`draft()` gives the pack text to preview (the editor's current text)."""

    def __init__(self, context: ConsoleContext, draft: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packPreview")
        self.context = context
        self.draft = draft
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.caller = QLineEdit(self)
        self.caller.setObjectName("previewCaller")
        self.caller.setAccessibleName(self.tr("Caller to preview for: phone number or name"))
        self.caller.setPlaceholderText(self.tr("Phone number or caller name"))
        self.caller.returnPressed.connect(self.preview)
        self.note = QLineEdit(self)
        self.note.setObjectName("previewNote")
        self.note.setAccessibleName(self.tr("Note the agent has typed, for live cues (optional)"))
        self.note.setPlaceholderText(self.tr("What the agent has typed (optional)"))
        self.note.returnPressed.connect(self.preview)
        self.button = QPushButton(self.tr("Pre&view"), self)
        self.button.setObjectName("previewPack")
        self.button.setAccessibleName(self.tr("Preview the prompts this caller would see with this pack"))
        self.button.clicked.connect(self.preview)
        row.addWidget(self.caller, 2)
        row.addWidget(self.note, 3)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.caption = wrapped(self.tr("Type a phone number or a name, then press Enter to preview."), self)
        self.caption.setObjectName("previewCaption")
        layout.addWidget(self.caption)
        self.prompts = QListWidget(self)
        self.prompts.setObjectName("previewPrompts")
        self.prompts.setAccessibleName(self.tr("Prompts this caller would see, in order, each with why"))
        self.prompts.setWordWrap(True)
        layout.addWidget(self.prompts, 1)

    def preview(self) -> None:
        runtime, text = self.context.runtime, self.draft()
        if not text.strip():
            self.prompts.clear()
            self.caption.setText(self.tr("No preview: open a pack or start a new one first."))
            return
        who, note = self.caller.text(), self.note.text()
        self.button.setEnabled(False)
        self.caption.setText(self.tr("Working out the prompts…"))
        self.context.runner.read(
            lambda: preview_pack(runtime, text, who=who, note=note), on_done=self._show, on_error=self._failed
        )

    def _show(self, preview: Preview) -> None:
        self.button.setEnabled(True)
        self.prompts.clear()
        if not preview.prompts:
            self.caption.setText(self.tr("No prompts for {0}: no rule applies to them now.").format(preview.caller))
            return
        self.caption.setText(
            self.tr("{0} prompts for {1}, in the order the agent sees them:").format(
                len(preview.prompts), preview.caller
            )
        )
        for prompt in preview.prompts:
            item = QListWidgetItem(
                self.tr("{0}: {1}\nWhy: {2} (rule {3})").format(
                    category_title(prompt.category), prompt.text, prompt.why, prompt.rule_id
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, prompt)
            item.setToolTip(prompt.why)
            self.prompts.addItem(item)

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.prompts.clear()
        if isinstance(error, PackError):
            reason = self.tr("the pack has {0} problem(s); fix them first.").format(len(error.problems))
        elif isinstance(error, UserError):
            reason = str(error)
        else:
            reason = self.tr("something went wrong (reported).")
        self.caption.setText(self.tr("No preview: {0}").format(reason))

    def shown_rule_ids(self) -> list[str]:
        return [self.prompts.item(n).data(Qt.ItemDataRole.UserRole).rule_id for n in range(self.prompts.count())]
