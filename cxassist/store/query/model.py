"""What a supervisor asks for: the filters, the order and the page size, checked before any SQL runs; and what comes
back (a page of rows and the cursor to the next).

Within one filter the values are alternatives (channel is chat OR email; any of the tags); different filters all
apply (chat AND Pennine team AND vulnerable). Dates are local days: `for_days` turns them into UTC bounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any, Self
from uuid import UUID

from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel, Interaction, Outcome

MAX_PAGE = 500
MAX_VALUES = 200  # agents, channels, outcomes or tags in one filter


class SortKey(StrEnum):
    """The orders a page can come in; each is served by an index ending in `started_at` (then the id)."""

    STARTED_AT = "started_at"
    AGENT = "agent_id"
    CHANNEL = "channel"


class SortDirection(StrEnum):
    ASC = "asc"
    DESC = "desc"


@dataclass(frozen=True, slots=True)
class InteractionQuery:
    """Filters, order and page size of the interaction log. Empty tuples and None mean "no filter".

    `start` is inclusive and `end` exclusive (aware datetimes). `follow_up_overdue_on` keeps interactions whose
    follow-up is still open and was due before that day. `text` is searched in notes and reasons (store/query/text.py).
    """

    start: datetime | None = None
    end: datetime | None = None
    agent_ids: tuple[str, ...] = ()
    team: str | None = None
    channels: tuple[Channel, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    tags: tuple[str, ...] = ()
    caller_id: UUID | None = None
    emergency: bool = False
    vulnerable: bool = False
    follow_up_overdue_on: date | None = None
    not_reviewed: bool = False
    text: str = ""
    sort: SortKey = SortKey.STARTED_AT
    direction: SortDirection = SortDirection.DESC
    page_size: int = 100

    @classmethod
    def for_days(cls, since: date | None, until: date | None, *, tz: tzinfo | None = None, **filters: Any) -> Self:
        """A query over whole local days, `since` to `until` inclusive (the machine's zone unless `tz` is given)."""
        if since is not None and until is not None and since > until:
            raise UserError(f"The date range is reversed: {since} is after {until}.")
        start = _midnight(since, tz) if since is not None else None
        end = _midnight(until + timedelta(days=1), tz) if until is not None else None
        return cls(start=start, end=end, **filters)

    def checked(self) -> InteractionQuery:
        """This query with tags folded to lower case and blank values dropped; raises UserError for bad input."""
        if self.start is not None and self.end is not None:
            if self.start > self.end:
                first, last = f"{self.start:%Y-%m-%d %H:%M}", f"{self.end:%Y-%m-%d %H:%M}"
                raise UserError(f"The date range is reversed: {first} is after {last}.")
            if self.start == self.end:
                raise UserError("The date range is empty: it starts and ends at the same moment.")
        for bound in (self.start, self.end):
            if bound is not None and bound.tzinfo is None:
                raise ValueError("query bounds must be aware datetimes")
        if not 1 <= self.page_size <= MAX_PAGE:
            raise UserError(f"A page holds 1 to {MAX_PAGE} rows, not {self.page_size}.")
        for name in ("agent_ids", "channels", "outcomes", "tags"):
            if len(getattr(self, name)) > MAX_VALUES:
                raise UserError(f"At most {MAX_VALUES} values can be chosen in one filter.")
        tags = tuple(dict.fromkeys(t.strip().lower() for t in self.tags if t.strip()))
        agents = tuple(dict.fromkeys(a.strip() for a in self.agent_ids if a.strip()))
        team = self.team.strip() if self.team else None
        return replace(
            self,
            tags=tags,
            agent_ids=agents,
            team=team or None,
            channels=tuple(dict.fromkeys(self.channels)),
            outcomes=tuple(dict.fromkeys(self.outcomes)),
            text=self.text.strip(),
        )

    @property
    def is_search(self) -> bool:
        return bool(self.text.strip())

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (for saved filter sets and audit details); the defaults are left out."""
        body: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value == item.default:
                continue
            if isinstance(value, datetime):
                value = value.astimezone(UTC).isoformat()
            elif isinstance(value, date | UUID):
                value = str(value)
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            body[item.name] = value
        return body

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Self:
        """The query a `to_json` body describes; keys this version does not know are ignored (a newer console's)."""
        known = {item.name for item in fields(cls)}
        values: dict[str, Any] = {}
        try:
            for name, value in body.items():
                if name not in known:
                    continue
                values[name] = _parse(name, value)
        except (TypeError, ValueError) as error:
            raise UserError(f"The saved filter set cannot be read ({error}).") from error
        return cls(**values)


def _parse(name: str, value: Any) -> Any:
    match name:
        case "start" | "end":
            return datetime.fromisoformat(value)
        case "follow_up_overdue_on":
            return date.fromisoformat(value)
        case "caller_id":
            return UUID(value)
        case "channels":
            return tuple(Channel(v) for v in value)
        case "outcomes":
            return tuple(Outcome(v) for v in value)
        case "agent_ids" | "tags":
            return tuple(str(v) for v in value)
        case "sort":
            return SortKey(value)
        case "direction":
            return SortDirection(value)
        case "page_size":
            return int(value)
        case "emergency" | "vulnerable" | "not_reviewed":
            return bool(value)
        case _:
            return None if value is None else str(value)


def _midnight(day: date, tz: tzinfo | None) -> datetime:
    if tz is None:
        return datetime.combine(day, time()).astimezone().astimezone(UTC)
    return datetime.combine(day, time(), tzinfo=tz).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts. Opaque to the console: pass back the one a page gave.

    `key` holds the last row's sort values (for `SortKey.AGENT`, its agent id then its start time), `id` its id;
    a text search walks the search index instead, and `position` is how far it got."""

    key: tuple[str, ...] = ()
    id: UUID | None = None
    position: int | None = None


@dataclass(frozen=True, slots=True)
class LogRow:
    """One row of the interaction log: the interaction, who the caller is, and whether it has a quality review."""

    interaction: Interaction
    caller_name: str
    reviewed: bool


@dataclass(frozen=True, slots=True)
class Page:
    """Up to `page_size` rows and the cursor to the next page (None at the end).

    A text search reads the search index in bounded steps, so a page can hold fewer rows than asked for while
    `next` is still set: ask again to read on (the table's fetch-more does this as the supervisor scrolls)."""

    rows: tuple[LogRow, ...]
    next: Cursor | None
    scanned: int = field(default=0)  # index entries read for this page (for the benchmarks)


@dataclass(frozen=True, slots=True)
class CountEstimate:
    """How many interactions match: exact when `exact`, otherwise at least `count` (counting stopped there)."""

    count: int
    exact: bool
