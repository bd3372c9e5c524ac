"""Prompts for the caller on the line: load the packs in force, evaluate them for a screen pop and the live note,
and record what the agent did with each prompt.

A pack set that fails to load raises `PackError` naming file, line and rule; the caller of `load_pack_set` keeps the
set it already had in force (the GUI does; the CLI reports the error).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import UUID

from cxassist.config import Settings
from cxassist.domain.errors import UserError
from cxassist.domain.models import Channel
from cxassist.prompts import Pack, PackSet, Prompt, build_context, evaluate, load_packs
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.emergency import caller_place
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import ScreenPop
from cxassist.store import prompt_events
from cxassist.store.prompt_events import PromptEventRecord, RuleStats

DISMISS_REASONS = ("not helpful", "wrong for this caller", "wording")
MAX_SUGGESTION_CHARS = 1000


def load_pack_set(settings: Settings, published: Sequence[Pack] = ()) -> PackSet:
    """The shipped default pack plus the site's packs (`prompts.packs`), later packs adding or replacing rules; then
    the packs published from the console (`services.prompt_packs.load_in_force` passes them), see `with_published`."""
    files = load_packs(None, [Path(p) for p in settings.prompts.packs])
    return PackSet.compose(with_published(files.packs, published)) if published else files


def with_published(packs: Sequence[Pack], published: Sequence[Pack]) -> list[Pack]:
    """`packs` with each published pack in the place of the pack of the same name (a new name comes at the end)."""
    by_name = {pack.name: pack for pack in published}
    placed: list[Pack] = []
    for pack in packs:
        if pack.name not in by_name:
            placed.append(pack)
        elif by_name[pack.name] not in placed:
            placed.append(by_name[pack.name])
    return placed + [pack for pack in published if pack not in placed]


@dataclass(frozen=True, slots=True)
class PromptRequest:
    pop: ScreenPop
    note: str = ""
    channel: Channel = Channel.PHONE
    chosen_cues: tuple[str, ...] = ()
    current_interaction_id: UUID | None = None  # the call in progress, so it does not count as a repeat contact


def prompts_for(settings: Settings, pack_set: PackSet, request: PromptRequest, *, now: datetime) -> list[Prompt]:
    """Pure and fast (no database): safe to call on every debounced keystroke from a worker."""
    pop = request.pop
    place = caller_place(settings, pop.caller, pop.number)
    context = build_context(
        pop.caller,
        pop.history,
        pop.vulnerabilities,
        pop.emergency_contacts,
        channel=request.channel,
        now=now,
        caller_tz=place.zone,
        note=request.note,
        cues=pack_set.cues,
        chosen_cues=request.chosen_cues,
        follow_ups=pop.follow_ups,
        current_interaction_id=request.current_interaction_id,
    )
    return evaluate(pack_set, context, language=settings.prompts.language)


def pack_version(prompt: Prompt) -> str:
    return f"{prompt.pack_name}@{prompt.pack_version}"


def record_prompt_events(runtime: Runtime, events: Sequence[PromptEventRecord]) -> Done[int]:
    """Save shown / used / dismissed events with their interaction (one transaction, with their outbox rows)."""
    for event in events:
        if event.event == "dismissed" and len(event.reason) > 200:
            raise UserError("A dismiss reason can be at most 200 characters.")
    if not events:
        return Done(0, Changes())
    now = runtime.now()
    with runtime.db.write() as conn:
        prompt_events.save_events(conn, events, new_id=runtime.new_id, hlc=runtime.stamp(), now=now)
    return Done(len(events), Changes(outbox_pending=True))  # the interaction itself is unchanged


def suggest_prompt(
    runtime: Runtime, *, text: str, category: str = "", interaction_id: UUID | None = None
) -> Done[UUID]:
    """An agent's idea for a prompt that is missing; stored and synced for supervisors to act on."""
    cleaned = clean_text(text, field="suggestion", limit=MAX_SUGGESTION_CHARS).strip()
    if not cleaned:
        raise UserError("The suggestion is empty; write the prompt you would like to see.")
    suggestion_id = runtime.new_id()
    now = runtime.now()
    with runtime.db.write() as conn:
        prompt_events.save_suggestion(
            conn,
            suggestion_id=suggestion_id,
            agent_id=runtime.agent_id,
            interaction_id=interaction_id,
            category=category,
            text=cleaned,
            hlc=runtime.stamp(),
            now=now,
        )
    return Done(suggestion_id, Changes(outbox_pending=True))


def prompt_stats(runtime: Runtime, *, since: datetime | None = None) -> list[RuleStats]:
    with runtime.db.read() as conn:
        return prompt_events.rule_stats(conn, since=since)
