"""Saved filter sets for the console: save the filters in force under a name, list them, delete one.

Each supervisor sees only their own. Saving under a name already used replaces that set. The body keeps the filters,
order and page size but no cursor; a saved set whose body a newer console wrote loses only the filters this version
does not know. Saved sets stay on this desktop and do not sync (DESIGN.md: they are local, like drafts).
"""

from __future__ import annotations

from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store.query import InteractionQuery
from cxassist.store.query import saved as saved_store
from cxassist.store.query.saved import SavedFilter

MAX_NAME = 80
MAX_SAVED = 200


def save_filter(runtime: Runtime, name: str, query: InteractionQuery) -> Done[SavedFilter]:
    name = " ".join(name.split())
    if not name:
        raise UserError("Give the filter set a name.")
    if len(name) > MAX_NAME:
        raise UserError(f"A filter set's name can be at most {MAX_NAME} characters.")
    checked = query.checked()  # refuses a reversed range or a bad page size before it is kept
    owner = runtime.agent_id
    with runtime.db.write() as conn:
        existing = saved_store.find(conn, owner=owner, name=name)
        if existing is None and len(saved_store.list_for(conn, owner)) >= MAX_SAVED:
            raise UserError(f"You have {MAX_SAVED} saved filter sets; delete one first.")
        item = SavedFilter(
            id=existing or runtime.new_id(), owner=owner, name=name, query=checked, updated_at=runtime.now()
        )
        saved_store.save(conn, item)
    return Done(item, Changes())


def list_filters(runtime: Runtime) -> list[SavedFilter]:
    with runtime.db.read() as conn:
        return saved_store.list_for(conn, runtime.agent_id)


def delete_filter(runtime: Runtime, filter_id: UUID) -> Done[UUID]:
    with runtime.db.write() as conn:
        if not saved_store.remove(conn, owner=runtime.agent_id, filter_id=filter_id):
            raise NotFoundError("That saved filter set no longer exists.")
    return Done(filter_id, Changes())
