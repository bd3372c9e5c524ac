"""The CLI contract: JSON on stdout, exit codes 0 / 2 / 70, one line on stderr and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from cxassist.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    try:
        payload = json.loads(captured.out) if captured.out.strip() else None
    except json.JSONDecodeError:
        payload = captured.out
    return code, payload, captured.err


def test_log_then_lookup_history_and_search(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(data_dir)
    code, saved, _ = run(
        capsys,
        "--data-dir",
        d,
        "log",
        "--phone",
        "020 7946 0018",
        "--channel",
        "chat",
        "--outcome",
        "exceeded",
        "--note",
        "Sorted the refund, card 5555 5555 5555 4444",
        "--reason",
        "refund",
        "--tag",
        "refund",
        "--follow-up-due",
        "2030-01-01",
    )
    assert code == 0
    assert saved["phone"] == "+442079460018" and saved["channel"] == "chat" and saved["outcome"] == "exceeded"
    assert saved["follow_up"]["due"] == "2030-01-01"
    assert "5555 5555 5555 4444" not in saved["note"]
    code, looked, _ = run(capsys, "--data-dir", d, "lookup", "+44 20 7946 0018")
    assert code == 0 and looked["match"] == "none" and looked["history"][0]["id"] == saved["id"]
    assert set(looked) == {
        "number",
        "valid_number",
        "match",
        "caller",
        "candidates",
        "history",
        "emergency_contacts",
        "vulnerabilities",
        "follow_ups",
    }
    code, history, _ = run(capsys, "--data-dir", d, "history", "020 7946 0018", "--limit", "5")
    assert code == 0 and [h["id"] for h in history] == [saved["id"]]
    code, found, _ = run(capsys, "--data-dir", d, "search", "refund")
    assert code == 0 and [i["id"] for i in found["interactions"]] == [saved["id"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lookup", "not a number"], "is not a phone number"),
        (["log", "--phone", "abc", "--channel", "phone", "--outcome", "met"], "is not a phone number"),
        (
            [
                "log",
                "--phone",
                "020 7946 0018",
                "--channel",
                "phone",
                "--outcome",
                "met",
                "--follow-up-due",
                "next tuesday",
            ],
            "--follow-up-due: 'next tuesday' is not a date",
        ),
        (["export", "--since", "2026-02-01", "--until", "2026-01-01"], "reversed"),
        (["config", "check", "/nonexistent/site.toml"], "no such file"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), *args)
    assert code == 2
    assert err.startswith("cxassist: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_newer_database_is_refused_by_every_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    run(capsys, "--data-dir", str(data_dir), "db", "check")
    with sqlite3.connect(data_dir / "cxassist.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "lookup", "020 7946 0018")
    assert code == 2 and "newer version of cxassist" in err


def test_a_bug_writes_a_crash_report_and_exits_70(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxassist.cli import calls

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(calls, "screen_pop", explode)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "lookup", "020 7946 0018")
    assert code == 70
    report = Path(err.strip().rsplit(" ", 1)[-1])
    assert report.is_file() and "simulated bug" in report.read_text()
    assert "Traceback" not in err


def test_crash_report_leaves_out_note_text(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxassist.cli import calls

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(calls, "log_interaction", explode)
    code, _, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "log",
        "--phone",
        "020 7946 0018",
        "--channel",
        "phone",
        "--outcome",
        "met",
        "--note",
        "private words about her health",
    )
    assert code == 70
    report = Path(err.strip().rsplit(" ", 1)[-1]).read_text()
    assert "private words" not in report


def test_db_check_backup_and_doctor(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(data_dir)
    code, report, _ = run(capsys, "--data-dir", d, "db", "check")
    assert code == 0 and report["ok"] is True and report["problems"] == []
    code, backup, _ = run(capsys, "--data-dir", d, "db", "backup")
    assert code == 0 and Path(backup["backup"]).is_file()
    code, doctor, _ = run(capsys, "--data-dir", d, "doctor")
    assert code == 0
    assert doctor["database"]["state"] == "ok"
    assert doctor["sync"]["backends"]["none"] == "ok"
    assert doctor["charts"] == {"installed": True, "folder": None,  # from source: the charts extra
                                "libraries": {"pyqtgraph": version("pyqtgraph"), "numpy": version("numpy")}}
    assert {"backend", "recommended"} <= set(doctor["keyring"])


def test_db_check_reports_a_tampered_audit_chain(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3
    import uuid
    from datetime import UTC, datetime

    from cxassist.store import audit
    from cxassist.store.migrate import open_database

    db = open_database(data_dir / "cxassist.db")
    with db.write() as conn:
        for n in range(3):
            audit.append(
                conn,
                event_id=uuid.uuid4(),
                at=datetime.now(UTC),
                actor="sam",
                action="viewed",
                subject=f"caller {n}",
                hlc=f"{n:015d}-00000-test",
            )
    db.close()
    with sqlite3.connect(data_dir / "cxassist.db") as conn:
        conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 2")
    code, report, _ = run(capsys, "--data-dir", str(data_dir), "db", "check")
    assert code == 2 and not report["ok"]
    assert any("audit trail broken at event(s) 2" in p for p in report["problems"])


def test_export_streams_csv_to_stdout(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(data_dir)
    run(capsys, "--data-dir", d, "log", "--phone", "020 7946 0018", "--channel", "phone", "--outcome", "met")
    code, out, _ = run(capsys, "--data-dir", d, "export", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,started_at")
    assert len(out.splitlines()) == 2


def test_config_show_names_each_source(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXASSIST_PHONE_DEFAULT_REGION", "IE")
    code, shown, _ = run(capsys, "--data-dir", str(data_dir), "config", "show")
    assert code == 0
    assert shown["settings"]["phone.default_region"]["value"] == "IE"
    assert "CXASSIST_PHONE_DEFAULT_REGION" in shown["settings"]["phone.default_region"]["source"]
    assert shown["settings"]["storage.data_dir"]["source"] == "flag --data-dir"


def test_module_entry_point_runs_as_a_real_process(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cxassist", "--data-dir", str(data_dir), "lookup", "+1 (212) 555-0147"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["number"] == "+12125550147"
    bad = subprocess.run([sys.executable, "-m", "cxassist", "--version"], capture_output=True, text=True, check=False)
    assert bad.returncode == 0 and bad.stdout.startswith("cxassist ")


def test_db_check_reports_a_summary_table_out_of_step(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    d = str(data_dir)
    run(capsys, "--data-dir", d, "log", "--phone", "020 7946 0018", "--channel", "phone", "--outcome", "met")
    with sqlite3.connect(data_dir / "cxassist.db") as conn:
        conn.execute("DELETE FROM interaction_hourly")
    code, report, _ = run(capsys, "--data-dir", d, "db", "check")
    assert code == 2
    assert any("interaction_hourly is out of step" in p for p in report["problems"])
