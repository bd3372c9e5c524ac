"""Compare and settle two versions of a vulnerability or an emergency contact that were changed on two desktops at
once. The versions sit side by side, field by field; each field that differs says so in words (and in bold), not
by colour alone. The agent or supervisor keeps one; the other stays in the audit trail of sync.

Reads and the write go through the task runner (`services.conflicts`); the dialog never touches the database.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxassist.services.conflicts import ConflictCase, Version, conflicts_for_caller, settle_conflict
from cxassist.services.runtime import Runtime
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.text import local_datetime, section_title, wrapped


class ConflictDialog(QDialog):
    """Settles the caller's open conflicts one at a time; closes itself when none is left."""

    def __init__(self, runtime: Runtime, runner: TaskRunner, caller_id: UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.caller_id = caller_id
        self.case: ConflictCase | None = None
        self.settled: list[ConflictCase] = []
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Two versions need settling"))
        self.setAccessibleName(self.tr("Compare two versions and keep one"))
        outer = QVBoxLayout(self)
        self.title = section_title("", self)
        self.title.setObjectName("conflictTitle")
        outer.addWidget(self.title)
        outer.addWidget(wrapped(self.tr(
            "This was changed on two desktops at the same time, so both versions were kept. Compare them, ask the "
            "caller if you are not sure, and keep the one that is right. Fields marked “Differs” are not the same."
        ), self))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("conflictFields")
        self.table.setAccessibleName(self.tr("The two versions, field by field"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        outer.addWidget(self.table, 1)
        self.problem = wrapped("", self)
        self.problem.setObjectName("conflictProblem")
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.keep_first = self._button("keepFirstVersion", self.tr("Keep version &1"),
                                       self.tr("Keep version 1, the older one"), buttons)
        self.keep_second = self._button("keepSecondVersion", self.tr("Keep version &2"),
                                        self.tr("Keep version 2, the newer one shown on the card now"), buttons)
        buttons.addStretch(1)
        self.later = self._button("settleLater", self.tr("Decide &later"),
                                  self.tr("Close and decide later; both versions stay"), buttons)
        outer.addLayout(buttons)
        self.keep_first.clicked.connect(lambda: self.keep(first=True))
        self.keep_second.clicked.connect(lambda: self.keep(first=False))
        self.later.clicked.connect(self.reject)
        self.setMinimumSize(720, 420)
        self._set_busy(True)

    def _button(self, name: str, text: str, accessible: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        row.addWidget(button)
        return button

    # -- loading and showing --------------------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch the caller's open conflicts off the main thread, then show the first."""
        runtime, caller_id = self.runtime, self.caller_id
        self.runner.read(lambda: conflicts_for_caller(runtime, caller_id), on_done=self._loaded,
                         on_error=self._failed)

    def _loaded(self, cases: list[ConflictCase]) -> None:
        if not cases:
            self.accept()  # nothing (left) to settle: settled here, or on another desktop meanwhile
            return
        self.show_case(cases[0], remaining=len(cases))

    def show_case(self, case: ConflictCase, *, remaining: int = 1) -> None:
        self.case = case
        what = self.tr("A need (vulnerability)") if case.entity == "vulnerability" else self.tr("An emergency contact")
        title = self.tr("{0} has two versions").format(what)
        if remaining > 1:
            title = self.tr("{0} ({1} to settle)").format(title, remaining)
        self.title.setText(title)
        self.table.setHorizontalHeaderLabels([
            self.tr("Field"),
            self.tr("Version 1 (older, saved {0})").format(self._when(case.first)),
            self.tr("Version 2 (newer, on the card now, saved {0})").format(self._when(case.second)),
            self.tr("Same or different"),
        ])
        self.table.setRowCount(len(case.fields))
        for row, field in enumerate(case.fields):
            cells = [self._label(field.name), field.first or self.tr("(empty)"), field.second or self.tr("(empty)"),
                     self.tr("Differs") if field.differs else self.tr("Same")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if field.differs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.problem.hide()
        self._set_busy(False)
        self.keep_first.setFocus()

    def _when(self, version: Version) -> str:
        try:
            return local_datetime(datetime.fromisoformat(version.saved_at))
        except ValueError:
            return self.tr("at an unknown time")

    def _label(self, name: str) -> str:
        labels = {
            "driver": self.tr("Kind of need"), "detail": self.tr("What they told us"),
            "adjustments": self.tr("Adjustments"), "review_by": self.tr("Review by"),
            "consent_how": self.tr("How consent was given"), "consent_by": self.tr("Consent recorded by"),
            "consent_at": self.tr("Consent given at"), "recorded_by": self.tr("Recorded by"),
            "deleted_at": self.tr("Removed or ended at"), "name": self.tr("Name"),
            "relationship": self.tr("Relationship"), "phones": self.tr("Numbers"),
            "may_contact_for": self.tr("May be contacted about"), "priority": self.tr("Priority"),
        }
        return labels.get(name, name)

    # -- settling -------------------------------------------------------------------------------------------------

    def keep(self, *, first: bool) -> None:
        case = self.case
        if case is None:
            return
        version = (case.first if first else case.second).hlc
        runtime = self.runtime
        self._set_busy(True)
        self.runner.write(lambda: settle_conflict(runtime, case.id, keep_version=version),
                          on_done=self._settled, on_error=self._failed, initiator=self)

    def _settled(self, case: ConflictCase) -> None:
        self.settled.append(case)
        self.load()

    def _failed(self, error: Exception) -> None:
        self.problem.setText(self.tr("⚠ Not settled: {0}").format(error))
        self.problem.show()
        self._set_busy(self.case is None)

    def _set_busy(self, busy: bool) -> None:
        self.keep_first.setEnabled(not busy)
        self.keep_second.setEnabled(not busy)


def open_conflict_dialog(runtime: Runtime, runner: TaskRunner, caller_id: object, parent: QWidget) -> ConflictDialog:
    """Open the dialog for a caller (non-modal, so the call goes on) and load their conflicts."""
    if not isinstance(caller_id, UUID):
        raise TypeError(f"expected a caller id, not {caller_id!r}")
    dialog = ConflictDialog(runtime, runner, caller_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.load()
    return dialog
