"""The `cxassist` command: the composition root for headless use.

Subcommands print JSON on stdout (docs/cli.md). Exit codes: 0 done; 2 a user error (one line on stderr, never a
traceback); 3 done with some items rejected; 70 a bug (one line naming the crash report in the log folder).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cxassist import __version__
from cxassist.cli import admin, calls, common, data, importing, pop, prompts, support, sync
from cxassist.cli.common import EXIT_BUG, EXIT_USER_ERROR, Context
from cxassist.domain.errors import UserError

COMMAND_MODULES = (calls, data, admin, importing, prompts, sync, support, pop)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxassist",
        description="Contact-centre assistant. With no command, opens the agent workspace.",
    )
    parser.add_argument("--version", action="version", version=f"cxassist {__version__}")
    parser.add_argument("--data-dir", type=Path, help="folder holding the database (default: the platform's)")
    parser.add_argument("--site-config", type=Path, help="site settings file (default: the platform's)")
    parser.add_argument("--no-err-windows", action="store_true", help="log errors instead of showing dialogs")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _open_gui(argv: Sequence[str]) -> int:
    try:
        from cxassist.app import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as error:
        raise UserError(f"The agent workspace is not available in this build ({error}).") from error
    return int(run(list(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    context = Context(data_dir=args.data_dir, site_config=args.site_config)
    try:
        support.start_logging(context)
        if args.command is None:
            return _open_gui(args_list)
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
        report = common.write_crash_report(context, error, args_list)
        print(f"cxassist: an internal error occurred; details were written to {report}", file=sys.stderr)
        return EXIT_BUG
    finally:
        context.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
