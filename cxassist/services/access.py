"""Who may use the supervisor console, and the audit trail of what they looked at and took away.

A role comes from the agent table (kept in step by sync, so the centre's list decides) and, for an agent the table
does not know yet, from the site file's `[roles] supervisors` / `admins`. Roles set anywhere but the site file (the
user's own settings file, an environment variable) are ignored: an agent could grant them to themselves. These checks
keep honest people on the right screens; the central store enforces access with its own roles.

Audited (cxassist.store.audit, a tamper-evident chain that syncs): every console opening and every refusal, every
view of a vulnerable caller's record, every export (who, the filters, the row count) and every refused export.
"""

from __future__ import annotations

import json
from dataclasses import replace
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from cxassist.config import Settings
from cxassist.domain.errors import UserError
from cxassist.domain.models import Role
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import audit
from cxassist.store.query import InteractionQuery
from cxassist.store.query.agents import get_agent

SUPERVISING = frozenset({Role.SUPERVISOR, Role.ADMIN})


class AccessDenied(UserError):
    """The agent lacks the role for what they tried; the refusal has been audited."""


class ConsoleAudit(StrEnum):
    OPENED_CONSOLE = "opened-supervisor-console"
    REFUSED_CONSOLE = "refused-supervisor-console"
    VIEWED_VULNERABLE_RECORD = "viewed-vulnerable-caller-record"
    EXPORTED = "exported-interactions"
    REFUSED_EXPORT = "refused-export"
    DUTY_OF_CARE_OUTCOME = "recorded-duty-of-care-outcome"
    REVIEWED_VULNERABILITY = "reviewed-vulnerability"
    REFUSED = "refused-supervisor-action"


def _from_site_file(settings: Settings, key: str) -> bool:
    return settings.source_of(key).startswith("site file")


def configured_role(settings: Settings, agent_id: str) -> Role:
    """The role the site file gives `agent_id` (admins first); `Role.AGENT` when it names them nowhere."""
    if agent_id in settings.roles.admins and _from_site_file(settings, "roles.admins"):
        return Role.ADMIN
    if agent_id in settings.roles.supervisors and _from_site_file(settings, "roles.supervisors"):
        return Role.SUPERVISOR
    return Role.AGENT


def role_of(runtime: Runtime, agent_id: str | None = None) -> Role:
    """The role of `agent_id` (default: this desktop's agent): the agent table's, else the site file's."""
    who = agent_id or runtime.agent_id
    with runtime.db.read() as conn:
        agent = get_agent(conn, who)
    return agent.role if agent is not None else configured_role(runtime.settings, who)


def is_supervisor(runtime: Runtime) -> bool:
    return role_of(runtime) in SUPERVISING


def detail_text(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def audit_on(conn: Connection, runtime: Runtime, action: ConsoleAudit, *, subject: str = "", **detail: Any) -> None:
    """Append one audit event inside the caller's write transaction."""
    audit.append(
        conn,
        event_id=runtime.new_id(),
        at=runtime.now(),
        actor=runtime.agent_id,
        action=action.value,
        subject=subject,
        detail=detail_text(detail) if detail else "",
        hlc=runtime.stamp(),
    )


def record(runtime: Runtime, action: ConsoleAudit, *, subject: str = "", **detail: Any) -> Done[None]:
    """Append one audit event in its own transaction; returns after the commit."""
    with runtime.db.write() as conn:
        audit_on(conn, runtime, action, subject=subject, **detail)
    return Done(None, Changes(outbox_pending=True))


def require_supervisor(runtime: Runtime, *, purpose: str = "use the supervisor console") -> Role:
    """The agent's role when it is supervisor or admin; otherwise the refusal is audited and AccessDenied raised."""
    role = role_of(runtime)
    if role in SUPERVISING:
        return role
    action = ConsoleAudit.REFUSED_CONSOLE if purpose == "use the supervisor console" else ConsoleAudit.REFUSED
    record(runtime, action, subject=f"agent:{runtime.agent_id}", purpose=purpose, role=role.value)
    raise AccessDenied(
        f"Only a supervisor or admin can {purpose}; {runtime.agent_id} is an {role.value}. "
        "Ask IT to add you to [roles] in the site file if you should have access."
    )


def open_console(runtime: Runtime) -> Done[Role]:
    """Check the role and audit the opening; raises AccessDenied (audited) for an agent without the role."""
    role = require_supervisor(runtime)
    done = record(runtime, ConsoleAudit.OPENED_CONSOLE, subject=f"agent:{runtime.agent_id}", role=role.value)
    return Done(role, done.changes)


def export_scope(runtime: Runtime, query: InteractionQuery) -> InteractionQuery:
    """The query an export may run: unchanged for a supervisor or admin; for an agent, limited to their own
    interactions. An agent asking for anyone else's is refused, and the refusal audited."""
    if role_of(runtime) in SUPERVISING:
        return query
    own = runtime.agent_id
    others = sorted(a for a in query.agent_ids if a.strip() and a.strip() != own)
    if others:
        record(runtime, ConsoleAudit.REFUSED_EXPORT, subject=f"agent:{own}", asked_for=others, filters=query.to_json())
        raise AccessDenied(
            f"Only a supervisor or admin can export other agents' interactions ({', '.join(others)}); "
            f"you can export your own with --agent {own}."
        )
    return replace(query, agent_ids=(own,))


def record_export(
    runtime: Runtime, query: InteractionQuery, *, rows: int, fmt: str, target: str, completed: bool
) -> Done[None]:
    """Audit an export: who, the filters, how many rows left the database, in what form, and where to."""
    return record(
        runtime,
        ConsoleAudit.EXPORTED,
        subject=target,
        filters=query.to_json(),
        rows=rows,
        format=fmt,
        completed=completed,
    )
