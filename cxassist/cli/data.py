"""Commands for data: demo, export, db check|backup|upgrade."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from cxassist.cli.common import EXIT_USER_ERROR, Context, Progress, emit, parse_date, positive_int
from cxassist.domain.models import Channel, Outcome
from cxassist.services.access import export_scope, record_export
from cxassist.services.export import ExportFormat, export_to_file, write_export
from cxassist.services.maintenance import backup_database, check_database
from cxassist.store.migrate import revision_of
from cxassist.store.query import InteractionQuery, search_expression


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
    export.add_argument("--agent", action="append", default=[], help="only this agent's interactions (repeatable)")
    export.add_argument("--team", help="only interactions by agents of this team")
    export.add_argument("--channel", action="append", default=[], choices=[c.value for c in Channel],
                        help="only this channel (repeatable)")  # fmt: skip
    export.add_argument("--outcome", action="append", default=[], choices=[o.value for o in Outcome],
                        help="only this outcome (repeatable)")  # fmt: skip
    export.add_argument("--tag", action="append", default=[], help="only interactions with this tag (repeatable)")
    export.add_argument("--emergency", action="store_true", help="only interactions that involved an emergency")
    export.add_argument("--vulnerable", action="store_true", help="only interactions with a vulnerable caller")
    export.add_argument("--follow-up-overdue", action="store_true", help="only those with an overdue follow-up")
    export.add_argument("--not-reviewed", action="store_true", help="only interactions without a quality review")
    export.add_argument("--search", default="", help="only interactions whose note or reason has these words")
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


def _filters(args: argparse.Namespace, today: date) -> InteractionQuery:
    since = parse_date(args.since, flag="--since") if args.since else None
    until = parse_date(args.until, flag="--until") if args.until else None
    query = InteractionQuery.for_days(
        since,
        until,
        agent_ids=tuple(args.agent),
        team=args.team,
        channels=tuple(Channel(c) for c in args.channel),
        outcomes=tuple(Outcome(o) for o in args.outcome),
        tags=tuple(args.tag),
        emergency=args.emergency,
        vulnerable=args.vulnerable,
        follow_up_overdue_on=today if args.follow_up_overdue else None,
        not_reviewed=args.not_reviewed,
        text=args.search,
    )
    checked = query.checked()  # refuses a reversed range or an unsearchable text before anything is written
    if checked.is_search:
        search_expression(checked.text)
    return checked


def run_export(context: Context, args: argparse.Namespace) -> int:
    """Export with the console's filters. An agent without the supervisor or admin role exports only their own
    interactions (asking for anyone else's is refused and audited); every export is audited with its row count."""
    runtime = context.runtime()
    query = export_scope(runtime, _filters(args, runtime.today()))
    fmt = ExportFormat(args.format)
    written = [0]

    def counted(done: int) -> None:
        written[0] = done

    target = "stdout" if args.out is None else str(Path(args.out).absolute())
    completed = False
    try:
        if args.out is None:
            count = write_export(runtime, query, fmt, sys.stdout, progress=counted)
        else:
            progress = Progress("Exporting")

            def shown(done: int) -> None:
                counted(done)
                progress(done)

            count = export_to_file(runtime, query, fmt, Path(args.out), progress=shown)
            progress.finish()
        written[0], completed = count, True
    finally:
        record_export(runtime, query, rows=written[0], fmt=fmt.value, target=target, completed=completed)
    if args.out is not None:
        emit({"rows": count, "file": target, "format": fmt})
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
