"""Shared helpers for the benchmarks: opening the generated database the way the app does, percentiles, and the
facts recorded beside every figure (machine, load average, date)."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cxassist.config import load_settings, resolve_paths
from cxassist.services.runtime import open_runtime
from cxassist.store.engine import PRAGMAS

DB_NAME = "cxassist.db"  # the app's database file inside its data folder (cxassist.config.Paths.database)


def sidecar_path(db: Path) -> Path:
    return db.with_name(db.name + ".numbers.json")


def read_sidecar(db: Path) -> dict[str, Any]:
    path = sidecar_path(db)
    if not path.exists():
        sys.exit(f"{path} not found: generate the database first with bench/generate.py --db {db}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def open_runtime_for(data_dir: Path) -> Any:
    """A Runtime over `data_dir/cxassist.db`, built exactly as the app builds it (settings, paths, runtime)."""
    settings = load_settings(data_dir=data_dir)
    paths = resolve_paths(settings)
    if paths.database != data_dir / DB_NAME:
        sys.exit(f"the app would open {paths.database}, not {data_dir / DB_NAME}: check CXASSIST_* variables")
    return open_runtime(settings, paths)


def raw_connection(db: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the app's own pragmas (WAL, synchronous=FULL, foreign keys, cache size)."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


def percentiles(samples_ns: list[int]) -> dict[str, float]:
    """p50/p95/p99 (nearest rank), mean and max, in milliseconds."""
    if not samples_ns:
        return {"n": 0}
    ordered = sorted(samples_ns)

    def rank(p: float) -> float:
        index = max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))
        return ordered[index] / 1e6

    return {
        "n": len(ordered),
        "p50": round(rank(50), 3),
        "p95": round(rank(95), 3),
        "p99": round(rank(99), 3),
        "mean": round(sum(ordered) / len(ordered) / 1e6, 3),
        "max": round(ordered[-1] / 1e6, 3),
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def command_line() -> str:
    return " ".join([Path(sys.executable).name, *sys.argv])


def file_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def timer() -> int:
    return time.perf_counter_ns()


def cpu_timer() -> int:
    """CPU time of this thread: beside wall time, it shows how much of a latency is waiting for a busy machine."""
    return time.thread_time_ns()
