"""Agents and teams, for the console's filters and for role checks (the agent table is kept in step by sync)."""

from __future__ import annotations

from sqlalchemy import Connection, RowMapping, select

from cxassist.domain.models import Agent, Role
from cxassist.store import tables

_agent = tables.agent


def _agent_from(row: RowMapping) -> Agent:
    try:
        role = Role(row["role"])
    except ValueError:  # a role this version does not know grants nothing
        role = Role.AGENT
    return Agent(id=row["id"], display_name=row["display_name"], role=role, team=row["team"])


def get_agent(conn: Connection, agent_id: str) -> Agent | None:
    row = conn.execute(select(_agent).where(_agent.c.id == agent_id)).mappings().first()
    return None if row is None else _agent_from(row)


def list_agents(conn: Connection) -> list[Agent]:
    return [_agent_from(row) for row in conn.execute(select(_agent).order_by(_agent.c.id)).mappings()]


def list_teams(conn: Connection) -> list[str]:
    statement = select(_agent.c.team).where(_agent.c.team != "").distinct().order_by(_agent.c.team)
    return [str(team) for team in conn.execute(statement).scalars()]
