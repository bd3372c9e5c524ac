"""Prompt packs from the supervisor console: the packs in force, checking and previewing a draft, publishing it as a
new version (a synced row, so every desktop takes it up) and rolling back to an earlier one.

In force: the shipped default pack and the site's pack files (`prompts.packs`) as before, then the active published
pack of each name. A published pack with the name of a shipped or site pack takes its place; a new name comes after.
A published body that no longer loads here (written for a newer cxassist) is skipped with a logged warning, and the
rest stay in force. Publishing and rolling back are for supervisors and admins, and are audited; a rollback publishes
the old body again as a new version, so history stays linear and sync's newest-version-wins brings every desktop to it.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from enum import StrEnum

from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel
from cxassist.prompts import Pack, PackError, PackProblem, PackSet, Prompt, default_pack_path, load_pack_text
from cxassist.prompts import validate_pack_text as validate_text
from cxassist.services.access import detail_text, require_supervisor
from cxassist.services.changes import Changes, Done
from cxassist.services.prompts import PromptRequest, load_pack_set, prompts_for, with_published
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import ScreenPop, confirm_candidate, screen_pop
from cxassist.services.search import search
from cxassist.store import audit
from cxassist.store import prompt_packs as store
from cxassist.store.prompt_packs import PublishedPack

log = logging.getLogger(__name__)
PUBLISHED_PREFIX = "published:"


class PackAudit(StrEnum):
    PUBLISHED = "published-prompt-pack"
    ROLLED_BACK = "rolled-back-prompt-pack"


@dataclass(frozen=True, slots=True)
class PackInForce:
    name: str
    pack_version: int  # the pack's own `[pack] version` (informational for a published pack)
    source: str  # shipped, site, published
    rules: int
    text: str  # the TOML, to open in the editor
    published: PublishedPack | None = None  # for a published pack: its version, who and when


@dataclass(frozen=True, slots=True)
class InForce:
    pack_set: PackSet
    packs: tuple[PackInForce, ...]
    skipped: tuple[str, ...]  # published packs that did not load here, one sentence each


@dataclass(frozen=True, slots=True)
class Preview:
    caller: str  # whose prompts, in words
    prompts: tuple[Prompt, ...]


def source_name(text: str) -> str:
    """The name "published:NAME" for messages about a draft: NAME from its `[pack] name` when the TOML gets that far."""
    try:
        header = tomllib.loads(text).get("pack")
    except tomllib.TOMLDecodeError:
        header = None
    name = header.get("name") if isinstance(header, dict) else None
    return PUBLISHED_PREFIX + (name if isinstance(name, str) and name.strip() else "draft")


def check_pack(text: str) -> list[PackProblem]:
    """Every problem in a draft (pure; call it off the main thread, a big pack takes a while)."""
    return validate_text(text, source_name(text))


def load_in_force(runtime: Runtime) -> InForce:
    """The packs in force on this desktop. PackError when a site pack file has a problem (keep the set in force)."""
    with runtime.db.read() as conn:
        rows = store.in_force(conn)
    published: list[Pack] = []
    rows_by_name: dict[str, PublishedPack] = {}
    skipped: list[str] = []
    for row in rows:
        try:
            pack = load_pack_text(row.body, PUBLISHED_PREFIX + row.name)
        except PackError as error:
            note = f"Published pack '{row.name}' version {row.version} cannot be used on this desktop: {error}"
            log.warning("%s", note)
            skipped.append(note)
            continue
        if pack.name != row.name:
            skipped.append(f"Published pack '{row.name}' version {row.version} names itself '{pack.name}'.")
            continue
        published.append(pack)
        rows_by_name[row.name] = row
    pack_set = load_pack_set(runtime.settings, published)
    shipped = str(default_pack_path())
    listed = tuple(
        PackInForce(
            name=pack.name,
            pack_version=pack.version,
            source=_source_of(pack, shipped),
            rules=len(pack.rules),
            text=pack.text,
            published=rows_by_name.get(pack.name) if pack.source.startswith(PUBLISHED_PREFIX) else None,
        )
        for pack in pack_set.packs
    )
    return InForce(pack_set=pack_set, packs=listed, skipped=tuple(skipped))


def _source_of(pack: Pack, shipped: str) -> str:
    if pack.source.startswith(PUBLISHED_PREFIX):
        return "published"
    return "shipped" if pack.source == shipped else "site"


def packs_in_force(runtime: Runtime) -> PackSet:
    """The pack set the workspace evaluates (reads the database: run it off the main thread)."""
    return load_in_force(runtime).pack_set


def published_versions(runtime: Runtime) -> list[PublishedPack]:
    """Every published version, by name, newest first."""
    with runtime.db.read() as conn:
        return store.versions(conn)


def publish_pack(runtime: Runtime, text: str) -> Done[PublishedPack]:
    """Publish `text` as the next version of its pack name. Refused with every problem (PackError) when it does not
    load, and for anyone but a supervisor or admin (audited)."""
    require_supervisor(runtime, purpose="publish a prompt pack")
    return _publish(runtime, text, action=PackAudit.PUBLISHED)


def roll_back(runtime: Runtime, name: str, version: int) -> Done[PublishedPack]:
    """Publish version `version` of pack `name` again, as a new version."""
    require_supervisor(runtime, purpose="roll back a prompt pack")
    with runtime.db.read() as conn:
        earlier = store.get_version(conn, name, version)
        known = sorted({p.version for p in store.versions(conn, name)})
    if earlier is None:
        have = f"its versions are {', '.join(map(str, known))}" if known else "nothing was published under that name"
        raise UserError(f"There is no published version {version} of prompt pack '{name}'; {have}.")
    return _publish(runtime, earlier.body, action=PackAudit.ROLLED_BACK, rolled_back_to=version)


def _publish(
    runtime: Runtime, text: str, *, action: PackAudit, rolled_back_to: int | None = None
) -> Done[PublishedPack]:
    pack = load_pack_text(text, source_name(text))
    now, hlc = runtime.now(), runtime.stamp()
    with runtime.db.write() as conn:
        current = next((p for p in store.in_force(conn) if p.name == pack.name), None)
        if current is not None and current.body == text:
            raise UserError(
                f"Version {current.version} of prompt pack '{pack.name}', in force now, has this text already; "
                "there is nothing to publish."
            )
        published = PublishedPack(
            id=runtime.new_id(),
            name=pack.name,
            version=store.highest_version(conn, pack.name) + 1,
            body=text,
            published_by=runtime.agent_id,
            published_at=now,
            active=True,
            hlc=hlc,
        )
        store.save_published(conn, published, hlc=hlc, now=now)
        detail = {"version": published.version, "rules": len(pack.rules), "pack_version": pack.version}
        if rolled_back_to is not None:
            detail["rolled_back_to"] = rolled_back_to
        audit.append(
            conn,
            event_id=runtime.new_id(),
            at=now,
            actor=runtime.agent_id,
            action=action.value,
            subject=f"prompt_pack:{pack.name}",
            detail=detail_text(detail),
            hlc=runtime.stamp(),
        )
    return Done(published, Changes(outbox_pending=True, prompt_pack=True))


def preview_pack(runtime: Runtime, text: str, *, who: str, note: str = "", channel: Channel = Channel.PHONE) -> Preview:
    """The prompts a caller (a phone number, or a name) would get now with the draft `text` in force in the place of
    the pack of its name. PackError when the draft does not load; UserError when no caller matches a name."""
    draft = load_pack_text(text, source_name(text))
    in_force = load_in_force(runtime).pack_set
    pack_set = PackSet.compose(with_published(in_force.packs, [draft]))
    label, pop = _pop_for(runtime, who)
    request = PromptRequest(pop=pop, note=note, channel=channel)
    return Preview(label, tuple(prompts_for(runtime.settings, pack_set, request, now=runtime.now())))


def _pop_for(runtime: Runtime, who: str) -> tuple[str, ScreenPop]:
    who = who.strip()
    if not who:
        raise UserError("Type a phone number or a caller's name to preview the prompts for.")
    if any(ch.isalpha() for ch in who) and not who.lower().startswith("tel:"):
        callers = search(runtime, who, limit=5).callers
        if not callers:
            raise UserError(f"No caller named '{who}' was found; try part of the name, or a phone number.")
        caller = callers[0]
        primary = next((p.e164 for p in caller.phones if p.is_primary), caller.phones[0].e164 if caller.phones else "")
        more = f" (first of {len(callers)} callers found)" if len(callers) > 1 else ""
        return f"{caller.full_name}{more}", confirm_candidate(runtime, caller.id, number=primary)
    pop = screen_pop(runtime, who)
    if pop.caller is not None:
        return f"{pop.caller.full_name} ({pop.number})", pop
    return f"an unknown caller on {pop.number}", pop
