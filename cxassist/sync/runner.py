"""The sync runner: push the outbox, pull with a cursor, report what changed. Plain synchronous code.

The CLI runs it in the foreground; the GUI runs `run_once` through its task runner off the main thread, with a
`threading.Event` to cancel (checked between batches and between retries) and an `on_pulled` callback that the
composition root turns into a `services.changes.Changes` notice (sync sits below services, so it reports `Pulled`).

Guarantees:
- Push drains the outbox oldest first, `batch_size` at a time. A batch that fails is sent again whole; the store
  applies each change idempotently by its key, so a resend never doubles anything. Accepted changes are deleted,
  refused ones stay in the outbox as 'rejected' with the reason (shown by `status`, never dropped).
- Transient failures (`SyncError`) are retried with exponential backoff, a bounded number of times per call;
  `SyncAuthError` is not retried at all (no retry storm against a server that refuses us).
- Pulled rows and the cursor that follows them commit in one transaction: a crash either keeps both or neither.
  Each pulled page moves the local hybrid logical clock past its newest stamp (`HybridClock.update`); a change
  whose version is not a stamp is skipped with a warning.
- With `history_months`, a pull keeps interactions (and the rows that hang off them) from that many months back;
  older ones come one caller at a time through `fetch_history`, which ignores the window.
"""

from __future__ import annotations

import calendar
import functools
import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar
from uuid import UUID

from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, stop_when_event_set, wait_exponential

from cxassist.domain.hlc import HybridClock, Timestamp
from cxassist.store import sync_indexes, sync_store
from cxassist.store.engine import Database
from cxassist.store.sync_apply import Applied, apply_incoming
from cxassist.store.sync_conflicts import open_conflicts
from cxassist.store.types import to_iso
from cxassist.sync.api import VERSION_PATTERN, Change, PullResult, SyncAdapter, SyncAuthError, SyncError

log = logging.getLogger(__name__)
T = TypeVar("T")

LAST_SUCCESS = "sync.last_success"
LAST_ERROR = "sync.last_error"
LAST_ATTEMPT = "sync.last_attempt"
ONLINE = "sync.online"


def _sleep(seconds: float) -> None:
    time.sleep(seconds)  # looked up at call time, so a test can replace time.sleep


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Pulled:
    """What one pulled batch touched (the same sets as `services.changes.Changes`)."""

    callers: frozenset[UUID] = frozenset()
    interactions: frozenset[UUID] = frozenset()
    follow_ups: frozenset[UUID] = frozenset()
    reviews: frozenset[UUID] = frozenset()
    prompt_pack: bool = False
    count: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class RoundReport:
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class SyncStatus:
    backend: str
    online: bool | None  # None: no sync attempted yet
    pending: int
    rejected: int
    open_conflicts: int
    last_success: str | None
    last_attempt: str | None
    last_error: str | None
    rejected_changes: tuple[dict[str, str], ...] = field(default=())


class Cancelled(Exception):
    """The round was cancelled between batches."""


class SyncRunner:
    def __init__(
        self,
        *,
        db: Database,
        adapter: SyncAdapter,
        clock: HybridClock,
        batch_size: int = 500,
        on_pulled: Callable[[Pulled], None] | None = None,
        sleep: Callable[[float], None] | None = None,
        attempts: int = 5,
        backoff_seconds: float = 0.5,
        max_backoff_seconds: float = 30.0,
        wall: Callable[[], datetime] = _utc_now,
        history_months: int | None = None,
        pull_batch_size: int | None = None,
    ) -> None:
        if batch_size < 1 or attempts < 1 or (pull_batch_size is not None and pull_batch_size < 1):
            raise ValueError("batch_size, pull_batch_size and attempts must be at least 1")
        if history_months is not None and history_months < 1:
            raise ValueError("history_months must be at least 1")
        self.history_months = history_months
        self.db = db
        self.adapter = adapter
        self.clock = clock
        self.node = clock.node
        self.batch_size = batch_size
        # Changes per pull request and per transaction applying them (default: batch_size). A first pull of a whole
        # site wants thousands: every page costs a round trip and a commit.
        self.pull_batch_size = pull_batch_size or batch_size
        self.on_pulled = on_pulled
        self._sleep = sleep or _sleep
        self._attempts = attempts
        self._backoff = backoff_seconds
        self._max_backoff = max_backoff_seconds
        self._wall = wall
        self.cursor_key = f"sync.cursor.{adapter.name}"
        self._indexes_deferred = False

    # -- one round ---------------------------------------------------------------------------------------------

    def run_once(self, cancel: threading.Event | None = None) -> RoundReport:
        """Push, then pull. Records the outcome for `status()`; re-raises SyncError / SyncAuthError after that."""
        cancel = cancel or threading.Event()
        self._record(LAST_ATTEMPT, self._now())
        try:
            pushed, rejected = self.push(cancel)
            pulled, conflicts = self.pull(cancel)
        except Cancelled:
            return RoundReport(cancelled=True)
        except (SyncError, SyncAuthError) as error:
            self._record_failure(error)
            raise
        self._record_success()
        return RoundReport(pushed=pushed, rejected=rejected, pulled=pulled, conflicts=conflicts)

    def push(self, cancel: threading.Event | None = None) -> tuple[int, int]:
        """Drain the outbox; returns (accepted, rejected) counts."""
        cancel = cancel or threading.Event()
        accepted_total = rejected_total = 0
        if self.adapter.name == "none":
            return 0, 0  # local only: the outbox waits for a real backend
        while True:
            if cancel.is_set():
                raise Cancelled
            with self.db.write() as conn:
                batch = sync_store.pending_batch(conn, self.batch_size)
                if batch:
                    sync_store.count_attempt(conn, [c.seq for c in batch])
            if not batch:
                return accepted_total, rejected_total
            changes = [
                Change(entity=c.entity, row_id=c.row_id, version=c.hlc, payload=c.payload, origin=self.node,
                       base=c.base)
                for c in batch
            ]
            result = self._retrying(functools.partial(self.adapter.push, changes), cancel)
            seqs_by_key: dict[str, list[int]] = {}
            for pending, change in zip(batch, changes, strict=True):
                seqs_by_key.setdefault(change.key, []).append(pending.seq)
            accepted = [seq for key in result.accepted for seq in seqs_by_key.get(key, ())]
            rejected = {seq: reason for key, reason in result.rejected.items() for seq in seqs_by_key.get(key, ())}
            with self.db.write() as conn:
                sync_store.settle_push(conn, batch, accepted=accepted, rejected=rejected)
            accepted_total += len(accepted)
            rejected_total += len(rejected)
            if rejected:
                log.warning("sync: %d change(s) rejected by the store, kept in the outbox", len(rejected))
            if not accepted and not rejected:
                raise SyncError(f"the store processed none of {len(batch)} changes; they stay queued")

    def pull(self, cancel: threading.Event | None = None) -> tuple[int, int]:
        """Pull until the store has nothing newer; returns (changes received, conflicts found).

        The next page is fetched (on one helper thread) while this one is applied: SQLite releases the GIL while it
        writes, so the network wait and the decoding overlap with it. Pages are still applied one at a time, in
        order, each with its cursor. Python's cyclic garbage collector is paused meanwhile (see `_gc_paused`).
        A first pull (no cursor yet) whose first page is full writes without the secondary indexes and builds them
        at its end (store/sync_indexes.py)."""
        cancel = cancel or threading.Event()
        with self.db.read() as conn:
            cursor = sync_store.get_state(conn, self.cursor_key)
            self._indexes_deferred = sync_indexes.deferred(conn)  # by a first pull that was killed
        try:
            return self._pull_pages(cursor, cancel)
        finally:
            if self._indexes_deferred:  # also after a failure or a cancel
                sync_indexes.restore(self.db)
                self._indexes_deferred = False

    def _pull_pages(self, cursor: str | None, cancel: threading.Event) -> tuple[int, int]:
        received = conflicts = 0
        first_pull = cursor is None
        with _gc_paused(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="cxassist-sync-fetch") as fetcher:
            ahead = fetcher.submit(self._fetch, cursor, cancel)
            while True:
                result = ahead.result()
                last = not result.changes or result.cursor == cursor
                if not last and not cancel.is_set():
                    ahead = fetcher.submit(self._fetch, result.cursor, cancel)
                if first_pull and not last and len(result.changes) >= self.pull_batch_size:
                    self._defer_indexes()  # a full first page: a whole site is coming
                first_pull = False
                if cancel.is_set():
                    raise Cancelled
                applied = self._apply(result.changes, cursor=result.cursor, history_from=self.history_from())
                received += applied.received
                conflicts += applied.conflicts
                if self.on_pulled is not None and applied.received:
                    self.on_pulled(_pulled(applied))
                if last:
                    return received, conflicts
                cursor = result.cursor

    def _defer_indexes(self) -> None:
        with self.db.write() as conn:
            sync_indexes.defer(conn)
        self._indexes_deferred = True

    def _fetch(self, cursor: str | None, cancel: threading.Event) -> PullResult:
        return self._retrying(functools.partial(self.adapter.pull, cursor, self.pull_batch_size), cancel)

    def history_from(self) -> datetime | None:
        """The oldest start time a pull keeps (None: no window)."""
        if self.history_months is None:
            return None
        return months_before(self._wall(), self.history_months)

    def fetch_history(self, caller_id: UUID, *, before: datetime | None = None, limit: int = 50) -> Pulled:
        """Older history of one caller from the store, kept in the local database (the cache) for next time.

        Raises SyncError (after the usual retries) or SyncAuthError when the store cannot be asked."""
        return self.keep_history(self.ask_history(caller_id, before=before, limit=limit))

    def ask_history(self, caller_id: UUID, *, before: datetime | None = None, limit: int = 50) -> tuple[Change, ...]:
        """The network half of `fetch_history`, with no database work (the GUI runs it off its single writer)."""
        before_text = None if before is None else to_iso(before)  # the form stored rows compare against
        return tuple(self._retrying(
            lambda: self.adapter.fetch_history(str(caller_id), before_text, limit), threading.Event()
        ))

    def keep_history(self, changes: Sequence[Change]) -> Pulled:
        """The database half of `fetch_history`: what `ask_history` brought, applied in one transaction."""
        return _pulled(self._apply(tuple(changes), cursor=None))

    # -- status --------------------------------------------------------------------------------------------------

    def status(self, *, rejected_limit: int = 20) -> SyncStatus:
        with self.db.read() as conn:
            found = sync_store.counts(conn)
            state = sync_store.get_states(conn, "sync.")
            rejected = sync_store.rejected_changes(conn, limit=rejected_limit)
            conflicts = len(open_conflicts(conn))
        online = state.get(ONLINE)
        return SyncStatus(
            backend=self.adapter.name,
            online=None if online is None else online == "1",
            pending=found["pending"],
            rejected=found["rejected"],
            open_conflicts=conflicts,
            last_success=state.get(LAST_SUCCESS),
            last_attempt=state.get(LAST_ATTEMPT),
            last_error=state.get(LAST_ERROR) or None,
            rejected_changes=tuple(
                {"entity": r.entity, "id": r.row_id, "version": r.hlc, "reason": r.reason} for r in rejected
            ),
        )

    # -- internals -----------------------------------------------------------------------------------------------

    def _apply(
        self, changes: Sequence[Change], *, cursor: str | None, history_from: datetime | None = None
    ) -> Applied:
        incoming = [change for change in changes if _is_stamp(change.version)]
        if len(incoming) < len(changes):
            origins = sorted({str(c.origin) for c in changes if not _is_stamp(c.version)})
            log.warning("sync: skipped %d change(s) with a malformed version from %s", len(changes) - len(incoming),
                        ", ".join(origins))
        if incoming:
            # The newest stamp moves the clock past every stamp of the batch: the receive rule, applied once.
            self.clock.update(Timestamp.decode(max(c.version for c in incoming)))
        with self.db.write() as conn:
            applied = apply_incoming(
                conn, incoming, own_node=self.node, now=self._wall(), history_from=history_from
            )
            if cursor is not None:
                sync_store.set_state(conn, self.cursor_key, cursor)
        return applied

    def _retrying(self, call: Callable[[], T], cancel: threading.Event) -> T:
        retrying = Retrying(
            stop=stop_after_attempt(self._attempts) | stop_when_event_set(cancel),
            wait=wait_exponential(multiplier=self._backoff, max=self._max_backoff),
            retry=retry_if_exception_type(SyncError),
            sleep=self._sleep,
            reraise=True,
            before_sleep=lambda state: log.info("sync: retrying after %s", state.outcome and state.outcome.exception()),
        )
        return retrying(call)

    def _now(self) -> str:
        return self._wall().astimezone(UTC).isoformat()

    def _record(self, key: str, value: str) -> None:
        with self.db.write() as conn:
            sync_store.set_state(conn, key, value)

    def _record_success(self) -> None:
        with self.db.write() as conn:
            sync_store.set_state(conn, LAST_SUCCESS, self._now())
            sync_store.set_state(conn, ONLINE, "1")
            sync_store.set_state(conn, LAST_ERROR, "")

    def _record_failure(self, error: Exception) -> None:
        with self.db.write() as conn:
            sync_store.set_state(conn, ONLINE, "0")
            sync_store.set_state(conn, LAST_ERROR, f"{self._now()} {error}"[:1000])


def _is_stamp(version: object) -> bool:
    """An HLC stamp as `Timestamp.decode` reads it (its pattern bounds both numbers to their ranges)."""
    return isinstance(version, str) and VERSION_PATTERN.fullmatch(version) is not None


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause automatic cyclic garbage collection for a pull. A pull allocates millions of short-lived objects; while
    a page is being applied they outlive the young generations, so the collector keeps running full collections over
    every object of the process, each holding the GIL for ~100 ms: the window froze. Pulled rows form no cycles and
    are freed by reference counting, so nothing piles up meanwhile; the collector resumes afterwards."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _pulled(applied: Applied) -> Pulled:
    return Pulled(
        callers=frozenset(applied.callers),
        interactions=frozenset(applied.interactions),
        follow_ups=frozenset(applied.follow_ups),
        reviews=frozenset(applied.reviews),
        prompt_pack=applied.prompt_pack,
        count=applied.received,
        conflicts=applied.conflicts,
    )
