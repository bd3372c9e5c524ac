"""The interaction log's filters: dates, agent, team, channel, outcome, tags, the four care and review checks and a
full-text search. The bar builds an `InteractionQuery` from what is chosen and shows a query's values (a saved set);
a query that cannot run is explained in plain words beside the filters.

Which query field each widget sets: the two dates `start`/`end` (through `InteractionQuery.for_days`, local days,
the second inclusive), agent `agent_ids` (one), team `team`, channel `channels` (one), outcome `outcomes` (one), tags
`tags` (comma separated), the checks `emergency`, `vulnerable`, `follow_up_overdue_on` (today) and `not_reviewed`,
the search box `text`. Order and page size come from the log itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cxassist.domain.models import Agent, Channel, Outcome
from cxassist.store.query import InteractionQuery
from cxassist.ui.widgets.named import named
from cxassist.ui.widgets.text import channel_text, outcome_text, wrapped

DEFAULT_DAYS = 30  # the log opens on the last 30 local days, today included


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    shown = edit.date()
    return date(shown.year(), shown.month(), shown.day())


class FilterBar(QWidget):
    """`apply_requested`: the supervisor asked for these filters (Apply, or Enter in a text box)."""

    apply_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logFilters")
        self._today = today
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.since = self._date_edit("filterSince", self.tr("Show interactions from this day"))
        self.until = self._date_edit("filterUntil", self.tr("Show interactions up to and including this day"))
        self.agent = named(QComboBox(self), "filterAgent", self.tr("Agent"))
        self.team = named(QComboBox(self), "filterTeam", self.tr("Team"))
        self.channel = named(QComboBox(self), "filterChannel", self.tr("Channel"))
        self.channel.addItem(self.tr("Any channel"), None)
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        self.outcome = named(QComboBox(self), "filterOutcome", self.tr("Outcome"))
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome in Outcome:
            self.outcome.addItem(outcome_text(outcome), outcome.value)
        self.set_choices([], [])
        self.tags = named(QLineEdit(self), "filterTags", self.tr("Tags, separated by commas"))
        self.tags.setPlaceholderText(self.tr("tags, comma separated"))
        self.search = named(QLineEdit(self), "filterSearch", self.tr("Search the notes and reasons"))
        self.search.setPlaceholderText(self.tr("Search notes and reasons (newest first)"))
        self.search.setClearButtonEnabled(True)
        self.emergency = named(
            QCheckBox(self.tr("Involved an &emergency"), self),
            "filterEmergency",
            self.tr("Only interactions that involved an emergency"),
        )
        self.vulnerable = named(
            QCheckBox(self.tr("&Vulnerable caller"), self),
            "filterVulnerable",
            self.tr("Only interactions with a vulnerable caller"),
        )
        self.overdue = named(
            QCheckBox(self.tr("Follow-up &overdue"), self),
            "filterOverdue",
            self.tr("Only interactions whose follow-up is overdue"),
        )
        self.not_reviewed = named(
            QCheckBox(self.tr("Not yet &reviewed"), self),
            "filterNotReviewed",
            self.tr("Only interactions without a quality review"),
        )
        self.apply = named(
            QPushButton(self.tr("&Apply filters"), self), "applyFilters", self.tr("Apply the filters to the log")
        )
        self.reset = named(
            QPushButton(self.tr("C&lear filters"), self),
            "clearFilters",
            self.tr("Clear every filter back to the last 30 days"),
        )
        self.error = wrapped("", self)
        self.error.setObjectName("filterError")
        self.error.setProperty("role", "warning")
        self.error.hide()

        row = 0
        for column, (text, widget) in enumerate(
            (
                (self.tr("&From"), self.since),
                (self.tr("&To"), self.until),
                (self.tr("Age&nt"), self.agent),
                (self.tr("Tea&m"), self.team),
            )
        ):
            self._labelled(grid, row, column, text, widget)
        row += 1
        for column, (text, widget) in enumerate(
            (
                (self.tr("C&hannel"), self.channel),
                (self.tr("O&utcome"), self.outcome),
                (self.tr("Ta&gs"), self.tags),
                (self.tr("&Search"), self.search),
            )
        ):
            self._labelled(grid, row, column, text, widget)
        checks = QHBoxLayout()
        for box in (self.emergency, self.vulnerable, self.overdue, self.not_reviewed):
            checks.addWidget(box)
        checks.addStretch(1)
        checks.addWidget(self.reset)
        checks.addWidget(self.apply)
        grid.addLayout(checks, 2, 0, 1, 8)
        grid.addWidget(self.error, 3, 0, 1, 8)

        self.apply.clicked.connect(self.apply_requested)
        self.reset.clicked.connect(self.clear)
        for line in (self.tags, self.search):
            line.returnPressed.connect(self.apply_requested)
        self.clear_values()

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = named(QDateEdit(self), name, accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd MMM yyyy")
        return edit

    def _labelled(self, grid: QGridLayout, row: int, column: int, text: str, widget: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        grid.addWidget(label, row, column * 2)
        grid.addWidget(widget, row, column * 2 + 1)

    # -- choices and values ---------------------------------------------------------------------------------------

    def set_choices(self, agents: Sequence[Agent], teams: Sequence[str]) -> None:
        """Offer these agents and teams, keeping what is chosen."""
        chosen_agent, chosen_team = self.agent.currentData(), self.team.currentData()
        self.agent.clear()
        self.agent.addItem(self.tr("Any agent"), None)
        for agent in agents:
            label = agent.display_name if agent.display_name == agent.id else f"{agent.display_name} ({agent.id})"
            self.agent.addItem(label, agent.id)
        self.team.clear()
        self.team.addItem(self.tr("Any team"), None)
        for team in teams:
            self.team.addItem(team, team)
        self._choose(self.agent, chosen_agent)
        self._choose(self.team, chosen_team)

    @staticmethod
    def _choose(box: QComboBox, value: str | None) -> None:
        """Select `value`, adding it when it is not offered (a saved set naming an agent who has since left)."""
        if value is None:
            box.setCurrentIndex(0)
            return
        found = box.findData(value)
        if found < 0:
            box.addItem(value, value)
            found = box.count() - 1
        box.setCurrentIndex(found)

    def clear_values(self) -> None:
        self.since.setDate(_qdate(self._today - timedelta(days=DEFAULT_DAYS - 1)))
        self.until.setDate(_qdate(self._today))
        for box in (self.agent, self.team, self.channel, self.outcome):
            box.setCurrentIndex(0)
        self.tags.clear()
        self.search.clear()
        for check in (self.emergency, self.vulnerable, self.overdue, self.not_reviewed):
            check.setChecked(False)

    def clear(self) -> None:
        self.clear_values()
        self.apply_requested.emit()

    def set_today(self, today: date) -> None:
        self._today = today

    def query(self, base: InteractionQuery | None = None) -> InteractionQuery:
        """The filters as a query, keeping `base`'s order and page size; raises UserError for bad input (a
        reversed date range, too many tags)."""
        keep = base or InteractionQuery()
        agent, team = self.agent.currentData(), self.team.currentData()
        channel, outcome = self.channel.currentData(), self.outcome.currentData()
        query = InteractionQuery.for_days(
            _day(self.since),
            _day(self.until),
            agent_ids=(agent,) if agent else (),
            team=team or None,
            channels=(Channel(channel),) if channel else (),
            outcomes=(Outcome(outcome),) if outcome else (),
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            emergency=self.emergency.isChecked(),
            vulnerable=self.vulnerable.isChecked(),
            follow_up_overdue_on=self._today if self.overdue.isChecked() else None,
            not_reviewed=self.not_reviewed.isChecked(),
            text=self.search.text().strip(),
            sort=keep.sort,
            direction=keep.direction,
            page_size=keep.page_size,
        )
        return query.checked()

    def show_query(self, query: InteractionQuery) -> None:
        """Set every widget to `query`'s values (an open-ended date keeps what the field shows)."""
        if query.start is not None:
            self.since.setDate(_qdate(query.start.astimezone().date()))
        if query.end is not None:
            self.until.setDate(_qdate((query.end.astimezone() - timedelta(microseconds=1)).date()))
        self._choose(self.agent, query.agent_ids[0] if query.agent_ids else None)
        self._choose(self.team, query.team)
        self._choose(self.channel, query.channels[0].value if query.channels else None)
        self._choose(self.outcome, query.outcomes[0].value if query.outcomes else None)
        self.tags.setText(", ".join(query.tags))
        self.search.setText(query.text)
        self.emergency.setChecked(query.emergency)
        self.vulnerable.setChecked(query.vulnerable)
        self.overdue.setChecked(query.follow_up_overdue_on is not None)
        self.not_reviewed.setChecked(query.not_reviewed)

    # -- the inline message ---------------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error.setText(self.tr("⚠ {0}").format(text))
        self.error.setAccessibleName(text)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    @property
    def error_text(self) -> str:
        return "" if self.error.isHidden() else self.error.text()
