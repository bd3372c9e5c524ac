"""Sync figures at the stated scale (DESIGN.md "Testing and CI"): each beside its baseline on the same run.

    .venv/bin/python bench/bench_sync.py [--changes 20000] [--backlog 500]

1. Push rate to local PostgreSQL through the `postgresql` backend as the restricted desktop role (batches of 500
   interactions, one push(jsonb) call each), beside a bare COPY of the same payloads into an unindexed table.
2. An 8-hour offline backlog (500 interactions logged on a desktop) drained by the sync runner to PostgreSQL, and
   pulled by a second desktop.
Starts a throwaway cluster (initdb/pg_ctl as in the tests); needs PostgreSQL installed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "integration" / "sync"))

from pg_cluster import Cluster, binaries

from cxassist.config import load_settings, resolve_paths
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.runtime import open_runtime
from cxassist.sync.backends.postgresql import PostgresBackend
from cxassist.sync.runner import SyncRunner
from cxassist.sync.server import init_server
from cxassist.sync.testing import make_changes


def push_rate(url: str, admin: str, count: int) -> None:
    changes = make_changes(count)
    backend = PostgresBackend(url, role="cxassist_desktop", password=None)
    started = time.perf_counter()
    for start in range(0, count, 500):
        backend.push(changes[start : start + 500])
    push_s = time.perf_counter() - started
    backend.close()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("CREATE TABLE bare (entity text, row_id text, version text, payload jsonb)")
        started = time.perf_counter()
        with conn.cursor() as cursor, cursor.copy("COPY bare FROM STDIN") as copy:
            for c in changes:
                copy.write_row((c.entity, c.row_id, c.version, Jsonb(dict(c.payload))))
        copy_s = time.perf_counter() - started
    print(f"push {count:,} interactions: {push_s:.2f} s = {count / push_s:,.0f}/s "
          f"(baseline bare COPY: {copy_s:.2f} s = {count / copy_s:,.0f}/s)")


def backlog(url: str, count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        agents = []
        for name in ("a", "b"):
            settings = load_settings(data_dir=Path(folder) / name)
            agents.append(open_runtime(settings, resolve_paths(settings)))
        a = agents[0]
        for n in range(count):
            log_interaction(a, phone="020 7946 0018", details=CallDetails(note=f"call {n} " + "x" * 300))
        runners = [SyncRunner(db=rt.db, adapter=PostgresBackend(url, role="cxassist_desktop", password=None),
                              clock=rt.clock, batch_size=500) for rt in agents]
        started = time.perf_counter()
        pushed = runners[0].run_once().pushed
        drain_s = time.perf_counter() - started
        started = time.perf_counter()
        pulled = runners[1].run_once().pulled
        pull_s = time.perf_counter() - started
        for runner, rt in zip(runners, agents, strict=True):
            runner.adapter.close()
            rt.close()
    print(f"backlog of {count} interactions: drained ({pushed} pushed) in {drain_s:.3f} s; "
          f"second desktop pulled {pulled} in {pull_s:.3f} s (target: drain under 5 s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=20_000)
    parser.add_argument("--backlog", type=int, default=500)
    args = parser.parse_args()
    bin_dir = binaries()
    if bin_dir is None:
        sys.exit("PostgreSQL is not installed (/usr/lib/postgresql/*/bin)")
    cluster = Cluster(bin_dir)
    cluster.start()
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench_push")
            conn.execute("CREATE DATABASE bench_backlog")
        for name in ("bench_push", "bench_backlog"):
            init_server(cluster.url(name))
        desk = f"postgresql://127.0.0.1:{cluster.port}"
        push_rate(f"{desk}/bench_push", cluster.url("bench_push"), args.changes)
        backlog(f"{desk}/bench_backlog", args.backlog)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
