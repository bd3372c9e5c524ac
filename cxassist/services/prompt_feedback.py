"""The agents' voice on prompts, for supervisors to act on: why prompts were dismissed, and the prompts agents
suggested (open until a supervisor marks one done or not doing; the status syncs like the suggestion)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.services.access import require_supervisor
from cxassist.services.changes import Changes, Done
from cxassist.services.prompts import prompt_stats
from cxassist.services.runtime import Runtime
from cxassist.store import prompt_suggestions
from cxassist.store.prompt_suggestions import Suggestion

MAX_LISTED = 500


class SuggestionStatus(StrEnum):
    DONE = "done"
    NOT_DOING = "not-doing"


@dataclass(frozen=True, slots=True)
class RuleDismissals:
    rule_id: str
    dismissed: int
    shown: int
    reasons: tuple[tuple[str, int], ...]  # (reason, count), most given first; "" for none given


def dismissals(runtime: Runtime, *, since: datetime | None = None) -> list[RuleDismissals]:
    """Rules agents dismissed, most dismissed first, with the reasons they gave and how often."""
    found = []
    for stats in prompt_stats(runtime, since=since):
        if not stats.dismissed:
            continue
        reasons = sorted(stats.dismiss_reasons.items(), key=lambda item: (-item[1], item[0]))
        unexplained = stats.dismissed - sum(stats.dismiss_reasons.values())
        if unexplained > 0:
            reasons.append(("", unexplained))
        found.append(RuleDismissals(stats.rule_id, stats.dismissed, stats.shown, tuple(reasons)))
    return sorted(found, key=lambda rule: (-rule.dismissed, rule.rule_id))


def open_suggestions(runtime: Runtime, *, limit: int = MAX_LISTED) -> list[Suggestion]:
    """Suggestions nobody has acted on yet, oldest first."""
    with runtime.db.read() as conn:
        return prompt_suggestions.open_suggestions(conn, limit=limit)


def set_suggestion_status(runtime: Runtime, suggestion_id: UUID, status: SuggestionStatus) -> Done[Suggestion]:
    """Mark a suggestion done or not doing (supervisors and admins)."""
    require_supervisor(runtime, purpose="act on prompt suggestions")
    if not isinstance(status, SuggestionStatus):
        raise UserError(f"'{status}' is not a status for a suggestion; use done or not-doing.")
    with runtime.db.write() as conn:
        suggestion = prompt_suggestions.get_suggestion(conn, suggestion_id)
        if suggestion is None:
            raise NotFoundError(f"No prompt suggestion with id {suggestion_id}.")
        prompt_suggestions.set_status(conn, suggestion, status.value, hlc=runtime.stamp(), now=runtime.now())
    return Done(replace(suggestion, status=status.value), Changes(outbox_pending=True))
