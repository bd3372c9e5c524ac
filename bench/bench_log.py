"""Save latency of log_interaction (synchronous=FULL, as the app sets it) beside a bare insert and commit.

    python bench/bench_log.py --data-dir /work/bench-data/1m [--saves 500] [--warmup 20]

The app side is `cxassist.services.calls.log_interaction(runtime, phone=..., details=CallDetails(...))` over a Runtime
built as the app builds it: it matches the number to its caller, redacts the note, writes the interaction (with its
indexes and FTS triggers) and its outbox row in one IMMEDIATE transaction, and returns after the commit (WAL,
synchronous=FULL: one fsync of the WAL per commit, plus checkpoints as the WAL fills).

The baseline is a bare sqlite3 connection to the same file with the app's own pragmas (cxassist.store.engine.PRAGMAS):
BEGIN IMMEDIATE, one INSERT of a row like an interaction into a scratch table (`bench_scratch`, with a UUID primary
key and no other index), COMMIT. Each save runs both, in alternating order. Afterwards the interactions and outbox
rows the run added are deleted and the scratch table dropped (unless --keep), so the database stays as generated.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cxassist.domain.models import Channel, Outcome
from cxassist.services.calls import CallDetails, log_interaction

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    DB_NAME,
    command_line,
    cpu_timer,
    file_size,
    load_average,
    machine,
    open_runtime_for,
    percentiles,
    raw_connection,
    read_sidecar,
    timer,
    utc_now,
)

NOTES = (
    "Customer called about a missing refund. Checked the account and raised a refund request.",
    "She asked why the statement had not arrived. Agreed to post a letter by Friday.",
    "Caller was worried about the direct debit date; confirmed it and sent a text confirmation.",
    "He wants a callback tomorrow after 5pm about the engineer visit. Apologised for the delay.",
)
SCRATCH = """CREATE TABLE IF NOT EXISTS bench_scratch (
    id CHAR(32) PRIMARY KEY, caller_id CHAR(32), phone VARCHAR(32), agent_id VARCHAR(128), channel VARCHAR(16),
    direction VARCHAR(16), status VARCHAR(16), started_at VARCHAR(32), ended_at VARCHAR(32), reason VARCHAR,
    outcome VARCHAR(16), resolution TEXT, follow_up_due VARCHAR(10), follow_up_owner VARCHAR,
    follow_up_kind VARCHAR(24), follow_up_done_at VARCHAR(32), note TEXT, tags TEXT, flag_emergency BOOLEAN,
    flag_vulnerable BOOLEAN, flag_conflict BOOLEAN, created_at VARCHAR(32), updated_at VARCHAR(32), hlc VARCHAR(64))"""
SCRATCH_INSERT = "INSERT INTO bench_scratch VALUES (" + ",".join("?" * 24) + ")"


def bare_save(conn: sqlite3.Connection, caller_id: str, phone: str, note: str) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    row = (uuid.uuid4().hex, caller_id, phone, "bench", "phone", "inbound", "completed", now, now, "billing", "met",
           "", None, "", "", None, note, '["billing"]', 0, 0, 0, now, now, f"{int(timer() // 1000):015d}-00000-b")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(SCRATCH_INSERT, row)
    conn.execute("COMMIT")


def pragmas(conn: sqlite3.Connection) -> dict[str, Any]:
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="folder holding cxassist.db and its sidecar")
    parser.add_argument("--saves", type=int, default=500, help="measured saves (each side)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true", help="keep the rows this run adds")
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir.absolute()
    db = data_dir / DB_NAME
    sidecar = read_sidecar(db)
    rng = random.Random(args.seed)
    runtime = open_runtime_for(data_dir)
    conn = raw_connection(db)
    conn.execute(SCRATCH)
    with runtime.db.read() as app_conn:
        app_pragmas = pragmas(app_conn.connection.driver_connection)
    base_pragmas = pragmas(conn)
    made: list[uuid.UUID] = []
    app_ns: list[int] = []
    app_cpu_ns: list[int] = []
    base_ns: list[int] = []
    load_before = load_average()
    try:
        for k in range(args.warmup + args.saves):
            item = rng.choice(sidecar["known"])
            note = rng.choice(NOTES)
            details = CallDetails(channel=Channel.PHONE, outcome=Outcome.MET, note=note, reason="billing",
                                  tags=("billing",))
            for first_app in ((True, False) if k % 2 else (False, True)):
                if first_app:
                    c0, t0 = cpu_timer(), timer()
                    done = log_interaction(runtime, phone=item["e164"], details=details)
                    elapsed, cpu = timer() - t0, cpu_timer() - c0
                    made.append(done.value.id)
                    if k >= args.warmup:
                        app_ns.append(elapsed)
                        app_cpu_ns.append(cpu)
                else:
                    t0 = timer()
                    bare_save(conn, item["caller_id"], item["e164"], note)
                    elapsed = timer() - t0
                    if k >= args.warmup:
                        base_ns.append(elapsed)
        load_after = load_average()
    finally:
        runtime.close()
        if not args.keep:
            ids = json.dumps([i.hex for i in made])
            rows = json.dumps([str(i) for i in made])
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM interaction WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            conn.execute("DELETE FROM outbox WHERE entity = 'interaction' AND row_id IN "
                         "(SELECT value FROM json_each(?))", (rows,))
            conn.execute("DROP TABLE bench_scratch")
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()

    result = {"app": percentiles(app_ns), "app_cpu": percentiles(app_cpu_ns), "baseline": percentiles(base_ns),
              "load_before": load_before,
              "load_after": load_after, "app_pragmas": app_pragmas, "baseline_pragmas": base_pragmas}
    a, b = result["app"], result["baseline"]
    print(f"log_interaction on {db} ({file_size(db) / 1e9:.2f} GB, {sidecar['callers']:,} callers, "
          f"{sidecar['interactions']:,} interactions); {utc_now()}")
    print(f"{'':16} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}  pragmas")
    print(f"{'log_interaction':16} {a['n']:>5} {a['p50']:>8.3f} {a['p95']:>8.3f} {a['p99']:>8.3f} {a['max']:>8.3f}  "
          f"{app_pragmas}")
    c = result["app_cpu"]
    print(f"{'  its CPU time':16} {c['n']:>5} {c['p50']:>8.3f} {c['p95']:>8.3f} {c['p99']:>8.3f} {c['max']:>8.3f}")
    print(f"{'bare insert':16} {b['n']:>5} {b['p50']:>8.3f} {b['p95']:>8.3f} {b['p99']:>8.3f} {b['max']:>8.3f}  "
          f"{base_pragmas}")
    print(f"(milliseconds; load average {load_before} -> {load_after}; rows added "
          f"{'kept' if args.keep else 'removed afterwards'})")
    print(json.dumps({"bench": "log_interaction", "command": command_line(), "at": utc_now(), "machine": machine(),
                      "db_bytes": file_size(db), "callers": sidecar["callers"],
                      "interactions": sidecar["interactions"], **result}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
