"""The task runner: the only module in cxassist that knows about threads (STYLE.md section 2).

Writes go to one single-thread executor, the single writer, so they run one at a time in the order given. Reads go to
a small pool. Results come back to the main thread through one signal connected to a bound method of the runner, which
lives on the main thread, so Qt queues the call there: a worker appends a closure to a locked list and emits
`_closures_pending`; workers never touch widgets.

Traps:
- `fn` runs on a worker thread: it must not touch a widget, a model or anything else Qt owns. Give it plain values.
- `on_done` and `on_error` run on the main thread. An exception raised in `on_done` is caught here and reported as a
  bug, never left to the Qt binding (PySide6 would re-raise it later, far from the cause).
- A `UserError` goes to `on_error` when one is given (which shows it beside what the agent was doing), else to the
  window's message bar. Any other `Exception` is a bug: `on_error` still runs (so the caller can restore its state)
  and the crash dialog opens. A `BaseException` (KeyboardInterrupt) is raised again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from cxassist.domain.errors import UserError
from cxassist.services.changes import Done
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.relay import ChangeRelay

T = TypeVar("T")
OnError = Callable[[Exception], None]


class TaskRunner(QObject):
    """Runs reads on a pool and writes on the single writer; returns results on the main thread.

    `task_finished` is emitted after each task's callbacks and change notice (tests wait on it).
    """

    _closures_pending = Signal()
    task_finished = Signal()

    def __init__(self, relay: ChangeRelay, errors: ErrorReporter, *, read_workers: int = 3) -> None:
        super().__init__()
        self.relay = relay
        self.errors = errors
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cxassist-writer")
        self._readers = ThreadPoolExecutor(max_workers=read_workers, thread_name_prefix="cxassist-reader")
        self._closures: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._closed = False
        self._closures_pending.connect(self._on_closures_pending)

    # -- the public interface -------------------------------------------------------------------------------------

    def write(
        self,
        fn: Callable[[], Done[T]],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        initiator: object | None = None,
    ) -> None:
        """Run `fn` on the writer; then `on_done(value)` and `relay.changed(changes, initiator)` on the main thread."""

        def finish(outcome: Future[Done[T]]) -> None:
            self._finish_write(outcome, on_done, on_error, initiator)

        self._submit(self._writer, fn, finish)

    def read(
        self,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        uses_db: bool = True,
    ) -> None:
        """Run `fn` on the read pool; then `on_done(result)` on the main thread."""

        def finish(outcome: Future[T]) -> None:
            self._finish_read(outcome, on_done, on_error)

        self._submit(self._readers, fn, finish)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work and let what was queued finish (writes commit); callbacks still pending are dropped."""
        self._closed = True
        self._readers.shutdown(wait=wait, cancel_futures=True)
        self._writer.shutdown(wait=wait)
        with self._lock:
            self._closures.clear()

    # -- plumbing -------------------------------------------------------------------------------------------------

    def _submit(
        self, executor: ThreadPoolExecutor, fn: Callable[[], Any], finish: Callable[[Future[Any]], None]
    ) -> None:
        if self._closed:
            return
        future = executor.submit(fn)
        future.add_done_callback(lambda done: self._post(lambda: finish(done)))

    def _post(self, closure: Callable[[], None]) -> None:
        """Called on a worker thread: queue `closure` for the main thread."""
        with self._lock:
            self._closures.append(closure)
        self._closures_pending.emit()

    def _on_closures_pending(self) -> None:
        """Run one finished task's callbacks per turn of the event loop, so that several results arriving together
        (a pop's card, its prompts, a save) never add up to one long stall of the window; the rest follow at once."""
        with self._lock:
            if not self._closures:
                return
            closure = self._closures.pop(0)
            more = bool(self._closures)
        if more:
            QTimer.singleShot(0, self._on_closures_pending)
        closure()

    def _finish_read(self, outcome: Future[T], on_done: Callable[[T], None] | None, on_error: OnError | None) -> None:
        try:
            try:
                result = outcome.result()
            except Exception as error:  # noqa: BLE001 - routed: the user's problem or a bug
                self._fail(error, on_error)
                return
            self._call(on_done, result)
        finally:
            self.task_finished.emit()

    def _finish_write(
        self,
        outcome: Future[Done[T]],
        on_done: Callable[[T], None] | None,
        on_error: OnError | None,
        initiator: object | None,
    ) -> None:
        try:
            try:
                done = outcome.result()
            except Exception as error:  # noqa: BLE001 - routed: the user's problem or a bug
                self._fail(error, on_error)
                return
            if not isinstance(done, Done):
                self._fail(TypeError(f"a write returned {type(done).__name__}, not Done"), on_error)
                return
            self._call(on_done, done.value)
            # The write committed whatever on_done did: every view hears about it.
            self.relay.changed.emit(done.changes, initiator)
        finally:
            self.task_finished.emit()

    def _call(self, on_done: Callable[[T], None] | None, value: T) -> None:
        if on_done is None:
            return
        try:
            on_done(value)
        except Exception as error:  # noqa: BLE001 - a bug in a callback: report it here, near its cause
            self.errors.bug(error)

    def _fail(self, error: Exception, on_error: OnError | None) -> None:
        if on_error is not None:
            try:
                on_error(error)
            except Exception as callback_error:  # noqa: BLE001
                self.errors.bug(callback_error)
        if not isinstance(error, UserError):
            self.errors.bug(error)
        elif on_error is None:
            self.errors.user_error(error)


class SynchronousRunner(TaskRunner):
    """The same interface, but `fn` runs at once on the calling thread (most tests: no waiting)."""

    def __init__(self, relay: ChangeRelay, errors: ErrorReporter) -> None:
        super().__init__(relay, errors, read_workers=1)

    def _submit(
        self, executor: ThreadPoolExecutor, fn: Callable[[], Any], finish: Callable[[Future[Any]], None]
    ) -> None:
        if self._closed:
            return
        future: Future[Any] = Future()
        try:
            future.set_result(fn())
        except Exception as error:  # noqa: BLE001 - carried by the future, as on a worker
            future.set_exception(error)
        finish(future)
