"""One workspace per user and data folder: a second start hands its number to the first and exits 0."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

MAIN = "import sys; from cxassist.cli import main; sys.exit(main())"
STORY = "+442079460018"


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _in_progress_calls(database: Path, number: str) -> int:
    if not database.exists():
        return 0
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT count(*) FROM interaction WHERE phone = ? AND status = 'in-progress'", (number,)
        ).fetchone()
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()
    return int(row[0])


def test_a_second_start_hands_its_number_to_the_running_workspace(data_dir: Path) -> None:
    from cxassist.ui.single_instance import server_name

    socket_file = Path(tempfile.gettempdir()) / server_name(data_dir)
    log = data_dir.parent / "first.log"
    with log.open("wb") as first_log:
        first = subprocess.Popen(
            [sys.executable, "-c", MAIN, "--data-dir", str(data_dir), "--no-err-windows"],
            env=_env(), stdout=subprocess.DEVNULL, stderr=first_log,
        )
    try:
        _wait_for(lambda: socket_file.exists() or first.poll() is not None, 30, "the first workspace to listen")
        assert first.poll() is None, log.read_text(errors="replace")
        second = subprocess.run(
            [sys.executable, "-c", MAIN, "--data-dir", str(data_dir), "pop", "tel:+44-20-7946-0018"],
            env=_env(), capture_output=True, timeout=60, check=False,
        )
        assert second.returncode == 0, second.stderr.decode(errors="replace")
        # The running workspace popped the number: the call exists, in progress, in its database.
        _wait_for(lambda: _in_progress_calls(data_dir / "cxassist.db", STORY) == 1, 20, "the pop in the first")
        assert first.poll() is None, "the first workspace is still running"
        plain = subprocess.run([sys.executable, "-c", MAIN, "--data-dir", str(data_dir)], env=_env(),
                               capture_output=True, timeout=60, check=False)
        assert plain.returncode == 0, plain.stderr.decode(errors="replace")
        assert _in_progress_calls(data_dir / "cxassist.db", STORY) == 1
    finally:
        first.terminate()
        first.wait(timeout=20)


def test_a_bad_database_at_start_is_explained_without_a_traceback(data_dir: Path) -> None:
    (data_dir / "cxassist.db").write_bytes(b"this is not a database at all" * 100)
    result = subprocess.run(
        [sys.executable, "-c", MAIN, "--data-dir", str(data_dir), "--no-err-windows"],
        env=_env(), capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    err = result.stderr.decode(errors="replace")
    assert "not a cxassist database" in err and "Traceback" not in err
