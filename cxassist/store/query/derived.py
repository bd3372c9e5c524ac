"""Derived tables the supervisor queries read, kept in step with `interaction` by triggers. Local only, never synced.

- `interaction_tag` (tag, started_at, interaction_id), WITHOUT ROWID: one row per tag of an interaction, so the tag
  filter seeks newest first in an index instead of scanning every row's JSON list (a tag nobody used would otherwise
  scan all 10M rows to find nothing).
- `interaction_hourly` (hour, channel, outcome, n): counts per UTC hour; the time charts fold hours into the viewer's
  local days, so a day boundary is exact for every whole-hour time zone.
- `interaction_agent_daily` (day, agent_id, channel, outcome, n): counts per UTC day and agent, for per-agent and
  per-team charts.

Triggers fire for every insert, update and delete however the row arrives (a service, sync's pull, an import), so
nothing outside this module has to remember them. Like the FTS triggers, they are lost when Alembic batch mode copies
`interaction`: after such a migration, or a bulk load that dropped them, call `install(conn)` then `rebuild(conn)`.
A count may fall to 0 (a row moved to another hour); such rows are harmless and readers ignore them.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Connection

TABLES = ("interaction_tag", "interaction_hourly", "interaction_agent_daily")
TRIGGERS = ("interaction_derived_ai", "interaction_derived_au", "interaction_derived_ad", "interaction_tag_au")

# Tags are a JSON list; a damaged value must not make the interaction itself unwritable.
_TAGS_NEW = "json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)"
_TAGS_OLD = "json_each(CASE WHEN json_valid(old.tags) THEN old.tags ELSE '[]' END)"


def _count(side: str, delta: str) -> str:
    """Statements adding `delta` to both count tables for the `side` ("new" or "old") row."""
    # Every name below is a constant of this module, never input.
    return (
        "INSERT INTO interaction_hourly(hour, channel, outcome, n) "  # noqa: S608
        f"VALUES (substr({side}.started_at, 1, 13), {side}.channel, coalesce({side}.outcome, ''), {delta}) "
        f"ON CONFLICT(hour, channel, outcome) DO UPDATE SET n = n + ({delta}); "
        "INSERT INTO interaction_agent_daily(day, agent_id, channel, outcome, n) "
        f"VALUES (substr({side}.started_at, 1, 10), {side}.agent_id, {side}.channel, coalesce({side}.outcome, ''), "
        f"{delta}) ON CONFLICT(day, agent_id, channel, outcome) DO UPDATE SET n = n + ({delta}); "
    )


_ADD_TAGS = (
    "INSERT OR IGNORE INTO interaction_tag(tag, started_at, interaction_id) "  # noqa: S608
    f"SELECT value, new.started_at, new.id FROM {_TAGS_NEW} WHERE type = 'text'; "
)
_REMOVE_TAGS = (
    "DELETE FROM interaction_tag WHERE interaction_id = old.id AND started_at = old.started_at "  # noqa: S608
    f"AND tag IN (SELECT value FROM {_TAGS_OLD} WHERE type = 'text'); "
)
_COUNTED_CHANGE = (
    "old.started_at IS NOT new.started_at OR old.agent_id IS NOT new.agent_id "
    "OR old.channel IS NOT new.channel OR old.outcome IS NOT new.outcome"
)

STATEMENTS = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS),
    f"CREATE TRIGGER interaction_derived_ai AFTER INSERT ON interaction BEGIN {_count('new', '1')}{_ADD_TAGS}END",
    f"CREATE TRIGGER interaction_derived_ad AFTER DELETE ON interaction BEGIN {_count('old', '-1')}{_REMOVE_TAGS}END",
    "CREATE TRIGGER interaction_derived_au AFTER UPDATE OF started_at, agent_id, channel, outcome ON interaction "
    f"WHEN {_COUNTED_CHANGE} BEGIN {_count('old', '-1')}{_count('new', '1')}END",
    "CREATE TRIGGER interaction_tag_au AFTER UPDATE OF tags, started_at ON interaction "
    f"WHEN old.tags IS NOT new.tags OR old.started_at IS NOT new.started_at BEGIN {_REMOVE_TAGS}{_ADD_TAGS}END",
)

REBUILD = (
    "DELETE FROM interaction_tag",
    "DELETE FROM interaction_hourly",
    "DELETE FROM interaction_agent_daily",
    "INSERT INTO interaction_hourly(hour, channel, outcome, n) "
    "SELECT substr(started_at, 1, 13), channel, coalesce(outcome, ''), count(*) FROM interaction GROUP BY 1, 2, 3",
    "INSERT INTO interaction_agent_daily(day, agent_id, channel, outcome, n) "
    "SELECT substr(started_at, 1, 10), agent_id, channel, coalesce(outcome, ''), count(*) FROM interaction "
    "GROUP BY 1, 2, 3, 4",
    "INSERT OR IGNORE INTO interaction_tag(tag, started_at, interaction_id) "
    "SELECT j.value, i.started_at, i.id FROM interaction AS i, "
    "json_each(CASE WHEN json_valid(i.tags) THEN i.tags ELSE '[]' END) AS j WHERE j.type = 'text' "
    "ORDER BY 1, 2, 3",
)

CHECKS = (
    (
        "interaction_hourly",
        "SELECT (SELECT coalesce(sum(n), 0) FROM interaction_hourly) - (SELECT count(*) FROM interaction)",
    ),
    (
        "interaction_agent_daily",
        "SELECT (SELECT coalesce(sum(n), 0) FROM interaction_agent_daily) - (SELECT count(*) FROM interaction)",
    ),
)


class _Executes(Protocol):
    """What these functions need of a connection: a SQLAlchemy `Connection`, or the bench's raw sqlite3 wrapper."""

    def exec_driver_sql(self, statement: str) -> object: ...


def install(conn: _Executes) -> None:
    """(Re)create the triggers; the tables themselves come from the migration."""
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)


def rebuild(conn: _Executes) -> None:
    """Recompute every derived row from `interaction` (after a bulk load or a batch migration)."""
    for statement in REBUILD:
        conn.exec_driver_sql(statement)


def integrity_problems(conn: Connection) -> list[str]:
    """Counts that disagree with `interaction` (a lost trigger); cheap enough for `db check`, not for every start."""
    problems = []
    for table, statement in CHECKS:
        difference = int(conn.exec_driver_sql(statement).scalar_one())
        if difference:
            problems.append(f"the summary table {table} is out of step with interaction ({difference:+d} rows)")
    return problems
