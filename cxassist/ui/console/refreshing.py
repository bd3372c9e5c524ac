"""The console's lists and counts: read when first shown, and read again after a change only while someone can see
them (a hidden tab is marked stale and reads when next shown)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class RefreshedWhenShown(QWidget):
    """`refresh()` (each subclass's own) reads and sets `_stale` to False; `mark_stale()` asks for a read."""

    _stale = True  # nothing read yet
    refresh: Callable[[], None]  # each subclass's own read

    def mark_stale(self) -> None:
        """What is shown may be out of date: read again now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_stale()
