"""Commands for prompts: show (for a number and a note), validate (a pack file), stats (what agents did), and for
supervisors: packs (in force, with published versions), publish (a pack file) and rollback (to an earlier version)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path

from cxassist.cli.common import EXIT_USER_ERROR, Context, emit, parse_date, positive_int
from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel
from cxassist.prompts import PackError, PackProblem, validate_pack_file
from cxassist.services.access import require_supervisor
from cxassist.services.prompt_packs import (
    load_in_force,
    packs_in_force,
    publish_pack,
    published_versions,
    roll_back,
)
from cxassist.services.prompts import PromptRequest, prompt_stats, prompts_for
from cxassist.services.screen_pop import screen_pop
from cxassist.store.prompt_packs import PublishedPack


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

    packs = actions.add_parser("packs", help="the packs in force and every published version (supervisors)")
    packs.set_defaults(handler=run_packs)

    publish = actions.add_parser("publish", help="publish a pack file as the next version of its pack (supervisors)")
    publish.add_argument("file", type=Path)
    publish.set_defaults(handler=run_publish)

    rollback = actions.add_parser("rollback", help="publish an earlier version of a pack again (supervisors)")
    rollback.add_argument("name")
    rollback.add_argument("version", type=positive_int)
    rollback.set_defaults(handler=run_rollback)


def run_show(context: Context, args: argparse.Namespace) -> int:
    runtime = context.runtime()
    pack_set = packs_in_force(runtime)
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
    return _report_problems(str(args.file), problems)


def _report_problems(file: str, problems: Sequence[PackProblem]) -> int:
    emit(
        {
            "file": file,
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


def _published(pack: PublishedPack) -> dict[str, object]:
    return {
        "version": pack.version,
        "published_by": pack.published_by,
        "published_at": pack.published_at,
        "active": pack.active,
    }


def run_packs(context: Context, args: argparse.Namespace) -> int:
    runtime = context.runtime()
    require_supervisor(runtime, purpose="list the prompt packs")
    in_force = load_in_force(runtime)
    history = published_versions(runtime)
    for note in in_force.skipped:
        print(f"cxassist: {note}", file=sys.stderr)
    emit(
        [
            {
                "name": pack.name,
                "source": pack.source,
                "version": pack.published.version if pack.published else None,
                "pack_version": pack.pack_version,
                "rules": pack.rules,
                "published_by": pack.published.published_by if pack.published else None,
                "published_at": pack.published.published_at if pack.published else None,
                "versions": [_published(p) for p in history if p.name == pack.name],
            }
            for pack in in_force.packs
        ]
    )
    return 0


def run_publish(context: Context, args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise UserError(f"{args.file}: no such file.")
    runtime = context.runtime()
    require_supervisor(runtime, purpose="publish a prompt pack")
    problems = validate_pack_file(args.file)
    if problems:
        return _report_problems(str(args.file), problems)
    text = args.file.read_text(encoding="utf-8")
    try:
        published = publish_pack(runtime, text).value
    except PackError as error:
        return _report_problems(str(args.file), error.problems)
    emit({"name": published.name, **_published(published)})
    return 0


def run_rollback(context: Context, args: argparse.Namespace) -> int:
    try:
        published = roll_back(context.runtime(), args.name, args.version).value
    except PackError as error:
        return _report_problems(f"published:{args.name}", error.problems)
    emit({"name": published.name, "rolled_back_to": args.version, **_published(published)})
    return 0
