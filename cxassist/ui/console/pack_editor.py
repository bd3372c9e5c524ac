"""The prompt-pack editor: the TOML text, checked as the supervisor types, its problems by line, a preview against a
chosen caller, and Publish (after a confirmation) as the next version of the pack.

It opens empty, with a hint to choose a pack or start a new one. Checking waits for a pause in typing (300 ms) and
runs on the read pool: a big pack takes a while to compile. One check runs at a time; text typed meanwhile is checked
when it ends, and a result for older text is dropped. Publish is offered only for the text last checked and found
clean. The list of problems shows only when there are some.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cxassist.prompts import PackProblem
from cxassist.services.prompt_packs import PUBLISHED_PREFIX, check_pack, publish_pack, source_name
from cxassist.store.prompt_packs import PublishedPack
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.pack_preview import PackPreview
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.text import section_title, tr, wrapped

CHECK_DELAY_MS = 300
NEW_PACK = """[pack]
name = "my-pack"
version = 1
language = "en"
description = "What these prompts are for"

[[rule]]
id = "my-first-rule"
category = "greeting"
priority = 50
template = "Hello {{ caller.preferred_name | default('there') }}"
why = "A warm welcome for every caller."
"""


def problem_text(problem: PackProblem) -> str:
    where = tr("Line {0}").format(problem.line) if problem.line else tr("Whole pack")
    rule = tr(" (rule '{0}')").format(problem.rule_id) if problem.rule_id else ""
    return f"{where}{rule}: {problem.message}"


class PackEditor(QWidget):
    """`published(PublishedPack)` after a publish commits."""

    published = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packEditor")
        self.context = context
        self._generation = 0
        self._checking = False
        self._again = False
        self._clean_text: str | None = None  # the text last checked and found without problems
        self._pack_name = ""
        self._opened = ""  # the text as last opened or published: anything else is the supervisor's edits
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = section_title(self.tr("No pack open"), self)
        self.title.setObjectName("packEditorTitle")
        layout.addWidget(self.title)
        self.messages = MessageBar("packEditorMessages", self)
        layout.addWidget(self.messages)
        self.status = wrapped(self.hint(), self)
        self.status.setObjectName("packStatus")
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("packEditorSplitter")
        self.text = QPlainTextEdit(splitter)
        self.text.setObjectName("packText")
        self.text.setAccessibleName(self.tr("Prompt pack text, in TOML"))
        self.text.setPlaceholderText(self.tr("The pack's text, in TOML, opens here."))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTabChangesFocus(True)  # Tab leaves the editor, so the keyboard reaches everything else
        self.problems = QListWidget(splitter)
        self.problems.setObjectName("packProblems")
        self.problems.setAccessibleName(self.tr("Problems in this pack; press Enter on one to go to its line"))
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self.go_to_problem)
        self.problems.hide()
        self.preview = PackPreview(context, self.text.toPlainText, splitter)
        for index, stretch in enumerate((4, 1, 3)):  # text, problems, preview
            splitter.setStretchFactor(index, stretch)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.publish_button = QPushButton(self.tr("P&ublish…"), self)
        self.publish_button.setObjectName("publishPack")
        self.publish_button.setAccessibleName(self.tr("Publish this pack as a new version for every desktop"))
        self.publish_button.clicked.connect(self.publish)
        buttons.addStretch(1)
        buttons.addWidget(self.publish_button)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.text.textChanged.connect(self._edited)
        self.publish_button.setEnabled(False)

    def hint(self) -> str:
        return self.tr("Choose a pack in force to edit it, or start a new one.")

    def open_text(self, text: str, title: str) -> None:
        """Put `text` in the editor (replacing what is there) and check it at once."""
        self.title.setText(title)
        self.messages.clear()
        self._opened = text
        self.text.setPlainText(text)
        self._timer.stop()
        self.check()

    def has_edits(self) -> bool:
        """The supervisor has changed the text since it was opened or published."""
        return self.text.toPlainText() != self._opened

    # -- checking as the supervisor types ----------------------------------------------------------------------------

    def _edited(self) -> None:
        self._generation += 1
        self.publish_button.setEnabled(False)
        self._clean_text = None
        if not self.text.toPlainText().strip():
            self._timer.stop()
            self._show_problems([])
            self.status.setText(self.hint())
            return
        self.status.setText(self.tr("Checking…"))
        self._timer.start()

    def check(self) -> None:
        if not self.text.toPlainText().strip():
            return  # nothing to check: the hint is showing
        if self._checking:
            self._again = True
            return
        self._checking = True
        generation, text = self._generation, self.text.toPlainText()
        self.context.runner.read(
            lambda: (check_pack(text), source_name(text)),
            on_done=lambda found: self._checked(generation, text, found),
            on_error=self._check_failed,
            uses_db=False,
        )

    def _checked(self, generation: int, text: str, found: tuple[list[PackProblem], str]) -> None:
        self._checking = False
        if self._again:
            self._again = False
            self.check()
            return
        if generation != self._generation:
            return  # newer text is waiting for its pause in typing
        problems, source = found
        self._pack_name = source.removeprefix(PUBLISHED_PREFIX)
        self._show_problems(problems)
        self._clean_text = None if problems else text
        self.publish_button.setEnabled(not problems)
        if problems:
            self.status.setText(
                self.tr("✗ {0} problem(s): fix them before publishing. Press Enter on one to go to its line.").format(
                    len(problems)
                )
            )
        else:
            self.status.setText(self.tr("✓ No problems found: pack '{0}' can be published.").format(self._pack_name))

    def _show_problems(self, problems: list[PackProblem]) -> None:
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem(problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.line)
            self.problems.addItem(item)
        self.problems.setVisible(bool(problems))

    def _check_failed(self, _error: Exception) -> None:
        self._checking = False
        self.status.setText(self.tr("The pack could not be checked."))

    def go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if not line:
            return
        block = self.text.document().findBlockByNumber(int(line) - 1)
        if block.isValid():
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
        self.text.setFocus()

    def problem_lines(self) -> list[tuple[int | None, str]]:
        return [
            (self.problems.item(n).data(Qt.ItemDataRole.UserRole), self.problems.item(n).text())
            for n in range(self.problems.count())
        ]

    # -- publishing ------------------------------------------------------------------------------------------------

    def publish(self) -> None:
        text = self.text.toPlainText()
        if self._clean_text is None or text != self._clean_text:
            return  # not checked yet, or has problems: the button is off in both cases
        answer = QMessageBox.question(
            self,
            self.tr("Publish prompt pack"),
            self.tr(
                "Publish pack '{0}' as a new version? Every desktop takes it up at its next sync, and agents see its "
                "prompts from then on. You can roll back to an earlier version later."
            ).format(self._pack_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        runtime = self.context.runtime
        self.publish_button.setEnabled(False)
        self.context.runner.write(
            lambda: publish_pack(runtime, text),
            on_done=lambda published: self._published(published, text),
            on_error=self._publish_failed,
            initiator=self,
        )

    def _published(self, published: PublishedPack, text: str) -> None:
        self._opened = text
        self.publish_button.setEnabled(self.text.toPlainText() == self._clean_text)
        self.title.setText(self.tr("{0}: published version {1}").format(published.name, published.version))
        self.messages.show_message(
            self.tr("Published '{0}' as version {1}. Desktops take it up at their next sync.").format(
                published.name, published.version
            )
        )
        self.published.emit(published)

    def _publish_failed(self, error: Exception) -> None:
        self.publish_button.setEnabled(self.text.toPlainText() == self._clean_text)
        self.messages.show_message(self.tr("Not published: {0}").format(error), warning=True)
