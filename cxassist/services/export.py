"""Export interactions as CSV or JSON lines, streamed row by row, filtered by date range or by the console's filters
(an `InteractionQuery`, answered by the store's query interface).

Notes were redacted before they were stored, and pass through redaction once more on the way out, so an export
never carries a card number. A file export is written beside its target and renamed into place only when complete:
a failure (a full disk, a cancel) leaves no partial file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import islice
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from sqlalchemy import Connection

from cxassist.domain.errors import UserError
from cxassist.security.redaction import redact
from cxassist.services.runtime import Runtime
from cxassist.store.query import InteractionQuery, exporting
from cxassist.store.types import from_iso

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

    def query(self) -> InteractionQuery:
        """The same days as a query (raises UserError for a reversed range)."""
        return InteractionQuery.for_days(self.since, self.until)


class Cancelled(UserError):
    """The export was cancelled; nothing was left behind."""


_DIGIT = re.compile(r"\d")
_FLAGS = {"True": True, "False": False}
_TIMES = (1, 2, 14)  # started_at, ended_at, follow_up_done_at in an export row


def _dashed(stored: str) -> str:
    if len(stored) != 32:
        return str(UUID(stored))
    return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"


def _has_digit(note: str) -> bool:
    """What `_DIGIT.search` finds, several times faster for the usual ASCII note (where `\\d` is only 0-9)."""
    if note.isascii():  # spelt out: a loop over the ten digits takes most of the time saved
        return ("0" in note or "1" in note or "2" in note or "3" in note or "4" in note or "5" in note or "6" in note
                or "7" in note or "8" in note or "9" in note)  # fmt: skip
    return _DIGIT.search(note) is not None


def _clean(row: Sequence[Any]) -> list[Any]:
    """An export row from `store.query.exporting` made final: ids with their dashes, a time not stored in the
    canonical form reformatted, the note redacted again (a note without a digit cannot hold a card number or a
    security code)."""
    cells = list(row[: len(COLUMNS)])
    cells[0] = _dashed(cells[0])
    if cells[4] is not None:
        cells[4] = _dashed(cells[4])
    for at in _TIMES:
        value = cells[at]
        if value is not None and not (len(value) in (25, 32) and value.endswith("+00:00")):
            cells[at] = from_iso(value).isoformat()
    note = cells[-1]
    if _has_digit(note):
        cells[-1] = redact(note).text
    return cells


def _typed(row: Sequence[Any]) -> dict[str, Any]:
    """The values of an export row that JSON keeps typed: the tags as a list, the flags as booleans."""
    stored = row[exporting.TAGS_JSON]
    try:
        tags = [] if stored == "[]" else json.loads(stored)
    except ValueError:
        tags = []
    return {
        "tags": tags,
        "flag_emergency": _FLAGS[row[16]],
        "flag_vulnerable": _FLAGS[row[17]],
        "flag_conflict": _FLAGS[row[18]],
    }


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(values, ensure_ascii=False) does
_encode_text = encode_basestring  # what _ENCODE does with a str


def _json_line(row: Sequence[Any], cells: list[Any]) -> str:
    typed = _typed(row)
    cells[15] = typed["tags"]
    cells[16], cells[17], cells[18] = typed["flag_emergency"], typed["flag_vulnerable"], typed["flag_conflict"]
    return _ENCODE(dict(zip(COLUMNS, cells, strict=True))) + "\n"


def _csv_line(row: Sequence[Any]) -> str:
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(_clean(row))
    return line.getvalue()


def _csv_lines(conn: Connection, batch: list[Sequence[Any]]) -> list[str]:
    """A batch from `exporting.export_lines` as CSV lines. A head SQLite finished is used only when csv.writer would
    have written its cells as they are (no comma inside a cell, no quote, no line break); the note is redacted and
    quoted here, as `_clean` and csv.writer would."""
    lines: list[str] = []
    unfinished: dict[int, str] = {}
    for row in batch:
        head, note = row[0], row[1]
        if (head is None or note is None or head.count(",") != exporting.CSV_COMMAS or '"' in head or "\n" in head
                or "\r" in head or "\r" in note):  # fmt: skip
            unfinished[len(lines)] = row[2]
            lines.append("")
            continue
        if _has_digit(note):
            note = redact(note).text
        if "," in note or '"' in note or "\n" in note:
            note = '"' + note.replace('"', '""') + '"'
        lines.append(head + note + "\n")
    if unfinished:
        rows = exporting.rows_by_id(conn, list(unfinished.values()))
        for at, row_id in unfinished.items():
            lines[at] = _csv_line(rows[row_id])
    return lines


def _flags_then_note_key(bits: int) -> str:
    """The flags as `_ENCODE` writes them, from the bits of `exporting.export_lines`, then the note's key."""
    flags = (("flag_emergency", 4), ("flag_vulnerable", 2), ("flag_conflict", 1))
    return "".join(f', "{name}": {"true" if bits & bit else "false"}' for name, bit in flags) + ', "note": '


_FLAG_TAILS = [_flags_then_note_key(bits) for bits in range(8)]


def _compact_tags(stored: str) -> str | None:
    """Tags stored in the store's compact form (`["a","b"]`, no escapes, no quote or control character in a tag) as
    `_ENCODE` writes them; None for any other form."""
    if (len(stored) < 4 or stored[:2] != '["' or stored[-2:] != '"]' or "\\" in stored
            or not stored.isprintable()):  # fmt: skip
        return None
    inner = stored[2:-2]
    if '"' in inner.replace('","', ""):
        return None
    return '["' + inner.replace('","', '", "') + '"]'


def _json_lines(conn: Connection, batch: list[Sequence[Any]]) -> list[str]:
    """A batch from `exporting.export_lines` as JSON lines: SQLite's texts between the ids and up to the tags, with
    the ids dashed, the tags and flags and the note (redacted as `_clean` would) encoded as `_ENCODE` would; a row
    without that text, with ids that are not plain letters and digits, or with tags in another form goes through
    `_json_line` whole."""
    lines: list[str] = []
    unfinished: dict[int, str] = {}
    for row in batch:
        head, note, row_id, caller_id, rest, stored_tags, flags = row[:7]  # then the sort key, if any
        tags = stored_tags if stored_tags == "[]" else _compact_tags(stored_tags)
        if (head is None or note is None or tags is None or not row_id.isalnum()
                or (caller_id is not None and not caller_id.isalnum())):  # fmt: skip
            unfinished[len(lines)] = row_id
            lines.append("")
            continue
        if _has_digit(note):
            note = redact(note).text
        caller = "null" if caller_id is None else f'"{_dashed(caller_id)}"'
        lines.append(
            f'{{"id": "{_dashed(row_id)}"{head}{caller}{rest}{tags}{_FLAG_TAILS[flags]}{_encode_text(note)}}}\n'
        )
    if unfinished:
        rows = exporting.rows_by_id(conn, list(unfinished.values()), json_tags=True)
        for at, row_id in unfinished.items():
            row = rows[row_id]
            lines[at] = _json_line(row, _clean(row))
    return lines


def write_export(
    runtime: Runtime,
    filters: ExportFilter | InteractionQuery,
    fmt: ExportFormat,
    out: IO[str],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write every matching interaction to `out` (rows formatted by SQLite, written as they arrive); returns the
    number of rows written. `cancelled()` is asked after each batch."""
    query = filters.query() if isinstance(filters, ExportFilter) else filters
    if fmt is ExportFormat.CSV:
        csv.writer(out, lineterminator="\n").writerow(COLUMNS)
    finish = _csv_lines if fmt is ExportFormat.CSV else _json_lines
    count = 0
    with runtime.db.read() as conn:
        rows = exporting.export_lines(conn, query, fmt.value, batch=BATCH)
        while batch := list(islice(rows, BATCH)):
            out.writelines(finish(conn, batch))
            count += len(batch)
            if cancelled is not None and cancelled():
                raise Cancelled("The export was cancelled.")
            if progress is not None:
                progress(count)
    if progress is not None:
        progress(count)
    return count


def export_to_file(
    runtime: Runtime,
    filters: ExportFilter | InteractionQuery,
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
    # A large buffer: a million-row export is a few hundred MB, written in 1 MiB pieces rather than 8 KiB ones.
    open_partial = opener or (lambda path: path.open("w", encoding="utf-8", newline="", buffering=1 << 20))
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
