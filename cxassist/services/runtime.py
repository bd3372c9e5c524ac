"""What every use case needs, built once by the composition root and passed in: the database, the settings, the
agent, the clocks. Tests build one over a temporary folder with a fixed wall clock."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from uuid import UUID

from sqlalchemy import select

from cxassist.config import Paths, Settings
from cxassist.domain.hlc import HybridClock
from cxassist.store import tables
from cxassist.store.engine import Database
from cxassist.store.migrate import open_database


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    db: Database
    settings: Settings
    paths: Paths
    agent_id: str
    clock: HybridClock
    wall: Callable[[], datetime] = _utc_now
    _stamp_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def default_region(self) -> str:
        return self.settings.phone.default_region

    def now(self) -> datetime:
        return self.wall()

    def today(self) -> date:
        return self.wall().astimezone().date()

    def stamp(self) -> str:
        """A fresh hybrid logical clock stamp for a change made on this machine."""
        with self._stamp_lock:
            return self.clock.now().encode()

    @staticmethod
    def new_id() -> UUID:
        return uuid.uuid4()

    def close(self) -> None:
        self.db.close()


def node_id(db: Database) -> str:
    with db.read() as conn:
        value = conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == "node_id")).scalar_one()
    return str(value)


def open_runtime(settings: Settings, paths: Paths, *, wall: Callable[[], datetime] = _utc_now) -> Runtime:
    """Open (and migrate) the database in `paths.data_dir`; raises a UserError if it cannot be used."""
    db = open_database(paths.database)
    clock = HybridClock(node_id(db), wall_ms=lambda: int(wall().timestamp() * 1000))
    return Runtime(db=db, settings=settings, paths=paths, agent_id=settings.agent.id, clock=clock, wall=wall)
