"""The composition root of the agent workspace: builds everything in a fixed order and wires it together.

Start: arguments, settings, paths, the single-instance check, the runtime (database and migrations), the relay and
error reporter, the runner, the window, the instance server. Shut down in reverse: stop listening, drain the runner
(queued writes commit), close the database. `create_app(argv)` does everything but the event loop (tests, the frozen
smoke test); `run(argv)` is what `cxassist` (no subcommand) and `cxassist pop NUMBER` call.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from cxassist.config import Paths, Settings, ensure_local_folder, load_settings, resolve_paths
from cxassist.domain.errors import UserError
from cxassist.services.logging_setup import configure_logging
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.relay import ChangeRelay
from cxassist.ui.single_instance import InstanceServer, hand_over, server_name
from cxassist.ui.sync_scheduler import SyncScheduler
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.theme import apply_theme
from cxassist.ui.translations import install_translators

log = logging.getLogger(__name__)
EXIT_USER_ERROR = 2


@dataclass(frozen=True)
class AppArgs:
    data_dir: Path | None
    site_config: Path | None
    no_err_windows: bool
    pop: str | None
    console: str | None = None  # `console [SECTION]`: open the supervisor console, at SECTION ("" for its first)


def parse_args(argv: Sequence[str]) -> AppArgs:
    """The global flags and an optional `pop NUMBER` or `console [SECTION]`; anything else is left for the CLI."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--site-config", type=Path)
    parser.add_argument("--no-err-windows", action="store_true")
    known, rest = parser.parse_known_args(list(argv))
    pop = rest[1] if len(rest) >= 2 and rest[0] == "pop" else None
    console = (rest[1] if len(rest) >= 2 else "") if rest[:1] == ["console"] else None
    return AppArgs(known.data_dir, known.site_config, known.no_err_windows, pop, console)


def _settings_and_paths(args: AppArgs) -> tuple[Settings, Paths]:
    settings = load_settings(data_dir=args.data_dir, site_config=args.site_config)
    return settings, resolve_paths(settings)


def _application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["cxassist", *argv])
    app.setApplicationName("cxassist")
    app.setOrganizationName("cxassist")
    app.setDesktopFileName("cxassist")
    return app


def create_app(argv: Sequence[str], *, errors: ErrorReporter | None = None,
               runner_factory: Callable[[ChangeRelay, ErrorReporter], TaskRunner] | None = None,
               listen: bool = True) -> tuple[QApplication, MainWindow]:
    """Build the application and the window without entering the event loop. Raises `UserError` (a missing, damaged
    or newer database, a bad setting) before any window exists."""
    args = parse_args(argv)
    app = _application(argv)
    settings, paths = _settings_and_paths(args)
    install_translators(app, settings.ui.language)
    ensure_local_folder(paths.data_dir)
    runtime = open_runtime(settings, paths)
    apply_theme(app, settings.ui)
    relay = ChangeRelay()
    reporter = errors or ErrorReporter(windows=not args.no_err_windows, crash_folder=paths.log_dir)
    runner = (runner_factory or TaskRunner)(relay, reporter)
    window = MainWindow(runtime, runner, reporter)
    scheduler = start_sync(runtime, runner, window)
    window.sync_scheduler = scheduler
    server = InstanceServer(server_name(paths.data_dir), window)
    if listen:
        server.listen()
    server.received.connect(lambda received: handle_arguments(window, received))
    # Reverse of start-up: stop new work, let queued work finish, then close what it used.
    if scheduler is not None:
        window.shutdown_hooks.append(scheduler.shutdown)
    window.shutdown_hooks.extend([server.close, lambda: runner.shutdown(wait=True)])
    if scheduler is not None:
        window.shutdown_hooks.append(scheduler.sync.adapter.close)
    window.shutdown_hooks.append(runtime.close)
    app.aboutToQuit.connect(window.shutdown)
    window.controller.offer_drafts()
    window.show()
    if args.pop:
        window.pop_number(args.pop)
    if args.console is not None:
        window.actions_.open_console_at(args.console or None)
    return app, window


def start_sync(runtime: Runtime, runner: TaskRunner, window: MainWindow) -> SyncScheduler | None:
    """Background sync when the site names a backend. A backend that cannot be built (not installed, a bad setting)
    is explained in the window; the workspace works on, local only, and keeps every change in the outbox."""
    settings = runtime.settings
    if settings.sync.backend == "none":
        return None
    # Loaded only for a site that syncs: the keychain and the backends' drivers cost start-up time otherwise.
    from cxassist.security.secrets import SecretStore  # noqa: PLC0415
    from cxassist.sync.factory import open_adapter  # noqa: PLC0415
    from cxassist.sync.registry import BackendRegistry  # noqa: PLC0415
    from cxassist.sync.runner import SyncRunner  # noqa: PLC0415

    try:
        adapter = open_adapter(settings, SecretStore(), BackendRegistry.discover())
    except UserError as error:
        window.show_message(QApplication.translate("cxassist", "Sync is off: {0}").format(error))
        return None
    sync = SyncRunner(db=runtime.db, adapter=adapter, clock=runtime.clock, batch_size=settings.sync.batch_size,
                      pull_batch_size=settings.sync.pull_batch_size, history_months=settings.storage.history_months)
    scheduler = SyncScheduler(sync, runner, interval_seconds=settings.sync.interval_seconds, parent=window)
    scheduler.status_changed.connect(window.status.show_sync)
    scheduler.start()
    return scheduler


def handle_arguments(window: MainWindow, argv: Sequence[str]) -> None:
    """A second start handed over its arguments: pop its number, open the console, or just come to the front."""
    args = parse_args(argv)
    window.raise_and_focus()
    if args.pop:
        window.pop_number(args.pop)
    if args.console is not None:
        window.actions_.open_console_at(args.console or None)


def explain_start_failure(error: UserError, data_dir: Path | None) -> QMessageBox:
    """A clear, non-technical box for a database or setting we cannot use, with a way forward."""
    box = QMessageBox(QMessageBox.Icon.Critical, "cxassist", str(error))
    box.setObjectName("startupProblem")
    box.setWindowTitle(QApplication.translate("cxassist", "cxassist cannot start"))
    box.setText(QApplication.translate("cxassist", "cxassist cannot open its data, so it has not started."))
    box.setInformativeText(str(error) + "\n\n" + QApplication.translate(
        "cxassist", "Nothing was changed. Open the data folder to move the file aside or restore a backup, or ask "
                    "IT for help; then start cxassist again."))
    if data_dir is not None:
        folder = box.addButton(QApplication.translate("cxassist", "Open the data folder"),
                               QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("openDataFolder")
        folder.clicked.disconnect()
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
    quit_button = box.addButton(QApplication.translate("cxassist", "Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitAfterProblem")
    return box


def run(argv: Sequence[str]) -> int:
    """Open the workspace, or hand the arguments to the one already running for this user and data folder."""
    args = parse_args(argv)
    app = _application(argv)
    data_dir: Path | None = args.data_dir
    try:
        settings, paths = _settings_and_paths(args)
        data_dir = paths.data_dir
        with contextlib.suppress(OSError):  # a log folder we cannot write must not stop the workspace
            configure_logging(paths, settings.logging.level)
        if hand_over(server_name(paths.data_dir), list(argv)):
            return 0
        _app, window = create_app(argv)
    except UserError as error:
        if args.no_err_windows:
            print(f"cxassist: {error}", file=sys.stderr)  # noqa: T201 - the headless form of the dialog
        else:
            explain_start_failure(error, data_dir).exec()
        return EXIT_USER_ERROR
    quit_after = os.environ.get("CXASSIST_SMOKE_QUIT_AFTER_MS", "")
    if quit_after.isdigit():  # the frozen smoke test and the start-up bench: quit on their own, exit 0
        QTimer.singleShot(int(quit_after), app.quit)
    code = app.exec()
    window.shutdown()
    return int(code)
