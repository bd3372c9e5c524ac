"""Database upkeep for IT and support: check, back up, report the schema revision."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Connection, Table, func, select

from cxassist.services.runtime import Runtime
from cxassist.store import audit, fts, tables
from cxassist.store.migrate import backup, current_revision
from cxassist.store.migrations import HEAD
from cxassist.store.query import derived


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    schema_revision: str | None
    newest_known_revision: str
    callers: int
    interactions: int
    outbox_pending: int
    outbox_rejected: int
    audit_events: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _count(conn: Connection, table: Table, *where: ColumnElement[bool]) -> int:
    statement = select(func.count()).select_from(table)
    for clause in where:
        statement = statement.where(clause)
    return int(conn.execute(statement).scalar_one())


def check_database(runtime: Runtime, *, thorough: bool = True) -> CheckReport:
    """SQLite's own integrity check, foreign keys, the search indexes, the console's summary tables and the audit
    chain."""
    problems: list[str] = []
    with runtime.db.read() as conn:
        pragma = "integrity_check" if thorough else "quick_check"
        result = [row[0] for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        if result != ["ok"]:
            problems.extend(f"SQLite {pragma}: {line}" for line in result[:20])
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"{len(broken)} rows point at rows that do not exist")
        problems.extend(fts.integrity_problems(conn))
        problems.extend(derived.integrity_problems(conn))
        chain = audit.verify(conn)
        if not chain.intact:
            problems.append(
                f"audit trail broken at event(s) {', '.join(map(str, chain.broken_at[:10]))}: "
                "an event was changed or removed"
            )
        outbox = tables.outbox
        return CheckReport(
            path=runtime.db.path,
            schema_revision=current_revision(conn),
            newest_known_revision=HEAD,
            callers=_count(conn, tables.caller),
            interactions=_count(conn, tables.interaction),
            outbox_pending=_count(conn, outbox, outbox.c.state == "pending"),
            outbox_rejected=_count(conn, outbox, outbox.c.state == "rejected"),
            audit_events=chain.events,
            problems=tuple(problems),
        )


def backup_database(runtime: Runtime) -> Path:
    with runtime.db.read() as conn:
        revision = current_revision(conn) or "new"
    return backup(runtime.db, label=revision)
