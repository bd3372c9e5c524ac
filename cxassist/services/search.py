"""Search notes, reasons and caller names, newest first, with a limit."""

from __future__ import annotations

from dataclasses import dataclass

from cxassist.domain.models import Caller, Interaction
from cxassist.services.runtime import Runtime
from cxassist.store import callers as caller_store
from cxassist.store import search as search_store

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    callers: tuple[Caller, ...]
    interactions: tuple[Interaction, ...]


def search(runtime: Runtime, query: str, *, limit: int = 50) -> SearchResult:
    limit = max(1, min(limit, MAX_LIMIT))
    with runtime.db.read() as conn:
        found = search_store.search_interactions(conn, query, limit=limit)
        caller_ids = search_store.search_caller_ids(conn, query, limit=limit)
        callers = caller_store.get_callers(conn, caller_ids)
    return SearchResult(query=query, callers=tuple(callers), interactions=tuple(found))
