"""What agents did with prompts (shown, used, dismissed with a reason) and the prompts they suggested."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from cxassist.store import tables
from cxassist.store.rows import save

_event = tables.prompt_event
_interaction = tables.interaction

EVENTS = ("shown", "used", "dismissed")


@dataclass(frozen=True, slots=True)
class PromptEventRecord:
    interaction_id: UUID
    rule_id: str
    pack_version: str
    event: str
    reason: str = ""


def save_events(
    conn: Connection, events: Sequence[PromptEventRecord], *, new_id: object, hlc: str, now: datetime
) -> None:
    for record in events:
        if record.event not in EVENTS:
            raise ValueError(f"unknown prompt event {record.event!r}")
        values = {
            "id": new_id() if callable(new_id) else new_id,
            "interaction_id": record.interaction_id,
            "rule_id": record.rule_id,
            "pack_version": record.pack_version,
            "event": record.event,
            "reason": record.reason,
            "at": now,
        }
        save(conn, _event, values, hlc=hlc, now=now)


def save_suggestion(
    conn: Connection,
    *,
    suggestion_id: UUID,
    agent_id: str,
    interaction_id: UUID | None,
    category: str,
    text: str,
    hlc: str,
    now: datetime,
) -> None:
    values = {
        "id": suggestion_id,
        "agent_id": agent_id,
        "interaction_id": interaction_id,
        "category": category,
        "text": text,
        "status": "open",
    }
    save(conn, tables.prompt_suggestion, values, hlc=hlc, now=now)


@dataclass(frozen=True, slots=True)
class RuleStats:
    rule_id: str
    shown: int
    used: int
    dismissed: int
    used_outcomes: dict[str, int]  # outcome of the interactions where the prompt was used -> count
    dismiss_reasons: dict[str, int]


def _count(event: str) -> ColumnElement[int]:
    return func.sum(case((_event.c.event == event, 1), else_=0))


def rule_stats(conn: Connection, *, since: datetime | None) -> list[RuleStats]:
    where = [] if since is None else [_event.c.at >= since]
    totals = conn.execute(
        select(_event.c.rule_id, _count("shown"), _count("used"), _count("dismissed"))
        .where(*where)
        .group_by(_event.c.rule_id)
        .order_by(_event.c.rule_id)
    ).all()
    outcomes: dict[str, dict[str, int]] = {}
    for rule_id, outcome, count in conn.execute(
        select(_event.c.rule_id, _interaction.c.outcome, func.count(func.distinct(_interaction.c.id)))
        .join(_interaction, _interaction.c.id == _event.c.interaction_id)
        .where(and_(_event.c.event == "used", _interaction.c.outcome.is_not(None), *where))
        .group_by(_event.c.rule_id, _interaction.c.outcome)
    ):
        outcomes.setdefault(rule_id, {})[outcome] = int(count)
    reasons: dict[str, dict[str, int]] = {}
    for rule_id, reason, count in conn.execute(
        select(_event.c.rule_id, _event.c.reason, func.count())
        .where(and_(_event.c.event == "dismissed", _event.c.reason != "", *where))
        .group_by(_event.c.rule_id, _event.c.reason)
    ):
        reasons.setdefault(rule_id, {})[reason] = int(count)
    return [
        RuleStats(
            rule_id=rule_id,
            shown=int(shown or 0),
            used=int(used or 0),
            dismissed=int(dismissed or 0),
            used_outcomes=outcomes.get(rule_id, {}),
            dismiss_reasons=reasons.get(rule_id, {}),
        )
        for rule_id, shown, used, dismissed in totals
    ]
