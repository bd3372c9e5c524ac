"""Commands for IT and support: config show|check, doctor."""

from __future__ import annotations

import argparse
import platform
import sqlite3
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from cxassist import __version__
from cxassist.cli.common import EXIT_USER_ERROR, Context, emit
from cxassist.config import check_site_file
from cxassist.config.addons import charts_addon
from cxassist.domain.errors import UserError
from cxassist.security.secrets import keyring_status
from cxassist.store.migrate import revision_of
from cxassist.store.migrations import HEAD
from cxassist.sync.registry import BackendRegistry


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = commands.add_parser("config", help="show the effective settings, or check a site file")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_commands.add_parser("show", help="every setting, its value and where it came from").set_defaults(
        handler=run_config_show
    )
    check = config_commands.add_parser("check", help="validate a site settings file")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=run_config_check)

    doctor = commands.add_parser("doctor", help="versions, schema, sync backends, keychain and config sources")
    doctor.set_defaults(handler=run_doctor)


def run_config_show(context: Context, args: argparse.Namespace) -> int:
    settings = context.settings
    emit(
        {
            "site_file": str(settings.site_file) if settings.site_file else None,
            "user_file": str(settings.user_file),
            "warnings": list(settings.warnings),
            "settings": settings.describe(),
        }
    )
    return 0


def run_config_check(context: Context, args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise UserError(f"{args.file}: no such file.")
    problems = check_site_file(args.file)
    emit({"file": str(args.file), "ok": not problems, "problems": problems})
    if problems:
        print(f"cxassist: {args.file} has {len(problems)} problem(s)", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _version_of(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def _charts_status() -> dict[str, object]:
    """Whether the console can draw its charts: the add-on (packaged) or the `charts` extra (from source)."""
    addon = charts_addon()
    return {
        "installed": addon.installed,
        "folder": str(addon.folder) if addon.folder is not None else None,
        "libraries": addon.versions,
    }


def run_doctor(context: Context, args: argparse.Namespace) -> int:
    settings = context.settings
    paths = context.paths
    database = paths.database
    try:
        revision: str | None = revision_of(database)
        database_state = "ok" if revision == HEAD else ("not created yet" if not database.exists() else "needs upgrade")
    except UserError as error:
        revision, database_state = None, str(error)
    registry = BackendRegistry.discover()
    keyring = keyring_status()
    emit(
        {
            "version": __version__,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "frozen": bool(getattr(sys, "frozen", False)),
            "libraries": {
                "PySide6": _version_of("PySide6-Essentials") or _version_of("PySide6"),
                "SQLAlchemy": _version_of("SQLAlchemy"),
                "alembic": _version_of("alembic"),
                "phonenumbers": _version_of("phonenumbers"),
                "sqlite": sqlite3.sqlite_version,
            },
            "database": {
                "path": str(database),
                "schema_revision": revision,
                "newest_known_revision": HEAD,
                "state": database_state,
            },
            "sync": {"backend": settings.sync.backend, "backends": registry.status()},
            "charts": _charts_status(),
            "keyring": {"backend": keyring.backend, "recommended": keyring.recommended},
            "config": {
                "site_file": str(settings.site_file) if settings.site_file else None,
                "user_file": str(settings.user_file),
                "warnings": list(settings.warnings),
            },
            "folders": {
                "data": str(paths.data_dir),
                "config": str(paths.config_dir),
                "cache": str(paths.cache_dir),
                "logs": str(paths.log_dir),
            },
        }
    )
    return 0
