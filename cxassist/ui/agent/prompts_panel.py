"""The prompts panel: suggestions for this caller, grouped by category, each saying why it is there.

Each prompt offers Use (copies its text and marks it used), Why? (expands the reason), Dismiss (with an optional
reason) and, for care prompts that offer it, Emergency mode. Alt+1 to Alt+9 move to the first nine prompts. The
panel only shows what it is given and says what the agent did; `PromptsController` does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cxassist.prompts import Prompt
from cxassist.services.prompts import DISMISS_REASONS
from cxassist.ui.widgets.text import section_title, tr, wrapped

CATEGORY_TITLES = {
    "care-and-safety": "Care and safety",
    "empathy": "Empathy",
    "context": "Context",
    "greeting": "Greeting",
    "plain-language": "Plain language",
    "delight": "Delight",
    "closing": "Closing",
}
SHORTCUT_SLOTS = 9
FIRST_SHOWN = 12  # more than an agent can take in mid-call; the rest wait behind "Show all"


def category_title(category: str) -> str:
    return tr(CATEGORY_TITLES.get(category, category.replace("-", " ").capitalize()))


class PromptCard(QFrame):
    """One prompt: its text, and what the agent can do with it."""

    used = Signal(object)
    dismissed = Signal(object, str)
    emergency_requested = Signal()

    def __init__(self, prompt: Prompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.setObjectName(f"prompt-{prompt.rule_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("role", "care" if prompt.category == "care-and-safety" else "prompt")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = wrapped(prompt.text, self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.why = wrapped(self.tr("Why: {0}").format(prompt.why), self)
        self.why.setObjectName("promptWhy")
        self.why.hide()
        layout.addWidget(self.why)
        buttons = QHBoxLayout()
        self.use_button = self._button("promptUse", self.tr("Use"), self.tr("Use this prompt: {0}").format(prompt.text))
        self.use_button.clicked.connect(self._use)
        self.why_button = self._button("promptWhyToggle", self.tr("Why?"), self.tr("Why this prompt is shown"))
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(self.why.setVisible)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.why_button)
        if prompt.offers == "emergency-mode":
            emergency = self._button("promptEmergency", self.tr("⚠ Emergency mode"), self.tr("Open emergency mode"))
            emergency.setProperty("role", "emergency")
            emergency.clicked.connect(self.emergency_requested.emit)
            buttons.addWidget(emergency)
        buttons.addStretch(1)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("promptDismiss")
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this prompt, optionally saying why"))
        self.dismiss_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.dismiss_button)
        for reason in ("", *DISMISS_REASONS):
            label = self.tr("Dismiss: {0}").format(tr(reason)) if reason else self.tr("Dismiss without a reason")
            action = QAction(label, menu)
            action.triggered.connect(lambda _checked=False, why=reason: self.dismissed.emit(self.prompt, why))
            menu.addAction(action)
        self.dismiss_button.setMenu(menu)
        buttons.addWidget(self.dismiss_button)
        layout.addLayout(buttons)

    def set_number(self, number: int) -> None:
        """Its place in the panel; the first nine are numbered for Alt+1 to Alt+9."""
        prefix = f"{number}. " if number <= SHORTCUT_SLOTS else ""
        self.text.setText(prefix + self.prompt.text)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    def _use(self) -> None:
        QGuiApplication.clipboard().setText(self.prompt.text)
        self.use_button.setText(self.tr("✓ Used (copied)"))
        self.used.emit(self.prompt)


class PromptsPanel(QWidget):
    """Signals: `used(prompt)`, `dismissed(prompt, reason)`, `emergency_requested()`, `suggested(text)`."""

    used = Signal(object)
    dismissed = Signal(object, str)
    emergency_requested = Signal()
    suggested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptsPanel")
        self.setAccessibleName(self.tr("Prompts for this caller"))
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(section_title(self.tr("Prompts for this caller"), self))
        header.addStretch(1)
        self.suggest_button = QPushButton(self.tr("Suggest a prompt…"), self)
        self.suggest_button.setObjectName("suggestPrompt")
        self.suggest_button.setAccessibleName(self.tr("Suggest a prompt that is missing"))
        self.suggest_button.clicked.connect(self.ask_for_suggestion)
        header.addWidget(self.suggest_button)
        outer.addLayout(header)
        self.empty = wrapped(self.tr("Suggestions for this caller appear here, each with why it is shown."), self)
        outer.addWidget(self.empty)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("promptsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll_area, 1)
        self.cards: list[PromptCard] = []
        self._all: list[Prompt] = []
        self._show_all = False
        self._dismissed: set[str] = set()
        self._body = QWidget()
        self._body.setObjectName("promptsBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(self._body)
        for slot in range(1, SHORTCUT_SLOTS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{slot}"), self.window() or self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=slot: self.focus_prompt(n))

    def clear(self) -> None:
        """A new call: nothing dismissed yet, and the last caller's prompts gone at once."""
        self._dismissed.clear()
        self._show_all = False
        self.show_prompts([])

    def show_prompts(self, prompts: list[Prompt]) -> list[Prompt]:
        """Show `prompts` (in display order) less those dismissed on this call, the first `FIRST_SHOWN` unless the
        agent asked for all; returns what is on screen.

        Cards whose prompt is unchanged are kept and only moved, so a keystroke that adds one care prompt builds one
        card, not the whole panel (a rebuild of a dozen word-wrapped cards stalls the window for tens of ms)."""
        wanted = [p for p in prompts if p.rule_id not in self._dismissed]
        self._all = wanted
        visible = wanted if self._show_all else wanted[:FIRST_SHOWN]
        if [c.prompt for c in self.cards] == visible:
            return visible
        focused_rule = next((c.prompt.rule_id for c in self.cards if c.isAncestorOf(self.focusWidget())), None)
        reusable = {card.prompt: card for card in self.cards}
        layout = self._layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and not isinstance(widget, PromptCard):
                widget.deleteLater()  # headings and the "show more" button are cheap to make again
        self.cards = []
        category = None
        for number, prompt in enumerate(visible, start=1):
            if prompt.category != category:
                category = prompt.category
                layout.addWidget(self._heading(category))
            card = reusable.pop(prompt, None) or self._card(prompt)
            card.set_number(number)
            layout.addWidget(card)
            self.cards.append(card)
        for gone in reusable.values():
            gone.deleteLater()
        hidden = len(wanted) - len(visible)
        if hidden:
            more = QPushButton(self.tr("Show {0} more prompts").format(hidden), self._body)
            more.setObjectName("showAllPrompts")
            more.setAccessibleName(self.tr("Show the {0} prompts not shown yet").format(hidden))
            more.clicked.connect(self.show_all)
            layout.addWidget(more)
        layout.addStretch(1)
        self.empty.setVisible(not visible)
        for card in self.cards:
            if card.prompt.rule_id == focused_rule:
                card.use_button.setFocus()
        return visible

    def _heading(self, category: str) -> QLabel:
        heading = QLabel(category_title(category), self._body)
        heading.setProperty("role", "subheading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _card(self, prompt: Prompt) -> PromptCard:
        card = PromptCard(prompt, self._body)
        card.used.connect(self.used.emit)
        card.dismissed.connect(self._dismiss)
        card.emergency_requested.connect(self.emergency_requested.emit)
        return card

    def _dismiss(self, prompt: Prompt, reason: str) -> None:
        self._dismissed.add(prompt.rule_id)
        self.dismissed.emit(prompt, reason)
        self.show_prompts(self._all)

    def show_all(self) -> None:
        self._show_all = True
        self.show_prompts(self._all)

    def focus_prompt(self, number: int) -> None:
        if 1 <= number <= len(self.cards):
            card = self.cards[number - 1]
            self.scroll_area.ensureWidgetVisible(card)
            card.use_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def ask_for_suggestion(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Suggest a prompt"),
            self.tr("What would have helped you on this call? Your supervisors see every suggestion."),
        )
        if ok and text.strip():
            self.suggested.emit(text.strip())
