"""The prompts' word-wrapped label remembers heights, but always answers for its current text and font."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from cxassist.ui.agent.wrapped_label import WrappedLabel

LONG = "Speak slowly and confirm each step; offer to call back rather than keep her waiting. " * 4


def plain_height(text: str, label: WrappedLabel, width: int) -> int:
    plain = QLabel(text)
    plain.setWordWrap(True)
    plain.setFont(label.font())
    return plain.heightForWidth(width)


def test_height_follows_the_text_and_the_font(qtbot: Any) -> None:
    label = WrappedLabel("Hello Peggy")
    qtbot.addWidget(label)
    one_line = label.heightForWidth(240)
    label.setText(LONG)
    assert label.heightForWidth(240) == plain_height(LONG, label, 240) > one_line
    assert label.heightForWidth(480) == plain_height(LONG, label, 480) < label.heightForWidth(240)
    label.setText("Hello Peggy")
    assert label.heightForWidth(240) == one_line

    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 3)
    label.setFont(font)
    assert label.heightForWidth(240) == plain_height("Hello Peggy", label, 240) > one_line
