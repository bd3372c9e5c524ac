"""Commands for data: demo, export, db check|backup|upgrade."""

from __future__ import annotations

import argparse
import sys

from cxassist.cli.common import EXIT_USER_ERROR, Context, Progress, emit, parse_date, positive_int
from cxassist.services.export import ExportFilter, ExportFormat, export_to_file, write_export
from cxassist.services.maintenance import backup_database, check_database
from cxassist.store.migrate import revision_of


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="fill the database with believable demo callers and calls")
    demo.add_argument("--callers", type=positive_int, default=60, help="how many callers (default 60)")
    demo.add_argument("--seed", type=int, default=7, help="random seed, for the same data every time")
    demo.set_defaults(handler=run_demo)

    export = commands.add_parser("export", help="export interactions as CSV or JSON lines")
    export.add_argument("--format", choices=[f.value for f in ExportFormat], default="csv")
    export.add_argument("--since", help="from this day (YYYY-MM-DD, local time)")
    export.add_argument("--until", help="up to and including this day (YYYY-MM-DD, local time)")
    export.add_argument("--out", help="write to this file instead of standard output")
    export.set_defaults(handler=run_export)

    db = commands.add_parser("db", help="check, back up or upgrade the database")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("check", help="check the database and its indexes").set_defaults(handler=run_db_check)
    db_commands.add_parser("backup", help="copy the database to the backups folder").set_defaults(handler=run_db_backup)
    db_commands.add_parser("upgrade", help="back up and migrate to this version's schema").set_defaults(
        handler=run_db_upgrade
    )


def run_demo(context: Context, args: argparse.Namespace) -> int:
    from cxassist.services.demo import seed_demo  # noqa: PLC0415

    progress = Progress("Creating demo callers", total=args.callers)
    summary = seed_demo(context.runtime(), callers=args.callers, seed=args.seed, progress=progress)
    progress.finish()
    emit(summary)
    return 0


def _filters(args: argparse.Namespace) -> ExportFilter:
    since = parse_date(args.since, flag="--since") if args.since else None
    until = parse_date(args.until, flag="--until") if args.until else None
    filters = ExportFilter(since=since, until=until)
    filters.bounds()  # refuses a reversed range before anything is written
    return filters


def run_export(context: Context, args: argparse.Namespace) -> int:
    filters = _filters(args)
    fmt = ExportFormat(args.format)
    runtime = context.runtime()
    if args.out is None:
        write_export(runtime, filters, fmt, sys.stdout)
        return 0
    from pathlib import Path  # noqa: PLC0415

    progress = Progress("Exporting")
    target = Path(args.out)
    count = export_to_file(runtime, filters, fmt, target, progress=progress)
    progress.finish()
    emit({"rows": count, "file": str(target.absolute()), "format": fmt})
    return 0


def run_db_check(context: Context, args: argparse.Namespace) -> int:
    report = check_database(context.runtime())
    emit({**_report_dict(report), "ok": report.ok})
    if not report.ok:
        print(f"cxassist: the database {report.path} has {len(report.problems)} problem(s)", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _report_dict(report: object) -> dict[str, object]:
    from cxassist.domain.jsonable import to_jsonable  # noqa: PLC0415

    value = to_jsonable(report)
    assert isinstance(value, dict)
    return value


def run_db_backup(context: Context, args: argparse.Namespace) -> int:
    emit({"backup": str(backup_database(context.runtime()))})
    return 0


def run_db_upgrade(context: Context, args: argparse.Namespace) -> int:
    before = revision_of(context.paths.database)
    runtime = context.runtime()  # opening migrates, after a backup
    after = check_database(runtime, thorough=False)
    backups = sorted(p.name for p in runtime.paths.backups.glob("*.db")) if runtime.paths.backups.exists() else []
    emit({"from": before, "to": after.schema_revision, "backups": backups})
    return 0
