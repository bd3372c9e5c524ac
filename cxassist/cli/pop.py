"""`cxassist pop NUMBER`: hand a call to the agent workspace (the softphone or a tel: link runs this); and
`cxassist console [SECTION]`: open the supervisor console (its menu entry runs this).

The running workspace for this user and data folder gets the number, or opens the console, and raises its window; if
none is running, the workspace starts and does it. Qt loads only here, inside the command, so the other commands stay
headless.
"""

from __future__ import annotations

import argparse

from cxassist.cli.common import Context
from cxassist.domain.errors import UserError
from cxassist.ui.console.sections import SECTIONS


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pop = commands.add_parser("pop", help="show a caller in the agent workspace (starting it if needed)")
    pop.add_argument("number", help="the number in any common form, or a tel: URI")
    pop.set_defaults(handler=run_pop)
    console = commands.add_parser("console", help="open the supervisor console (starting the workspace if needed)")
    console.add_argument("section", nargs="?", choices=SECTIONS, help="the section to show first (default: duty)")
    console.set_defaults(handler=run_console)


def workspace_argv(context: Context, *command: str, no_err_windows: bool) -> list[str]:
    argv: list[str] = []
    if context.data_dir is not None:
        argv += ["--data-dir", str(context.data_dir)]
    if context.site_config is not None:
        argv += ["--site-config", str(context.site_config)]
    if no_err_windows:
        argv.append("--no-err-windows")
    return [*argv, *command]


def run_pop(context: Context, args: argparse.Namespace) -> int:
    if not str(args.number).strip():
        raise UserError("pop: the number is empty; give the number the call came from.")
    return _run_workspace(context, args, "pop", args.number)


def run_console(context: Context, args: argparse.Namespace) -> int:
    return _run_workspace(context, args, "console", *([args.section] if args.section else []))


def _run_workspace(context: Context, args: argparse.Namespace, *command: str) -> int:
    try:
        from cxassist.app import run  # noqa: PLC0415 - Qt loads only for the window
    except ImportError as error:
        raise UserError(f"The agent workspace is not available in this build ({error}).") from error
    return run(workspace_argv(context, *command, no_err_windows=bool(getattr(args, "no_err_windows", False))))
