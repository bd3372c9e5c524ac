"""Commands for support: diagnostics.

`cxassist diagnostics [--out FILE.zip]` writes the zip described in `cxassist.services.diagnostics`. It works
when the settings themselves are broken (that is when IT needs it most): each part that fails records its error
and the zip is still written, from the default log folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from cxassist.cli import admin
from cxassist.cli.common import Context, emit
from cxassist.domain.errors import UserError
from cxassist.services.diagnostics import database_section, write_diagnostics


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diagnostics = commands.add_parser(
        "diagnostics", help="write a zip for IT: versions, settings, database check, log tail (no notes, no secrets)"
    )
    diagnostics.add_argument(
        "--out", type=Path, help="the zip to write (default: cxassist-diagnostics-<time>.zip in this folder)"
    )
    diagnostics.set_defaults(handler=run_diagnostics)


def _captured(handler: Callable[[Context, argparse.Namespace], int], context: Context) -> object:
    """What a JSON command prints, as a value; its error message when it fails."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            handler(context, argparse.Namespace())
    except UserError as error:
        return {"error": str(error)}
    return json.loads(out.getvalue())


def run_diagnostics(context: Context, args: argparse.Namespace) -> int:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target: Path = args.out or Path.cwd() / f"cxassist-diagnostics-{stamp}.zip"
    if target.suffix.lower() != ".zip":
        raise UserError(f"--out {target}: the file name must end in .zip.")
    if not target.parent.is_dir():
        raise UserError(f"--out {target}: the folder {target.parent} does not exist.")
    sections: dict[str, tuple[str, object]] = {
        "doctor": ("what `cxassist doctor` prints", _captured(admin.run_doctor, context)),
        "config-show": ("what `cxassist config show` prints (no secrets)", _captured(admin.run_config_show, context)),
    }
    try:
        settings, paths = context.settings, context.paths
    except UserError as error:
        sections["database"] = ("the database check (not run: the settings could not be read)", {"error": str(error)})
        log_dir = platformdirs.user_log_path("cxassist", appauthor=False)  # as config.paths
    else:
        check = database_section(settings, paths)
        sections["database"] = ("the database check: schema revision, row counts, problems (no rows)", check)
        log_dir = paths.log_dir
    result = write_diagnostics(target, sections=sections, log_dir=log_dir)
    emit({"file": str(result.path.absolute()), "contents": list(result.entries)})
    return 0
