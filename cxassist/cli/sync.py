"""`cxassist sync status|once|history|login|init-server`: sync from the command line, JSON on stdout."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cxassist.cli.common import EXIT_PARTIAL, Context, emit
from cxassist.domain.errors import UserError
from cxassist.security.secrets import SecretStore, keyring_status
from cxassist.sync.api import SyncAdapter, SyncError
from cxassist.sync.backends.http import TOKEN_ACCOUNT
from cxassist.sync.backends.postgresql import account_for
from cxassist.sync.factory import open_adapter
from cxassist.sync.registry import BackendRegistry
from cxassist.sync.runner import SyncRunner
from cxassist.sync.server import DEFAULT_ROLE, init_server, redact_url


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser("sync", help="sync with the central store: status, once, history, login, init-server")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="online/offline, pending and rejected changes, last success")
    status.add_argument("--check", action="store_true", help="also ask the backend whether it is reachable")
    status.set_defaults(handler=run_status)
    actions.add_parser("once", help="push the outbox and pull what is new, once").set_defaults(handler=run_once)
    history = actions.add_parser(
        "history", help="fetch a caller's history older than this desktop keeps from the central store"
    )
    history.add_argument("caller_id", help="the caller's id (as `lookup` prints it)")
    history.add_argument("--before", help="only interactions started before this ISO 8601 time "
                                          "(default: the start of the window pulls keep, storage.history_months)")
    history.add_argument("--limit", type=int, default=50, help="at most this many interactions (default 50)")
    history.set_defaults(handler=run_history)
    login = actions.add_parser(
        "login", help="store the sync password or token in the OS keychain (read from stdin when not a terminal)"
    )
    login.add_argument("--backend", choices=["postgresql", "http"], help="default: the configured sync.backend")
    login.set_defaults(handler=run_login)
    init = actions.add_parser("init-server", help="create or upgrade the central PostgreSQL schema (run by IT)")
    init.add_argument("--url", required=True, help="postgresql://owner@host:port/database (an owner, not a desktop)")
    init.add_argument("--role", default=DEFAULT_ROLE, help=f"the desktops' login role (default {DEFAULT_ROLE})")
    init.set_defaults(handler=run_init_server)


def _runner(context: Context) -> SyncRunner:
    runtime = context.runtime()
    adapter = open_adapter(context.settings, SecretStore(), BackendRegistry.discover())
    return SyncRunner(
        db=runtime.db, adapter=adapter, clock=runtime.clock, batch_size=context.settings.sync.batch_size,
        pull_batch_size=context.settings.sync.pull_batch_size, history_months=context.settings.storage.history_months,
    )


def _status(runner: SyncRunner) -> dict[str, Any]:
    status = runner.status()
    return {
        "backend": status.backend,
        "online": status.online,
        "pending": status.pending,
        "rejected": status.rejected,
        "open_conflicts": status.open_conflicts,
        "last_success": status.last_success,
        "last_attempt": status.last_attempt,
        "last_error": status.last_error,
        "rejected_changes": list(status.rejected_changes),
    }


def _health(adapter: SyncAdapter) -> dict[str, Any]:
    health = adapter.health()
    return {"reachable": health.reachable, "protocol_version": health.protocol_version, "detail": health.detail}


def run_status(context: Context, args: argparse.Namespace) -> int:
    runner = _runner(context)
    try:
        report = _status(runner)
        if args.check:
            report["health"] = _health(runner.adapter)
    finally:
        runner.adapter.close()
    emit(report)
    return 0


def run_once(context: Context, args: argparse.Namespace) -> int:
    runner = _runner(context)
    try:
        try:
            round_ = runner.run_once()
        except SyncError as error:
            pending = runner.status().pending
            raise UserError(f"Sync did not finish ({error}); {pending} change(s) wait in the outbox.") from error
        report = {
            "pushed": round_.pushed,
            "rejected": round_.rejected,
            "pulled": round_.pulled,
            "conflicts": round_.conflicts,
            "status": _status(runner),
        }
    finally:
        runner.adapter.close()
    emit(report)
    return EXIT_PARTIAL if round_.rejected else 0


def run_history(context: Context, args: argparse.Namespace) -> int:
    caller_id = _caller_id(args.caller_id)
    given = _moment(args.before) if args.before else None
    if not 1 <= args.limit <= 1000:
        raise UserError(f"--limit {args.limit} is out of range; give a number from 1 to 1000.")
    runner = _runner(context)
    before = given or runner.history_from()  # by default, what is older than the pulls keep
    try:
        try:
            pulled = runner.fetch_history(caller_id, before=before, limit=args.limit)
        except SyncError as error:
            raise UserError(f"The central store could not be asked for older history ({error}).") from error
    finally:
        runner.adapter.close()
    emit({"caller_id": str(caller_id), "fetched": pulled.count, "interactions": sorted(map(str, pulled.interactions))})
    return 0


def _caller_id(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise UserError(f"{text!r} is not a caller id (a UUID such as `lookup` prints).") from None


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"--before {text!r} is not an ISO 8601 time (for example 2025-01-31T00:00:00+00:00).") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _read_secret(prompt: str) -> str:
    if sys.stdin is None:
        raise UserError("No secret given: pipe it on stdin, e.g. printf '%s' \"$PW\" | cxassist sync login")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.read().rstrip("\r\n")


def run_login(context: Context, args: argparse.Namespace) -> int:
    backend = args.backend or context.settings.sync.backend
    if backend == "postgresql":
        role = context.settings.sync.postgresql.role
        account, prompt = account_for(role), f"Password of the PostgreSQL role {role}: "
    elif backend == "http":
        account, prompt = TOKEN_ACCOUNT, "Sync token: "
    else:
        raise UserError(
            f"The {backend!r} sync backend needs no secret; name one with --backend postgresql or --backend http."
        )
    secret = _read_secret(prompt)
    if not secret:
        raise UserError("The secret is empty; nothing was stored.")
    SecretStore().set(account, secret)
    emit({"stored": True, "account": account, "keyring": keyring_status().backend})
    return 0


def run_init_server(context: Context, args: argparse.Namespace) -> int:
    revision = init_server(args.url, desktop_role=args.role)
    emit({"url": redact_url(args.url), "revision": revision, "desktop_role": args.role,
          "next": f"set the role's password (ALTER ROLE {args.role} PASSWORD ...), then on each desktop: "
                  "printf '%s' \"$PW\" | cxassist sync login"})
    return 0
