"""The prompts panel: suggestions for this caller, grouped by category, each saying why it is there.

Each prompt offers Use (copies its text and marks it used), Why? (expands the reason), Dismiss (with an optional
reason) and, for care prompts that offer it, Emergency mode. Alt+1 to Alt+9 move to the first nine prompts. The
panel only shows what it is given and says what the agent did; `PromptsController` does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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
from cxassist.ui.agent.wrapped_label import WrappedLabel
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
CARDS_PER_TURN = 2  # cards shown per event-loop turn (laying out a card's wrapped text costs a few ms)
SPARE_CARDS = 24  # hidden cards kept for the next prompts or caller
READY_CARDS = 2  # spare cards built ahead, once the panel is complete, for prompts a cue in the note brings


def category_title(category: str) -> str:
    return tr(CATEGORY_TITLES.get(category, category.replace("-", " ").capitalize()))


class PromptCard(QFrame):
    """One prompt: its text, and what the agent can do with it. `set_prompt` shows another prompt in the same card,
    so the panel reuses cards instead of building new ones (building and laying out a card is the costly part)."""

    used = Signal(object)
    dismissed = Signal(object, str)
    emergency_requested = Signal()

    def __init__(self, prompt: Prompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        # The number has a label of its own, so renumbering (a prompt added above) leaves the wrapped text alone; the
        # wrapped labels are not mouse-selectable (Use copies the text): a selectable label lays its text out as a
        # rich-text document, twice per size asked, which made re-laying out the panel cost tens of milliseconds.
        # Both remember their height per width (WrappedLabel), so a card that did not change costs the layout little.
        line = QHBoxLayout()
        self.number = QLabel(self)
        self.number.setObjectName("promptNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.number.ensurePolished()
        metrics = self.number.fontMetrics()
        # A fixed size: a new number then never asks the card to lay itself out again.
        self.number.setFixedSize(metrics.horizontalAdvance(f"{SHORTCUT_SLOTS}.") + 4, metrics.height())
        line.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        self.text = WrappedLabel("", self)
        line.addWidget(self.text, 1)
        layout.addLayout(line)
        self.why = WrappedLabel("", self)
        self.why.setObjectName("promptWhy")
        self.why.hide()
        layout.addWidget(self.why)
        buttons = QHBoxLayout()
        self.use_button = self._button("promptUse", self.tr("Use"), "")
        self.use_button.clicked.connect(self._use)
        self.why_button = self._button("promptWhyToggle", self.tr("Why?"), self.tr("Why this prompt is shown"))
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(self.why.setVisible)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.why_button)
        self.emergency_button = self._button("promptEmergency", self.tr("⚠ Emergency mode"),
                                             self.tr("Open emergency mode"))
        self.emergency_button.setProperty("role", "emergency")
        self.emergency_button.clicked.connect(self.emergency_requested.emit)
        buttons.addWidget(self.emergency_button)
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
        self._number = 0
        self._show(prompt, new_rule=True)

    def set_prompt(self, prompt: Prompt) -> None:
        """Show `prompt` here; a card moving to another rule forgets that it was used or opened."""
        if prompt != self.prompt:
            self._show(prompt, new_rule=prompt.rule_id != self.prompt.rule_id)

    def _show(self, prompt: Prompt, *, new_rule: bool) -> None:
        role = "care" if prompt.category == "care-and-safety" else "prompt"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
        self.prompt = prompt
        self.setObjectName(f"prompt-{prompt.rule_id}")
        self.text.setText(prompt.text)
        self.why.setText(self.tr("Why: {0}").format(prompt.why))
        self.use_button.setAccessibleName(self.tr("Use this prompt: {0}").format(prompt.text))
        self.emergency_button.setVisible(prompt.offers == "emergency-mode")
        if new_rule:
            self.use_button.setText(self.tr("Use"))
            self.why_button.setChecked(False)

    def set_number(self, number: int) -> None:
        """Its place in the panel; the first nine are numbered for Alt+1 to Alt+9."""
        if number != self._number:
            self._number = number
            self.number.setText(f"{number}." if 0 < number <= SHORTCUT_SLOTS else "")

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
        # A scroll bar that appears while cards arrive narrows every card and lays them all out again: keep it.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        outer.addWidget(self.scroll_area, 1)
        self.cards: list[PromptCard] = []  # on screen, in display order
        self._all: list[Prompt] = []
        self._plan: list[Prompt] = []  # what should be on screen; cards not built yet follow a turn or two later
        self._show_all = False
        self._dismissed: set[str] = set()
        self._spare: list[PromptCard] = []  # hidden, ready to show another prompt
        self._headings: dict[str, QLabel] = {}
        self._order: list[QWidget] = []
        self._build_queued = False
        self._ready_queued = False
        self._focus_wanted = 0  # Alt+N pressed before card N was built
        self._body = QWidget()
        self._body.setObjectName("promptsBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.scroll_area.setWidget(self._body)
        self.more_button = QPushButton(self._body)
        self.more_button.setObjectName("showAllPrompts")
        self.more_button.clicked.connect(self.show_all)
        self.more_button.hide()
        for slot in range(1, SHORTCUT_SLOTS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{slot}"), self.window() or self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=slot: self.focus_prompt(n))

    def clear(self) -> None:
        """A new call: nothing dismissed yet, and the last caller's prompts gone at once."""
        self._dismissed.clear()
        self._show_all = False
        self._focus_wanted = 0
        self.show_prompts([])

    def show_prompts(self, prompts: list[Prompt]) -> list[Prompt]:
        """Show `prompts` (in display order) less those dismissed on this call, the first `FIRST_SHOWN` unless the
        agent asked for all; returns what is (or, a turn or two later, will be) on screen.

        Laying out a dozen word-wrapped cards at once stalls the window for tens of milliseconds, so cards are reused:
        a card whose rule is still shown stays (its text updated in place), a card no longer needed is kept hidden
        for the next prompt or caller, and the cards to show beyond those are shown (taken from the spares, else
        built) `CARDS_PER_TURN` per event-loop turn, in display order."""
        wanted = [p for p in prompts if p.rule_id not in self._dismissed]
        self._all = wanted
        self._plan = wanted if self._show_all else wanted[:FIRST_SHOWN]
        by_rule = {card.prompt.rule_id: card for card in self.cards}
        placed: list[PromptCard] = []
        for prompt in self._plan:
            card = by_rule.pop(prompt.rule_id, None)
            if card is not None:
                card.set_prompt(prompt)
                placed.append(card)
        for card in by_rule.values():
            card.hide()  # before it can show another prompt, so focus never stays on a card that changed prompt
            self._spare.append(card)
        self.cards = placed
        self._place_cards(CARDS_PER_TURN)
        return list(self._plan)

    def is_complete(self) -> bool:
        """Every prompt meant to be on screen has its card."""
        return len(self.cards) == len(self._plan)

    def _place_cards(self, budget: int) -> None:
        """Give planned prompts a card (a spare one, else a new one) while `budget` lasts, then arrange. Showing a
        card is what costs (its word-wrapped text is laid out), so a spare card counts against the budget too."""
        have = {card.prompt.rule_id: card for card in self.cards}
        cards: list[PromptCard] = []
        for prompt in self._plan:
            card = have.get(prompt.rule_id)
            if card is None and budget > 0:
                budget -= 1
                card = self._spare.pop() if self._spare else self._card(prompt)
                card.set_prompt(prompt)
            if card is not None:
                cards.append(card)
        self.cards = cards
        self._arrange()
        if len(cards) < len(self._plan) and not self._build_queued:
            self._build_queued = True
            QTimer.singleShot(0, self, self._build_more)
        elif len(self._spare) < READY_CARDS and self._plan and not self._ready_queued:
            self._ready_queued = True
            QTimer.singleShot(0, self, self._build_spare)

    def _build_spare(self) -> None:
        """Build and style one hidden card in a turn of its own, so a prompt that appears while the agent types
        (a cue in the note) takes a ready card instead of building one in the same turn as the re-layout."""
        self._ready_queued = False
        if len(self._spare) >= READY_CARDS or not self._plan:
            return
        card = self._card(self._plan[-1])
        card.hide()
        card.ensurePolished()
        self._spare.insert(0, card)  # behind the cards put aside, which are taken first
        if len(self._spare) < READY_CARDS:
            self._ready_queued = True
            QTimer.singleShot(0, self, self._build_spare)

    def _build_more(self) -> None:
        self._build_queued = False
        self._place_cards(CARDS_PER_TURN)
        if self._focus_wanted:
            self.focus_prompt(self._focus_wanted)

    def _arrange(self) -> None:
        """Headings, cards in display order (numbered by their place in the plan), the "show more" button; a
        layout is rebuilt only when that order changes, and no widget is deleted."""
        place = {prompt.rule_id: number for number, prompt in enumerate(self._plan, start=1)}
        order: list[QWidget] = []
        runs: dict[str, int] = {}
        category = None
        for card in self.cards:
            if card.prompt.category != category:
                category = card.prompt.category
                order.append(self._heading(category, runs.get(category, 0)))
                runs[category] = runs.get(category, 0) + 1
            card.set_number(place[card.prompt.rule_id])
            order.append(card)
        hidden = len(self._all) - len(self._plan)
        if hidden:
            self.more_button.setText(self.tr("Show {0} more prompts").format(hidden))
            self.more_button.setAccessibleName(self.tr("Show the {0} prompts not shown yet").format(hidden))
            order.append(self.more_button)
        if order != self._order:
            for widget in self._order:
                if widget not in order:
                    widget.hide()
                self._layout.removeWidget(widget)
            for index, widget in enumerate(order):
                self._layout.insertWidget(index, widget)
                if widget.isHidden():
                    widget.show()
            self._order = order
        for card in self._spare[SPARE_CARDS:]:
            card.deleteLater()
        del self._spare[SPARE_CARDS:]
        self.empty.setVisible(not self._plan)

    def _heading(self, category: str, again: int = 0) -> QLabel:
        """The heading of `category` (`again`: a second run of the same category gets a heading of its own)."""
        key = f"{category}#{again}" if again else category
        heading = self._headings.get(key)
        if heading is None:
            heading = QLabel(category_title(category), self._body)
            heading.setProperty("role", "subheading")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self._headings[key] = heading
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
        """Alt+N: move to prompt N; if its card is still being built, move there once it is."""
        self._focus_wanted = 0
        if not 1 <= number <= len(self._plan):
            return
        rule_id = self._plan[number - 1].rule_id
        card = next((c for c in self.cards if c.prompt.rule_id == rule_id), None)
        if card is None:
            self._focus_wanted = number
            return
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
