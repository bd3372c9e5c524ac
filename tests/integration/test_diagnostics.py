"""`cxassist diagnostics`: the zip holds what IT needs and never a note, a caller's name or number, or a secret."""

from __future__ import annotations

import json
import logging
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cxassist.cli import main
from cxassist.config import load_settings, resolve_paths
from cxassist.services.diagnostics import scrub, scrub_log_text
from cxassist.services.logging_setup import configure_logging, remove_logging
from cxassist.store.migrations import HEAD

NOTE = "Zanzibar-refund-callback sorted; card 4111 1111 1111 1111"
CALLER_NUMBER = "+44 20 7946 0018"


def _contents(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    d = str(data_dir)
    assert _run(capsys, "--data-dir", d, "demo", "--callers", "5")[0] == 0
    code, out, _ = _run(
        capsys, "--data-dir", d, "log", "--phone", CALLER_NUMBER, "--channel", "phone", "--outcome", "met",
        "--note", NOTE, "--reason", "Zanzibar-reason",
    )  # fmt: skip
    assert code == 0, out
    settings = load_settings(data_dir=data_dir)
    paths = resolve_paths(settings)
    configure_logging(paths, "INFO")
    try:
        # What careless code might log: the filter and the zip's scrubbing must both hold.
        logging.getLogger("cxassist.test").info("popped %s, card %s", "+442079460018", "4111 1111 1111 1111")
        logging.getLogger("cxassist.test").info("db opened", extra={"note": NOTE})
    finally:
        remove_logging()
    (paths.log_dir / "crash-20260101T000000000000Z.txt").write_text(
        "cxassist 0.1.0\narguments: ['lookup', '020 7946 0018']\nValueError: card 4111111111111111\n", encoding="utf-8"
    )
    return data_dir


def test_the_zip_holds_versions_doctor_config_database_and_log_tail(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ticket.zip"
    code, out, err = _run(capsys, "--data-dir", str(seeded), "diagnostics", "--out", str(target))
    assert code == 0, err
    assert json.loads(out)["file"] == str(target)
    files = _contents(target)
    assert {"README.txt", "versions.json", "doctor.json", "config-show.json", "database.json"} <= set(files)
    assert "logs/cxassist.log.tail" in files and "logs/crash-20260101T000000000000Z.txt" in files
    assert json.loads(files["versions.json"])["libraries"]["SQLAlchemy"]
    doctor = json.loads(files["doctor.json"])
    assert doctor["database"]["schema_revision"] == HEAD and "none" in doctor["sync"]["backends"]
    assert "storage.data_dir" in json.loads(files["config-show.json"])["settings"]
    database = json.loads(files["database.json"])
    assert database["state"] == "ok" and database["callers"] >= 5 and database["interactions"] >= 1
    tail = files["logs/cxassist.log.tail"]
    assert "popped <digits>, card **** **** **** 1111" in tail
    assert "db opened" in tail

    everything = "\n".join(files.values())
    for secret in ("Zanzibar", "4111 1111 1111 1111", "4111111111111111", "7946 0018", "79460018"):
        assert secret not in everything, f"{secret!r} leaked into the diagnostics zip"
    with sqlite3.connect(seeded / "cxassist.db") as conn:
        names = [row[0] for row in conn.execute("SELECT full_name FROM caller")]
    assert names and not [name for name in names if name in everything]


def test_broken_settings_still_give_a_zip_that_names_the_problem(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site.toml"
    site.write_text("[sync]\nbackend = 'none'\nno_such_key = 1\n", encoding="utf-8")
    target = tmp_path / "ticket.zip"
    args = ("--data-dir", str(data_dir), "--site-config", str(site), "diagnostics", "--out", str(target))
    code, _, err = _run(capsys, *args)
    assert code == 0, err
    files = _contents(target)
    for name in ("doctor.json", "config-show.json", "database.json"):
        assert "no_such_key" in json.loads(files[name])["error"]
    assert not (data_dir / "cxassist.db").exists(), "diagnostics must not create a database"


def test_a_database_that_needs_upgrading_or_is_newer_is_reported_not_touched(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "--data-dir", str(data_dir), "demo", "--callers", "2")[0] == 0
    database = data_dir / "cxassist.db"
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = database.read_bytes()
    target = tmp_path / "ticket.zip"
    assert _run(capsys, "--data-dir", str(data_dir), "diagnostics", "--out", str(target))[0] == 0
    report = json.loads(_contents(target)["database.json"])
    assert report["state"] == "written by a newer cxassist: not opened"
    assert database.read_bytes() == before


@pytest.mark.parametrize("out", ["ticket.txt", "missing-folder/ticket.zip"])
def test_a_bad_out_path_is_a_user_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    code, _, err = _run(capsys, "--data-dir", str(data_dir), "diagnostics", "--out", str(tmp_path / out))
    assert code == 2 and err.startswith("cxassist: --out ")


def test_scrub_removes_secret_values_and_url_passwords() -> None:
    value = {
        "sync.postgresql.url": {"value": "postgresql://desk:hunter2@db.example/cx?password=hunter3", "locked": True},
        "api_token": "abc",
        "password": None,
        "note": ["4111 1111 1111 1111"],
    }
    cleaned = json.dumps(scrub(value))
    assert "hunter2" not in cleaned and "hunter3" not in cleaned and "abc" not in cleaned
    assert "postgresql://desk:<left out>@db.example" in cleaned and "**** **** **** 1111" in cleaned
    assert json.loads(cleaned)["password"] is None


def test_log_text_keeps_the_stamp_and_masks_numbers() -> None:
    line = "2026-11-23T13:49:00.123+00:00 INFO    cxassist.x [12 Main] call from 020 7946 0018\n"
    assert scrub_log_text(line) == "2026-11-23T13:49:00.123+00:00 INFO    cxassist.x [12 Main] call from <digits>\n"
