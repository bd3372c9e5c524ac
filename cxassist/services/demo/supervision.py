"""What supervisors and agents made of the demo's contacts, so the console shows a living centre: prompts shown, used
and dismissed; quality reviews with comments and a few kudos; duty-of-care outcomes (the older flagged contacts have
one, the newest mostly wait, and one recent emergency always does); reviews of most vulnerabilities long past their
review date; a couple of compliments and one complaint with a senior callback booked; friction points; two prompt
suggestions. The story caller's are scripted (`supervision_data.STORY_*`).

Drawn from a random source of its own, seeded from the demo's seed, so the callers and their histories are exactly
those a demo without this would have. Every caller's records are drawn, also those of callers an interrupted run
already stored (only fresh ones are written), so a resumed run makes the same demo as an uninterrupted one.

Duty-of-care outcomes and vulnerability reviews come with the audit events `services.duty_of_care` writes for them.
Those events are collected here (`Supervision.audit`) and appended last, oldest first, so the audit trail reads in
time order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from uuid import UUID

from cxassist.domain.models import Channel, FollowUp, FollowUpKind, Interaction, Outcome, VulnerabilityDriver
from cxassist.services.access import ConsoleAudit, detail_text
from cxassist.services.demo import data, history
from cxassist.services.demo import supervision_data as words
from cxassist.services.demo.generate import AuditNote, Generator, PromptEvent, Record
from cxassist.services.prompts import DISMISS_REASONS
from cxassist.store.prompt_suggestions import OPEN, Suggestion
from cxassist.store.reviews import FeedbackRecord, FrictionRecord, ReviewRecord

DAY = timedelta(days=1)


class Supervision:
    """The supervisors' side of the demo, one caller at a time; `calls` is a generator on a random source of its own
    (it also makes the recent emergency)."""

    def __init__(self, calls: Generator, *, criteria: Sequence[str], agent_id: str, team: str) -> None:
        self.calls = calls
        self.rng = calls.rng
        self.now = calls.now
        self.criteria = tuple(criteria)
        self.own_agent = agent_id  # the desktop's agent: no kudos or compliments, so their workspace stays as it is
        self.teams = {a[0]: a[3] for a in data.AGENTS} | {agent_id: team}
        self.team_supervisor = {a[3]: a[0] for a in data.AGENTS if a[2] == "supervisor"}
        self.first_names = {a[0]: a[1].split()[0] for a in data.AGENTS}
        self.strengths = {agent: self.rng.randrange(len(self.criteria) or 1) for agent in sorted(self.teams)}
        self.audit: list[AuditNote] = []
        self.kept_open: set[UUID] = set()
        self.kept_waiting = words.VULNERABILITY_KEPT_WAITING
        self.recent_emergencies = 1  # one emergency from the last few days, waiting for its outcome
        self.compliments = 2  # the first contacts that earn one get one, so even a small demo has them
        self.compliments_given = 0
        self.complaints = 1
        self.suggestions = list(words.SUGGESTIONS)

    def reviewer(self, agent_id: str) -> str:
        """The supervisor of the agent's team, or another one: nobody reviews their own contact."""
        first = self.team_supervisor.get(self.teams.get(agent_id, ""), data.SUPERVISORS[0])
        return first if first != agent_id else next(s for s in data.SUPERVISORS if s != agent_id)

    def days_ago(self, at: datetime) -> float:
        return (self.now - at).total_seconds() / 86_400

    def after(self, item: Interaction, hours: int) -> datetime:
        """`hours` after the contact ended, but never in the future."""
        return min((item.ended_at or item.started_at) + timedelta(hours=hours), self.now)

    def uuid(self) -> UUID:
        return self.calls.uuid()


def supervise(sup: Supervision, record: Record) -> None:
    """Add to `record` what supervisors and agents made of its contacts."""
    caller = record.caller
    name = caller.preferred_name or caller.full_name.split()[0]
    if sup.recent_emergencies and record.vulnerabilities and record.contacts:
        sup.recent_emergencies -= 1
        item = history.add_emergency(
            sup.calls, record, sup.rng.randint(1, 4), name=name, country=caller.address.country
        )
        sup.kept_open.add(item.id)
    _review_vulnerabilities(sup, record)
    _complaint(sup, record, name)
    contacts = sorted(record.interactions, key=lambda i: (i.started_at, i.id))
    for index, item in enumerate(contacts):
        _prompts(sup, record, item, contacts[:index])
        _review(sup, record, item, name)
        _duty_outcome(sup, record, item)
        _compliment(sup, record, item, name)
        _friction(sup, record, item)
        _suggestion(sup, record, item)


def supervise_story(sup: Supervision, record: Record) -> None:
    """The story caller: prompts like anyone's; her reviews, outcomes and friction point as scripted."""
    calls = record.interactions  # in the order of data.STORY_CALLS
    for index, item in enumerate(calls):
        _prompts(sup, record, item, calls[:index])
    for call, reviewer, scores, comment, kudos, days in words.STORY_REVIEWS:
        item = calls[call]
        record.reviews.append(
            ReviewRecord(
                id=sup.uuid(),
                interaction_id=item.id,
                reviewer_id=reviewer,
                scores={c: scores[i] if i < len(scores) else 4 for i, c in enumerate(sup.criteria)},
                comment=comment,
                kudos=kudos,
                created_at=sup.after(item, 24 * days),
            )
        )
    for call, reviewer, outcome, comment, days in words.STORY_DUTY:
        _record_outcome(sup, record, calls[call], reviewer, outcome, comment, sup.after(calls[call], 24 * days))
    rule, remark, _channels = words.FRICTION[words.STORY_FRICTION]
    item = calls[words.STORY_FRICTION_CALL]
    record.friction.append(FrictionRecord(sup.uuid(), item.id, rule, remark, "open", created_at=sup.after(item, 0)))


def _prompts(sup: Supervision, record: Record, item: Interaction, earlier: Sequence[Interaction]) -> None:
    """The prompts the workspace showed on a contact since prompts went live, and what the agent did with each."""
    if sup.days_ago(item.started_at) > words.PROMPTS_SINCE_DAYS:
        return
    rng = sup.rng
    shown_at = item.started_at + timedelta(seconds=rng.randint(2, 40))
    ended = max(item.ended_at or shown_at, shown_at)
    for rule_id in _rules_for(record, item, earlier):
        record.prompt_events.append(PromptEvent(sup.uuid(), item.id, rule_id, words.PACK_VERSION, "shown", shown_at))
        use, dismiss = words.PROMPT_USE[rule_id.split("-")[0]]
        use += words.PROMPT_USE_BY_OUTCOME.get(item.outcome or Outcome.MET, 0.0)
        draw = rng.random()
        at = shown_at + (ended - shown_at) * rng.random()
        if draw < use:
            record.prompt_events.append(PromptEvent(sup.uuid(), item.id, rule_id, words.PACK_VERSION, "used", at))
        elif draw < use + dismiss:
            reason = sup.calls.pick(DISMISS_REASONS, words.DISMISS_WEIGHTS)
            record.prompt_events.append(
                PromptEvent(sup.uuid(), item.id, rule_id, words.PACK_VERSION, "dismissed", at, reason)
            )


def _rules_for(record: Record, item: Interaction, earlier: Sequence[Interaction]) -> list[str]:
    """Rules of the default pack whose conditions this contact met, judged from what the demo knows of it."""
    caller, started = record.caller, item.started_at
    rules = []
    if item.flag_emergency:
        rules.append(words.EMERGENCY_PROMPTS.get(item.reason, "care-cue-medical"))
    consented = [v for v in record.vulnerabilities if v.consent is not None and v.consent.at <= started]
    if consented:
        rules.append("care-adjustments")
        drivers = {v.driver for v in consented}
        if any("hearing" in v.detail.lower() for v in consented):
            rules.append("care-hearing")
        if VulnerabilityDriver.LIFE_EVENT in drivers:
            rules.append("empathy-life-event")
        if VulnerabilityDriver.CAPABILITY in drivers:
            rules.append("plain-capability")
    if any(e.flag_emergency for e in earlier):
        rules.append("care-emergency-before")
    if earlier and earlier[-1].outcome is Outcome.FAILED:
        rules.append("empathy-last-failed")
    if sum(e.outcome is Outcome.FAILED for e in earlier[-3:]) >= 2:
        rules.append("empathy-failed-again")
    if earlier and started - earlier[-1].started_at <= timedelta(days=7):
        rules.append("context-repeat-caller")
    if any(
        e.follow_up is not None
        and e.follow_up.due < started.date()
        and (e.follow_up.done_at is None or e.follow_up.done_at > started)
        for e in earlier
    ):
        rules.append("context-follow-up-overdue")
    greeting = {Channel.CHAT: "greet-chat", Channel.EMAIL: "greet-email"}.get(item.channel)
    if item.channel is Channel.PHONE and caller.preferred_name:
        greeting = "greet-preferred-name"
    rules.extend([greeting] if greeting else [])
    if item.channel in (Channel.CHAT, Channel.EMAIL, Channel.WEB):
        rules.extend(["plain-written", "closing-summarise-written"])
    else:
        rules.append("closing-summarise")
    if caller.customer_since is not None and (started.date() - caller.customer_since).days >= 3652:
        rules.append("delight-long-tenure")
    if caller.preferred_channel is not None:
        rules.append("closing-confirm-preferred-channel")
    return rules


def _review(sup: Supervision, record: Record, item: Interaction, name: str) -> None:
    """A quality review on a share of contacts (most of them recent), scored on every criterion."""
    rng, age = sup.rng, sup.days_ago(item.started_at)
    share = words.REVIEW_SHARE_RECENT if age <= words.REVIEW_RECENT_DAYS else words.REVIEW_SHARE_OLDER
    if age < 1 or item.outcome is None or rng.random() >= share:
        return
    mean = words.SCORE_BY_OUTCOME[item.outcome]
    strength = sup.strengths.get(item.agent_id, -1)
    scores = {
        criterion: min(5, max(1, round(rng.gauss(mean + (0.6 if i == strength else 0.0), 0.7))))
        for i, criterion in enumerate(sup.criteria)
    }
    kudos = ""
    if item.outcome is Outcome.EXCEEDED and item.agent_id != sup.own_agent and rng.random() < words.KUDOS_SHARE:
        agent = sup.first_names.get(item.agent_id, "")  # every agent but the desktop's is in data.AGENTS
        kudos = rng.choice(words.KUDOS).format(name=name, agent=agent)
    record.reviews.append(
        ReviewRecord(
            id=sup.uuid(),
            interaction_id=item.id,
            reviewer_id=sup.reviewer(item.agent_id),
            scores=scores,
            comment=rng.choice(words.REVIEW_COMMENTS[item.outcome]),
            kudos=kudos,
            created_at=sup.after(item, rng.randint(2, 96)),
        )
    )


def _duty_outcome(sup: Supervision, record: Record, item: Interaction) -> None:
    """Flagged contacts older than a few days have an outcome; the newest mostly wait in the queue."""
    if not (item.flag_emergency or item.flag_vulnerable) or item.id in sup.kept_open:
        return
    rng = sup.rng
    if sup.days_ago(item.started_at) <= words.DUTY_RECENT_DAYS and rng.random() >= words.DUTY_RECENT_DONE:
        return
    if item.flag_emergency:
        outcome, comment = rng.choice(words.DUTY_EMERGENCY)
    else:
        outcome, comment = sup.calls.pick(words.DUTY_VULNERABLE, words.DUTY_VULNERABLE_WEIGHTS)
    reviewer = sup.reviewer(item.agent_id)
    _record_outcome(sup, record, item, reviewer, outcome, comment, sup.after(item, rng.randint(1, 72)))


def _record_outcome(
    sup: Supervision, record: Record, item: Interaction, reviewer: str, outcome: str, comment: str, at: datetime
) -> None:
    record.reviews.append(
        ReviewRecord(
            id=sup.uuid(),
            interaction_id=item.id,
            reviewer_id=reviewer,
            comment=comment,
            duty_of_care_outcome=outcome,
            created_at=at,
        )
    )
    action, subject = ConsoleAudit.DUTY_OF_CARE_OUTCOME.value, f"interaction:{item.id}"
    sup.audit.append(AuditNote(sup.uuid(), at, reviewer, action, subject, detail_text({"outcome": outcome})))


def _review_vulnerabilities(sup: Supervision, record: Record) -> None:
    """Most vulnerabilities whose review date passed over a month ago were reviewed some days after it: the review
    date moved on a year, the outcome in the audit trail (as `services.duty_of_care.review_vulnerability` does)."""
    rng, today = sup.rng, sup.calls.today
    for index, item in enumerate(record.vulnerabilities):
        if (today - item.review_by).days <= words.VULNERABILITY_REVIEW_AFTER_DAYS:
            continue
        if sup.kept_waiting:
            sup.kept_waiting -= 1
            continue
        if rng.random() >= words.VULNERABILITY_REVIEWED:
            continue
        reviewed_days_ago = (today - item.review_by).days - rng.randint(1, 21)
        at = sup.calls.moment(reviewed_days_ago, record.caller.address.country)
        next_review = at.date() + timedelta(days=365)
        outcome, comment = sup.calls.pick(words.VULNERABILITY_REVIEWS, words.VULNERABILITY_REVIEW_WEIGHTS)
        reviewer = sup.reviewer(item.recorded_by)
        record.vulnerabilities[index] = replace(item, review_by=next_review)
        detail = detail_text({"outcome": outcome, "comment": comment, "next_review": next_review.isoformat()})
        sup.audit.append(
            AuditNote(sup.uuid(), at, reviewer, ConsoleAudit.REVIEWED_VULNERABILITY.value, f"vulnerability:{item.id}",
                      detail)
        )  # fmt: skip


def _compliment(sup: Supervision, record: Record, item: Interaction, name: str) -> None:
    recent = 1 <= sup.days_ago(item.started_at) <= words.FEEDBACK_RECENT_DAYS
    if item.outcome is not Outcome.EXCEEDED or item.agent_id == sup.own_agent or not recent:
        return
    if sup.compliments:
        sup.compliments -= 1
    elif sup.rng.random() >= words.COMPLIMENT_SHARE:
        return
    channel, text = words.COMPLIMENTS[sup.compliments_given % len(words.COMPLIMENTS)]
    sup.compliments_given += 1
    agent = sup.first_names.get(item.agent_id, "the agent")
    record.feedback.append(
        FeedbackRecord(
            id=sup.uuid(),
            interaction_id=item.id,
            kind="compliment",
            channel=channel,
            text=text.format(name=name, agent=agent),
            created_at=sup.after(item, sup.rng.randint(20, 120)),
        )
    )


def _complaint(sup: Supervision, record: Record, name: str) -> None:
    """One complaint, about a recent contact that failed the caller: it books a senior callback for tomorrow, owned
    by the supervisor who recorded it (as `services.feedback.record_feedback` does)."""
    candidates = [
        (index, item)
        for index, item in enumerate(record.interactions)
        if item.outcome is Outcome.FAILED
        and item.agent_id != sup.own_agent
        and not item.flag_emergency
        and 2 <= sup.days_ago(item.started_at) <= 21
    ]
    if not sup.complaints or not candidates:
        return
    sup.complaints -= 1
    index, item = sup.rng.choice(candidates)
    owner = sup.reviewer(item.agent_id)
    at = max(sup.after(item, 6), sup.now - timedelta(hours=sup.rng.randint(20, 44)))
    due = sup.calls.today + DAY
    current = item.follow_up
    kind = FollowUpKind.SENIOR_CALLBACK
    if current is not None and current.is_open():
        follow_up = replace(current, due=min(current.due, due), owner=owner, kind=kind)
    else:
        follow_up = FollowUp(due=due, owner=owner, kind=kind)
    record.interactions[index] = replace(item, follow_up=follow_up)
    channel, text = words.COMPLAINT
    record.feedback.append(
        FeedbackRecord(sup.uuid(), item.id, "complaint", channel, text.format(name=name), created_at=at)
    )


def _friction(sup: Supervision, record: Record, item: Interaction) -> None:
    """Now and then the agent marked, from the form, a rule the caller found pointless."""
    rng = sup.rng
    if sup.days_ago(item.started_at) > words.FRICTION_RECENT_DAYS or rng.random() >= words.FRICTION_SHARE:
        return
    fits = [f for f in words.FRICTION if not f[2] or item.channel.value in f[2]]
    weights = [words.FRICTION_WEIGHTS[words.FRICTION.index(f)] for f in fits]
    rule, remark, _channels = sup.calls.pick(fits, weights)
    record.friction.append(FrictionRecord(sup.uuid(), item.id, rule, remark, "open", created_at=sup.after(item, 0)))


def _suggestion(sup: Supervision, record: Record, item: Interaction) -> None:
    if not sup.suggestions or not 1 <= sup.days_ago(item.started_at) <= 30 or sup.rng.random() >= 0.2:
        return
    record.suggestions.append(
        Suggestion(
            id=sup.uuid(),
            agent_id=item.agent_id,
            interaction_id=item.id,
            category="",  # as the workspace's "Suggest a prompt" writes it
            text=sup.suggestions.pop(0),
            status=OPEN,
            suggested_at=sup.after(item, 0),
        )
    )
