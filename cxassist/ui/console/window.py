"""The supervisor console window: one tab per job, the detail view opened from any list of interactions."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.tabs import build_tabs


class ConsoleWindow(QMainWindow):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorConsole")
        self.setWindowTitle(self.tr("cxassist: supervisor console"))
        self.context = context
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("consoleTabs")
        self.tabs.setAccessibleName(self.tr("Supervisor console sections"))
        for number, (title, tab) in enumerate(build_tabs(context), start=1):
            index = self.tabs.addTab(tab, title)
            shortcut = QKeySequence(f"Ctrl+{number}")
            self.tabs.setTabToolTip(index, self.tr("{0} ({1})").format(title, shortcut.toString(
                QKeySequence.SequenceFormat.NativeText)))
            switch = QShortcut(shortcut, self)
            switch.activated.connect(lambda index=index: self.show_tab(index))
            opener = getattr(tab, "open_interaction", None)
            if opener is not None:
                opener.connect(self.open_interaction)
        self.setCentralWidget(self.tabs)
        self.resize(1200, 800)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        current = self.tabs.currentWidget()
        if current is not None:
            current.setFocus()

    def tab(self, object_name: str) -> QWidget:
        found = self.tabs.findChild(QWidget, object_name)
        if found is None:
            raise LookupError(object_name)
        return found

    def open_interaction(self, interaction_id: UUID) -> None:
        from cxassist.ui.console.detail_view import open_detail  # noqa: PLC0415

        open_detail(self.context, interaction_id, parent=self)
