"""What every subcommand shares: the lazily opened runtime, the log file, JSON output, dates, progress and crash
reports. Settings and the database load on first use, so `--version` and `--help` stay quick."""

from __future__ import annotations

import contextlib
import json
import platform
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxassist import __version__
from cxassist.domain.errors import UserError
from cxassist.domain.jsonable import to_jsonable

if TYPE_CHECKING:
    from cxassist.config import Paths, Settings
    from cxassist.services.runtime import Runtime

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_PARTIAL = 3
EXIT_BUG = 70


@dataclass
class Context:
    """Built from the global flags; settings, paths and the database open only when a command needs them."""

    data_dir: Path | None
    site_config: Path | None
    _settings: Settings | None = None
    _runtime: Runtime | None = None
    _paths: Paths | None = field(default=None)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from cxassist.config import load_settings  # noqa: PLC0415 - loaded when a command needs it

            self._settings = load_settings(data_dir=self.data_dir, site_config=self.site_config)
        return self._settings

    @property
    def paths(self) -> Paths:
        if self._paths is None:
            from cxassist.config import resolve_paths  # noqa: PLC0415 - loaded when a command needs it

            self._paths = resolve_paths(self.settings)
        return self._paths

    def runtime(self) -> Runtime:
        if self._runtime is None:
            from cxassist.config import ensure_local_folder  # noqa: PLC0415 - loaded when a command needs it
            from cxassist.services.runtime import open_runtime  # noqa: PLC0415

            ensure_local_folder(self.paths.data_dir)
            self._runtime = open_runtime(self.settings, self.paths)
        return self._runtime

    def close(self) -> None:
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None


def start_logging(context: Context) -> None:
    """Send this run's log records to the log file; silently skipped when the settings or the folder are unusable
    (the command reports a settings problem itself, and a missing log must never stop an agent's work)."""
    with contextlib.suppress(UserError, OSError):
        from cxassist.services.logging_setup import configure_logging  # noqa: PLC0415 - only when a command runs

        configure_logging(context.paths, context.settings.logging.level)


def emit(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    sys.stdout.flush()


def parse_date(text: str, *, flag: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{flag}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23.") from None


def positive_int(text: str) -> int:
    import argparse  # noqa: PLC0415

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


class Progress:
    """A one-line progress display on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label = label
        self.total = total
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        if self.total:
            width = 30
            filled = int(width * min(done, self.total) / self.total)
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r{self.label} [{bar}] {done:,}/{self.total:,}")
        else:
            sys.stderr.write(f"\r{self.label} {done:,}")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def write_crash_report(context: Context, error: BaseException, argv: Sequence[str]) -> Path:
    """A report for IT: the traceback, versions and arguments; never caller data (arguments that look like
    free text, such as a note, are left out)."""
    try:
        folder = context.paths.log_dir
    except Exception:  # noqa: BLE001 - settings may be what failed; fall back to the temp folder
        import tempfile  # noqa: PLC0415

        folder = Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    report = folder / f"crash-{stamp}.txt"
    safe_args = []
    skip = False
    for arg in argv:
        if skip:
            safe_args.append("<left out>")
            skip = False
            continue
        safe_args.append(arg)
        skip = arg in {"--note", "--reason"}
    text = "\n".join(
        [
            f"cxassist {__version__} on Python {platform.python_version()} ({platform.platform()})",
            f"arguments: {safe_args}",
            "",
            "".join(traceback.format_exception(type(error), error, error.__traceback__)),
        ]
    )
    report.write_text(text, encoding="utf-8")
    return report
