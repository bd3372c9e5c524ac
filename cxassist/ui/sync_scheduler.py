"""Background sync for the workspace: a round every `sync.interval_seconds`, and soon after each local change.

A round (push, then pull) runs on the runner's read pool, never on the main thread and never on the single writer, so
a slow network cannot hold up saving a call; its short database transactions take SQLite's write lock like any other
writer (busy timeout). Rows pulled are reported as one change notice per second while a round runs, and the rest when
it ends, so each view decides whether to refresh: a first pull of a million callers makes a notice a second, not one
per batch, and no single notice (or its merge here on the main thread) grows with the whole pull. A round never
overlaps another; shutting down cancels the one in flight between batches.
"""

from __future__ import annotations

import threading
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes
from cxassist.sync.api import SyncError
from cxassist.sync.runner import Pulled, RoundReport, SyncRunner
from cxassist.ui.tasks import TaskRunner

SOON_AFTER_CHANGE_MS = 2000
REPORT_EVERY_MS = 1000


def changes_of(pulled: list[Pulled]) -> Changes:
    """What a round's pulled rows changed, in the shape every view already understands. Runs on the main thread, so
    it merges in one pass: a first pull brings hundreds of batches, and merging frozensets pairwise grows quadratic."""
    callers: set[UUID] = set()
    interactions: set[UUID] = set()
    follow_ups: set[UUID] = set()
    reviews: set[UUID] = set()
    for part in pulled:
        callers.update(part.callers)
        interactions.update(part.interactions)
        follow_ups.update(part.follow_ups)
        reviews.update(part.reviews)
    return Changes(
        callers=frozenset(callers), interactions=frozenset(interactions), follow_ups=frozenset(follow_ups),
        reviews=frozenset(reviews), prompt_pack=any(part.prompt_pack for part in pulled),
        pulled=sum(part.count for part in pulled),
    )


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
        self._report = QTimer(self)
        self._report.setInterval(REPORT_EVERY_MS)
        self._report.timeout.connect(self._report_pulled)
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

        self._report.start()
        self.runner.read(one_round, on_done=self._finish, on_error=self._finish, uses_db=False)

    def _report_pulled(self) -> None:
        count = len(self._pulled)  # the worker may append meanwhile: take only what is there now
        pulled, self._pulled[:count] = self._pulled[:count], []
        if pulled:
            self.runner.relay.changed.emit(changes_of(pulled), self)

    def _finish(self, _outcome: object) -> None:
        self._busy = False
        self._report.stop()
        self._report_pulled()
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
        self._report.stop()
