"""Widgets with the two names every interactive widget needs: an objectName for tests and styles, and an
accessible name in plain words for screen readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QPushButton, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str) -> W:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def named_button(parent: QWidget, name: str, text: str, accessible: str,
                 slot: Callable[[], object] | None = None) -> QPushButton:
    button = named(QPushButton(text, parent), name, accessible)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button
