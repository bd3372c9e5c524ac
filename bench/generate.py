"""Generate a large, believable cxassist database for the benchmarks, fast and deterministically.

    python bench/generate.py --db /work/bench-data/1m/cxassist.db --callers 1000000 --interactions 10000000

The schema comes from the app itself (`cxassist.store.migrate.open_database`); the rows are then bulk-loaded with the
raw sqlite3 module: secondary indexes, the FTS triggers and the summary-table triggers are dropped for the load and
recreated afterwards (the FTS tables rebuilt with `cxassist.store.fts`, the supervisor's summary tables with
`cxassist.store.query.derived`), with journal_mode=OFF / synchronous=OFF while loading and WAL restored at the end.
A crash mid-load leaves a broken file: run it again with --force.

Worker processes (--workers, default one per CPU, at most 4) make the rows: each task (a range of callers, or of
days) is generated from its own random stream, seeded by --seed and the task's position, and written with
executemany into a shard file without indexes; the main process copies each shard into the database in task order
(INSERT ... SELECT). The rows are therefore the same whatever the number of workers, --workers 0 included
(everything in one process).

The same --seed gives the same rows (ids, numbers, notes, times); times are laid out over the two years before
--until (a fixed date by default, so that the data does not depend on the day it is made). Interactions are inserted
in time order, so rowid order is time order as on a real desktop. Rows are what a desktop would hold after a pull:
no outbox entries.

Numbers are valid UK numbers for libphonenumber, distinct for every caller (see fake_data.py). Beside the database,
PATH.numbers.json holds a sample of known numbers (with their caller ids), numbers never seen, and unknown numbers
with earlier calls, for the benchmarks.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cxassist.store import fts
from cxassist.store.migrate import open_database
from cxassist.store.query import derived

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import file_size, load_average, machine, sidecar_path, utc_now
from fake_data import (
    CHANNELS,
    CITIES,
    DRIVERS,
    FIRST,
    LAST,
    OUTCOMES,
    REASONS,
    RELATIONS,
    RESOLUTIONS,
    STREETS,
    TAG_SETS,
    Numbers,
    check_numbers,
    sentence_pool,
)

NODE = "benchgen"
SAMPLE_SIZE = 10_000
CALLERS_PER_TASK = 25_000
INTERACTIONS_PER_TASK = 100_000  # whole days, so a task may hold a little more
BATCH = 20_000  # rows per executemany in a worker
UNKNOWN_SHARE = 0.03  # interactions from numbers no caller has
FREQUENT_SHARE = 0.30  # interactions drawn from the frequent tenth of callers (who then have ~37 each)
DAYS = 730

_VERSION = bytes((b & 0x0F) | 0x40 for b in range(256))  # UUID version 4 in byte 6
_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))  # RFC 4122 variant in byte 8
_PHONE_COUNT = bytes(1 if b < 77 else 2 if b < 192 else 3 for b in range(256))  # 30% one, 45% two, 25% three

CALLER_COLUMNS = {
    "caller": "id,full_name,preferred_name,pronunciation,email,address_lines,city,postcode,country,preferred_channel,"
    "language,customer_since,external_id,notes,tags,needs_attention,deleted_at,created_at,updated_at,hlc",
    "caller_phone": "id,caller_id,e164,national,tail,label,is_primary,created_at,updated_at,hlc",
    "emergency_contact": "id,caller_id,name,relationship,phones,may_contact_for,consent_at,consent_how,consent_by,"
    "priority,deleted_at,created_at,updated_at,hlc",
    "vulnerability": "id,caller_id,driver,detail,adjustments,consent_at,consent_how,consent_by,recorded_by,review_by,"
    "deleted_at,created_at,updated_at,hlc",
}
INTERACTION_COLUMNS = {
    "interaction": "id,caller_id,phone,agent_id,channel,direction,status,started_at,ended_at,reason,outcome,"
    "resolution,follow_up_due,follow_up_owner,follow_up_kind,follow_up_done_at,note,tags,flag_emergency,"
    "flag_vulnerable,flag_conflict,created_at,updated_at,hlc",
}


def uuid4_hex(rng: random.Random, count: int) -> str:
    """`count` random version-4 UUIDs from `rng`, as one string of 32-character lowercase hex ids."""
    raw = bytearray(rng.randbytes(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION)
    raw[8::16] = raw[8::16].translate(_VARIANT)
    return raw.hex()


def iso(day: date, seconds: int = 0, micros: int = 0) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{day.isoformat()}T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.{micros:06d}+00:00"


def stamp(day: date, seconds: int = 0) -> str:
    """The hybrid logical clock text of a row written at `day` + `seconds`."""
    return f"{((day - date(1970, 1, 1)).days * 86400 + seconds) * 1000:015d}-00000-{NODE}"


def open_shard(path: Path, tables: dict[str, str]) -> sqlite3.Connection:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    for name, columns in tables.items():
        conn.execute(f"CREATE TABLE {name} ({columns})")
    return conn


def insert(conn: sqlite3.Connection, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    marks = ",".join("?" * (columns.count(",") + 1))
    conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


class Generator:
    """Everything a task needs, made once in the main process (workers inherit it when they fork)."""

    def __init__(self, *, seed: int, callers: int, interactions: int, until: date, shards: Path) -> None:
        self.seed, self.n, self.m, self.shards = seed, callers, interactions, shards
        self.first_day = until - timedelta(days=DAYS)
        self.days = [self.first_day + timedelta(days=d) for d in range(DAYS + 31)]
        self.day_text = [d.isoformat() for d in self.days]
        epoch = date(1970, 1, 1)
        self.day_epoch = [(d - epoch).days * 86400 for d in self.days]
        self.numbers = Numbers(seed, callers)
        self.agents = [f"agent{k:03d}" for k in range(200)]
        self.caller_hex = uuid4_hex(random.Random(f"{seed}:caller-ids"), callers)
        # Per caller: bits 0-1 the count of numbers, bit 2 a landline first, bit 3 vulnerable.
        rng = random.Random(f"{seed}:caller-meta")
        parts = (rng.randbytes(callers).translate(_PHONE_COUNT),
                 rng.randbytes(callers).translate(bytes(4 if b < 77 else 0 for b in range(256))),
                 rng.randbytes(callers).translate(bytes(8 if b < 20 else 0 for b in range(256))))
        self.meta = (int.from_bytes(parts[0]) | int.from_bytes(parts[1]) | int.from_bytes(parts[2])).to_bytes(callers)
        self.pool = sentence_pool()

    def caller_id(self, i: int) -> str:
        return self.caller_hex[32 * i : 32 * i + 32]

    def tasks(self) -> list[tuple[str, int, int, int]]:
        """(kind, number, first, stop): caller index ranges, then day ranges of about INTERACTIONS_PER_TASK rows."""
        found = [("callers", k, start, min(start + CALLERS_PER_TASK, self.n))
                 for k, start in enumerate(range(0, self.n, CALLERS_PER_TASK))]
        first, rows = 0, 0
        for d, count in enumerate(self.day_counts()):
            rows += count
            if rows >= INTERACTIONS_PER_TASK or d == DAYS - 1:
                found.append(("interactions", len(found), first, d + 1))
                first, rows = d + 1, 0
        return found

    def run(self, task: tuple[str, int, int, int]) -> dict[str, Any]:
        kind, number, first, stop = task
        path = self.shards / f"{kind}-{number:05d}.db"
        conn = open_shard(path, CALLER_COLUMNS if kind == "callers" else INTERACTION_COLUMNS)
        try:
            result = (self.callers if kind == "callers" else self.interactions)(conn, number, first, stop)
        finally:
            conn.close()
        return {"kind": kind, "path": str(path), **result}

    # -- callers, their numbers, emergency contacts and vulnerabilities --------------------------------------------

    def callers(self, conn: sqlite3.Connection, number: int, first: int, stop: int) -> dict[str, Any]:
        rng = random.Random(f"{self.seed}:callers:{number}")
        rand = rng.random
        row_ids = uuid4_hex(rng, 8 * (stop - first))  # enough for 3 numbers, 2 contacts and 2 vulnerabilities each
        next_id = 0
        callers: list[tuple[Any, ...]] = []
        phones: list[tuple[Any, ...]] = []
        contacts: list[tuple[Any, ...]] = []
        vulns: list[tuple[Any, ...]] = []
        since_span = (self.days[DAYS - 1] - date(2005, 1, 1)).days
        for i in range(first, stop):
            cid, meta = self.caller_id(i), self.meta[i]
            first_name, _, nick = FIRST[int(rand() * len(FIRST))].partition(" ")
            last = LAST[int(rand() * len(LAST))]
            city, area = CITIES[int(rand() * len(CITIES))]
            since = date(2005, 1, 1) + timedelta(days=int(rand() * since_span))
            created, version = iso(since, 32400), stamp(since, 32400)
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            callers.append((
                cid, f"{first_name} {last}", nick if nick and rand() < 0.6 else "", "",
                f"{first_name}.{last}{i}@example.com".lower().replace("'", "") if rand() < 0.7 else "",
                f'["{1 + int(rand() * 180)} {STREETS[int(rand() * len(STREETS))]}"]', city,
                f"{area}{1 + int(rand() * 20)} {int(rand() * 10)}{letters[int(rand() * 20)]}"
                f"{letters[int(rand() * 20)]}", "GB", (None, None, "phone", "email", "chat")[int(rand() * 5)], "en",
                since.isoformat(), f"CRM-{i:08d}" if rand() < 0.7 else None, "",
                '["vip"]' if rand() < 0.02 else "[]", 0, None, created, created, version,
            ))
            for slot in range(meta & 3):
                e164 = self.numbers.of_caller(i, slot, bool(meta & 4))
                label = "mobile" if e164.startswith("+447") else ("home", "work")[slot % 2]
                phones.append((row_ids[32 * next_id : 32 * next_id + 32], cid, e164, e164[3:], e164[-7:], label,
                               1 if slot == 0 else 0, iso(since, 32400, slot), created, version))
                next_id += 1
            if rand() < 0.15:
                for priority in range(1, 2 + (rand() < 0.3)):
                    contacts.append((
                        row_ids[32 * next_id : 32 * next_id + 32], cid,
                        f"{FIRST[int(rand() * len(FIRST))].split()[0]} {last}",
                        RELATIONS[int(rand() * len(RELATIONS))],
                        f'[{{"e164":"{self.numbers.contact(2 * i + priority)}","label":"mobile","is_primary":true}}]',
                        ('["health","welfare"]', '["welfare"]', '["any"]')[int(rand() * 3)],
                        created, "verbal, on a recorded call", self.agents[int(rand() * 200)], priority, None,
                        created, created, version,
                    ))
                    next_id += 1
            if meta & 8:
                for _ in range(1 + (rand() < 0.25)):
                    driver, detail, adjust = DRIVERS[int(rand() * len(DRIVERS))]
                    review = self.days[DAYS - 1] + timedelta(days=int(rand() * 425) - 60)
                    recorded = review - timedelta(days=365)  # a review is due at most 12 months on
                    at, agent = iso(recorded, 36000), self.agents[int(rand() * 200)]
                    vulns.append((row_ids[32 * next_id : 32 * next_id + 32], cid, driver, detail, adjust, at,
                                  "verbal, on a recorded call", agent, agent, review.isoformat(), None, at, at,
                                  stamp(recorded, 36000)))
                    next_id += 1
        conn.execute("BEGIN")
        for table, rows in (("caller", callers), ("caller_phone", phones), ("emergency_contact", contacts),
                            ("vulnerability", vulns)):
            insert(conn, table, CALLER_COLUMNS[table], rows)
        conn.execute("COMMIT")
        return {"caller": len(callers), "caller_phone": len(phones), "emergency_contact": len(contacts),
                "vulnerability": len(vulns)}

    # -- interactions, day by day in time order -------------------------------------------------------------------

    def day_counts(self) -> list[int]:
        weights = [(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.25)[self.days[d].weekday()] for d in range(DAYS)]
        total = sum(weights)
        exact = [self.m * w / total for w in weights]
        counts = [int(x) for x in exact]
        by_remainder = sorted(range(DAYS), key=lambda d: exact[d] - counts[d], reverse=True)
        for d in by_remainder[: self.m - sum(counts)]:
            counts[d] += 1
        return counts

    def interactions(self, conn: sqlite3.Connection, _number: int, first: int, stop: int) -> dict[str, Any]:
        counts = self.day_counts()
        done, open_follow_ups, used, rows = 0, 0, set(), []
        for d in range(first, stop):
            opened = self.day(d, counts[d], rows, used)
            open_follow_ups += opened
            if len(rows) >= BATCH or d == stop - 1:
                conn.execute("BEGIN")
                insert(conn, "interaction", INTERACTION_COLUMNS["interaction"], rows)
                conn.execute("COMMIT")
                done += len(rows)
                rows = []
        return {"interaction": done, "open_follow_ups": open_follow_ups, "unknown_used": sorted(used)}

    def day(self, d: int, count: int, rows: list[tuple[Any, ...]], used: set[int]) -> int:
        """Append day `d`'s `count` interactions to `rows` in time order; returns how many follow-ups stay open."""
        rng = random.Random(f"{self.seed}:day:{d}")
        rand = rng.random
        ids = uuid4_hex(rng, count)
        pool, agents, meta, numbers, caller_hex = self.pool, self.agents, self.meta, self.numbers, self.caller_hex
        n_pool, n, frequent, unknown_pool = len(pool), self.n, max(1, self.n // 10), numbers.unknown_pool
        ds, epoch, last_day, tod = self.day_text[d], self.day_epoch[d], DAYS - 1, _TIME_OF_DAY
        opened = 0
        for k, sec in enumerate(sorted(28800 + int(rand() * 43200) for _ in range(count))):
            r = rand()
            if r < UNKNOWN_SHARE:
                cid, m = None, 0
                j = int(rand() * unknown_pool)
                used.add(j)
                phone = numbers.unknown_seen(j)
            else:
                i = int(rand() * frequent) if r < UNKNOWN_SHARE + FREQUENT_SHARE else int(rand() * n)
                cid, m = caller_hex[32 * i : 32 * i + 32], meta[i]
                slot = 0 if rand() < 0.7 else int(rand() * (m & 3))
                phone = numbers.of_caller(i, slot, bool(m & 4))
            us, end = int(rand() * 1_000_000), sec + 60 + int(rand() * 1500)
            started, ended = f"{ds}{tod[sec]}{us:06d}+00:00", f"{ds}{tod[end]}{us:06d}+00:00"
            agent = agents[int(rand() * 200)]
            sentences = int(rand() * 3)
            note = pool[int(rand() * n_pool)] if sentences == 0 else " ".join(
                pool[int(rand() * n_pool)] for _ in range(sentences + 1))
            due = done_at = None
            owner = kind = ""
            if rand() < 0.06:
                due_day = d + 1 + int(rand() * 14)
                due, owner = self.day_text[due_day], agent
                kind = "senior-callback" if rand() < 0.1 else "callback"
                if due_day >= last_day - 21 and rand() < 0.6:
                    opened += 1
                else:
                    done_at = f"{self.day_text[min(due_day, last_day)]}T11:30:00.000000+00:00"
            vulnerable = 1 if m & 8 else 0
            rows.append((
                ids[32 * k : 32 * k + 32], cid, phone, agent, CHANNELS[int(rand() * 100)],
                "outbound" if rand() < 0.08 else "inbound", "completed", started, ended,
                REASONS[int(rand() * 14)], OUTCOMES[int(rand() * 100)], RESOLUTIONS[int(rand() * 8)],
                due, owner, kind, done_at, note, TAG_SETS[int(rand() * 8)],
                1 if rand() < (0.01 if vulnerable else 0.0005) else 0, vulnerable,
                1 if rand() < 0.001 else 0, started, ended,
                f"{(epoch + end) * 1000 + us // 1000:015d}-00000-{NODE}",
            ))
        return opened

    # -- the sample of numbers the benchmarks look up --------------------------------------------------------------

    def sample(self, unknown_used: set[int]) -> dict[str, Any]:
        rng = random.Random(f"{self.seed}:sample")
        size = min(SAMPLE_SIZE, max(1000, self.n))
        known = []
        for i in rng.sample(range(self.n), min(self.n, size)):
            m = self.meta[i]
            slot = int(rng.random() * (m & 3))
            known.append({"e164": self.numbers.of_caller(i, slot, bool(m & 4)), "caller_id": self.caller_id(i)})
        used = sorted(unknown_used)
        seen = [self.numbers.unknown_seen(j) for j in rng.sample(used, min(len(used), size))]
        never = [self.numbers.never_seen(j) for j in range(size)]
        return {"known": known, "unknown": never, "unknown_seen": seen}


_TIME_OF_DAY = [f"T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}." for s in range(86400)]
_GENERATOR: Generator | None = None  # set before the workers fork


def _run_task(task: tuple[str, int, int, int]) -> dict[str, Any]:
    assert _GENERATOR is not None
    return _GENERATOR.run(task)


class _Driver:
    """What `cxassist.store.fts` needs of a connection (`exec_driver_sql`), over a raw sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def exec_driver_sql(self, sql: str) -> sqlite3.Cursor:
        return self.conn.execute(sql)


def _merge(conn: sqlite3.Connection, result: dict[str, Any]) -> None:
    """Copy one shard into the database, in its row order, and delete it."""
    tables = CALLER_COLUMNS if result["kind"] == "callers" else INTERACTION_COLUMNS
    conn.execute("ATTACH DATABASE ? AS shard", (result["path"],))
    conn.execute("BEGIN")
    for table, columns in tables.items():
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM shard.{table} ORDER BY rowid")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE shard")
    Path(result["path"]).unlink()


def generate(db: Path, *, callers: int, interactions: int, seed: int, until: date, cache_mb: int, workers: int,
             quiet: bool = False) -> dict[str, Any]:
    global _GENERATOR
    started = time.perf_counter()
    load_before = load_average()
    phases: dict[str, float] = {}

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        phases[name] = round(now - since, 2)
        if not quiet:
            print(f"  {name}: {now - since:.1f} s (total {now - started:.1f} s, load {load_average()})", flush=True)
        return now

    open_database(db).close()  # the app's own schema, at its newest revision
    mark = phase("schema", started)
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "locking_mode=EXCLUSIVE",
                   f"cache_size=-{cache_mb * 1024}", "temp_store=MEMORY", "threads=2"):
        conn.execute(f"PRAGMA {pragma}")
    loaded = (*CALLER_COLUMNS, *INTERACTION_COLUMNS)
    marks = ",".join("?" * len(loaded))
    indexes = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({marks}) ORDER BY name", loaded).fetchall()
    triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    # The search index and the supervisor's summary tables are rebuilt after the load by their own modules; any
    # other trigger (one this script does not know how to make up for) stays and fires for every row.
    for name in sorted(t for t in triggers if "_fts_" in t or t in derived.TRIGGERS):
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    shards = db.parent / f".{db.name}.shards"
    shards.mkdir(exist_ok=True)
    for leftover in shards.glob("*.db"):  # from a run that was interrupted
        leftover.unlink()
    gen = _GENERATOR = Generator(seed=seed, callers=callers, interactions=interactions, until=until, shards=shards)
    conn.execute("BEGIN")
    insert(conn, "agent", "id,display_name,role,team,created_at,updated_at,hlc", [
        (a, f"Agent {k}", "supervisor" if k % 20 == 0 else "agent", f"team{k % 8}", iso(gen.first_day),
         iso(gen.first_day), stamp(gen.first_day)) for k, a in enumerate(gen.agents)
    ])
    conn.execute("COMMIT")
    mark = phase("prepare", mark)
    counts: dict[str, int] = {}
    unknown_used: set[int] = set()
    tasks = gen.tasks()
    if workers and "fork" not in multiprocessing.get_all_start_methods():
        print("  no fork() on this platform: making the rows in this process", flush=True)
        workers = 0
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 0 else None
    try:
        results = pool.imap(_run_task, tasks) if pool else map(_run_task, tasks)
        for done, result in enumerate(results, 1):
            _merge(conn, result)
            unknown_used.update(result.pop("unknown_used", ()))
            for key, value in result.items():
                if isinstance(value, int):
                    counts[key] = counts.get(key, 0) + value
            if not quiet and (done % 10 == 0 or done == len(tasks)):
                print(f"  rows: {counts.get('caller', 0):,} callers, {counts.get('interaction', 0):,} interactions "
                      f"({done}/{len(tasks)} tasks, {time.perf_counter() - started:.0f} s, load {load_average()})",
                      flush=True)
    finally:
        if pool:
            pool.close()
            pool.join()
    shards.rmdir()
    mark = phase("rows", mark)
    conn.execute("BEGIN")
    for name, sql in indexes:
        conn.execute(sql)
        mark = phase(f"index {name}", mark)
    conn.execute("COMMIT")
    conn.execute("BEGIN")
    fts.install(_Driver(conn))  # type: ignore[arg-type]
    fts.rebuild(_Driver(conn))  # type: ignore[arg-type]
    conn.execute("COMMIT")
    mark = phase("fts rebuild", mark)
    conn.execute("BEGIN")
    derived.install(_Driver(conn))
    derived.rebuild(_Driver(conn))
    conn.execute("COMMIT")
    mark = phase("summary tables rebuild", mark)
    missing = triggers - {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    if missing:
        sys.exit(f"triggers not recreated after the load: {', '.join(sorted(missing))}")
    conn.execute("PRAGMA locking_mode=NORMAL")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    sample = gen.sample(unknown_used)
    check_numbers(sample, gen.numbers)
    open_database(db).close()  # the app opens what we made, without migrating it
    phase("sample and check", mark)
    total = round(time.perf_counter() - started, 1)
    summary = {
        "db": str(db), "seed": seed, "until": until.isoformat(), "callers": callers,
        "interactions": interactions, "workers": workers, "counts": counts, "seconds": total, "phases": phases,
        "bytes": file_size(db), "load_before": load_before, "load_after": load_average(), "at": utc_now(),
        "machine": machine(),
    }
    sidecar = {k: summary[k] for k in ("seed", "until", "callers", "interactions", "counts")}
    sidecar_path(db).write_text(json.dumps({**sidecar, **sample}), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="file to create: DIR/cxassist.db")
    parser.add_argument("--callers", type=int, required=True)
    parser.add_argument("--interactions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=date(2026, 11, 1),
                        help="the day after the newest interaction (default 2026-11-01)")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                        help="processes making rows (0: all in this process); the rows do not depend on it")
    parser.add_argument("--cache-mb", type=int, default=1024, help="SQLite page cache while loading (MiB)")
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.callers < 1 or args.interactions < 0 or args.workers < 0:
        parser.error("--callers must be at least 1, --interactions and --workers at least 0")
    db: Path = args.db.absolute()
    related = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), sidecar_path(db)]
    if any(p.exists() for p in related):
        if not args.force:
            parser.error(f"{db} exists: pass --force to replace it")
        for p in related:
            p.unlink(missing_ok=True)
    summary = generate(db, callers=args.callers, interactions=args.interactions, seed=args.seed,
                       until=args.until, cache_mb=args.cache_mb, workers=args.workers, quiet=args.quiet)
    seconds = summary["seconds"]
    print(f"generated {args.callers:,} callers / {args.interactions:,} interactions in {seconds:.1f} s "
          f"({seconds / 60:.1f} min); {summary['bytes'] / 1e9:.2f} GB at {db}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
