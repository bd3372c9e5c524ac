"""Export interactions as CSV or JSON lines, streamed row by row, filtered by date range.

Notes were redacted before they were stored, and pass through redaction once more on the way out, so an export
never carries a card number. A file export is written beside its target and renamed into place only when complete:
a failure (a full disk, a cancel) leaves no partial file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from cxassist.domain.errors import UserError
from cxassist.domain.jsonable import to_jsonable
from cxassist.security.redaction import redact
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.interactions import interaction_from_row

COLUMNS = (
    "id",
    "started_at",
    "ended_at",
    "agent_id",
    "caller_id",
    "phone",
    "channel",
    "direction",
    "status",
    "reason",
    "outcome",
    "resolution",
    "follow_up_due",
    "follow_up_kind",
    "follow_up_done_at",
    "tags",
    "flag_emergency",
    "flag_vulnerable",
    "flag_conflict",
    "note",
)
BATCH = 2000


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class ExportFilter:
    since: date | None = None  # from the start of this local day
    until: date | None = None  # up to the end of this local day

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        if self.since and self.until and self.since > self.until:
            raise UserError(f"The date range is reversed: {self.since} is after {self.until}.")
        start = _local_midnight(self.since) if self.since else None
        end = _local_midnight(date.fromordinal(self.until.toordinal() + 1)) if self.until else None
        return start, end


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


class Cancelled(UserError):
    """The export was cancelled; nothing was left behind."""


def export_rows(runtime: Runtime, filters: ExportFilter) -> Iterator[dict[str, Any]]:
    start, end = filters.bounds()
    table = tables.interaction
    statement = select(table).order_by(table.c.started_at, table.c.id)
    if start is not None:
        statement = statement.where(table.c.started_at >= start)
    if end is not None:
        statement = statement.where(table.c.started_at < end)
    with runtime.db.read() as conn:
        result = conn.execution_options(yield_per=BATCH).execute(statement).mappings()
        for row in result:
            values = to_jsonable(interaction_from_row(row))
            follow_up = values.pop("follow_up") or {}
            values["follow_up_due"] = follow_up.get("due")
            values["follow_up_kind"] = follow_up.get("kind")
            values["follow_up_done_at"] = follow_up.get("done_at")
            values["note"] = redact(values["note"]).text
            yield {column: values[column] for column in COLUMNS}


def _csv_line(values: dict[str, Any]) -> str:
    buffer = io.StringIO()
    cells = [";".join(v) if isinstance(v, list) else ("" if v is None else v) for v in values.values()]
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def write_export(
    runtime: Runtime,
    filters: ExportFilter,
    fmt: ExportFormat,
    out: IO[str],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write every matching interaction to `out`; returns the number of rows written."""
    if fmt is ExportFormat.CSV:
        out.write(_csv_line(dict(zip(COLUMNS, COLUMNS, strict=True))))
    count = 0
    for values in export_rows(runtime, filters):
        if fmt is ExportFormat.CSV:
            out.write(_csv_line(values))
        else:
            out.write(json.dumps(values, ensure_ascii=False) + "\n")
        count += 1
        if count % BATCH == 0:
            if cancelled is not None and cancelled():
                raise Cancelled("The export was cancelled.")
            if progress is not None:
                progress(count)
    if progress is not None:
        progress(count)
    return count


def export_to_file(
    runtime: Runtime,
    filters: ExportFilter,
    fmt: ExportFormat,
    target: Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], IO[str]] | None = None,
) -> int:
    """Export into `target` atomically; `opener` lets tests inject a failing disk."""
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name to export to.")
    partial = target.with_name(f".{target.name}.partial")
    open_partial = opener or (lambda path: path.open("w", encoding="utf-8", newline=""))
    try:
        with open_partial(partial) as handle:
            count = write_export(runtime, filters, fmt, handle, progress=progress, cancelled=cancelled)
            handle.flush()
            if hasattr(handle, "fileno"):
                os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UserError(f"Could not write the export to {target}: {error.strerror or error}.") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
