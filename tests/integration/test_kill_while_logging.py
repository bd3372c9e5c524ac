"""A process killed with SIGKILL while logging loses nothing it had acknowledged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from uuid import UUID

import pytest

from cxassist.store.migrate import open_database

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cxassist.config import load_settings, resolve_paths
    from cxassist.services.calls import CallDetails, log_interaction
    from cxassist.services.runtime import open_runtime

    settings = load_settings(data_dir=Path(sys.argv[1]))
    runtime = open_runtime(settings, resolve_paths(settings))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        done = log_interaction(runtime, phone="020 7946 0500", details=CallDetails(note=f"call {n} " + "x" * 2000))
        print(done.value.id, flush=True)  # acknowledged: printed only after the commit returned
    """
)

ROUNDS = 20


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_every_acknowledged_interaction_survives_sigkill(data_dir: Path) -> None:
    rng = random.Random(20261123)
    acknowledged: set[UUID] = set()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.02, 0.4)
        while time.monotonic() < deadline:
            line = child.stdout.readline().strip()
            if line:
                acknowledged.add(UUID(line))
        child.send_signal(signal.SIGKILL)
        for line in child.stdout:  # whatever was printed before the kill was acknowledged too
            if line.strip():
                acknowledged.add(UUID(line.strip()))
        child.wait(timeout=30)
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
    assert len(acknowledged) > ROUNDS, "the children should have logged something"
    db = open_database(data_dir / "cxassist.db")
    with db.read() as conn:
        stored = {UUID(hex=row[0]) for row in conn.exec_driver_sql("SELECT id FROM interaction")}
        queued = {row[0] for row in conn.exec_driver_sql("SELECT row_id FROM outbox WHERE entity = 'interaction'")}
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    db.close()
    assert acknowledged <= stored
    assert {str(u) for u in acknowledged} <= queued
    assert len(stored) == len(queued), "every stored interaction has its outbox row, and no more"
