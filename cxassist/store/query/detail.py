"""The whole of one interaction, as a supervisor opens it from the log: the note, the prompts shown and used, the
emergency actions with their times, the caller and their other recent contacts, and what supervisors and the customer
said about it since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, select

from cxassist.domain.models import Agent, Caller, EmergencyAction, Interaction, Vulnerability
from cxassist.store import tables
from cxassist.store.callers import get_caller
from cxassist.store.care import vulnerabilities_for_caller
from cxassist.store.interactions import emergency_actions, get_interaction, recent_for_caller, recent_for_number
from cxassist.store.query.agents import get_agent
from cxassist.store.reviews import (
    FeedbackRecord,
    FrictionRecord,
    ReviewRecord,
    feedback_for,
    friction_for,
    reviews_for,
)

HISTORY = 20


@dataclass(frozen=True, slots=True)
class PromptEventView:
    rule_id: str
    pack_version: str
    event: str  # shown, used, dismissed
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class InteractionDetail:
    interaction: Interaction
    agent: Agent | None
    caller: Caller | None
    vulnerabilities: tuple[Vulnerability, ...]
    prompt_events: tuple[PromptEventView, ...]
    emergency_actions: tuple[EmergencyAction, ...]
    history: tuple[Interaction, ...]  # the caller's (or, unknown, the number's) other contacts, newest first
    reviews: tuple[ReviewRecord, ...]
    feedback: tuple[FeedbackRecord, ...]
    friction_points: tuple[FrictionRecord, ...]

    @property
    def involves_vulnerable_caller(self) -> bool:
        """Opening this record shows a vulnerable caller's details: the console audits it."""
        return self.interaction.flag_vulnerable or bool(self.vulnerabilities)


def _prompt_events(conn: Connection, interaction_id: UUID) -> tuple[PromptEventView, ...]:
    event = tables.prompt_event
    rows = conn.execute(
        select(event).where(event.c.interaction_id == interaction_id).order_by(event.c.at, event.c.rule_id)
    ).mappings()
    return tuple(
        PromptEventView(
            rule_id=row["rule_id"],
            pack_version=row["pack_version"],
            event=row["event"],
            reason=row["reason"],
            at=row["at"],
        )
        for row in rows
    )


def get_detail(conn: Connection, interaction_id: UUID, *, history: int = HISTORY) -> InteractionDetail | None:
    item = get_interaction(conn, interaction_id)
    if item is None:
        return None
    caller = get_caller(conn, item.caller_id) if item.caller_id is not None else None
    if caller is not None:
        earlier = recent_for_caller(conn, caller.id, limit=history + 1)
        vulnerabilities = tuple(vulnerabilities_for_caller(conn, caller.id))
    else:
        earlier = recent_for_number(conn, item.phone, limit=history + 1) if item.phone else []
        vulnerabilities = ()
    ids = [item.id]
    return InteractionDetail(
        interaction=item,
        agent=get_agent(conn, item.agent_id),
        caller=caller,
        vulnerabilities=vulnerabilities,
        prompt_events=_prompt_events(conn, item.id),
        emergency_actions=tuple(emergency_actions(conn, ids)),
        history=tuple(other for other in earlier if other.id != item.id)[:history],
        reviews=tuple(reviews_for(conn, ids)),
        feedback=tuple(feedback_for(conn, ids)),
        friction_points=tuple(friction_for(conn, ids)),
    )
