"""Reviewing the interaction log: pages of it, one interaction in full, a quality scorecard with recognition, and the
recognition an agent sees in their workspace.

The console asks through these functions (and `dashboard`, `duty_of_care`, `feedback`), which ask the store's query
interface; none of them builds SQL. A scorecard scores every criterion in `Settings.review.criteria` from 1 to 5; a
reviewer has one quality review per interaction and saving again updates it. Reviews are synced rows, so a kudos
given on one desktop reaches the agent's wherever they work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Agent
from cxassist.services.access import ConsoleAudit, audit_on, require_supervisor
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import query as store_query
from cxassist.store import reviews as review_store
from cxassist.store.interactions import get_interaction
from cxassist.store.query import CountEstimate, Cursor, InteractionDetail, InteractionQuery, Page
from cxassist.store.reviews import Recognition, ReviewRecord

SCORES = range(1, 6)
MAX_COMMENT = 5_000
MAX_KUDOS = 1_000
MAX_RECOGNITION = 200


def log_page(runtime: Runtime, query: InteractionQuery, *, after: Cursor | None = None) -> Page:
    """One page of the interaction log (the console checked the role when it opened)."""
    with runtime.db.read() as conn:
        return store_query.page(conn, query, after=after)


def agents_and_teams(runtime: Runtime) -> tuple[list[Agent], list[str]]:
    """The agents and teams the console's filters offer (from the agent table, kept in step by sync)."""
    with runtime.db.read() as conn:
        return store_query.list_agents(conn), store_query.list_teams(conn)


def log_count(runtime: Runtime, query: InteractionQuery) -> CountEstimate | None:
    with runtime.db.read() as conn:
        return store_query.count_estimate(conn, query)


def interaction_detail(runtime: Runtime, interaction_id: UUID) -> InteractionDetail:
    """The whole interaction, for a supervisor. Opening a vulnerable caller's record is audited, in the same
    transaction that read it, so no one sees it without a trace."""
    require_supervisor(runtime, purpose="open an interaction in the console")
    with runtime.db.write() as conn:
        detail = store_query.get_detail(conn, interaction_id)
        if detail is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        if detail.involves_vulnerable_caller:
            caller = detail.caller.id if detail.caller is not None else None
            audit_on(
                conn,
                runtime,
                ConsoleAudit.VIEWED_VULNERABLE_RECORD,
                subject=f"interaction:{interaction_id}",
                caller=str(caller) if caller else None,
            )
    return detail


def check_scores(criteria: tuple[str, ...], scores: Mapping[str, int]) -> dict[str, int]:
    """Every criterion scored 1 to 5 and nothing else; raises UserError naming what is wrong."""
    unknown = sorted(set(scores) - set(criteria))
    if unknown:
        raise UserError(f"Unknown review criteria: {', '.join(unknown)}; the scorecard has {', '.join(criteria)}.")
    missing = [c for c in criteria if c not in scores]
    if missing:
        raise UserError(f"Score every criterion; missing: {', '.join(missing)}.")
    for name, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
            raise UserError(f"The score for {name} must be a whole number from 1 to 5, not {value!r}.")
    return {c: int(scores[c]) for c in criteria}


def save_review(
    runtime: Runtime, interaction_id: UUID, *, scores: Mapping[str, int], comment: str = "", kudos: str = ""
) -> Done[ReviewRecord]:
    """Score an interaction against the site's criteria, with a comment and, optionally, a kudos the agent will see.
    Saving again updates this reviewer's review of it."""
    require_supervisor(runtime, purpose="review interactions")
    checked = check_scores(runtime.settings.review.criteria, scores)
    comment = clean_text(comment.strip(), field="comment", limit=MAX_COMMENT)
    kudos = clean_text(kudos.strip(), field="kudos", limit=MAX_KUDOS)
    now = runtime.now()
    with runtime.db.write() as conn:
        item = get_interaction(conn, interaction_id)
        if item is None:
            raise NotFoundError(f"No interaction with id {interaction_id}.")
        if item.agent_id == runtime.agent_id:
            raise UserError("You cannot review your own interaction; ask another supervisor.")
        earlier = review_store.quality_review_by(conn, interaction_id, runtime.agent_id)
        record = ReviewRecord(
            id=earlier.id if earlier else runtime.new_id(),
            interaction_id=interaction_id,
            reviewer_id=runtime.agent_id,
            scores=checked,
            comment=comment,
            kudos=kudos,
        )
        review_store.save_review(conn, record, hlc=runtime.stamp(), now=now)
    saved = replace(record, created_at=earlier.created_at if earlier else now, updated_at=now)
    return Done(saved, Changes(interactions=frozenset({interaction_id}), reviews=frozenset({record.id}),
                              outbox_pending=True))  # fmt: skip


def kudos_for_agent(
    runtime: Runtime, agent_id: str, since: datetime | None = None, *, limit: int = 50
) -> list[Recognition]:
    """Recognition for `agent_id`, newest first: supervisors' kudos and customers' compliments about their contacts.
    Any agent may read their own; the workspace shows it."""
    limit = max(1, min(limit, MAX_RECOGNITION))
    with runtime.db.read() as conn:
        return review_store.recognition_for_agent(conn, agent_id, since, limit=limit)
