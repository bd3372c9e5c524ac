"""Export bytes: the fast path (lines SQLite finishes, Python adds the note) writes exactly what formatting every row
in Python writes (`_clean`, csv.writer, `_json_line`), whatever the stored text: commas, quotes, line breaks,
control characters, other scripts' digits, odd tags and times."""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cxassist.services import export
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.export import ExportFilter, ExportFormat, write_export
from cxassist.store.query import exporting

AWKWARD_TEXT = [
    "plain words",
    "a comma, in the middle",
    'a "quoted" word',
    "two\nlines",
    "carriage\rreturn",
    "both\r\nline ends",
    "tab\there",
    "nul\x00inside",
    "bell\x07 and delete\x7f",
    "card 4111 1111 1111 1111 and code 123",
    "Arabic-Indic digits ٤١١١ and fullwidth ４１１１",
    "accents: Zoë, Siân",
    "emoji 🙂 and line separator \u2028 here",
    "back\\slash and /slash",
    "",
    " leading and trailing ",
    '"',
    ",",
    "%s %d %% printf-looking",
]
AWKWARD_TAGS = [
    "[]",
    '["billing"]',
    '["billing","refund"]',
    '["a,b"]',
    '["with \\"quote\\""]',
    '["é"]',
    '["\\u00e9"]',
    '[ "spaced" ]',
    '["a", "b"]',
    '["raw\nnewline"]',
    "not json",
    '"a string"',
    '["",""]',
    '["a","b",]',
    '["bell\x07"]',
    '["Zoë","🙂"]',
]
AWKWARD_TIMES = [
    "2026-01-05T09:00:00.000000+00:00",
    "2026-01-05T09:00:00.123456+00:00",
    "2026-01-05T09:00:00+00:00",
    "2026-01-05T10:00:00.500000+01:00",
    "2026-01-05T09:00:00Z",
]


def reference(runtime: Any, fmt: ExportFormat) -> str:
    """Every row formatted in Python, as the export did before SQLite finished lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if fmt is ExportFormat.CSV:
        writer.writerow(export.COLUMNS)
    with runtime.db.read() as conn:
        for row in exporting.export_rows(conn, ExportFilter().query(), json_tags=fmt is ExportFormat.JSONL):
            if fmt is ExportFormat.CSV:
                writer.writerow(export._clean(row))
            else:
                out.write(export._json_line(row, export._clean(row)))
    return out.getvalue()


@pytest.fixture
def awkward(runtime: Any) -> Any:
    """Interactions whose stored text is every awkward case above, and random mixes of the characters that matter."""
    base = datetime(2026, 1, 5, 9, tzinfo=UTC)
    pick = random.Random(7)
    specials = [",", '"', "\n", "\r", "\x1f", "\\", "5", "٣", "é", "🙂", " ", "a", "[", "]", "%"]
    texts = AWKWARD_TEXT + ["".join(pick.choice(specials) for _ in range(pick.randint(1, 12))) for _ in range(40)]
    details = CallDetails(note="x")
    ids = [
        log_interaction(
            runtime, phone="020 7946 0500", details=details, started_at=base + timedelta(minutes=n)
        ).value.id.hex
        for n in range(len(texts))
    ]
    with sqlite3.connect(runtime.db.path) as conn:
        for n, (row_id, text) in enumerate(zip(ids, texts, strict=True)):
            conn.execute(
                "UPDATE interaction SET note = ?, reason = ?, resolution = ?, tags = ?, ended_at = ?, "
                "follow_up_due = ?, follow_up_done_at = ?, follow_up_kind = ?, caller_id = NULL WHERE id = ?",
                (
                    text,
                    texts[-1 - n],
                    texts[(n * 7) % len(texts)],
                    AWKWARD_TAGS[n % len(AWKWARD_TAGS)] if n % 2 else '["billing","refund"]',
                    AWKWARD_TIMES[n // 5 % len(AWKWARD_TIMES)] if n % 5 == 4 else AWKWARD_TIMES[n % 3],
                    "2026-02-01" if n % 2 else None,
                    AWKWARD_TIMES[n // 7 % len(AWKWARD_TIMES)] if n % 7 == 6 else AWKWARD_TIMES[n % 2],
                    texts[(n * 3) % len(texts)] if n % 3 else "",
                    row_id,
                ),
            )
        for n, row_id in enumerate(ids):  # every mix of flags
            conn.execute(
                "UPDATE interaction SET flag_emergency = ?, flag_vulnerable = ?, flag_conflict = ? WHERE id = ?",
                (n & 4 != 0, n & 2 != 0, n & 1 != 0, row_id),
            )
        conn.execute("UPDATE interaction SET id = ? WHERE id = ?", ('0123456789abcdef"123456789abcdef', ids[1]))
        conn.execute("UPDATE interaction SET caller_id = ? WHERE id = ?", ("0123456789abcdef\\123456789abcdef", ids[2]))
        conn.execute(  # a NUL in a cell before the note, in a row otherwise plain
            "UPDATE interaction SET reason = ?, resolution = '', tags = '[]', ended_at = NULL WHERE id = ?",
            ("nul\x00reason", ids[0]),
        )
    return runtime


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_bytes_match_formatting_every_row_in_python(awkward: Any, fmt: ExportFormat) -> None:
    with awkward.db.read() as conn:
        heads = [row[0] for row in exporting.export_lines(conn, ExportFilter().query(), fmt.value)]
    assert sum(head is not None for head in heads) > len(heads) / 2  # most rows take the fast path: it is tested
    assert None in heads  # and some the slow one
    out = io.StringIO()
    count = write_export(awkward, ExportFilter(), fmt, out)
    assert count == len(AWKWARD_TEXT) + 40
    assert out.getvalue() == reference(awkward, fmt)


def test_awkward_rows_read_back_as_what_was_stored(awkward: Any) -> None:
    out = io.StringIO()
    write_export(awkward, ExportFilter(), ExportFormat.JSONL, out)
    rows = [json.loads(line) for line in out.getvalue().split("\n")[:-1]]  # not splitlines: U+2028 is text
    notes = {row["note"] for row in rows}
    assert notes >= {"a comma, in the middle", 'a "quoted" word', "two\nlines", "nul\x00inside", "accents: Zoë, Siân"}
    assert not any("4111 1111 1111 1111" in note for note in notes)
    assert any(row["tags"] == ["billing", "refund"] for row in rows)
    assert any(row["tags"] == [] and row["caller_id"] is None for row in rows)  # tags that are not JSON read as none
