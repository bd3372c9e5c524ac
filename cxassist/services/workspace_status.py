"""What the agent's status bar shows: how many changes are waiting to be sent."""

from __future__ import annotations

from sqlalchemy import func, select

from cxassist.services.runtime import Runtime
from cxassist.store import tables


def pending_outbox(runtime: Runtime) -> int:
    outbox = tables.outbox
    with runtime.db.read() as conn:
        statement = select(func.count()).select_from(outbox).where(outbox.c.state == "pending")
        return int(conn.execute(statement).scalar_one())
