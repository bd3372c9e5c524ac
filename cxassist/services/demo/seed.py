"""`seed_demo`: the agents, then the callers in chunks (one transaction each), then the story caller last with the
audit events of the duty-of-care outcomes."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select

from cxassist.domain.models import Role
from cxassist.services.demo import data
from cxassist.services.demo.callers import make_caller
from cxassist.services.demo.generate import Generator
from cxassist.services.demo.story import story_record
from cxassist.services.demo.write import write_audit, write_chunk
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.callers import caller_by_external_id
from cxassist.store.rows import save_many

CHUNK = 50  # callers per transaction, at least
MAX_CHUNK = 250


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the database holds: counts of the demo callers' records, and of every agent on file."""

    callers: int
    interactions: int
    emergency_contacts: int
    vulnerabilities: int
    follow_ups_open: int
    quality_reviews: int
    duty_of_care_outcomes: int
    prompt_events: int
    friction_points: int
    feedback: int
    agents: int
    story_caller_number: str
    reused: bool


def save_agents(conn: Connection, runtime: Runtime, now: datetime) -> Role:
    """The demo team and this desktop's agent; an agent already on file is left exactly as it is. Returns the role
    this desktop's agent has on file."""
    roles = runtime.settings.roles
    role = (
        Role.ADMIN
        if runtime.agent_id in roles.admins
        else (Role.SUPERVISOR if runtime.agent_id in roles.supervisors else Role.AGENT)
    )
    own = (
        runtime.agent_id,
        runtime.settings.agent.name or runtime.agent_id,
        role.value,
        runtime.settings.agent.team or "Thames",
    )
    existing = set(conn.execute(select(tables.agent.c.id)).scalars())
    new = []
    for agent_id, name, agent_role, team in (*data.AGENTS, own):
        if agent_id not in existing:
            existing.add(agent_id)
            new.append({"id": agent_id, "display_name": name, "role": agent_role, "team": team})
    save_many(conn, tables.agent, new, hlc=runtime.stamp, now=now)
    stored = conn.execute(select(tables.agent.c.role).where(tables.agent.c.id == runtime.agent_id)).scalar_one()
    return Role(stored) if stored in {r.value for r in Role} else Role.AGENT


def summarise(conn: Connection, *, reused: bool) -> DemoSummary:
    caller, interaction = tables.caller, tables.interaction
    contact, vulnerability = tables.emergency_contact, tables.vulnerability
    review, event, friction, feedback = tables.review, tables.prompt_event, tables.friction_point, tables.feedback
    demo = caller.c.external_id.like(f"{data.EXTERNAL_PREFIX}%")
    ids = select(caller.c.id).where(demo)
    contacts = select(interaction.c.id).where(interaction.c.caller_id.in_(ids))

    def count(table: Table, *where: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    return DemoSummary(
        callers=count(caller, demo),
        interactions=count(interaction, interaction.c.caller_id.in_(ids)),
        emergency_contacts=count(contact, contact.c.caller_id.in_(ids), contact.c.deleted_at.is_(None)),
        vulnerabilities=count(vulnerability, vulnerability.c.caller_id.in_(ids), vulnerability.c.deleted_at.is_(None)),
        follow_ups_open=count(
            interaction,
            interaction.c.caller_id.in_(ids),
            interaction.c.follow_up_due.is_not(None),
            interaction.c.follow_up_done_at.is_(None),
        ),
        quality_reviews=count(review, review.c.interaction_id.in_(contacts), review.c.duty_of_care_outcome == ""),
        duty_of_care_outcomes=count(review, review.c.interaction_id.in_(contacts), review.c.duty_of_care_outcome != ""),
        prompt_events=count(event, event.c.interaction_id.in_(contacts)),
        friction_points=count(friction, friction.c.interaction_id.in_(contacts)),
        feedback=count(feedback, feedback.c.interaction_id.in_(contacts)),
        agents=count(tables.agent),
        story_caller_number=data.STORY_NUMBER,
        reused=reused,
    )


def seed_demo(
    runtime: Runtime, *, callers: int, seed: int, progress: Callable[[int], None] | None = None
) -> DemoSummary:
    """Fill the database with `callers` demo callers, the story caller first among them, or reuse what an earlier
    run made (then nothing is written). Returns after the last commit."""
    if callers < 1:
        raise ValueError("callers must be at least 1")
    with runtime.db.read() as conn:
        if caller_by_external_id(conn, data.STORY_EXTERNAL_ID) is not None:
            return summarise(conn, reused=True)
        demo = tables.caller.c.external_id.like(f"{data.EXTERNAL_PREFIX}%")
        stored = set(conn.execute(select(tables.caller.c.external_id).where(demo)).scalars())
    # Loaded only to write a demo: `scripts/demo` reuses one on every start.
    from cxassist.services.demo.supervision import Supervision, supervise, supervise_story  # noqa: PLC0415

    now = runtime.now()
    with runtime.db.write() as conn:
        takes_calls = save_agents(conn, runtime, now) is Role.AGENT  # a supervisor reviews calls, not takes them
    generator = Generator(
        random.Random(seed),
        seed=seed,
        now=now,
        today=runtime.today(),
        agent_id=runtime.agent_id,
        emergency_numbers=dict(runtime.settings.emergency.numbers),
        agent_takes_calls=takes_calls,
    )
    story = story_record(generator)  # drawn first, written last
    supervision = Supervision(
        Generator(
            random.Random(f"{seed}:supervision"),  # a source of its own: the callers stay those drawn without it
            seed=seed,
            now=now,
            today=runtime.today(),
            agent_id=runtime.agent_id,
            emergency_numbers=dict(runtime.settings.emergency.numbers),
            agent_takes_calls=takes_calls,
        ),
        criteria=runtime.settings.review.criteria,
        agent_id=runtime.agent_id,
        team=runtime.settings.agent.team or "Thames",
    )
    supervise_story(supervision, story)
    size = min(MAX_CHUNK, max(CHUNK, callers // 50))  # bigger demos: fewer commits, each one an fsync
    for start in range(2, callers + 1, size):
        chunk = [make_caller(generator, index) for index in range(start, min(start + size, callers + 1))]
        for record in chunk:  # stored ones too: the draws stay in step
            supervise(supervision, record)
        with runtime.db.write() as conn:
            fresh = [r for r in chunk if r.caller.external_id not in stored]  # an interrupted run left the rest
            write_chunk(conn, fresh, hlc=runtime.stamp, now=now)
        if progress is not None:
            progress(start + len(chunk) - 2)
    with runtime.db.write() as conn:
        write_chunk(conn, [story], hlc=runtime.stamp, now=now)  # last: her presence means the run finished
        write_audit(conn, supervision.audit, hlc=runtime.stamp)
        summary = summarise(conn, reused=False)
    if progress is not None:
        progress(callers)
    return summary
