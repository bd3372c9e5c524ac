"""Where failures go in the GUI: a user error becomes a non-modal message beside what the agent was doing; anything
else is a bug, logged with a crash report and shown in a dialog whose details can be copied (STYLE.md section 6).

With `--no-err-windows` (headless runs, the smoke test) bugs are logged and no dialog opens.
"""

from __future__ import annotations

import logging
import platform
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxassist import __version__
from cxassist.domain.errors import UserError

log = logging.getLogger(__name__)


def describe_bug(error: BaseException) -> str:
    """The text of a crash report: versions and the traceback, never caller data beyond what the traceback holds."""
    lines = [
        f"cxassist {__version__} on Python {platform.python_version()} ({platform.platform()})",
        "",
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Says something went wrong on our side, and lets the agent copy the details for IT."""

    def __init__(self, details: str, report: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAccessibleName(self.tr("Something went wrong"))
        layout = QVBoxLayout(self)
        where = self.tr(" A report was saved to {0}.").format(report) if report else ""
        intro = QLabel(
            self.tr("cxassist hit a problem it did not expect. What you saved before is safe.") + where, self
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details, self)
        self.details.setObjectName("crashDetails")
        self.details.setAccessibleName(self.tr("Technical details for IT"))
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        copy.setObjectName("copyCrashDetails")
        copy.setAccessibleName(self.tr("Copy the technical details"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ErrorReporter:
    """The one place the GUI sends failures to.

    `show_message` is how a user error reaches the window (the main window sets it to its message bar); until it is
    set, messages are logged. `crash_folder` is where bug reports are written.
    """

    def __init__(self, *, windows: bool = True, crash_folder: Path | None = None) -> None:
        self.windows = windows
        self.crash_folder = crash_folder
        self.show_message: Callable[[str], None] | None = None
        self._dialogs: list[CrashDialog] = []

    def user_error(self, error: UserError) -> None:
        log.info("user error: %s", error)
        if self.show_message is not None:
            self.show_message(str(error))

    def bug(self, error: BaseException) -> None:
        details = describe_bug(error)
        log.error("internal error\n%s", details)
        report = self._write_report(details)
        if not self.windows:
            return
        dialog = CrashDialog(details, report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget_dialogs)
        self._dialogs.append(dialog)
        dialog.show()

    def _forget_dialogs(self) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()]

    def _write_report(self, details: str) -> Path | None:
        if self.crash_folder is None:
            return None
        try:
            self.crash_folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            report = self.crash_folder / f"crash-{stamp}.txt"
            report.write_text(details, encoding="utf-8")
        except OSError:
            log.exception("could not write the crash report")
            return None
        return report

