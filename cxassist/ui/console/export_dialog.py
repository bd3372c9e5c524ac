"""Export the log's filtered view to CSV or JSON lines, on a read worker, with progress and Cancel.

The export goes through the same steps as `cxassist export`: `access.export_scope` on the writer (it audits a
refusal), `export.export_to_file` on a read worker (written beside the target and renamed into place only when
complete, so a full or read-only folder or a cancel leaves no partial file), then `access.record_export` on the
writer, complete or not. The worker reports rows written into an `ExportProgress`, which a timer on the main thread
reads: the worker never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.errors import UserError
from cxassist.services import access
from cxassist.services.changes import Changes, Done
from cxassist.services.export import Cancelled, ExportFormat, export_to_file
from cxassist.store.query import InteractionQuery
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.widgets.text import wrapped

ChooseFile = Callable[[QWidget, ExportFormat], str]
SUFFIXES = {ExportFormat.CSV: ".csv", ExportFormat.JSONL: ".jsonl"}
POLL_MS = 150


def choose_file_in_dialog(parent: QWidget, fmt: ExportFormat) -> str:
    csv_filter = QCoreApplication.translate("ExportDialog", "CSV (*.csv)")
    json_filter = QCoreApplication.translate("ExportDialog", "JSON lines (*.jsonl)")
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Export the filtered interactions"),
        str(Path.home() / f"interactions{SUFFIXES[fmt]}"),
        f"{csv_filter};;{json_filter}",
        csv_filter if fmt is ExportFormat.CSV else json_filter,
    )
    return chosen


class ExportProgress:
    """Rows written so far, and whether Cancel was pressed: set on a worker, read on the main thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows = 0
        self._cancel = threading.Event()

    def report(self, rows: int) -> None:
        with self._lock:
            self._rows = rows

    @property
    def rows(self) -> int:
        with self._lock:
            return self._rows

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class ExportDialog(QDialog):
    def __init__(
        self,
        context: ConsoleContext,
        query: InteractionQuery,
        *,
        choose_file: ChooseFile = choose_file_in_dialog,
        opener: Callable[[Path], IO[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setAccessibleName(self.tr("Export the filtered interactions"))
        self.setWindowTitle(self.tr("Export the filtered interactions"))
        self._context = context
        self._query = query
        self._choose_file = choose_file
        self._opener = opener
        self._progress: ExportProgress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._show_progress)

        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                self.tr(
                    "Every interaction the log's filters show is exported, oldest first. "
                    "Notes were redacted when they were saved."
                ),
                self,
            )
        )
        formats = QHBoxLayout()
        self.csv = QRadioButton(self.tr("&CSV (for spreadsheets)"), self)
        self.csv.setObjectName("exportCsv")
        self.csv.setAccessibleName(self.tr("Export as CSV"))
        self.csv.setChecked(True)
        self.jsonl = QRadioButton(self.tr("&JSON lines (one interaction a line)"), self)
        self.jsonl.setObjectName("exportJsonLines")
        self.jsonl.setAccessibleName(self.tr("Export as JSON lines"))
        group = QButtonGroup(self)
        group.addButton(self.csv)
        group.addButton(self.jsonl)
        formats.addWidget(self.csv)
        formats.addWidget(self.jsonl)
        formats.addStretch(1)
        layout.addLayout(formats)
        where = QHBoxLayout()
        label = QLabel(self.tr("&File:"), self)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.setAccessibleName(self.tr("File to export to"))
        label.setBuddy(self.path)
        self.choose = QPushButton(self.tr("C&hoose…"), self)
        self.choose.setObjectName("chooseExportFile")
        self.choose.setAccessibleName(self.tr("Choose the file to export to"))
        self.choose.clicked.connect(self.choose_target)
        where.addWidget(label)
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)
        layout.addLayout(where)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("exportProgress")
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.bar.setRange(0, 0)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.status = wrapped("", self)
        self.status.setObjectName("exportStatus")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start = self._button(self.tr("&Export"), "startExport", self.tr("Start the export"), self.start_export)
        self.cancel = self._button(
            self.tr("&Cancel export"), "cancelExport", self.tr("Cancel the export"), self.cancel_export
        )
        self.cancel.setEnabled(False)
        self.close_button = self._button(
            self.tr("Cl&ose"), "closeExport", self.tr("Close the export window"), self.reject
        )
        for button in (self.start, self.cancel, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.start.setDefault(True)
        self.resize(560, 240)

    def _button(self, text: str, name: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @property
    def running(self) -> bool:
        return self._progress is not None

    @property
    def chosen_format(self) -> ExportFormat:
        return ExportFormat.JSONL if self.jsonl.isChecked() else ExportFormat.CSV

    def choose_target(self) -> None:
        chosen = self._choose_file(self, self.chosen_format)
        if not chosen:
            return
        self.path.setText(chosen)
        if chosen.lower().endswith(".jsonl"):
            self.jsonl.setChecked(True)
        elif chosen.lower().endswith(".csv"):
            self.csv.setChecked(True)

    def _target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            self.choose_target()
            text = self.path.text().strip()
        if not text:
            return None
        target = Path(text).expanduser()
        if not target.suffix:
            target = target.with_suffix(SUFFIXES[self.chosen_format])
            self.path.setText(str(target))
        return target

    # -- running the export ---------------------------------------------------------------------------------------

    def start_export(self) -> None:
        if self.running:
            return
        target = self._target()
        if target is None:
            self.status.setText(self.tr("Choose a file to export to first."))
            return
        fmt, runtime, query = self.chosen_format, self._context.runtime, self._query
        progress = ExportProgress()
        self._progress = progress
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self._context.runner.write(
            lambda: Done(access.export_scope(runtime, query), Changes()),
            on_done=lambda scoped: self._run(scoped, fmt, target, progress),
            on_error=lambda error: self._failed(error, None, fmt, target, progress),
            initiator=self,
        )

    def _run(self, query: InteractionQuery, fmt: ExportFormat, target: Path, progress: ExportProgress) -> None:
        runtime, opener = self._context.runtime, self._opener
        self._timer.start()
        self._context.runner.read(
            lambda: export_to_file(
                runtime, query, fmt, target, progress=progress.report, cancelled=progress.cancelled, opener=opener
            ),
            on_done=lambda count: self._finished(count, query, fmt, target),
            on_error=lambda error: self._failed(error, query, fmt, target, progress),
        )

    def cancel_export(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _show_progress(self) -> None:
        if self._progress is not None:
            self.status.setText(self.tr("Exporting… {0:,} rows written").format(self._progress.rows))

    def _finished(self, count: int, query: InteractionQuery, fmt: ExportFormat, target: Path) -> None:
        self._audit(query, rows=count, fmt=fmt, target=target, completed=True)
        self._set_running(False)
        noun = self.tr("interaction") if count == 1 else self.tr("interactions")
        self.status.setText(self.tr("Exported {0:,} {1} to {2}").format(count, noun, target))

    def _failed(
        self,
        error: Exception,
        query: InteractionQuery | None,
        fmt: ExportFormat,
        target: Path,
        progress: ExportProgress,
    ) -> None:
        if query is not None:
            self._audit(query, rows=progress.rows, fmt=fmt, target=target, completed=False)
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("The export was cancelled; no file was written."))
        elif isinstance(error, UserError):
            self.status.setText(self.tr("⚠ {0} No file was written.").format(error))
        else:
            self.status.setText(self.tr("⚠ The export failed on our side; no file was written."))

    def _audit(self, query: InteractionQuery, *, rows: int, fmt: ExportFormat, target: Path, completed: bool) -> None:
        runtime = self._context.runtime
        self._context.runner.write(
            lambda: access.record_export(
                runtime, query, rows=rows, fmt=fmt.value, target=str(target.absolute()), completed=completed
            ),
            initiator=self,
        )

    def _set_running(self, running: bool) -> None:
        if not running:
            self._timer.stop()
            self._progress = None
        self.bar.setVisible(running)
        self.cancel.setEnabled(running)
        for widget in (self.start, self.choose, self.path, self.csv, self.jsonl):
            widget.setEnabled(not running)
        if running:
            self.cancel.setFocus()

    def reject(self) -> None:
        """Escape, Close or the window's close button: an export still running is cancelled (nothing partial is
        left behind)."""
        self.cancel_export()
        super().reject()
