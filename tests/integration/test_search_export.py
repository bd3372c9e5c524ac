"""Search notes and names newest first; export streamed, filtered, redacted, and never half-written."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest

from cxassist.domain.errors import UserError
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.export import ExportFilter, ExportFormat, export_to_file, write_export
from cxassist.services.search import search


def log_at(runtime: Any, when: datetime, note: str, phone: str = "020 7946 0500") -> Any:
    return log_interaction(runtime, phone=phone, details=CallDetails(note=note), started_at=when).value


def test_search_finds_notes_and_names_newest_first(runtime: Any, add_caller: Any) -> None:
    add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy")
    base = datetime(2026, 1, 1, tzinfo=UTC)
    older = log_at(runtime, base, "Refund requested for the boiler")
    newer = log_at(runtime, base + timedelta(days=3), "Refund approved, callback booked")
    log_at(runtime, base + timedelta(days=1), "Address change only")
    result = search(runtime, "refund")
    assert [i.id for i in result.interactions] == [newer.id, older.id]
    assert [c.full_name for c in search(runtime, "peg").callers] == ["Margaret Hale"]
    assert search(runtime, "REFUNDS").interactions == (), "whole words match; prefixes only on the last word"
    assert [i.id for i in search(runtime, "refund appr").interactions] == [newer.id]


@pytest.mark.parametrize("query", ['"unclosed', "NEAR(", "AND OR NOT", "***", "", "a", "'; DROP TABLE caller; --"])
def test_search_never_fails_on_what_a_user_types(runtime: Any, query: str) -> None:
    log_at(runtime, datetime(2026, 1, 1, tzinfo=UTC), "a note about near misses and unclosed accounts")
    search(runtime, query)  # no exception: any text is a valid search


def test_search_limit_is_respected_over_many_matches(runtime: Any) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(30):
        log_at(runtime, base + timedelta(hours=n), f"billing question {n}")
    found = search(runtime, "billing", limit=5).interactions
    assert [i.note for i in found] == [f"billing question {n}" for n in (29, 28, 27, 26, 25)]


def test_export_csv_and_jsonl_filtered_by_local_dates(runtime: Any) -> None:
    local = datetime.now().astimezone().tzinfo
    inside = log_at(runtime, datetime(2026, 3, 10, 12, tzinfo=local), "in range, card 4111 1111 1111 1111")
    log_at(runtime, datetime(2026, 3, 12, 12, tzinfo=local), "after")
    log_at(runtime, datetime(2026, 3, 8, 12, tzinfo=local), "before")
    filters = ExportFilter(since=date(2026, 3, 9), until=date(2026, 3, 11))
    out = io.StringIO()
    assert write_export(runtime, filters, ExportFormat.CSV, out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == [str(inside.id)]
    assert "4111 1111 1111 1111" not in out.getvalue() and "**** **** **** 1111" in rows[0]["note"]
    out = io.StringIO()
    write_export(runtime, filters, ExportFormat.JSONL, out)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["id"] == str(inside.id)


def test_reversed_date_range_is_refused(runtime: Any) -> None:
    with pytest.raises(UserError, match="reversed"):
        write_export(
            runtime, ExportFilter(since=date(2026, 3, 9), until=date(2026, 3, 1)), ExportFormat.CSV, io.StringIO()
        )


def test_export_to_a_full_disk_leaves_no_partial_file(runtime: Any, tmp_path: Path) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(50):
        log_at(runtime, base + timedelta(minutes=n), "x" * 500)

    class FullDisk(io.StringIO):
        def write(self, text: str) -> int:
            if self.tell() > 10_000:
                raise OSError(28, "No space left on device")
            return super().write(text)

    def opener(path: Path) -> IO[str]:
        path.write_text("")  # the partial file exists on disk while writing
        return FullDisk()

    target = tmp_path / "export.csv"
    with pytest.raises(UserError, match="No space left on device"):
        export_to_file(runtime, ExportFilter(), ExportFormat.CSV, target, opener=opener)
    assert not target.exists() and not (tmp_path / ".export.csv.partial").exists()


def test_export_to_file_is_complete_and_cancellable(
    runtime: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxassist.services import export

    base = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(10):
        log_at(runtime, base + timedelta(minutes=n), f"note {n}")
    target = tmp_path / "out.jsonl"
    seen: list[int] = []
    assert export_to_file(runtime, ExportFilter(), ExportFormat.JSONL, target, progress=seen.append) == 10
    assert len(target.read_text().splitlines()) == 10 and seen[-1] == 10
    monkeypatch.setattr(export, "BATCH", 3)
    cancelled_target = tmp_path / "cancelled.jsonl"
    with pytest.raises(export.Cancelled):
        export_to_file(runtime, ExportFilter(), ExportFormat.JSONL, cancelled_target, cancelled=lambda: True)
    assert not cancelled_target.exists() and not (tmp_path / ".cancelled.jsonl.partial").exists()
