"""Who is calling: the name they prefer and how to say it, their numbers, preferences and local time; the adjustments
they asked for, shown first and respectfully; probable matches to confirm; a new-caller card for an unknown number.

The detail behind a vulnerability is shown only when the agent opens it, and opening it is audited
(`vulnerabilities_opened`).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QStyle, QVBoxLayout, QWidget

from cxassist.domain.models import Caller, Vulnerability
from cxassist.domain.phones import format_for_display
from cxassist.services.emergency import CallerPlace, local_time
from cxassist.services.screen_pop import Match, ScreenPop
from cxassist.ui.widgets.text import channel_text, driver_text, short_date, wrapped


def display_number(e164: str, region: str) -> str:
    try:
        return format_for_display(e164, region) if e164.startswith("+") else e164
    except ValueError:
        return e164


class CallerCard(QFrame):
    candidate_confirmed = Signal(object)  # caller id
    vulnerabilities_opened = Signal(object)  # caller id
    edit_caller_requested = Signal()
    edit_vulnerability_requested = Signal(object)  # Vulnerability
    settle_versions_requested = Signal(object)  # caller id: sync kept two versions of a need or contact

    def __init__(self, home_region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerCard")
        self.setAccessibleName(self.tr("Caller card"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.home_region = home_region
        self.caller: Caller | None = None
        self._layout = QVBoxLayout(self)
        # Never squeeze wrapped text: the scroll area around the card scrolls instead.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._widgets: list[QWidget] = []
        self._details: list[QLabel] = []
        self.show_waiting()

    # -- what the card shows --------------------------------------------------------------------------------------

    def show_waiting(self) -> None:
        self._reset()
        self._add(self._heading(self.tr("No call yet")))
        self._add(wrapped(self.tr("When a call pops, or you search with Ctrl+L, the caller appears here."), self))

    def show_pop(self, pop: ScreenPop, place: CallerPlace, now: datetime) -> None:
        self._reset()
        if pop.caller is not None:
            self._show_caller(pop.caller, pop.vulnerabilities, place, now)
        elif pop.match is Match.PROBABLE:
            self._show_candidates(pop)
        else:
            self._show_unknown(pop)

    def _show_caller(self, caller: Caller, vulnerabilities: tuple[Vulnerability, ...], place: CallerPlace,
                     now: datetime) -> None:
        self.caller = caller
        name = self._heading(caller.display_name)
        name.setObjectName("callerName")
        self._add(name)
        facts = []
        if caller.preferred_name and caller.preferred_name != caller.full_name:
            facts.append(self.tr("Full name: {0}").format(caller.full_name))
        if caller.pronunciation:
            facts.append(self.tr("Say it: {0}").format(caller.pronunciation))
        if facts:
            self._add(wrapped("   ".join(facts), self))
        numbers = [f"{display_number(p.e164, self.home_region)} {p.label}".strip() for p in caller.phones]
        if numbers:
            self._add(wrapped(self.tr("Numbers: {0}").format(" · ".join(numbers)), self))
        prefs = [self.tr("Prefers {0}").format(channel_text(caller.preferred_channel).lower())]
        if caller.language:
            prefs.append(self.tr("speaks {0}").format(caller.language))
        if caller.customer_since:
            prefs.append(self.tr("customer since {0}").format(caller.customer_since.year))
        their = local_time(now, place.zone)
        if their is not None:
            prefs.append(self.tr("their time {0}").format(their.strftime("%H:%M")))
        self._add(wrapped(" · ".join(prefs), self))
        if caller.tags:
            self._add(wrapped(self.tr("Tags: {0}").format(", ".join(caller.tags)), self))
        if caller.needs_attention:
            self._add(self._settle_row(caller.id))
        for item in vulnerabilities:
            self._add(self._vulnerability_row(item, now))
        row = QWidget(self)
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        if vulnerabilities:
            show = QPushButton(self.tr("Show what they told us"), row)
            show.setObjectName("showVulnerabilityDetails")
            show.setAccessibleName(self.tr("Show the details behind the caller's needs (this is recorded)"))
            show.clicked.connect(self.open_vulnerability_details)
            buttons.addWidget(show)
        edit = QPushButton(self.tr("Edit caller details…"), row)
        edit.setObjectName("editCaller")
        edit.setAccessibleName(self.tr("Edit the caller's details and numbers"))
        edit.clicked.connect(self.edit_caller_requested)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        self._add(row)

    def _vulnerability_row(self, item: Vulnerability, now: datetime) -> QWidget:
        row = QFrame(self)
        row.setObjectName("vulnerability")
        row.setProperty("role", "care")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        line = QHBoxLayout(row)
        line.setContentsMargins(6, 4, 6, 4)
        icon = QLabel(row)
        size = self.fontMetrics().height()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        line.addWidget(icon)
        consent = (self.tr("consent given {0}").format(short_date(item.consent.at)) if item.consent
                   else self.tr("no consent on record: ask before relying on it"))
        review = short_date(item.review_by)
        if item.is_due_for_review(now.astimezone().date()):
            review = self.tr("{0}, due for review now").format(review)
        text = self.tr("Care: {0}\n({1}; review by {2})").format(
            item.adjustments or self.tr("no adjustments recorded"), consent, review)
        label = wrapped(text, row)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        box = QVBoxLayout()
        box.addWidget(label)
        detail = wrapped(self.tr("{0}: {1}").format(driver_text(item.driver), item.detail), row)
        detail.setObjectName("vulnerabilityDetail")
        detail.hide()
        self._details.append(detail)
        box.addWidget(detail)
        line.addLayout(box, 1)
        edit = QPushButton(self.tr("Edit…  (F2)"), row)
        edit.setObjectName("editVulnerability")
        edit.setAccessibleName(self.tr("Edit or end this need: {0}").format(driver_text(item.driver)))
        edit.clicked.connect(lambda _c=False, v=item: self.edit_vulnerability(v))
        line.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), row)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda v=item: self.edit_vulnerability(v))
        return row

    def _settle_row(self, caller_id: UUID) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(wrapped(self.tr("⚠ Two versions need settling"), row), 1)
        settle = QPushButton(self.tr("Compare and settle…"), row)
        settle.setObjectName("settleVersions")
        settle.setAccessibleName(self.tr("Compare the two versions and keep one"))
        settle.clicked.connect(lambda _c=False, cid=caller_id: self.settle_versions_requested.emit(cid))
        line.addWidget(settle)
        return row

    def _show_candidates(self, pop: ScreenPop) -> None:
        self._add(self._heading(self.tr("Is this one of these callers?")))
        self._add(wrapped(self.tr("{0} is not on file exactly. Confirm with the caller before choosing.").format(
            display_number(pop.number, self.home_region)), self))
        for candidate in pop.candidates:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            number = display_number(candidate.matched_number, self.home_region)
            line.addWidget(wrapped(f"{candidate.caller.full_name} · {number} · {candidate.reason}", row), 1)
            pick = QPushButton(self.tr("This is the caller"), row)
            pick.setObjectName("confirmCandidate")
            pick.setAccessibleName(self.tr("Confirm the caller is {0}").format(candidate.caller.full_name))
            pick.clicked.connect(lambda _c=False, cid=candidate.caller.id: self.candidate_confirmed.emit(cid))
            line.addWidget(pick)
            self._add(row)
        self._add(wrapped(self.tr("None of them? Treat it as a new caller: add their name in the form below."), self))

    def _show_unknown(self, pop: ScreenPop) -> None:
        title = self._heading(self.tr("New caller"))
        title.setObjectName("newCallerTitle")
        self._add(title)
        shown = display_number(pop.number, self.home_region) if pop.number else self.tr("a withheld number")
        text = self.tr("{0} is not on file. Add their name in the form below and they are saved with the call.")
        self._add(wrapped(text.format(shown), self))
        if pop.history:
            self._add(wrapped(self.tr("This number has called before: see the history."), self))

    # -- actions --------------------------------------------------------------------------------------------------

    def open_vulnerability_details(self) -> None:
        for label in self._details:
            label.show()
        if self.caller is not None:
            self.vulnerabilities_opened.emit(self.caller.id)

    def edit_vulnerability(self, item: Vulnerability) -> None:
        """The editor shows what the caller told us, so opening it opens (and audits) the details first."""
        if any(label.isHidden() for label in self._details):
            self.open_vulnerability_details()
        self.edit_vulnerability_requested.emit(item)

    def caller_id(self) -> UUID | None:
        return self.caller.id if self.caller else None

    # -- plumbing -------------------------------------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        label = wrapped(text, self)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        label.setFont(font)
        return label

    def _add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._widgets.append(widget)
        widget.show()  # a child added to a visible parent is otherwise shown only after the event loop runs

    def _reset(self) -> None:
        self.caller = None
        self._details = []
        for widget in self._widgets:
            widget.hide()
            widget.deleteLater()
        self._widgets = []
        while self._layout.count():
            self._layout.takeAt(0)
