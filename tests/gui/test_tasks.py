"""The task runner: results on the main thread, changes announced after on_done, errors routed."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes, Done
from cxassist.ui.tasks import TaskRunner


def test_write_runs_on_the_writer_and_answers_on_the_main_thread(qtbot: Any, threaded_runner: TaskRunner) -> None:
    main = threading.current_thread()
    seen: dict[str, object] = {}
    changes = Changes(outbox_pending=True)

    def work() -> Done[int]:
        seen["worker"] = threading.current_thread()
        return Done(42, changes)

    def on_changed(got: Changes, initiator: object) -> None:
        seen["changed"] = (got, initiator, "done" in seen)

    threaded_runner.relay.changed.connect(on_changed)
    with qtbot.waitSignal(threaded_runner.task_finished, timeout=5000):
        threaded_runner.write(work, on_done=lambda v: seen.update(done=(v, threading.current_thread())), initiator="me")
    assert seen["worker"] is not main
    assert seen["done"] == (42, main)
    assert seen["changed"] == (changes, "me", True)


def test_reads_run_off_the_main_thread(qtbot: Any, threaded_runner: TaskRunner) -> None:
    got: list[object] = []
    with qtbot.waitSignal(threaded_runner.task_finished, timeout=5000):
        threaded_runner.read(threading.current_thread, on_done=got.append)
    assert got and got[0] is not threading.current_thread()


def test_writes_run_one_at_a_time_in_order(qtbot: Any, threaded_runner: TaskRunner) -> None:
    order: list[int] = []
    active = threading.Semaphore(1)

    def job(n: int) -> Done[int]:
        assert active.acquire(blocking=False), "two writes ran at once"
        try:
            order.append(n)
            return Done(n, Changes())
        finally:
            active.release()

    finished: list[int] = []
    for n in range(20):
        threaded_runner.write(lambda n=n: job(n), on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 20, timeout=5000)
    assert order == list(range(20)) == finished


def test_user_error_goes_to_on_error_and_is_not_a_bug(runner: TaskRunner, errors: Any) -> None:
    failures: list[Exception] = []

    def fail() -> Done[None]:
        raise UserError("The disk is full.")

    runner.write(fail, on_done=lambda _v: pytest.fail("on_done after a failure"), on_error=failures.append)
    assert [str(f) for f in failures] == ["The disk is full."]
    assert errors.bugs == [] and errors.messages == []


def test_user_error_without_handler_reaches_the_message_bar(runner: TaskRunner, errors: Any) -> None:
    def fail() -> int:
        raise UserError("No caller with that id.")

    runner.read(fail)
    assert errors.messages == ["No caller with that id."]


def test_a_bug_in_on_done_is_caught_and_reported(runner: TaskRunner, errors: Any) -> None:
    notices: list[object] = []
    runner.relay.changed.connect(lambda c, _i: notices.append(c))

    def broken(_value: int) -> None:
        raise RuntimeError("bug in a callback")

    runner.write(lambda: Done(1, Changes()), on_done=broken)
    assert [str(b) for b in errors.bugs] == ["bug in a callback"]
    assert len(notices) == 1  # the write committed: views still hear of it
    errors.bugs.clear()


def test_a_bug_in_the_work_reaches_on_error_and_the_crash_handler(runner: TaskRunner, errors: Any) -> None:
    failures: list[Exception] = []
    runner.read(lambda: 1 / 0, on_error=failures.append)
    assert len(failures) == 1 and isinstance(failures[0], ZeroDivisionError)
    assert len(errors.bugs) == 1
    errors.bugs.clear()


def test_nothing_runs_after_shutdown(runner: TaskRunner) -> None:
    runner.shutdown()
    ran: list[int] = []
    runner.read(lambda: ran.append(1))
    assert ran == []
