"""GUI tests: offscreen Qt, the synchronous runner by default, failures recorded instead of shown."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from cxassist.domain.errors import UserError
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.relay import ChangeRelay
from cxassist.ui.tasks import SynchronousRunner, TaskRunner

# The offscreen platform plugin says these when a window is shown or raised; they are harmless.
QT_LOG_IGNORE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


class RecordingErrors(ErrorReporter):
    """Keeps every failure instead of showing it; a test checks `bugs` is empty."""

    def __init__(self) -> None:
        super().__init__(windows=False)
        self.messages: list[str] = []
        self.bugs: list[BaseException] = []

    def user_error(self, error: UserError) -> None:
        self.messages.append(str(error))
        super().user_error(error)

    def bug(self, error: BaseException) -> None:
        self.bugs.append(error)


def unnamed_widgets(root: QWidget) -> list[str]:
    """Focusable widgets under `root` without an objectName or a plain-words accessible name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or date field speaks with its parent's name
        name, accessible = widget.objectName(), widget.accessibleName()
        if not name or not accessible.strip() or accessible == name:
            problems.append(f"{type(widget).__name__} objectName={name!r} accessibleName={accessible!r}")
    return problems


@pytest.fixture
def unnamed() -> Callable[[QWidget], list[str]]:
    return unnamed_widgets


@pytest.fixture
def relay(qapp: object) -> ChangeRelay:
    return ChangeRelay()


@pytest.fixture
def errors() -> Iterator[RecordingErrors]:
    recorded = RecordingErrors()
    yield recorded
    assert not recorded.bugs, f"unexpected bugs: {recorded.bugs!r}"


@pytest.fixture
def runner(relay: ChangeRelay, errors: RecordingErrors) -> Iterator[SynchronousRunner]:
    sync = SynchronousRunner(relay, errors)
    yield sync
    sync.shutdown()


@pytest.fixture
def threaded_runner(relay: ChangeRelay, errors: RecordingErrors) -> Iterator[TaskRunner]:
    real = TaskRunner(relay, errors)
    yield real
    real.shutdown()


class DeferredRunner(TaskRunner):
    """Holds every task until the test runs it: pages can arrive late and out of turn, an export be cancelled while
    it is queued."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args, read_workers=1)
        self.pending: list[tuple[Callable[[], Any], Callable[[Future[Any]], None]]] = []

    def _submit(self, executor: Any, fn: Callable[[], Any], finish: Callable[[Future[Any]], None]) -> None:
        self.pending.append((fn, finish))

    def run_next(self) -> None:
        fn, finish = self.pending.pop(0)
        future: Future[Any] = Future()
        try:
            future.set_result(fn())
        except Exception as error:  # noqa: BLE001 - carried by the future
            future.set_exception(error)
        finish(future)

    def run_all(self) -> None:
        while self.pending:
            self.run_next()


@pytest.fixture
def deferred(relay: ChangeRelay, errors: RecordingErrors) -> Iterator[DeferredRunner]:
    made = DeferredRunner(relay, errors)
    yield made
    made.shutdown()
