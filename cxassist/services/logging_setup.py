"""The app's log file: `cxassist.log` in the platform's log folder, rotated, redacted.

`configure_logging` is called once by each composition root (the CLI's `main`, `app.run`). It installs one
rotating file handler on the root logger with the `RedactingFilter` (no card numbers, no security codes, no free
text, no SQL parameters) and sets the level from `logging.level`. Calling it again replaces the handler it
installed before (tests call `main()` many times in one process), and it never touches handlers others installed.

Times are written in UTC with an offset, like every stamp cxassist prints. The file is opened on the first record
(`delay=True`), so a command that logs nothing creates no file.
"""

from __future__ import annotations

import logging
import logging.handlers
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from cxassist.config import Paths
from cxassist.security.log_filter import RedactingFilter

__all__ = ["LOG_FILE_NAME", "configure_logging", "log_files", "remove_logging"]

LOG_FILE_NAME: Final = "cxassist.log"
MAX_BYTES: Final = 2 * 1024 * 1024
BACKUP_COUNT: Final = 5
_FORMAT: Final = "%(asctime)s %(levelname)-7s %(name)s [%(process)d %(threadName)s] %(message)s"
_MARK: Final = "_cxassist_handler"


class _UtcFormatter(logging.Formatter):
    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{stamp}.{int(record.msecs):03d}+00:00"


def _our_handlers(root: logging.Logger) -> Iterator[logging.Handler]:
    return (h for h in list(root.handlers) if hasattr(h, _MARK))


def remove_logging() -> None:
    """Remove and close the handler `configure_logging` installed, if any, and restore the root logger's level."""
    root = logging.getLogger()
    for handler in _our_handlers(root):
        root.removeHandler(handler)
        handler.close()
        root.setLevel(getattr(handler, _MARK))


def configure_logging(paths: Paths, level: str = "INFO") -> Path:
    """Log to `paths.log_dir / cxassist.log` at `level` (DEBUG, INFO, WARNING, ERROR); returns the file's path.

    Raises OSError when the log folder cannot be created; the caller decides whether running without a log is
    acceptable (the CLI carries on, since the command's own output matters more).
    """
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    target = paths.log_dir / LOG_FILE_NAME
    remove_logging()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    root = logging.getLogger()
    setattr(handler, _MARK, root.level)  # marks the handler as ours, and holds the level to restore
    numeric = logging.getLevelName(level.upper())
    handler.setLevel(numeric if isinstance(numeric, int) else logging.INFO)
    handler.setFormatter(_UtcFormatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > handler.level:
        root.setLevel(handler.level)
    return target


def log_files(log_dir: Path) -> list[Path]:
    """The log file and its rotated copies, oldest first (cxassist.log.5 ... cxassist.log)."""
    found = [p for p in log_dir.glob(f"{LOG_FILE_NAME}*") if p.is_file()]

    def age(path: Path) -> int:
        suffix = path.name[len(LOG_FILE_NAME) :].lstrip(".")
        return int(suffix) if suffix.isdigit() else 0

    return sorted(found, key=age, reverse=True)
