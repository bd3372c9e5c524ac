"""The status bar: sync state and pending changes, the agent, the data folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from cxassist.sync.runner import SyncStatus
from cxassist.ui.widgets.text import local_datetime


class WorkspaceStatus(QStatusBar):
    def __init__(self, *, backend: str, agent: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.backend = backend
        self._sync_known = False
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

    def show_sync(self, status: SyncStatus) -> None:
        """The sync backend's state in words: online or offline, what waits, when it last worked, what went wrong."""
        if status.online is None:
            state = self.tr("Sync: {0}, not tried yet").format(status.backend)
        elif status.online:
            state = self.tr("Sync: online")
        else:
            state = self.tr("Sync: offline")
        state += self.tr(" · {0} waiting to send").format(status.pending)
        if status.rejected:
            state += self.tr(" · {0} refused by the server (kept)").format(status.rejected)
        if status.open_conflicts:
            state += self.tr(" · {0} edits to settle").format(status.open_conflicts)
        if status.last_success:
            state += self.tr(" · last synced {0}").format(local_datetime(datetime.fromisoformat(status.last_success)))
        if status.online is False and status.last_error:
            state += self.tr(" · {0}").format(status.last_error)
        self._sync_known = True
        self.sync.setText(state)
        self.sync.setAccessibleName(state)

    def show_pending(self, pending: int | None) -> None:
        if self._sync_known:
            return  # the sync status (after each round) already says what waits
        if self.backend == "none":
            state = self.tr("Local only (no sync set up)")
        else:
            state = self.tr("Sync: {0}").format(self.backend)
        if pending is not None:
            state += self.tr(" · {0} changes waiting to send").format(pending)
        self.sync.setText(state)
        self.sync.setAccessibleName(state)
