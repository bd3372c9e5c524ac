"""Supervisor console queries over a generated database, each beside its bare SQLite baseline in the same run.

    python bench/bench_console.py --data-dir /work/bench-data/1m [--repeat 7] [--export-rows 1000000]

The app side goes through the services the console calls (`services.review.log_page`, `services.dashboard`,
`services.export.export_to_file`), over a Runtime built as the app builds it; opening it migrates an older file
(the time is reported). Measured, newest data as "today" (the generator's --until):

- first page (100 rows) of each single filter: a 7-day range, an agent, a team, a channel (the commonest and the
  rarest), an outcome, a tag (common, and one nobody used), emergency, vulnerable, follow-up overdue, not reviewed, a
  caller; and two filters at once. Baseline: `SELECT * FROM interaction ORDER BY started_at DESC LIMIT 100`.
- full-text search, first page: a common word, a rare word, a prefix, a word with an agent filter, a word nobody
  wrote. Baseline: the bare FTS5 rowid walk `... MATCH '"word"' ORDER BY rowid DESC LIMIT 100`.
- export of the newest `--export-rows` interactions (a date range) to CSV, rows per second. Baseline: the same rows
  read with the bare sqlite3 module.
- the dashboard for 90 days (all charts), unfiltered and for one team. Baseline: `SELECT count(*)` over the range.

Each timed case runs once cold (reported apart) and then `--repeat` times; p50/p95/max in ms. Load averages are
recorded before and after.

`--read-only` opens the database read-only (SQLite `mode=ro`) with the app's engine and pragmas and never migrates
it: for a generated database at an older schema that must not be backed up and upgraded (a 10 GB copy) just to be
read. Every part measured here only reads.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cxassist.domain.models import Channel, Outcome
from cxassist.services import review
from cxassist.services.dashboard import dashboard
from cxassist.services.export import ExportFormat, export_to_file
from cxassist.store.query import InteractionQuery

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    DB_NAME,
    command_line,
    load_average,
    machine,
    open_runtime_for,
    percentiles,
    raw_connection,
    timer,
    utc_now,
)

BASELINE_PAGE = "SELECT * FROM interaction ORDER BY started_at DESC LIMIT 100"
BASELINE_FTS = "SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH ? ORDER BY rowid DESC LIMIT 100"


def timed(fn: Any, repeat: int) -> dict[str, Any]:
    start = timer()
    result = fn()
    cold = (timer() - start) / 1e6
    samples = []
    for _ in range(repeat):
        start = timer()
        fn()
        samples.append(timer() - start)
    return {"cold_ms": round(cold, 3), **percentiles(samples), "result": result}


def facts(raw: sqlite3.Connection) -> dict[str, Any]:
    newest = raw.execute("SELECT max(started_at) FROM interaction").fetchone()[0]
    agent = raw.execute("SELECT agent_id FROM interaction ORDER BY started_at DESC LIMIT 1").fetchone()[0]
    team = raw.execute("SELECT team FROM agent WHERE id = ?", (agent,)).fetchone()
    caller = raw.execute(
        "SELECT caller_id FROM interaction WHERE caller_id IS NOT NULL ORDER BY started_at DESC LIMIT 1"
    ).fetchone()[0]
    channels = raw.execute("SELECT channel, sum(n) FROM interaction_hourly GROUP BY channel ORDER BY 2 DESC").fetchall()
    tags = raw.execute("SELECT tag FROM interaction_tag ORDER BY started_at DESC LIMIT 1").fetchone()
    return {
        "today": datetime.fromisoformat(newest).date(),
        "agent": agent,
        "team": team[0] if team and team[0] else None,
        "caller": caller,
        "common_channel": channels[0][0],
        "rare_channel": channels[-1][0],
        "tag": tags[0] if tags else "refund",
    }


def page_cases(f: dict[str, Any]) -> dict[str, InteractionQuery]:
    from uuid import UUID  # noqa: PLC0415

    today: date = f["today"]
    cases = {
        "no filter": InteractionQuery(),
        "last 7 days": InteractionQuery.for_days(today - timedelta(days=6), today, tz=UTC),
        "one agent": InteractionQuery(agent_ids=(f["agent"],)),
        "common channel": InteractionQuery(channels=(Channel(f["common_channel"]),)),
        "rare channel": InteractionQuery(channels=(Channel(f["rare_channel"]),)),
        "outcome failed": InteractionQuery(outcomes=(Outcome.FAILED,)),
        "tag": InteractionQuery(tags=(f["tag"],)),
        "tag nobody used": InteractionQuery(tags=("no-such-tag",)),
        "emergency": InteractionQuery(emergency=True),
        "vulnerable": InteractionQuery(vulnerable=True),
        "follow-up overdue": InteractionQuery(follow_up_overdue_on=today),
        "not reviewed": InteractionQuery(not_reviewed=True),
        "one caller": InteractionQuery(caller_id=UUID(hex=f["caller"])),
        "agent + emergency": InteractionQuery(agent_ids=(f["agent"],), emergency=True),
        "sorted by agent": InteractionQuery(sort=review.store_query.SortKey.AGENT),
    }
    if f["team"]:
        cases["one team"] = InteractionQuery(team=f["team"])
        cases["team + rare channel + 30 days"] = InteractionQuery.for_days(
            today - timedelta(days=29), today, tz=UTC, team=f["team"], channels=(Channel(f["rare_channel"]),)
        )
    return {name: query for name, query in cases.items()}


def search_cases(f: dict[str, Any]) -> dict[str, tuple[InteractionQuery, str]]:
    return {
        "commonest word (the)": (InteractionQuery(text="the"), '"the"'),
        "common word (refund)": (InteractionQuery(text="refund"), '"refund"'),
        "rare word (escalate)": (InteractionQuery(text="escalate"), '"escalate"'),
        "prefix (escal*)": (InteractionQuery(text="escal*"), '"escal"*'),
        "two words": (InteractionQuery(text="refund escalate"), '"refund" "escalate"'),
        "word + one agent": (InteractionQuery(text="refund", agent_ids=(f["agent"],)), '"refund"'),
        "word + emergency": (InteractionQuery(text="refund", emergency=True), '"refund"'),
        "word nobody wrote": (InteractionQuery(text="zyzzogeton"), '"zyzzogeton"'),
    }


def bench_pages(runtime: Any, raw: sqlite3.Connection, f: dict[str, Any], repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {"baseline": timed(lambda: len(raw.execute(BASELINE_PAGE).fetchall()), repeat)}
    for name, query in page_cases(f).items():
        out[name] = timed(lambda q=query: len(review.log_page(runtime, q).rows), repeat)
        with runtime.db.read() as conn:
            out[name]["driver"] = review.store_query.explain(conn, query)["driver"]
    return out


def bench_duty(runtime: Any, f: dict[str, Any], repeat: int) -> dict[str, Any]:
    from cxassist.store.query import duty_of_care_page  # noqa: PLC0415

    def first_page() -> int:
        with runtime.db.read() as conn:
            return len(duty_of_care_page(conn, today=f["today"], size=100).items)

    return {"duty-of-care queue": timed(first_page, repeat)}


def bench_search(runtime: Any, raw: sqlite3.Connection, f: dict[str, Any], repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (query, bare) in search_cases(f).items():
        out[name] = timed(lambda q=query: len(review.log_page(runtime, q).rows), repeat)
        out[name]["baseline"] = timed(lambda b=bare: len(raw.execute(BASELINE_FTS, (b,)).fetchall()), repeat)
    return out


def bench_export(runtime: Any, raw: sqlite3.Connection, rows: int) -> dict[str, Any]:
    """The newest `rows` interactions to a file, CSV then JSON lines; the first CSV run reads pages from disk (cold),
    the second finds them cached (warm). The baseline reads the same rows with the bare sqlite3 module."""
    row = raw.execute("SELECT started_at FROM interaction ORDER BY started_at DESC LIMIT 1 OFFSET ?", (rows - 1,))
    since = datetime.fromisoformat(row.fetchone()[0])
    query = InteractionQuery(start=since)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for label, fmt in (
            ("csv cold", ExportFormat.CSV),
            ("csv warm", ExportFormat.CSV),
            ("jsonl", ExportFormat.JSONL),
        ):
            target = Path(folder) / f"export.{fmt.value}"
            start = timer()
            count = export_to_file(runtime, query, fmt, target)
            seconds = (timer() - start) / 1e9
            out[label] = {"rows": count, "seconds": round(seconds, 2), "rows_per_second": round(count / seconds),
                          "bytes": target.stat().st_size}  # fmt: skip
            target.unlink()
    start = timer()
    bare = sum(1 for _ in raw.execute("SELECT * FROM interaction WHERE started_at >= ?", (since.isoformat(),)))
    out["baseline"] = {"rows": bare, "rows_per_second": round(bare / ((timer() - start) / 1e9))}
    return out


def bench_dashboard(runtime: Any, raw: sqlite3.Connection, f: dict[str, Any], repeat: int) -> dict[str, Any]:
    today: date = f["today"]
    first = today - timedelta(days=89)
    everyone = InteractionQuery.for_days(first, today, tz=UTC)
    out: dict[str, Any] = {
        "90 days": timed(lambda: dashboard(runtime, everyone, tz=UTC).overall.total, repeat),
    }
    if f["team"]:
        team = InteractionQuery.for_days(first, today, tz=UTC, team=f["team"])
        out["90 days, one team"] = timed(lambda: dashboard(runtime, team, tz=UTC).overall.total, repeat)
    vulnerable = InteractionQuery.for_days(first, today, tz=UTC, emergency=True)
    out["90 days, emergency (live)"] = timed(lambda: dashboard(runtime, vulnerable, tz=UTC).overall.total, repeat)
    start, end = everyone.start.isoformat(), everyone.end.isoformat()  # type: ignore[union-attr]
    out["baseline count(*)"] = timed(
        lambda: raw.execute(
            "SELECT count(*) FROM interaction WHERE started_at >= ? AND started_at < ?", (start, end)
        ).fetchone()[0],
        repeat,
    )
    return out


def open_read_only(data_dir: Path) -> Any:
    """A Runtime as the app builds it, over the database opened read-only and not migrated."""
    from cxassist.config import load_settings, resolve_paths  # noqa: PLC0415 - only for this mode
    from cxassist.domain.hlc import HybridClock  # noqa: PLC0415
    from cxassist.services.runtime import Runtime, node_id  # noqa: PLC0415
    from cxassist.store.engine import Database, create_sqlite_engine  # noqa: PLC0415

    settings = load_settings(data_dir=data_dir)
    paths = resolve_paths(settings)
    if paths.database != data_dir / DB_NAME:
        sys.exit(f"the app would open {paths.database}, not {data_dir / DB_NAME}: check CXASSIST_* variables")
    db = Database(create_sqlite_engine(Path(f"file:{paths.database}?mode=ro&uri=true")), paths.database)
    return Runtime(db=db, settings=settings, paths=paths, agent_id=settings.agent.id, clock=HybridClock(node_id(db)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help=f"folder holding {DB_NAME}")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--export-rows", type=int, default=1_000_000)
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--only", choices=["pages", "search", "duty", "dashboard", "export"], action="append",
                        help="run only these parts (repeatable)")  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    parser.add_argument("--read-only", action="store_true", help="open read-only and never migrate (see above)")
    args = parser.parse_args(argv)
    db = args.data_dir / DB_NAME
    if not db.exists():
        sys.exit(f"{db} not found: generate it with bench/generate.py --db {db}")
    summary: dict[str, Any] = {"db": str(db), "command": command_line(), "at": utc_now(), "machine": machine()}
    summary["load_before"] = load_average()
    start = timer()
    runtime = open_read_only(args.data_dir) if args.read_only else open_runtime_for(args.data_dir)
    summary["open_seconds"] = round((timer() - start) / 1e9, 1)  # includes a migration of an older file
    raw = raw_connection(db)
    try:
        f = facts(raw)
        summary["facts"] = {k: str(v) for k, v in f.items()}
        parts = set(args.only or ["pages", "search", "duty", "dashboard", "export"])
        if args.skip_export:
            parts.discard("export")
        if "pages" in parts:
            summary["pages"] = bench_pages(runtime, raw, f, args.repeat)
        if "search" in parts:
            summary["search"] = bench_search(runtime, raw, f, args.repeat)
        if "duty" in parts:
            summary["duty"] = bench_duty(runtime, f, args.repeat)
        if "dashboard" in parts:
            summary["dashboard"] = bench_dashboard(runtime, raw, f, args.repeat)
        if "export" in parts:
            summary["export"] = bench_export(runtime, raw, args.export_rows)
    finally:
        raw.close()
        runtime.close()
    summary["load_after"] = load_average()
    report(summary)
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    return 0


def report(summary: dict[str, Any]) -> None:
    print(f"{summary['db']}: opened in {summary['open_seconds']} s; load {summary['load_before']}")

    def line(name: str, r: dict[str, Any], extra: str = "") -> None:
        print(
            f"  {name:32} p50 {r['p50']:8.2f} ms  p95 {r['p95']:8.2f}  max {r['max']:8.2f}  cold {r['cold_ms']:8.2f}"
            f"  rows {r['result']}{extra}"
        )

    if "pages" in summary:
        print("first page (100 rows)")
        for name, r in summary["pages"].items():
            line(name, r, f"  [{r.get('driver', 'bare SQL')}]")
    if "search" in summary:
        print("full-text search, first page")
        for name, r in summary["search"].items():
            line(name, r, f"  (bare FTS p50 {r['baseline']['p50']:.2f} ms)")
    for name, r in summary.get("duty", {}).items():
        line(name, r)
    if "dashboard" in summary:
        print("dashboard")
        for name, r in summary["dashboard"].items():
            line(name, r)
    if "export" in summary:
        e = summary["export"]
        for label in ("csv cold", "csv warm", "jsonl"):
            r = e[label]
            print(
                f"export {label:8}: {r['rows']:,} rows in {r['seconds']} s = {r['rows_per_second']:,} rows/s, "
                f"{r['bytes'] / 1e6:.0f} MB (bare read {e['baseline']['rows_per_second']:,} rows/s)"
            )
    print(f"load after {summary['load_after']}")
    print(json.dumps(summary, default=str))


if __name__ == "__main__":
    raise SystemExit(main())
