"""Background sync for the workspace: a round every `sync.interval_seconds`, and soon after each local change.

A round (push, then pull) runs on the runner's read pool, never on the main thread and never on the single writer, so
a slow network cannot hold up saving a call; its short database transactions take SQLite's write lock like any other
writer (busy timeout). Rows pulled are reported after the round as one change notice, so each view decides whether to
refresh. A round never overlaps another; shutting down cancels the one in flight between batches.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes
from cxassist.sync.api import SyncError
from cxassist.sync.runner import Pulled, RoundReport, SyncRunner
from cxassist.ui.tasks import TaskRunner

SOON_AFTER_CHANGE_MS = 2000


def changes_of(pulled: list[Pulled]) -> Changes:
    """What a round's pulled rows changed, in the shape every view already understands."""
    notice = Changes()
    for part in pulled:
        notice = notice | Changes(
            callers=part.callers,
            interactions=part.interactions,
            follow_ups=part.follow_ups,
            reviews=part.reviews,
            prompt_pack=part.prompt_pack,
            pulled=part.count,
        )
    return notice


class SyncScheduler(QObject):
    """Signals `status_changed(SyncStatus)` after every round and every status check (see `sync.runner`)."""

    status_changed = Signal(object)

    def __init__(
        self, sync: SyncRunner, runner: TaskRunner, *, interval_seconds: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.sync = sync
        self.runner = runner
        self._busy = False
        self._again = False
        self._cancel = threading.Event()
        self._pulled: list[Pulled] = []  # appended by the worker (list.append is atomic), drained on the main thread
        sync.on_pulled = self._pulled.append
        self._timer = QTimer(self)
        self._timer.setInterval(interval_seconds * 1000)
        self._timer.timeout.connect(self.sync_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.sync_now)
        runner.relay.changed.connect(self.on_changes)

    def start(self) -> None:
        self._timer.start()
        self.refresh_status()
        QTimer.singleShot(0, self.sync_now)

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if initiator is not self and changes.outbox_pending:
            self._soon.start()

    def sync_now(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        sync, cancel = self.sync, self._cancel

        def one_round() -> RoundReport | Exception:
            try:
                return sync.run_once(cancel)
            except (SyncError, UserError) as error:
                # Offline, refused or misconfigured: recorded for the status bar; the outbox keeps every change.
                return error

        self.runner.read(one_round, on_done=self._finish, on_error=self._finish, uses_db=False)

    def _finish(self, _outcome: object) -> None:
        self._busy = False
        pulled, self._pulled[:] = list(self._pulled), []
        if pulled:
            self.runner.relay.changed.emit(changes_of(pulled), self)
        self.refresh_status()
        if self._again:
            self._again = False
            self._soon.start()

    def refresh_status(self) -> None:
        sync = self.sync
        self.runner.read(sync.status, on_done=self.status_changed.emit)

    def shutdown(self) -> None:
        self._cancel.set()
        self._timer.stop()
        self._soon.stop()
