"""Screen pop latency over a generated database, beside the bare indexed SQLite query, in the same run.

    python bench/bench_screen_pop.py --data-dir /work/bench-data/1m [--lookups 2000] [--warmup 200]

The app side is `cxassist.services.screen_pop.screen_pop(runtime, number)` over a Runtime built as the app builds it
(load_settings(data_dir=...), resolve_paths, open_runtime), so it includes parsing the number with libphonenumber,
the exact match, the caller card with their numbers, the 20 newest interactions, emergency contacts,
vulnerabilities and open follow-ups (and for an unknown number, the probable-match queries and its earlier calls).

The baseline is the bare indexed query with the sqlite3 module on its own connection (same file, same pragmas):
`SELECT caller_id FROM caller_phone WHERE e164 = ?`, then the 20 newest interactions of that caller, fetched (for a
number no caller has: the 20 newest interactions from that number, with the app's `+caller_id IS NULL`, which keeps
SQLite on the phone index). Each lookup runs both, in alternating order, so both see the same machine load.
Classes: known numbers (from the generator's sidecar), valid numbers never seen, and unknown numbers with earlier
calls. The load average is recorded before and after each class, and the CPU time of the app's thread beside its
wall time: on a shared machine the difference is time spent waiting for a CPU.

--sketch also times `PrebuiltSketch` (not the app: the change suggested in BENCHMARKS.md) beside the app.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select

from cxassist.domain.models import PhoneNumber
from cxassist.domain.phones import lookup_keys
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.store import tables
from cxassist.store.callers import caller_from_row
from cxassist.store.care import contact_from_row, vulnerability_from_row
from cxassist.store.interactions import interaction_from_row

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

PHONE_SQL = "SELECT caller_id FROM caller_phone WHERE e164 = ?"
HISTORY_SQL = "SELECT * FROM interaction WHERE caller_id = ? ORDER BY started_at DESC LIMIT 20"
# "+caller_id" keeps that term off the caller index, as cxassist.store.interactions.recent_for_number does: otherwise
# SQLite walks every unlinked interaction in time order instead of seeking the phone index.
UNKNOWN_SQL = "SELECT * FROM interaction WHERE phone = ? AND +caller_id IS NULL ORDER BY started_at DESC LIMIT 20"


def baseline(conn: sqlite3.Connection, e164: str) -> str | None:
    row = conn.execute(PHONE_SQL, (e164,)).fetchone()
    if row is None:
        conn.execute(UNKNOWN_SQL, (e164,)).fetchall()
        return None
    conn.execute(HISTORY_SQL, (row[0],)).fetchall()
    return str(row[0])


def read_file(db: Path) -> float:
    t0 = timer()
    with db.open("rb") as handle:
        while handle.read(1 << 24):
            pass
    return (timer() - t0) / 1e9


def query_plans(conn: sqlite3.Connection) -> dict[str, list[str]]:
    plans = {}
    for name, sql, args in (("phone", PHONE_SQL, ("+440",)), ("history", HISTORY_SQL, ("0",)),
                            ("unknown", UNKNOWN_SQL, ("+440",))):
        plans[name] = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)]
    return plans


def measure(runtime: Any, conn: sqlite3.Connection, numbers: list[dict[str, Any]], expect: str) -> dict[str, Any]:
    app_ns: list[int] = []
    app_cpu_ns: list[int] = []
    base_ns: list[int] = []
    parse_ns: list[int] = []
    wrong = 0
    region = runtime.default_region
    load_before = load_average()
    for k, item in enumerate(numbers):
        e164 = item["e164"]
        for first_app in ((True, False) if k % 2 else (False, True)):
            if first_app:
                c0, t0 = cpu_timer(), timer()
                pop = screen_pop(runtime, e164)
                app_ns.append(timer() - t0)
                app_cpu_ns.append(cpu_timer() - c0)
            else:
                t0 = timer()
                found = baseline(conn, e164)
                base_ns.append(timer() - t0)
        t0 = timer()
        lookup_keys(e164, region)
        parse_ns.append(timer() - t0)
        if expect == "exact":
            ok = pop.match is Match.EXACT and pop.caller is not None and pop.caller.id.hex == item["caller_id"]
            ok = ok and found == item["caller_id"]
        else:
            ok = pop.match is not Match.EXACT and found is None
            ok = ok and (expect != "history" or len(pop.history) > 0)
        wrong += not ok
    return {"app": percentiles(app_ns), "app_cpu": percentiles(app_cpu_ns), "baseline": percentiles(base_ns),
            "parse": percentiles(parse_ns),
            "wrong": wrong, "load_before": load_before, "load_after": load_average()}


class PrebuiltSketch:
    """Not the app: a sketch of the change suggested in BENCHMARKS.md. The exact-match screen pop with its seven
    statements built once (values as bind parameters, so SQLAlchemy neither rebuilds them nor recomputes their cache
    keys on every call) and the app's own row mappers. `measure_sketch` checks it returns what the app returns."""

    def __init__(self) -> None:
        p, c, i = tables.caller_phone, tables.caller, tables.interaction
        ec, v, cid = tables.emergency_contact, tables.vulnerability, bindparam("cid")
        self.ids = (select(p.c.caller_id).join(c, c.c.id == p.c.caller_id)
                    .where(p.c.e164 == bindparam("e164"), c.c.deleted_at.is_(None)).distinct())
        self.caller = select(c).where(c.c.id == cid)
        self.phones = (select(p.c.e164, p.c.label, p.c.is_primary).where(p.c.caller_id == cid)
                       .order_by(p.c.is_primary.desc(), p.c.created_at))
        self.recent = select(i).where(i.c.caller_id == cid).order_by(i.c.started_at.desc()).limit(20)
        self.contacts = (select(ec).where(ec.c.caller_id == cid, ec.c.deleted_at.is_(None))
                         .order_by(ec.c.priority, ec.c.name))
        self.vulnerabilities = (select(v).where(v.c.caller_id == cid, v.c.deleted_at.is_(None))
                                .order_by(v.c.review_by))
        self.follow_ups = (select(i).where(i.c.caller_id == cid, i.c.follow_up_due.is_not(None),
                                           i.c.follow_up_done_at.is_(None)).order_by(i.c.follow_up_due))

    def pop(self, runtime: Any, raw: str) -> tuple[Any, ...]:
        keys = lookup_keys(raw, runtime.default_region)
        with runtime.db.read() as conn:
            (cid,) = conn.execute(self.ids, {"e164": keys.e164}).scalars().all()
            args = {"cid": cid}
            row = conn.execute(self.caller, args).mappings().one()
            phones = [PhoneNumber(e164=e, label=label, is_primary=bool(primary))
                      for e, label, primary in conn.execute(self.phones, args)]
            return (
                caller_from_row(row, phones),
                tuple(interaction_from_row(r) for r in conn.execute(self.recent, args).mappings()),
                tuple(contact_from_row(r) for r in conn.execute(self.contacts, args).mappings()),
                tuple(vulnerability_from_row(r) for r in conn.execute(self.vulnerabilities, args).mappings()),
                tuple(interaction_from_row(r) for r in conn.execute(self.follow_ups, args).mappings()),
            )


def measure_sketch(runtime: Any, numbers: list[dict[str, Any]]) -> dict[str, Any]:
    """The app's screen_pop beside PrebuiltSketch on the same known numbers, alternating."""
    sketch = PrebuiltSketch()
    times: dict[str, list[int]] = {"app": [], "app_cpu": [], "sketch": [], "sketch_cpu": []}
    differ = 0
    load_before = load_average()
    for k, item in enumerate(numbers):
        for name in (("app", "sketch") if k % 2 else ("sketch", "app")):
            c0, t0 = cpu_timer(), timer()
            if name == "app":
                pop = screen_pop(runtime, item["e164"])
            else:
                made = sketch.pop(runtime, item["e164"])
            times[name].append(timer() - t0)
            times[name + "_cpu"].append(cpu_timer() - c0)
        app = (pop.caller, pop.history, pop.emergency_contacts, pop.vulnerabilities, pop.follow_ups)
        differ += app != made
    return {**{name: percentiles(ns) for name, ns in times.items()}, "differ": differ,
            "load_before": load_before, "load_after": load_average()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="folder holding cxassist.db and its sidecar")
    parser.add_argument("--lookups", type=int, default=2000, help="measured lookups per class")
    parser.add_argument("--warmup", type=int, default=200, help="lookups per class before measuring")
    parser.add_argument("--unknown-lookups", type=int, default=None,
                        help="measured lookups per unknown-number class (default: --lookups)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="also profile known-number pops (cProfile)")
    parser.add_argument("--sketch", action="store_true",
                        help="also time the suggested prebuilt-statement sketch beside the app (known numbers)")
    parser.add_argument("--read-file-first", action="store_true",
                        help="read the whole database file once before measuring, so that it starts in the OS cache")
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir.absolute()
    db = data_dir / DB_NAME
    sidecar = read_sidecar(db)
    rng = random.Random(args.seed)
    read_seconds = read_file(db) if args.read_file_first else None
    runtime = open_runtime_for(data_dir)
    conn = raw_connection(db)
    classes = {
        "known": ("exact", sidecar["known"]),
        "unknown, never seen": ("none", [{"e164": n} for n in sidecar["unknown"]]),
        "unknown, called before": ("history", [{"e164": n} for n in sidecar["unknown_seen"]]),
    }
    results: dict[str, Any] = {}
    try:
        for name, (expect, pool) in classes.items():
            if not pool:
                continue
            lookups = args.lookups if expect == "exact" or args.unknown_lookups is None else args.unknown_lookups
            warmup = min(args.warmup, max(1, lookups // 10))
            wanted = lookups + warmup
            # a small database has fewer distinct numbers than lookups: then numbers repeat
            chosen = rng.sample(pool, wanted) if len(pool) >= wanted else rng.choices(pool, k=wanted)
            measure(runtime, conn, chosen[:warmup], expect)  # warm the caches and the code paths
            results[name] = measure(runtime, conn, chosen[warmup:], expect)
        sketch = None
        if args.sketch:
            pool = sidecar["known"]
            chosen = rng.sample(pool, min(len(pool), args.lookups + args.warmup))
            measure_sketch(runtime, chosen[: args.warmup])
            sketch = measure_sketch(runtime, chosen[args.warmup :])
        profile = None
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for item in rng.sample(sidecar["known"], min(len(sidecar["known"]), 500)):
                screen_pop(runtime, item["e164"])
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
            profile = out.getvalue()
        plans = query_plans(conn)
    finally:
        conn.close()
        runtime.close()

    print(f"screen_pop on {db} ({file_size(db) / 1e9:.2f} GB, {sidecar['callers']:,} callers, "
          f"{sidecar['interactions']:,} interactions); {utc_now()}; file read first: "
          f"{'no' if read_seconds is None else f'yes, {read_seconds:.1f} s'}")
    print(f"{'class':24} {'n':>5} {'app p50':>8} {'p95':>7} {'p99':>7} {'base p50':>9} {'p95':>7} {'p99':>7} "
          f"{'cpu p50':>7} {'p95':>7} {'parse p50':>9} {'wrong':>5}  load before -> after")
    for name, r in results.items():
        a, b, c, p = r["app"], r["baseline"], r["app_cpu"], r["parse"]
        print(f"{name:24} {a['n']:>5} {a['p50']:>8.3f} {a['p95']:>7.3f} {a['p99']:>7.3f} {b['p50']:>9.3f} "
              f"{b['p95']:>7.3f} {b['p99']:>7.3f} {c['p50']:>7.3f} {c['p95']:>7.3f} {p['p50']:>9.3f} "
              f"{r['wrong']:>5}  {r['load_before']} -> {r['load_after']}")
    print("(milliseconds of wall time; app = screen_pop, base = bare indexed sqlite3 query, cpu = CPU time of the "
          "app's thread during screen_pop, parse = lookup_keys alone)")
    if sketch:
        print(f"sketch (not the app; see PrebuiltSketch), known numbers, n={sketch['app']['n']}, "
              f"results differing from the app: {sketch['differ']}, load {sketch['load_before']} -> "
              f"{sketch['load_after']}")
        for name in ("app", "app_cpu", "sketch", "sketch_cpu"):
            r = sketch[name]
            print(f"  {name:11} p50 {r['p50']:7.3f}  p95 {r['p95']:7.3f}  p99 {r['p99']:7.3f}")
    for name, plan in plans.items():
        print(f"plan {name}: {'; '.join(plan)}")
    if profile:
        print(profile)
    print(json.dumps({"bench": "screen_pop", "command": command_line(), "at": utc_now(), "machine": machine(),
                      "db_bytes": file_size(db), "callers": sidecar["callers"],
                      "interactions": sidecar["interactions"], "read_file_first_seconds": read_seconds,
                      "results": results, "sketch": sketch, "plans": plans}))
    return 1 if any(r["wrong"] for r in results.values()) or (sketch and sketch["differ"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
