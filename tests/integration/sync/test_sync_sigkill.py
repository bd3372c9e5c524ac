"""The app killed with SIGKILL while pushing and while applying a pull: afterwards nothing is lost or doubled."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from cxassist.config import load_settings, resolve_paths
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.runtime import open_runtime
from cxassist.store import tables

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"), pytest.mark.slow]

CHILD = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    from cxassist.config import load_settings, resolve_paths
    from cxassist.services.runtime import open_runtime
    from cxassist.sync.backends.folder import FolderBackend
    from cxassist.sync.runner import SyncRunner

    settings = load_settings(data_dir=Path(sys.argv[1]))
    runtime = open_runtime(settings, resolve_paths(settings))
    def report(pulled):
        print("pulled", pulled.count, flush=True)
        time.sleep(0.02)  # room for the parent's kill to land between and inside batches

    backend = FolderBackend(Path(sys.argv[2]))
    push = backend.push
    def reporting_push(batch):
        result = push(batch)
        print("pushed", len(batch), flush=True)
        time.sleep(0.02)  # the same room, between the server taking a batch and the outbox letting it go
        return result
    backend.push = reporting_push
    runner = SyncRunner(db=runtime.db, adapter=backend, clock=runtime.clock,
                        batch_size=int(sys.argv[3]), on_pulled=report)
    print("ready", flush=True)
    report = runner.run_once()
    print("done", report.pushed, report.pulled, flush=True)
    """
)


def run_child(data: Path, share: Path, batch: int, *, kill_after: float | None = None,
              kill_at_batch: int | None = None) -> bool:
    """Run one sync round in a child and SIGKILL it `kill_after` seconds after it reported `kill_at_batch` batches
    (pushed or pulled), or after `kill_after` seconds alone. True when it finished its round before the kill."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), str(share), str(batch)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    if kill_at_batch is not None:
        for _ in range(kill_at_batch):
            if not child.stdout.readline().startswith(("pushed", "pulled")):
                break
        time.sleep(kill_after or 0)
    elif kill_after is not None:
        time.sleep(kill_after)
    else:
        out = child.communicate(timeout=120)[0]
        assert child.returncode == 0
        return "done" in out
    child.send_signal(signal.SIGKILL)
    rest = child.communicate(timeout=30)[0]
    return "done" in rest


def pending(data: Path) -> int:
    settings = load_settings(data_dir=data)
    runtime = open_runtime(settings, resolve_paths(settings))
    try:
        with runtime.db.read() as conn:
            return len(conn.execute(select(tables.outbox.c.seq)).all())
    finally:
        runtime.close()


def ids(data: Path) -> list[str]:
    settings = load_settings(data_dir=data)
    runtime = open_runtime(settings, resolve_paths(settings))
    try:
        with runtime.db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            return [str(i) for i in conn.execute(select(tables.interaction.c.id)).scalars()]
    finally:
        runtime.close()


def index_definitions(data: Path) -> list[str]:
    settings = load_settings(data_dir=data)
    runtime = open_runtime(settings, resolve_paths(settings))
    try:
        with runtime.db.read() as conn:
            query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            return [str(sql) for sql in conn.exec_driver_sql(query).scalars()]
    finally:
        runtime.close()


def make_backlog(data: Path, count: int) -> list[str]:
    settings = load_settings(data_dir=data)
    runtime = open_runtime(settings, resolve_paths(settings))
    try:
        return [
            str(log_interaction(runtime, phone="020 7946 0018", details=CallDetails(note=f"n{n}")).value.id)
            for n in range(count)
        ]
    finally:
        runtime.close()


def test_sigkill_during_push_and_during_applying_a_pull(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    share, a, b = tmp_path / "share", tmp_path / "a", tmp_path / "b"
    share.mkdir()
    made = make_backlog(a, 120)
    left = [120]
    for _ in range(3):  # killed somewhere in the push (40 batches of 3): after a batch went out, or inside the next
        run_child(a, share, 3, kill_at_batch=rng.randint(1, 5), kill_after=rng.uniform(0, 0.03))
        left.append(pending(a))
    assert run_child(a, share, 3)
    assert any(0 < n < 120 for n in left), f"no kill landed mid-push: {left}"
    seen = [0]
    for _ in range(3):  # killed while applying pulled batches (12 batches of 10 in all)
        assert not run_child(b, share, 10, kill_at_batch=1, kill_after=rng.uniform(0, 0.03))
        seen.append(len(ids(b)))
    assert seen == sorted(seen) and 0 < seen[-1] < 120, seen
    assert run_child(b, share, 10)
    pulled = ids(b)
    assert len(pulled) == len(set(pulled)) == 120
    assert set(pulled) == set(made)
    assert sorted(ids(a)) == sorted(made)
    assert index_definitions(b) == index_definitions(a), "the indexes a killed first pull set aside are back"
