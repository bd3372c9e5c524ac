"""Turn SQLite failures into what the user can act on, or into a bug.

Sorted by SQLite's primary result code, as qutebrowser does: a busy, read-only, damaged, full or unopenable database
is the environment's problem and becomes a `StoreError` naming the file; anything else is a bug and is re-raised.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from cxassist.domain.errors import UserError

_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

_EXPLANATIONS = {
    _BUSY: "is busy: another program is writing to it; try again in a moment",
    _LOCKED: "is locked by another connection; try again in a moment",
    _READONLY: "cannot be written: the file or its folder is read-only",
    _IOERR: "could not be read or written: the disk reported an input/output error",
    _CORRUPT: "is damaged; nothing was overwritten: restore a copy from the backups folder or run 'cxassist db check'",
    _FULL: "cannot be written: the disk is full; free some space and save again (your text is kept)",
    _CANTOPEN: "cannot be opened: check that the folder exists and can be written",
    _NOTADB: "is not a cxassist database (damaged, or another kind of file); it was left untouched",
}


class StoreError(UserError):
    """The database file cannot be used as asked; the message names the file and what to do."""


class NewerSchemaError(StoreError):
    """The database was written by a newer cxassist; it is refused, never opened for writing."""


def sqlite_code(error: BaseException) -> int | None:
    original = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def explain(error: BaseException, path: Path) -> StoreError | None:
    """A `StoreError` for an environmental SQLite failure, or None when the failure is a bug."""
    code = sqlite_code(error)
    if code is None:
        original = error.orig if isinstance(error, DBAPIError) else error
        text = str(original).lower()
        if isinstance(original, sqlite3.DatabaseError) and "file is not a database" in text:
            code = _NOTADB
        elif isinstance(original, sqlite3.DatabaseError) and "malformed" in text:
            code = _CORRUPT
    if code in _EXPLANATIONS:
        return StoreError(f"The database {path} {_EXPLANATIONS[code]}.")
    return None
