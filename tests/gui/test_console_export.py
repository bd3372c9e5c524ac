"""Export of the log's filtered view: the rows shown go to CSV or JSON lines, the export is audited, Cancel and a
failing disk leave no file behind, and a real worker thread reports progress without touching a widget."""

from __future__ import annotations

import csv
import errno
import io
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from cxassist.domain.models import Channel, Outcome
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.export import COLUMNS
from cxassist.services.runtime import Runtime
from cxassist.store import tables
from cxassist.store.query import InteractionQuery
from cxassist.store.rows import save
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.export_dialog import ExportDialog
from cxassist.ui.console.log_view import InteractionLogTab
from cxassist.ui.tasks import TaskRunner

SUPERVISOR = "helen.ward"


@pytest.fixture
def seeded(runtime: Runtime) -> Runtime:
    runtime.agent_id = SUPERVISOR
    with runtime.db.write() as conn:
        save(conn, tables.agent, {"id": SUPERVISOR, "display_name": "Helen", "role": "supervisor", "team": "Leads"},
             hlc=runtime.stamp(), now=runtime.now())
    now = runtime.now()
    for n, channel in enumerate((Channel.CHAT, Channel.PHONE, Channel.CHAT, Channel.EMAIL, Channel.CHAT)):
        note = f"call {n}, card 4111 1111 1111 1111" if n == 0 else f"call {n}"
        log_interaction(replace(runtime, agent_id="sam.okafor"), phone="020 7946 0990",
                        started_at=now - timedelta(days=5 - n),
                        details=CallDetails(channel=channel, outcome=Outcome.MET, note=note, tags=("billing", f"t{n}")))
    return runtime


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def context(seeded: Runtime, runner: TaskRunner, errors: Any) -> ConsoleContext:
    return ConsoleContext(seeded, runner, errors)


def audit_events(runtime: Runtime) -> list[dict[str, Any]]:
    event = tables.audit_event
    with runtime.db.read() as conn:
        rows = conn.execute(select(event).where(event.c.action == "exported-interactions").order_by(event.c.seq))
        return [dict(r) for r in rows.mappings()]


def chat_only(qtbot: Any, context: ConsoleContext) -> InteractionLogTab:
    tab = InteractionLogTab(context)
    qtbot.addWidget(tab)
    tab.show()
    bar = tab.filters
    bar.channel.setCurrentIndex(bar.channel.findData("chat"))
    qtbot.mouseClick(bar.apply, Qt.MouseButton.LeftButton)
    return tab


def test_csv_export_writes_the_filtered_rows_and_is_audited(qtbot: Any, context: ConsoleContext,
                                                           out: Path) -> None:
    tab = chat_only(qtbot, context)
    shown = [str(tab.model.interaction_id(r)) for r in range(tab.model.rowCount())]
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.export_dialog
    assert dialog is not None and dialog.isVisible()
    target = out / "chats.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == f"Exported 3 interactions to {target}"
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [r[0] for r in rows[1:]] == shown[::-1], "the rows the log shows, oldest first"
    assert {r[COLUMNS.index("channel")] for r in rows[1:]} == {"chat"}
    assert all("4111 1111 1111 1111" not in cell for r in rows for cell in r), "notes are redacted"
    [event] = audit_events(context.runtime)
    detail = json.loads(event["detail"])
    assert detail["rows"] == 3 and detail["completed"] is True and detail["format"] == "csv"
    assert detail["filters"]["channels"] == ["chat"] and event["subject"] == str(target)


def test_json_lines_export_through_the_file_chooser(qtbot: Any, context: ConsoleContext, out: Path) -> None:
    target = out / "chats.jsonl"
    query = InteractionQuery(channels=(Channel.CHAT,))
    dialog = ExportDialog(context, query, choose_file=lambda _parent, _fmt: str(target))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert dialog.jsonl.isChecked() and dialog.path.text() == str(target)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 and {line["channel"] for line in lines} == {"chat"}
    assert all(isinstance(line["tags"], list) and "billing" in line["tags"] for line in lines)
    assert "Exported 3 interactions" in dialog.status.text()


def test_a_name_without_an_extension_gets_the_formats(qtbot: Any, context: ConsoleContext, out: Path) -> None:
    dialog = ExportDialog(context, InteractionQuery())
    qtbot.addWidget(dialog)
    dialog.jsonl.setChecked(True)
    dialog.path.setText(str(out / "everything"))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert (out / "everything.jsonl").exists() and "Exported 5 interactions" in dialog.status.text()


def test_cancel_leaves_no_file_and_is_audited(qtbot: Any, seeded: Runtime, deferred: Any, errors: Any,
                                              out: Path) -> None:
    dialog = ExportDialog(ConsoleContext(seeded, deferred, errors), InteractionQuery())
    qtbot.addWidget(dialog)
    dialog.show()
    target = out / "all.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.cancel.isEnabled() and not dialog.start.isEnabled()
    deferred.run_next()  # the scope check on the writer queues the export
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    deferred.run_all()  # the export reads its first batch, sees Cancel, and removes what it wrote
    assert dialog.status.text() == "The export was cancelled; no file was written."
    assert list(out.iterdir()) == []
    assert not dialog.running and dialog.start.isEnabled()
    [event] = audit_events(seeded)
    assert json.loads(event["detail"])["completed"] is False


def test_closing_the_window_mid_export_cancels_it(qtbot: Any, seeded: Runtime, deferred: Any,
                                                  errors: Any, out: Path) -> None:
    dialog = ExportDialog(ConsoleContext(seeded, deferred, errors), InteractionQuery())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(out / "all.csv"))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    deferred.run_next()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    deferred.run_all()
    assert list(out.iterdir()) == [] and not dialog.running


class FullDisk(io.StringIO):
    """The partial file is created on disk, then the disk fills up at the first write."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        path.write_text("", encoding="utf-8")

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_explained_and_leaves_no_partial_file(qtbot: Any, context: ConsoleContext,
                                                             out: Path) -> None:
    dialog = ExportDialog(context, InteractionQuery(), opener=FullDisk)
    qtbot.addWidget(dialog)
    target = out / "all.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert "No space left on device" in dialog.status.text() and "No file was written" in dialog.status.text()
    assert list(out.iterdir()) == []
    [event] = audit_events(context.runtime)
    assert json.loads(event["detail"])["completed"] is False


def test_a_folder_that_is_not_there_is_explained(qtbot: Any, context: ConsoleContext, out: Path) -> None:
    dialog = ExportDialog(context, InteractionQuery())
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out / "missing" / "all.csv"))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert "Could not write the export to" in dialog.status.text()
    assert not (out / "missing").exists()


def test_export_on_a_worker_thread_reports_progress(qtbot: Any, seeded: Runtime, threaded_runner: TaskRunner,
                                                    errors: Any, out: Path) -> None:
    dialog = ExportDialog(ConsoleContext(seeded, threaded_runner, errors), InteractionQuery())
    qtbot.addWidget(dialog)
    dialog.show()
    target = out / "all.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported"), timeout=10_000)
    assert dialog.status.text() == f"Exported 5 interactions to {target}"
    assert len(target.read_text(encoding="utf-8").splitlines()) == 6
    qtbot.waitUntil(lambda: len(audit_events(seeded)) == 1)
