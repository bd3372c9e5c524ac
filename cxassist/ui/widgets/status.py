"""The status bar: sync state and pending changes, the agent, the data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class WorkspaceStatus(QStatusBar):
    def __init__(self, *, backend: str, agent: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.backend = backend
        self.sync = QLabel(self)
        self.sync.setObjectName("statusSync")
        self.addWidget(self.sync)
        self.agent = QLabel(self.tr("Agent: {0}").format(agent), self)
        self.agent.setObjectName("statusAgent")
        self.addPermanentWidget(self.agent)
        self.data = QLabel(self.tr("Data: {0}").format(data_dir), self)
        self.data.setObjectName("statusDataDir")
        self.addPermanentWidget(self.data)
        self.show_pending(None)

    def show_pending(self, pending: int | None) -> None:
        if self.backend == "none":
            state = self.tr("Local only (no sync set up)")
        else:
            state = self.tr("Sync: {0}").format(self.backend)
        if pending is not None:
            state += self.tr(" · {0} changes waiting to send").format(pending)
        self.sync.setText(state)
        self.sync.setAccessibleName(state)
