"""The `folder` backend: JSON lines files in a shared folder, for small sites and tests.

Layout: `<sync.folder.path>/changes/<stamp>-<node>-<digest>.jsonl`, one file per pushed batch, one change per line.
- Safe for several writers: a file is written under a temporary name and renamed into place (`os.replace`), so a
  reader sees all of it or nothing; the node id in the name keeps writers apart.
- Names sort by time and origin. The stamp is the hybrid clock form of the newest of: the batch's versions, the
  wall clock, and the newest name already there plus one, so a desktop whose clock is hours behind still names
  its file after everything it saw.
- The same batch pushed again (after a lost answer) is recognised by its digest and not written twice.
- Pull cursor: the last name read, plus the names read in the last few minutes. Files are re-listed from a floor
  a few minutes behind, so a file renamed into place late by a slow writer, with a name just below ones already
  read, is still picked up; names already read are skipped. The cursor is opaque JSON to the runner.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from cxassist.security.secrets import SecretStore
from cxassist.store import tables
from cxassist.sync.api import (
    HISTORY_CHILDREN,
    PROTOCOL_VERSION,
    Change,
    Health,
    PullResult,
    PushResult,
    SyncError,
    config_error,
    problem_with,
    setting,
)

LOOKBACK_MS = 5 * 60 * 1000
_NAME = re.compile(r"([0-9]{15})-([0-9]{5})-[A-Za-z0-9._-]+-[0-9a-f]{16}\.jsonl", re.ASCII)
_SAFE_NODE = re.compile(r"[^A-Za-z0-9._]")
ENTITIES = frozenset(tables.SYNCED)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class FolderBackend:
    name = "folder"

    def __init__(self, root: Path, *, wall_ms: Callable[[], int] = _wall_ms, lookback_ms: int = LOOKBACK_MS) -> None:
        self.root = root
        self.changes_dir = root / "changes"
        self._wall_ms = wall_ms
        self._lookback_ms = lookback_ms

    # -- push ----------------------------------------------------------------------------------------------------

    def push(self, batch: Sequence[Change]) -> PushResult:
        rejected = {c.key: problem for c in batch if (problem := problem_with(c, ENTITIES)) is not None}
        good = [c for c in batch if c.key not in rejected]
        if good:
            self._write(good)
        return PushResult(accepted=tuple(c.key for c in good), rejected=rejected)

    def _write(self, changes: Sequence[Change]) -> None:
        lines = "".join(json.dumps(c.to_wire(), ensure_ascii=False, separators=(",", ":")) + "\n" for c in changes)
        digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16]
        names = self._names()
        if any(name.endswith(f"-{digest}.jsonl") for name in names):
            return  # this very batch is already there: a resend after a lost answer
        candidates = [(self._wall_ms(), 0)] + [_stamp_of(c.version) for c in changes]
        if names:
            candidates.append(_successor(_stamp_of(names[-1])))
        physical, counter = max(candidates)
        node = _SAFE_NODE.sub("_", changes[0].origin)[:40] or "node"
        final = self.changes_dir / f"{physical:015d}-{counter:05d}-{node}-{digest}.jsonl"
        temporary = self.changes_dir / f".tmp-{uuid.uuid4().hex}"
        try:
            with temporary.open("w", encoding="utf-8") as handle:
                handle.write(lines)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise SyncError(f"could not write to the sync folder {self.changes_dir}: {error}") from error

    # -- pull ----------------------------------------------------------------------------------------------------

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        floor, seen = _parse_cursor(cursor)
        now = self._wall_ms()
        changes: list[Change] = []
        first_unread: str | None = None
        for name in self._names():
            if name <= floor or name in seen:
                continue
            if len(changes) >= limit:
                first_unread = name
                break
            changes.extend(self._read(name))
            seen[name] = now
        settled = [
            n for n, at in seen.items()
            if at <= now - self._lookback_ms and (first_unread is None or n < first_unread)
        ]
        if settled:
            floor = max(settled)
            seen = {n: at for n, at in seen.items() if n > floor}
        return PullResult(changes=tuple(changes), cursor=json.dumps({"floor": floor, "seen": seen}, sort_keys=True))

    def _read(self, name: str) -> list[Change]:
        try:
            text = (self.changes_dir / name).read_text(encoding="utf-8")
        except OSError as error:
            raise SyncError(f"could not read {name} in the sync folder: {error}") from error
        found = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                found.append(Change.from_wire(json.loads(line)))
            except ValueError:  # json.JSONDecodeError is a ValueError too
                continue  # a line some other program wrote; never fatal
        return found

    def _names(self) -> list[str]:
        try:
            return sorted(e.name for e in os.scandir(self.changes_dir) if _NAME.fullmatch(e.name))
        except FileNotFoundError:
            if not self.root.is_dir():
                raise SyncError(f"the sync folder {self.root} is not there (is the share mounted?)") from None
            self.changes_dir.mkdir(exist_ok=True)
            return []
        except OSError as error:
            raise SyncError(f"could not list the sync folder {self.changes_dir}: {error}") from error

    # -- history, health -----------------------------------------------------------------------------------------

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]:
        newest: dict[str, Change] = {}
        children: dict[tuple[str, str], Change] = {}  # every row hanging off an interaction: the page is not known yet
        for name in self._names():
            for change in self._read(name):
                payload = change.payload
                if change.entity in HISTORY_CHILDREN:
                    _keep_newest(children, (change.entity, change.row_id), change)
                    continue
                if change.entity != "interaction" or payload.get("caller_id") != caller_id:
                    continue
                if before is not None and str(payload.get("started_at", "")) >= before:
                    continue
                _keep_newest(newest, change.row_id, change)
        ordered = sorted(newest.values(), key=lambda c: str(c.payload.get("started_at", "")), reverse=True)[:limit]
        page = {change.row_id for change in ordered}
        return ordered + [c for c in children.values() if c.payload.get("interaction_id") in page]

    def health(self) -> Health:
        if not self.root.is_dir():
            return Health(reachable=False, protocol_version=None, detail=f"{self.root} is not there")
        return Health(reachable=True, protocol_version=PROTOCOL_VERSION, detail=str(self.root))

    def close(self) -> None:
        return None


def _keep_newest(kept: dict[Any, Change], key: object, change: Change) -> None:
    if key not in kept or kept[key].version < change.version:
        kept[key] = change


def _stamp_of(text: str) -> tuple[int, int]:
    return int(text[:15]), int(text[16:21])


def _successor(stamp: tuple[int, int]) -> tuple[int, int]:
    physical, counter = stamp
    return (physical, counter + 1) if counter < 99_999 else (physical + 1, 0)


def _parse_cursor(cursor: str | None) -> tuple[str, dict[str, int]]:
    if not cursor:
        return "", {}
    try:
        data: Any = json.loads(cursor)
        return str(data["floor"]), {str(k): int(v) for k, v in dict(data["seen"]).items()}
    except (ValueError, KeyError, TypeError):
        return cursor, {}  # a plain file name: read everything after it


def create(settings: Mapping[str, object], secrets: SecretStore) -> FolderBackend:  # noqa: ARG001
    path = setting(settings, "sync.folder.path")
    if not path:
        raise config_error(settings, "sync.folder.path", "is empty: name the shared folder the desktops sync through")
    root = Path(os.path.expandvars(os.path.expanduser(path)))
    if not root.is_absolute():
        raise config_error(settings, "sync.folder.path", f"must be an absolute path, not {path!r}")
    return FolderBackend(root)
