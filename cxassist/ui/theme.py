"""Look: the font scale and a high-contrast palette (settings ui.high_contrast, ui.font_scale).

Meaning never rests on colour alone: outcomes, overdue follow-ups and care notes carry a word and a symbol too. The
style sheet only adds emphasis (a border on care notes and overdue follow-ups, a strong emergency button).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from cxassist.config import UiSettings

BASE_SHEET = """
QFrame[role="care"] { border: 2px solid palette(highlight); border-radius: 4px; }
QFrame[role="overdue"] { border: 2px solid #b00020; border-radius: 4px; }
QFrame[role="attention"] { border: 1px solid palette(mid); border-radius: 4px; }
QFrame[role="message"] { border: 1px solid palette(dark); border-radius: 4px; background: palette(alternate-base); }
QPushButton[role="emergency"] { font-weight: bold; padding: 6px 14px; border: 2px solid #b00020;
    border-radius: 4px; background: #b00020; color: white; }
QPushButton[role="emergency"]:focus { border: 3px solid palette(highlight); }
"""

HIGH_CONTRAST_SHEET = """
* { outline: 2px; }
QWidget:focus { border: 3px solid #ffff00; }
QFrame[role="overdue"], QFrame[role="care"] { border: 3px solid #ffff00; }
QPushButton { border: 2px solid #ffffff; padding: 4px 10px; }
QPushButton[role="emergency"] { background: #000000; color: #ffff00; border: 3px solid #ffff00; }
"""


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow, cyan = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"), QColor("#00ffff")
    for role, colour in (
        (QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white), (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
        (QPalette.ColorRole.Link, cyan), (QPalette.ColorRole.BrightText, yellow),
        (QPalette.ColorRole.Mid, white), (QPalette.ColorRole.Dark, white),
    ):
        palette.setColor(role, colour)
    return palette


def apply_theme(app: QApplication, ui: UiSettings) -> None:
    app.setStyle("Fusion")  # the same look on every platform, and one the high-contrast palette suits
    font = QFont(app.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(8.0, font.pointSizeF() * ui.font_scale))
    app.setFont(font)
    if ui.high_contrast:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(BASE_SHEET + HIGH_CONTRAST_SHEET)
    else:
        app.setStyleSheet(BASE_SHEET)
