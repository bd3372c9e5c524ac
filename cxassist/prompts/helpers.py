"""Small filters that make prompt templates read naturally (English wording; write variants without them).

- ``default(x, fallback)`` (also ``d``): the fallback when the value is missing, None, empty text or an empty list.
- ``ago(days)``: 0 -> "today", 1 -> "yesterday", 5 -> "5 days ago" (for ``history.days_since_last``).
- ``from_now(days)``: 0 -> "today", 1 -> "tomorrow", 3 -> "in 3 days", -2 -> "2 days ago".
- ``and_list(items)``: ["Ann", "Tom", "Raj"] -> "Ann, Tom and Raj".
- ``plural(n, "call")``: 1 -> "1 call", 3 -> "3 calls"; ``plural(n, "person", "people")``.
- ``possessive(name, "their")``: "Peggy" -> "Peggy's"; empty -> "their".
- ``nice_date("2025-11-20")``: "Thursday 20 November".

Each accepts missing values and renders nothing (or the fallback) rather than raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Final

from jinja2 import Undefined

_DAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _missing(value: object) -> bool:
    return value is None or isinstance(value, Undefined) or value in ("", (), [])


def default(value: object, fallback: object = "", boolean: bool = False) -> object:
    if _missing(value) or (boolean and not value):
        return fallback
    return value


def _as_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def ago(days: object) -> str:
    n = _as_int(days)
    if n is None:
        return ""
    if n <= 0:
        return "today"
    return "yesterday" if n == 1 else f"{n} days ago"


def from_now(days: object) -> str:
    n = _as_int(days)
    if n is None:
        return ""
    if n < 0:
        return ago(-n)
    if n == 0:
        return "today"
    return "tomorrow" if n == 1 else f"in {n} days"


def and_list(items: object, word: str = "and") -> str:
    if _missing(items) or isinstance(items, str) or not isinstance(items, Iterable):
        return "" if _missing(items) else str(items)
    texts = [str(i) for i in items if not _missing(i)]
    if len(texts) <= 1:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} {word} {texts[-1]}"


def plural(count: object, singular: str, plural_form: str | None = None) -> str:
    n = _as_int(count)
    if n is None:
        return ""
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def possessive(name: object, fallback: str = "their") -> str:
    return fallback if _missing(name) else f"{name}'s"


def nice_date(value: object) -> str:
    if _missing(value):
        return ""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


FILTERS: Final[dict[str, Callable[..., Any]]] = {
    "ago": ago,
    "from_now": from_now,
    "and_list": and_list,
    "plural": plural,
    "possessive": possessive,
    "nice_date": nice_date,
}
