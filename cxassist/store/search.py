"""Full-text search over interaction notes and reasons, and caller names (FTS5).

User text never reaches FTS5's query syntax: it is cut into words and each becomes a quoted term (the last one a
prefix), so `"unclosed` or `NEAR(` is just text. Matches are walked from the newest rowid down with a limit, never
ranked as a whole set; the page found is then ordered by time.
"""

from __future__ import annotations

import re
from uuid import UUID

from sqlalchemy import Connection, select, text

from cxassist.domain.models import Interaction
from cxassist.store import tables
from cxassist.store.interactions import interaction_from_row

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None when it has no letters or digits."""
    words = _WORD.findall(query)[:MAX_TERMS]
    if not words:
        return None
    terms = [f'"{w}"' for w in words[:-1]]
    terms.append(f'"{words[-1]}"*')
    return " ".join(terms)


def search_interactions(conn: Connection, query: str, *, limit: int) -> list[Interaction]:
    expression = match_expression(query)
    if expression is None:
        return []
    rowids = [
        row[0]
        for row in conn.execute(
            text("SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :q ORDER BY rowid DESC LIMIT :n"),
            {"q": expression, "n": limit},
        )
    ]
    if not rowids:
        return []
    table = tables.interaction
    rows = conn.execute(
        select(table).where(text("interaction.rowid IN (SELECT value FROM json_each(:ids))")),
        {"ids": "[" + ",".join(str(r) for r in rowids) + "]"},
    ).mappings()
    found = [interaction_from_row(row) for row in rows]
    found.sort(key=lambda item: item.started_at, reverse=True)
    return found


def search_caller_ids(conn: Connection, query: str, *, limit: int) -> list[UUID]:
    expression = match_expression(query)
    if expression is None:
        return []
    rows = conn.execute(
        text(
            "SELECT caller.id FROM caller_fts JOIN caller ON caller.rowid = caller_fts.rowid "
            "WHERE caller_fts MATCH :q AND caller.deleted_at IS NULL ORDER BY caller_fts.rowid DESC LIMIT :n"
        ),
        {"q": expression, "n": limit},
    )
    return [UUID(hex=row[0]) if isinstance(row[0], str) else row[0] for row in rows]
