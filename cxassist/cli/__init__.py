"""The `cxassist` command: the composition root for headless use.

Subcommands print JSON on stdout (docs/cli.md). Exit codes: 0 done; 2 a user error (one line on stderr, never a
traceback); 3 done with some items rejected; 70 a bug (one line naming the crash report in the log folder).

A command's module is imported only when that command runs: `COMMANDS` names each command's module and its help, so
`--version`, `--help` and the agent workspace start without loading the others (each module pulls in its own
services, and `sync` a PostgreSQL driver and an HTTP client). tests/unit/test_cli_commands.py checks that the table
matches what each module registers.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from cxassist import __version__
from cxassist.cli.common import EXIT_BUG, EXIT_USER_ERROR, Context, start_logging, write_crash_report
from cxassist.domain.errors import UserError

# command: (module in cxassist.cli that registers it, its one-line help), in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "lookup": ("calls", "who is calling: the caller card for a number, as JSON"),
    "log": ("calls", "log an interaction"),
    "history": ("calls", "a caller's interactions, newest first"),
    "search": ("calls", "search notes, reasons and caller names, newest first"),
    "demo": ("data", "fill the database with believable demo callers and calls"),
    "export": ("data", "export interactions as CSV or JSON lines"),
    "db": ("data", "check, back up or upgrade the database"),
    "config": ("admin", "show the effective settings, or check a site file"),
    "doctor": ("admin", "versions, schema, sync backends, keychain and config sources"),
    "import-callers": ("importing", "import callers from a CSV file (columns: docs/csv-import.md)"),
    "prompts": ("prompts", "show, validate or measure prompts"),
    "sync": ("sync", "sync with the central store: status, once, history, login, init-server"),
    "diagnostics": (
        "support",
        "write a zip for IT: versions, settings, database check, log tail (no notes, no secrets)",
    ),
    "pop": ("pop", "show a caller in the agent workspace (starting it if needed)"),
    "console": ("pop", "open the supervisor console (starting the workspace if needed)"),
}


def command_module(name: str) -> ModuleType:
    """The module of `cxassist.cli` that registers and runs the command `name` (imported on first use)."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")


def build_parser(command: str | None = None, *, every_command: bool = False) -> argparse.ArgumentParser:
    """The whole command line. Only `command`'s module (or, with `every_command`, every module) registers its full
    arguments; the other commands are listed by name and help, enough for `--help` and to name the command."""
    parser = argparse.ArgumentParser(
        prog="cxassist",
        description="Contact-centre assistant. With no command, opens the agent workspace.",
    )
    parser.add_argument("--version", action="version", version=f"cxassist {__version__}")
    parser.add_argument("--data-dir", type=Path, help="folder holding the database (default: the platform's)")
    parser.add_argument("--site-config", type=Path, help="site settings file (default: the platform's)")
    parser.add_argument("--no-err-windows", action="store_true", help="log errors instead of showing dialogs")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    loaded = {COMMANDS[command][0]} if command in COMMANDS else set()
    registered: set[str] = set()
    for name, (module, help_text) in COMMANDS.items():
        if every_command or module in loaded:
            if module not in registered:
                command_module(name).register(commands)
                registered.add(module)
        else:
            commands.add_parser(name, help=help_text, add_help=False)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command in `argv`, found without loading any command module (`--help` and `--version` exit here)."""
    known, _rest = build_parser().parse_known_args(list(argv))
    return known.command if isinstance(known.command, str) else None


def _open_gui(argv: Sequence[str]) -> int:
    try:
        from cxassist.app import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as error:
        raise UserError(f"The agent workspace is not available in this build ({error}).") from error
    return int(run(list(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_named(args_list)).parse_args(args_list)
    context = Context(data_dir=args.data_dir, site_config=args.site_config)
    try:
        if args.command is None:
            return _open_gui(args_list)  # the workspace starts its own log file
        start_logging(context)
        handler = args.handler
        return int(handler(context, args) or 0)
    except UserError as error:
        print(f"cxassist: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("cxassist: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the reader left: no second error at exit
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence: a report, not a traceback
        report = write_crash_report(context, error, args_list)
        print(f"cxassist: an internal error occurred; details were written to {report}", file=sys.stderr)
        return EXIT_BUG
    finally:
        context.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
