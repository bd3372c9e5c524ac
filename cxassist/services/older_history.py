"""Older history of one caller for the workspace: asked of the central store, kept locally, read back a page at a time.

Two halves, so that a slow network never holds up the single writer (and with it the saving of a call), as with the
background sync rounds: `ask_centre` only talks to the store (the GUI runs it on the read pool), `keep_and_read`
applies what came back and reads the page (on the writer). Together they are `SyncRunner.fetch_history`, the path
`cxassist sync history` takes.

A page is the `limit` newest interactions started before `before` that this computer holds once the centre's answer
is applied: the centre's page plus anything older that was already here. When the centre cannot be asked, the page
still holds what this computer keeps, and `problem` says why the centre's part is missing; nothing is lost either way.

The centre sends each interaction with the rows that hang off it (emergency actions, prompt events, ...: see
`cxassist.sync.api.HISTORY_CHILDREN` and docs/sync.md, "Older history in the workspace").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from cxassist.domain.errors import UserError
from cxassist.domain.models import Interaction
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import interactions

if TYPE_CHECKING:  # the sync stack loads only when a desktop syncs or the button is pressed (start-up time)
    from cxassist.sync.api import Change
    from cxassist.sync.runner import SyncRunner

PAGE_SIZE = 20
MOST_KEPT_ON_SCREEN = 1000  # a refresh reads back at most this many rows down to the oldest page shown


class Problem(StrEnum):
    """Why the centre's part of a page is missing."""

    SYNC_OFF = "sync_off"  # no working sync backend on this computer
    UNREACHABLE = "unreachable"  # offline, the store down, a timeout: worth trying again later
    REFUSED = "refused"  # credentials or settings: someone has to act first


@dataclass(frozen=True, slots=True)
class CentreAnswer:
    changes: tuple[Change, ...] = ()
    problem: Problem | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class OlderPage:
    caller_id: UUID
    before: datetime | None
    items: tuple[Interaction, ...]
    fetched: int  # interactions the centre sent (new here or not)
    problem: Problem | None = None
    detail: str = ""


def window_start(runtime: Runtime) -> datetime:
    """Where the history a pull keeps begins (`storage.history_months` back): older history starts before it."""
    from cxassist.sync.runner import months_before  # noqa: PLC0415

    return months_before(runtime.now(), runtime.settings.storage.history_months)


def ask_centre(sync: SyncRunner | None, caller_id: UUID, *, before: datetime | None,
               limit: int = PAGE_SIZE) -> CentreAnswer:
    """The centre's interactions of this caller started before `before`, newest first. Network only: no database.

    A failure to ask comes back as `problem` (never raised): the local part of the page is still worth showing."""
    if sync is None:
        return CentreAnswer(problem=Problem.SYNC_OFF)
    from cxassist.sync.api import SyncError  # noqa: PLC0415
    try:
        return CentreAnswer(changes=sync.ask_history(caller_id, before=before, limit=limit))
    except SyncError as error:
        return CentreAnswer(problem=Problem.UNREACHABLE, detail=str(error))
    except UserError as error:  # SyncAuthError, SyncConfigError
        return CentreAnswer(problem=Problem.REFUSED, detail=str(error))


def keep_and_read(runtime: Runtime, sync: SyncRunner | None, answer: CentreAnswer, caller_id: UUID, *,
                  before: datetime | None, limit: int = PAGE_SIZE) -> Done[OlderPage]:
    """Store the centre's answer locally (as `cxassist sync history` does), then read the page."""
    changed = Changes()
    if sync is not None and answer.changes:
        kept = sync.keep_history(answer.changes)
        # Not `kept.callers`: the caller's record did not change, and views refreshing it would drop this page.
        changed = Changes(interactions=kept.interactions, follow_ups=kept.follow_ups)
    with runtime.db.read() as conn:
        items = interactions.for_caller_between(conn, caller_id, before=before, limit=limit)
    fetched = sum(1 for change in answer.changes if change.entity == "interaction")
    page = OlderPage(caller_id=caller_id, before=before, items=tuple(items), fetched=fetched,
                     problem=answer.problem, detail=answer.detail)
    return Done(page, changed)


def history_since(runtime: Runtime, caller_id: UUID, since: datetime) -> list[Interaction]:
    """Everything this computer holds of the caller from `since` on, newest first (a refreshed list that keeps the
    older pages the agent already opened)."""
    with runtime.db.read() as conn:
        return interactions.for_caller_between(conn, caller_id, since=since, limit=MOST_KEPT_ON_SCREEN)

