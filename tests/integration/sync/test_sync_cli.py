"""`cxassist sync ...`: JSON on stdout, one line and exit 2 for user errors, secrets read from stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from cxassist.cli import main
from cxassist.security.secrets import SecretStore


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_login_reads_the_secret_from_stdin_and_stores_it_in_the_keychain(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("pa55word\n"))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "sync", "login", "--backend", "postgresql")
    assert code == 0 and out["account"] == "sync.postgresql:cxassist_desktop"
    assert "pa55word" not in json.dumps(out)
    assert SecretStore().get("sync.postgresql:cxassist_desktop") == "pa55word"


def test_login_with_nothing_on_stdin_is_a_one_line_user_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "sync", "login", "--backend", "http")
    assert code == 2 and err.count("\n") == 1 and "empty" in err


def test_status_and_once_over_a_shared_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "folder")
    monkeypatch.setenv("CXASSIST_SYNC_FOLDER_PATH", str(share))
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    code, _, _ = run(capsys, "--data-dir", a, "log", "--phone", "020 7946 0018", "--channel", "phone",
                     "--outcome", "met", "--note", "from agent a")
    assert code == 0
    code, status, _ = run(capsys, "--data-dir", a, "sync", "status")
    assert code == 0 and status["pending"] == 1 and status["online"] is None
    code, once, _ = run(capsys, "--data-dir", a, "sync", "once")
    assert code == 0 and once["pushed"] == 1 and once["status"]["online"] is True
    code, once, _ = run(capsys, "--data-dir", b, "sync", "once")
    assert code == 0 and once["pulled"] == 1
    code, history, _ = run(capsys, "--data-dir", b, "history", "020 7946 0018")
    assert code == 0 and "from agent a" in json.dumps(history)


def test_an_unreachable_folder_fails_with_one_line_and_keeps_the_changes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "folder")
    monkeypatch.setenv("CXASSIST_SYNC_FOLDER_PATH", str(tmp_path / "not-mounted"))
    monkeypatch.setattr("time.sleep", lambda _s: None)
    data = str(tmp_path / "a")
    run(capsys, "--data-dir", data, "log", "--phone", "020 7946 0018", "--channel", "phone", "--outcome", "met")
    code, _, err = run(capsys, "--data-dir", data, "sync", "once")
    assert code == 2 and err.count("\n") == 1 and "1 change(s) wait in the outbox" in err
    code, status, _ = run(capsys, "--data-dir", data, "sync", "status")
    assert status["online"] is False and status["pending"] == 1 and "not-mounted" in status["last_error"]


def test_an_unknown_backend_names_the_installed_ones(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "carrier-pigeon")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "sync", "status")
    assert code == 2 and "'carrier-pigeon'" in err and "folder, http, none, postgresql" in err


def test_init_server_creates_the_central_schema(capsys: pytest.CaptureFixture[str], pg_cluster: Any) -> None:
    import psycopg

    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS cli_central")
        conn.execute("CREATE DATABASE cli_central")
    code, out, _ = run(capsys, "sync", "init-server", "--url", pg_cluster.url("cli_central"))
    assert code == 0 and out["revision"] == "c0003_history_children" and out["desktop_role"] == "cxassist_desktop"



def test_sync_history_fetches_older_calls_and_refuses_a_bad_id_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make_agent: Any
) -> None:
    from datetime import timedelta

    from cxassist.services.calls import CallDetails, log_interaction
    from cxassist.sync.backends.folder import FolderBackend

    share = tmp_path / "share"
    share.mkdir()
    a = make_agent("agent-a")
    a.connect(FolderBackend(share))
    peggy = a.add_caller("Margaret Hale", "020 7946 0018")
    log_interaction(a.runtime, phone="020 7946 0018", details=CallDetails(note="recent"))
    old = log_interaction(a.runtime, phone="020 7946 0018", details=CallDetails(note="long ago"),
                          started_at=a.runtime.now() - timedelta(days=800)).value
    a.sync()
    monkeypatch.setenv("CXASSIST_SYNC_BACKEND", "folder")
    monkeypatch.setenv("CXASSIST_SYNC_FOLDER_PATH", str(share))
    b = str(tmp_path / "b")
    code, _, _ = run(capsys, "--data-dir", b, "sync", "once")
    assert code == 0
    code, history, _ = run(capsys, "--data-dir", b, "history", "020 7946 0018")
    assert "recent" in json.dumps(history) and "long ago" not in json.dumps(history)
    code, fetched, _ = run(capsys, "--data-dir", b, "sync", "history", str(peggy.id))
    assert code == 0 and fetched == {"caller_id": str(peggy.id), "fetched": 1, "interactions": [str(old.id)]}
    code, history, _ = run(capsys, "--data-dir", b, "history", "020 7946 0018")
    assert "long ago" in json.dumps(history)
    code, _, err = run(capsys, "--data-dir", b, "sync", "history", "not-a-uuid")
    assert code == 2 and err.count("\n") == 1 and "not a caller id" in err
