"""`cxassist import-callers FILE.csv`: import callers from a CSV file (docs/csv-import.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cxassist.cli.common import EXIT_OK, EXIT_PARTIAL, Context, Progress, emit
from cxassist.domain.errors import UserError
from cxassist.services.importer import import_callers


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import-callers",
        help="import callers from a CSV file (columns: docs/csv-import.md)",
        description="Import callers, their numbers and emergency contacts from a UTF-8 CSV file. Prints a JSON "
        "report; exits 3 when some rows were rejected (the report lists them with their line numbers).",
    )
    command.add_argument("file", type=Path, help="the CSV file (UTF-8, comma-separated, with a header row)")
    command.set_defaults(handler=run_import_callers)


def run_import_callers(context: Context, args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise UserError(f"{path} is not a file." if path.exists() else f"{path} does not exist.")
    progress = Progress(f"Importing {path.name}")

    def report_progress(done: int, total: int) -> None:
        progress.total = total
        progress(done)

    try:
        report = import_callers(context.runtime(), path, progress=report_progress)
    finally:
        progress.finish()
    emit(report)
    if report.rejected_count:
        print(
            f"cxassist: {report.rejected_count:,} of {report.rows:,} rows in {path} were rejected; "
            "the report lists them by line",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK
