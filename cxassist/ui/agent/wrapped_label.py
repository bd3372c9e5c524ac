"""A word-wrapped label that remembers its height for each width and text.

Qt's QLabel lays its text out again (shaping every word) on each `heightForWidth` call, and a layout pass over the
prompts panel asks every card's label several times. The prompts panel is re-laid out whenever a prompt comes or goes
while the agent types, so the answers are kept: for the same width, text and font the height is the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

REMEMBERED_WIDTHS = 16  # a few widths per text (resizing the window asks for many; they are forgotten in one go)


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= REMEMBERED_WIDTHS:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._heights.clear()
        super().changeEvent(event)
