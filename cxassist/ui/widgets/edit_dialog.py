"""A small form dialog that saves through the writer: the error shows inside it and the text stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cxassist.services.changes import Done
from cxassist.ui.tasks import TaskRunner


class EditDialog(QDialog):
    def __init__(self, runner: TaskRunner, *, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.problem = QLabel(self)
        self.problem.setObjectName(f"{name}Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName(f"{name}Save")
        save.setAccessibleName(self.tr("Save these details"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName(f"{name}Cancel")
        cancel.setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.saved: Any = None
        self.setMinimumWidth(520)

    def line(self, name: str, label: str, accessible: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        self.add_row(label, edit)
        return edit

    def add_row(self, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(caption, widget)

    def write(self) -> Callable[[], Done[Any]]:
        """The write to run when the agent saves (built from the fields on the main thread)."""
        raise NotImplementedError

    def save(self) -> None:
        try:
            job = self.write()
        except ValueError as error:
            self.show_problem(str(error))
            return
        self.buttons.setEnabled(False)
        self.runner.write(job, on_done=self._done, on_error=self._failed, initiator=self)

    def _done(self, value: object) -> None:
        self.saved = value
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_problem(str(error))

    def show_problem(self, text: str) -> None:
        self.problem.setText(self.tr("⚠ Not saved: {0}").format(text))
        self.problem.show()
