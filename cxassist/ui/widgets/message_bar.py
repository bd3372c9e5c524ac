"""A non-modal message shown beside what the agent was doing, with optional choices; never a blocking box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget


class MessageBar(QFrame):
    """One message at a time: text, an icon (information or warning: not colour alone) and buttons."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("role", "message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.icon = QLabel(self)
        layout.addWidget(self.icon)
        self.text = QLabel(self)
        self.text.setObjectName(f"{object_name}Text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        self._layout = layout
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setObjectName(f"{object_name}Dismiss")
        self.close_button.setAccessibleName(self.tr("Dismiss this message"))
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(
        self, text: str, *, warning: bool = False, choices: tuple[tuple[str, str, Callable[[], None]], ...] = ()
    ) -> None:
        """Show `text`; each choice is (object name, label, action) and dismisses the message when clicked."""
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        kind = QStyle.StandardPixmap.SP_MessageBoxWarning if warning else QStyle.StandardPixmap.SP_MessageBoxInformation
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(kind).pixmap(size, size))
        self.icon.setAccessibleName(self.tr("Warning") if warning else self.tr("Information"))
        self.text.setText(text)
        self.setAccessibleDescription(text)
        for name, label, action in choices:
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.setAccessibleName(label.replace("&", ""))
            button.clicked.connect(self.clear)
            button.clicked.connect(action)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
            button.show()
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()
