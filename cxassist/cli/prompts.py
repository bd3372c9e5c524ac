"""Commands for prompts: show (for a number and a note), validate (a pack file), stats (what agents did)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from cxassist.cli.common import EXIT_USER_ERROR, Context, emit, parse_date
from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel
from cxassist.prompts import validate_pack_file
from cxassist.services.prompts import PromptRequest, load_pack_set, prompt_stats, prompts_for
from cxassist.services.screen_pop import screen_pop


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    prompts = commands.add_parser("prompts", help="show, validate or measure prompts")
    actions = prompts.add_subparsers(dest="prompts_command", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="the prompts an agent would see for this caller")
    show.add_argument("phone")
    show.add_argument("--note", default="", help="what the agent has typed so far (live cues come from it)")
    show.add_argument("--channel", choices=[c.value for c in Channel], default=Channel.PHONE.value)
    show.set_defaults(handler=run_show)

    validate = actions.add_parser("validate", help="check a prompt pack file")
    validate.add_argument("file", type=Path)
    validate.set_defaults(handler=run_validate)

    stats = actions.add_parser("stats", help="per rule: shown, used, dismissed, and outcomes where used")
    stats.add_argument("--since", help="from this day (YYYY-MM-DD, local time)")
    stats.set_defaults(handler=run_stats)


def run_show(context: Context, args: argparse.Namespace) -> int:
    runtime = context.runtime()
    pack_set = load_pack_set(context.settings)
    pop = screen_pop(runtime, args.phone)
    request = PromptRequest(pop=pop, note=args.note, channel=Channel(args.channel))
    found = prompts_for(context.settings, pack_set, request, now=runtime.now())
    emit(
        [
            {
                "id": p.rule_id,
                "category": p.category,
                "text": p.text,
                "why": p.why,
                "priority": p.priority,
                "offers": p.offers,
                "pack": f"{p.pack_name}@{p.pack_version}",
            }
            for p in found
        ]
    )
    return 0


def run_validate(context: Context, args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise UserError(f"{args.file}: no such file.")
    problems = validate_pack_file(args.file)
    emit(
        {
            "file": str(args.file),
            "ok": not problems,
            "problems": [
                {"file": p.file, "line": p.line, "rule_id": p.rule_id, "message": p.message} for p in problems
            ],
        }
    )
    if problems:
        print(
            f"cxassist: {problems[0]}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    return 0


def run_stats(context: Context, args: argparse.Namespace) -> int:
    since = None
    if args.since:
        day = parse_date(args.since, flag="--since")
        since = datetime.combine(day, time()).astimezone().astimezone(UTC)
    emit(prompt_stats(context.runtime(), since=since))
    return 0
