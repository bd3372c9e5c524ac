"""The `postgresql` backend: the centre's PostgreSQL as the central store (schema from `cxassist sync init-server`).

The desktop connects as the least-privilege role `sync.postgresql.role` (default `cxassist_desktop`), which may only
call the SECURITY DEFINER functions `cxassist.push(jsonb)`, `cxassist.pull(bigint, int)` and
`cxassist.fetch_history(text, text, int)`. Its password lives in the OS keychain under the account
`sync.postgresql:<role>` (store it with `cxassist sync login`); the URL in the settings never holds one.
A whole batch goes in one function call as a JSON array; the cursor is the server's change sequence number.
A pull asks `cxassist.pull_json(bigint, int)` (central revision c0002) for a page as a few JSON texts of up to 1,000
changes each, decoded by one `json.loads` apiece rather than one per row; against an older central schema it falls
back to `cxassist.pull`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from cxassist.security.secrets import SecretStore
from cxassist.sync.api import (
    PROTOCOL_VERSION,
    Change,
    Health,
    PullResult,
    PushResult,
    SyncAuthError,
    SyncError,
    config_error,
    setting,
)
from cxassist.sync.server import DEFAULT_ROLE, redact_url

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_SECONDS = 10
_AUTH_HINTS = ("password authentication failed", "no password supplied", "pg_hba.conf", "does not exist",
               "permission denied")


def account_for(role: str) -> str:
    return f"sync.postgresql:{role}"


class PostgresBackend:
    name = "postgresql"

    def __init__(self, url: str, *, role: str, password: str | None) -> None:
        self.url = url
        self.role = role
        self._password = password
        self._conn: psycopg.Connection[Any] | None = None
        self._has_pull_json: bool | None = None  # asked once per connection: the server may be upgraded meanwhile

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        options: dict[str, Any] = {"user": self.role, "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                                   "application_name": "cxassist"}
        if self._password:
            options["password"] = self._password
        try:
            self._conn = psycopg.connect(self.url, autocommit=True, **options)
        except psycopg.OperationalError as error:
            raise self._translate(error) from None
        return self._conn

    def _translate(self, error: psycopg.Error) -> Exception:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if isinstance(error, psycopg.errors.InsufficientPrivilege) or any(h in text for h in _AUTH_HINTS):
            return SyncAuthError(
                f"PostgreSQL at {redact_url(self.url)} refused the role {self.role!r}: {text}. Check the role's "
                f"password (cxassist sync login stores it as {account_for(self.role)!r}) and its grants "
                "(cxassist sync init-server)."
            )
        return SyncError(f"PostgreSQL at {redact_url(self.url)}: {text}")

    def _call(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        conn = self._connection()
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql, params)
                return list(cursor.fetchall())
        except psycopg.Error as error:
            translated = self._translate(error)
            if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
                self.close()  # the connection is gone: a fresh one next time
            raise translated from None

    def push(self, batch: Sequence[Change]) -> PushResult:
        if not batch:
            return PushResult()
        ((answer,),) = self._call("SELECT cxassist.push(%s)", [Jsonb([c.to_wire() for c in batch])])
        if not isinstance(answer, Mapping):
            raise SyncError("PostgreSQL push() answered something that is not a JSON object")
        return PushResult(
            accepted=tuple(str(k) for k in answer.get("accepted", ())),
            rejected={str(k): str(v) for k, v in dict(answer.get("rejected", {})).items()},
        )

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        after = int(cursor) if cursor and cursor.isdigit() else 0
        if self._has_pull_json is None:
            ((found,),) = self._call("SELECT to_regprocedure('cxassist.pull_json(bigint, integer)') IS NOT NULL", [])
            self._has_pull_json = bool(found)
        if not self._has_pull_json:
            rows = self._call("SELECT * FROM cxassist.pull(%s, %s)", [after, limit])
            changes = tuple(_change(row) for row in rows)
            return PullResult(changes=changes, cursor=str(rows[-1][0]) if rows else str(after))
        texts = self._call("SELECT * FROM cxassist.pull_json(%s, %s)", [after, limit])
        try:
            pages = [json.loads(text) for (text,) in texts]
            changes = tuple(_change(row) for page in pages for row in page)
            last = int(pages[-1][-1][0]) if pages else after
        except (ValueError, TypeError, IndexError) as error:
            where = redact_url(self.url)
            raise SyncError(f"PostgreSQL at {where} answered a pull that is not a page of changes") from error
        return PullResult(changes=changes, cursor=str(last))

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]:
        rows = self._call("SELECT * FROM cxassist.fetch_history(%s, %s, %s)", [caller_id, before, limit])
        return [_change(row) for row in rows]

    def health(self) -> Health:
        try:
            ((version,),) = self._call("SELECT cxassist.protocol_version()", [])
        except (SyncError, SyncAuthError) as error:
            return Health(reachable=False, protocol_version=None, detail=str(error))
        detail = "" if version == PROTOCOL_VERSION else f"the server speaks protocol {version}"
        return Health(reachable=True, protocol_version=int(version), detail=detail or redact_url(self.url))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                log.debug("closing a broken PostgreSQL connection failed", exc_info=True)
            self._conn = None
        self._has_pull_json = None


def _change(row: Sequence[Any]) -> Change:
    _seq, entity, row_id, version, base, origin, payload = row
    return Change(entity=entity, row_id=row_id, version=version, payload=payload, origin=origin, base=base)


def create(settings: Mapping[str, object], secrets: SecretStore) -> PostgresBackend:
    url = setting(settings, "sync.postgresql.url")
    if not url.startswith(("postgresql://", "postgres://")):
        raise config_error(settings, "sync.postgresql.url", "must be a postgresql://host:port/database URL")
    role = setting(settings, "sync.postgresql.role", DEFAULT_ROLE) or DEFAULT_ROLE
    return PostgresBackend(url, role=role, password=secrets.get(account_for(role)))
