"""The fixed set of context fields that conditions and templates may use.

This table is the contract between packs and code: `build_context` fills exactly these paths (a test checks it), the
condition compiler rejects a path that is not here, and docs/prompt-packs.md lists them. Adding a field is a code
change; removing or renaming one breaks packs in the field, so don't.

Kinds:
- ``bool``: always true or false.
- ``int``: a whole number, or empty (``None``) when unknown (days since the last contact of a caller with no history).
- ``str``: text, ``""`` when unknown. Fields with ``choices`` only ever hold one of them or ``""``.
- ``list``: a tuple of texts, empty when there is nothing.
- ``map`` and ``records``: for templates only (a condition on them is a pack error).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

Kind = Literal["bool", "int", "str", "list", "map", "records"]

CHANNELS: Final = ("phone", "chat", "email", "web", "in-person")
OUTCOMES: Final = ("failed", "met", "exceeded")
PARTS_OF_DAY: Final = ("morning", "afternoon", "evening", "night")
DRIVERS: Final = ("health", "life-event", "resilience", "capability")
FOLLOW_UP_KINDS: Final = ("callback", "senior-callback", "task")
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One context field: its dotted path, kind, a plain description and, for closed sets, the allowed values."""

    path: str
    kind: Kind
    doc: str
    choices: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        return self.path.partition(".")[0]

    @property
    def name(self) -> str:
        return self.path.partition(".")[2]

    @property
    def for_conditions(self) -> bool:
        return self.kind not in ("map", "records")


def _f(path: str, kind: Kind, doc: str, choices: tuple[str, ...] = ()) -> FieldSpec:
    return FieldSpec(path, kind, doc, choices)


FIELDS: Final[tuple[FieldSpec, ...]] = (
    # The caller's profile.
    _f("caller.known", "bool", "the number matched a caller record"),
    _f("caller.name", "str", "the preferred name, else the full name"),
    _f("caller.preferred_name", "str", "the name they asked us to use"),
    _f("caller.full_name", "str", "the full name on the record"),
    _f("caller.pronunciation", "str", "how to say their name, e.g. PEG-ee"),
    _f("caller.tenure_years", "int", "whole years since they became a customer"),
    _f("caller.customer_since_year", "int", "the year they became a customer"),
    _f("caller.joined_this_month", "bool", "they became a customer in this month of an earlier year"),
    _f("caller.preferred_channel", "str", "how they like to be contacted", CHANNELS),
    _f("caller.language", "str", "their preferred language as recorded, e.g. cy"),
    _f("caller.has_email", "bool", "an email address is on the record"),
    _f("caller.tags", "list", "tags on the caller record"),
    # Their history with us (earlier interactions only).
    _f("history.count", "int", "number of earlier contacts we hold"),
    _f("history.days_since_last", "int", "days since the last contact"),
    _f("history.last_outcome", "str", "how the last contact met their expectations", OUTCOMES),
    _f("history.last_reason", "str", "why they contacted us last time"),
    _f("history.last_resolution", "str", "what we did about it last time"),
    _f("history.last_channel", "str", "the channel of the last contact", CHANNELS),
    _f("history.last_tags", "list", "tags on the last contact"),
    _f("history.channels", "list", "channels they have used, most recent first", CHANNELS),
    _f("history.contacts_7d", "int", "contacts in the last 7 days"),
    _f("history.contacts_30d", "int", "contacts in the last 30 days"),
    _f("history.open_follow_ups", "int", "follow-ups we promised and have not done"),
    _f("history.overdue_follow_ups", "int", "open follow-ups past their due date"),
    _f("history.next_follow_up_due", "str", "due date of the earliest open follow-up (YYYY-MM-DD)"),
    _f("history.next_follow_up_days", "int", "days until that follow-up is due (negative: overdue)"),
    _f("history.next_follow_up_kind", "str", "kind of that follow-up", FOLLOW_UP_KINDS),
    _f("history.next_follow_up_reason", "str", "reason of the contact that promised it"),
    _f("history.senior_callback_open", "bool", "a senior callback is promised and not done"),
    _f("history.complaints", "int", "contacts tagged as a complaint"),
    _f("history.days_since_complaint", "int", "days since the latest complaint"),
    _f("history.failed_last_3", "int", "how many of the last 3 contacts failed their expectations"),
    _f("history.exceeded_before", "bool", "a contact has exceeded their expectations"),
    _f("history.emergency_before", "bool", "an earlier contact involved an emergency"),
    # Vulnerabilities recorded with the caller.
    _f("vulnerability.any", "bool", "at least one vulnerability is recorded"),
    _f("vulnerability.count", "int", "number of recorded vulnerabilities"),
    _f("vulnerability.drivers", "list", "their drivers (FCA FG21/1)", DRIVERS),
    _f("vulnerability.details", "list", "what was recorded, e.g. lives alone"),
    _f("vulnerability.adjustments", "list", "agreed adjustments, one per item, e.g. speak slowly"),
    _f("vulnerability.review_due", "int", "vulnerabilities past their review date"),
    # Emergency contacts.
    _f("emergency_contacts.count", "int", "number of emergency contacts"),
    _f("emergency_contacts.names", "list", "their names, by priority"),
    _f("emergency_contacts.labels", "list", "name and relationship, e.g. Ann Hale (daughter)"),
    _f("emergency_contacts.for_health", "int", "contacts we may call about health"),
    _f("emergency_contacts.for_welfare", "int", "contacts we may call about welfare"),
    _f("emergency_contacts.with_consent", "int", "contacts recorded with the caller's consent"),
    # This contact.
    _f("call.channel", "str", "the channel of this contact", CHANNELS),
    _f("call.on_preferred_channel", "bool", "this contact is on the caller's preferred channel"),
    # The caller's local time.
    _f("time.known", "bool", "we know the caller's time zone"),
    _f("time.hour", "int", "the caller's local hour, 0-23"),
    _f("time.part_of_day", "str", "morning 5-11, afternoon 12-16, evening 17-21, night 22-4", PARTS_OF_DAY),
    _f("time.local_time", "str", "the caller's local time, e.g. 14:05"),
    _f("time.weekday", "str", "the caller's local day of the week", WEEKDAYS),
    _f("time.is_weekend", "bool", "it is Saturday or Sunday for the caller"),
    # The live note.
    _f("note.has_text", "bool", "the agent has typed something"),
    _f("note.cues", "list", "kinds of cue found in the note or chosen by the agent, e.g. confusion"),
    _f("note.jargon", "list", "jargon terms found in the note"),
    _f("note.evidence", "map", "cue kind -> the words that raised it, e.g. note.evidence.confusion"),
    _f("note.jargon_found", "records", "each jargon term found, with .term and .plain"),
)

FIELDS_BY_PATH: Final = MappingProxyType({f.path: f for f in FIELDS})
ROOTS: Final[frozenset[str]] = frozenset(f.root for f in FIELDS)
NAMES_BY_ROOT: Final = MappingProxyType(
    {root: frozenset(f.name for f in FIELDS if f.root == root) for root in sorted(ROOTS)}
)
