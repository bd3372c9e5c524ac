"""Commands an agent's tools use: lookup, log, history, search."""

from __future__ import annotations

import argparse
from typing import Any

from cxassist.cli.common import Context, emit, parse_date, positive_int
from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel, Outcome
from cxassist.services.calls import CallDetails, history_for_number, log_interaction
from cxassist.services.screen_pop import screen_pop
from cxassist.services.search import search


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lookup = commands.add_parser("lookup", help="who is calling: the caller card for a number, as JSON")
    lookup.add_argument("phone", help="the number in any common form, or a tel: URI")
    lookup.set_defaults(handler=run_lookup)

    log = commands.add_parser("log", help="log an interaction")
    log.add_argument("--phone", required=True, help="the number the contact came from")
    log.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    log.add_argument(
        "--outcome",
        required=True,
        choices=[o.value for o in Outcome],
        help="did the contact fail, meet or exceed the caller's expectations",
    )
    log.add_argument("--note", default="", help="what happened (card numbers and security codes are removed)")
    log.add_argument("--reason", default="", help="why they got in touch")
    log.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    log.add_argument("--follow-up-due", help="date a follow-up is due, YYYY-MM-DD")
    log.set_defaults(handler=run_log)

    history = commands.add_parser("history", help="a caller's interactions, newest first")
    history.add_argument("phone")
    history.add_argument("--limit", type=positive_int, default=20)
    history.set_defaults(handler=run_history)

    find = commands.add_parser("search", help="search notes, reasons and caller names, newest first")
    find.add_argument("text")
    find.add_argument("--limit", type=positive_int, default=50)
    find.set_defaults(handler=run_search)


def run_lookup(context: Context, args: argparse.Namespace) -> int:
    pop = screen_pop(context.runtime(), args.phone)
    result: dict[str, Any] = {
        "number": pop.number,
        "valid_number": pop.valid_number,
        "match": pop.match,
        "caller": pop.caller,
        "candidates": [
            {"caller": c.caller, "matched_number": c.matched_number, "reason": c.reason} for c in pop.candidates
        ],
        "history": pop.history,
        "emergency_contacts": pop.emergency_contacts,
        "vulnerabilities": pop.vulnerabilities,
        "follow_ups": pop.follow_ups,
    }
    emit(result)
    return 0


def run_log(context: Context, args: argparse.Namespace) -> int:
    due = parse_date(args.follow_up_due, flag="--follow-up-due") if args.follow_up_due else None
    details = CallDetails(
        channel=Channel(args.channel),
        outcome=Outcome(args.outcome),
        note=args.note,
        reason=args.reason,
        tags=tuple(args.tag),
        follow_up_due=due,
    )
    if not args.phone.strip():
        raise UserError("--phone is empty; give the number the contact came from.")
    done = log_interaction(context.runtime(), phone=args.phone, details=details)
    emit(done.value)
    return 0


def run_history(context: Context, args: argparse.Namespace) -> int:
    emit(history_for_number(context.runtime(), args.phone, limit=args.limit))
    return 0


def run_search(context: Context, args: argparse.Namespace) -> int:
    result = search(context.runtime(), args.text, limit=args.limit)
    emit({"query": result.query, "callers": result.callers, "interactions": result.interactions})
    return 0
