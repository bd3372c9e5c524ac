"""A running clock since a moment (the call's start, emergency mode's start), updated once a second."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QLabel, QWidget


def format_elapsed(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


class CallTimer(QLabel):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self._clock = QElapsedTimer()
        self._offset = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        self.stop()

    def start(self, since: datetime | None = None, now: datetime | None = None) -> None:
        """Start counting, from `since` when the call began before the window knew of it (a restored draft)."""
        self._offset = int((now - since).total_seconds()) if since and now else 0
        self._clock.start()
        self._tick.start()
        self.refresh()

    def stop(self) -> None:
        self._tick.stop()
        self._clock.invalidate()
        self.setText(f"{self.prefix} --:--:--")

    def elapsed_seconds(self) -> int:
        return self._offset + (self._clock.elapsed() // 1000 if self._clock.isValid() else 0)

    def refresh(self) -> None:
        text = f"{self.prefix} {format_elapsed(self.elapsed_seconds())}"
        self.setText(text)
        self.setAccessibleName(text)
