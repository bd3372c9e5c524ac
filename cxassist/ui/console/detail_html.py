"""The interaction detail as readable HTML sections (a heading each, tables with header cells), for a QTextBrowser:
screen readers read it as a document and the keyboard moves through its links.

Every value from the database is escaped; notes arrive already redacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from html import escape

from cxassist.domain.models import Direction, FollowUp, FollowUpKind, Interaction, Status
from cxassist.store.query import InteractionDetail
from cxassist.store.reviews import ReviewRecord
from cxassist.ui.widgets.text import (
    action_text,
    channel_text,
    driver_text,
    local_datetime,
    outcome_long,
    outcome_text,
    short_date,
    tr,
)

LINK_SCHEME = "interaction"


def exact_time(value: datetime) -> str:
    """To the second, in local time: emergency steps are read in sequence."""
    return value.astimezone().strftime("%d %b %Y %H:%M:%S")


def duty_outcome_text(value: str) -> str:
    return {"follow-up-needed": tr("Follow-up needed"), "referred": tr("Referred"), "no-action": tr("No action")}.get(
        value, value
    )


def follow_up_text(follow_up: FollowUp | None, today: date) -> str:
    if follow_up is None:
        return tr("None")
    kind = {
        FollowUpKind.CALLBACK: tr("Callback"),
        FollowUpKind.SENIOR_CALLBACK: tr("Callback from a senior person"),
        FollowUpKind.TASK: tr("Task"),
    }[follow_up.kind]
    if follow_up.done_at is not None:
        state = tr("✓ done {0}").format(local_datetime(follow_up.done_at))
    elif follow_up.is_overdue(today):
        state = tr("⚑ overdue")
    else:
        state = tr("open")
    owner = tr(", owner {0}").format(follow_up.owner) if follow_up.owner else ""
    return tr("{0} due {1}{2}: {3}").format(kind, short_date(follow_up.due), owner, state)


def _e(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _section(title: str, body: str) -> str:
    return f"<h2>{_e(title)}</h2>{body}"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], empty: str) -> str:
    """Rows hold HTML already escaped."""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not body:
        return f"<p>{_e(empty)}</p>"
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
    return f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{body}</table>"


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    """Label and escaped value, one row each."""
    rows = "".join(f"<tr><th align='left' valign='top'>{_e(label)}</th><td>{value}</td></tr>" for label, value in pairs)
    return f"<table cellspacing='0' cellpadding='3'>{rows}</table>"


def _flags(item: Interaction, detail: InteractionDetail) -> str:
    flags = []
    if item.flag_emergency or detail.emergency_actions:
        flags.append(tr("⚠ Emergency"))
    if item.flag_vulnerable:
        flags.append(tr("♥ Vulnerable caller"))
    if item.flag_conflict:
        flags.append(tr("⇄ Sync conflict to settle"))
    return ", ".join(flags) or tr("None")


def _call(detail: InteractionDetail, today: date) -> str:
    item = detail.interaction
    when = local_datetime(item.started_at)
    if item.ended_at is not None:
        minutes = max(round((item.ended_at - item.started_at).total_seconds() / 60), 0)
        when += tr(" to {0} ({1} min)").format(item.ended_at.astimezone().strftime("%H:%M"), minutes)
    if item.status is Status.IN_PROGRESS:
        when += tr(" (still in progress)")
    agent = detail.agent
    who = f"{agent.display_name} ({agent.id})" if agent is not None else item.agent_id
    if agent is not None and agent.team:
        who += tr(", team {0}").format(agent.team)
    direction = tr("inbound") if item.direction is Direction.INBOUND else tr("outbound")
    pairs = [
        (tr("When"), _e(when)),
        (tr("Agent"), _e(who)),
        (tr("Channel"), _e(f"{channel_text(item.channel)}, {direction}")),
        (tr("Reason"), _e(item.reason or tr("not recorded"))),
        (tr("Outcome"), _e(outcome_long(item.outcome))),
        (tr("Note"), _e(item.note or tr("none"))),
        (tr("Tags"), _e(", ".join(item.tags) or tr("none"))),
        (tr("Follow-up"), _e(follow_up_text(item.follow_up, today))),
        (tr("Flags"), _e(_flags(item, detail))),
    ]
    if item.resolution:
        pairs.insert(5, (tr("Resolution"), _e(item.resolution)))
    return _section(tr("The call"), _facts(pairs))


def _caller(detail: InteractionDetail, today: date) -> str:
    caller = detail.caller
    if caller is None:
        unlinked = tr("Not linked to a caller record; called from {0}.").format(detail.interaction.phone)
        body = f"<p>{_e(unlinked)}</p>"
        return _section(tr("The caller"), body)
    name = caller.full_name
    if caller.preferred_name and caller.preferred_name != caller.full_name:
        name += tr(" (likes to be called {0})").format(caller.preferred_name)
    pairs = [
        (tr("Name"), _e(name)),
        (tr("Numbers"), _e(", ".join(p.e164 for p in caller.phones) or tr("none"))),
        (tr("Address"), _e(caller.address.one_line() or tr("not known"))),
    ]
    rows = []
    for need in detail.vulnerabilities:
        review = short_date(need.review_by)
        if need.is_due_for_review(today):
            review = tr("↻ {0}, review due").format(review)
        consent = tr("given {0}").format(need.consent.how) if need.consent else tr("not recorded")
        rows.append([_e(driver_text(need.driver)), _e(need.detail), _e(need.adjustments), _e(consent), _e(review)])
    needs = _table(
        [tr("Relates to"), tr("What they told us"), tr("Adjustments"), tr("Consent"), tr("Review by")],
        rows,
        tr("No needs or vulnerabilities recorded."),
    )
    needs_title = tr("Needs and vulnerabilities")
    return _section(tr("The caller"), _facts(pairs) + f"<h3>{_e(needs_title)}</h3>" + needs)


def _prompts(detail: InteractionDetail) -> str:
    names = {"shown": tr("Shown"), "used": tr("✓ Used"), "dismissed": tr("✗ Dismissed")}
    events = detail.prompt_events
    counts = {kind: sum(1 for e in events if e.event == kind) for kind in names}
    summary = tr("{0} shown, {1} used, {2} dismissed.").format(counts["shown"], counts["used"], counts["dismissed"])
    rows = [[_e(exact_time(e.at)), _e(e.rule_id), _e(names.get(e.event, e.event)), _e(e.reason)] for e in events]
    table = _table(
        [tr("Time"), tr("Prompt"), tr("What happened"), tr("Reason given")], rows, tr("No prompts were shown.")
    )
    return _section(tr("Prompts"), (f"<p>{_e(summary)}</p>" if events else "") + table)


def _emergency(detail: InteractionDetail) -> str:
    rows = [
        [_e(exact_time(a.at)), _e(action_text(a.kind)), _e(a.detail), _e(a.agent_id)]
        for a in sorted(detail.emergency_actions, key=lambda a: a.at)
    ]
    return _section(
        tr("Emergency steps"),
        _table([tr("Time"), tr("Step"), tr("Detail"), tr("By")], rows, tr("No emergency steps were taken.")),
    )


def _history(detail: InteractionDetail) -> str:
    rows = [
        [
            f"<a href='{LINK_SCHEME}:{other.id}'>{_e(local_datetime(other.started_at))}</a>",
            _e(channel_text(other.channel)),
            _e(other.reason),
            _e(outcome_text(other.outcome)),
            _e(other.agent_id),
        ]
        for other in detail.history
    ]
    table = _table(
        [tr("When (open)"), tr("Channel"), tr("Reason"), tr("Outcome"), tr("Agent")], rows, tr("No other contacts.")
    )
    return _section(tr("The caller's other recent contacts"), table)


def _review_text(record: ReviewRecord) -> str:
    stamp = record.updated_at or record.created_at
    when = local_datetime(stamp) if stamp is not None else ""
    if record.duty_of_care_outcome:
        head = tr("Duty-of-care outcome by {0}, {1}: {2}").format(
            record.reviewer_id, when, duty_outcome_text(record.duty_of_care_outcome)
        )
    else:
        scores = ", ".join(f"{name} {score}/5" for name, score in record.scores.items())
        head = tr("Quality review by {0}, {1}: {2}").format(record.reviewer_id, when, scores)
    parts = [f"<b>{_e(head)}</b>"]
    if record.comment:
        parts.append(_e(record.comment))
    if record.kudos:
        parts.append(_e(tr("★ Kudos: {0}").format(record.kudos)))
    return "<p>" + "<br>".join(parts) + "</p>"


def _reviews(detail: InteractionDetail) -> str:
    none_yet = tr("Not reviewed yet.")
    body = "".join(_review_text(r) for r in detail.reviews) or f"<p>{_e(none_yet)}</p>"
    return _section(tr("Reviews and duty-of-care outcomes"), body)


def _feedback(detail: InteractionDetail) -> str:
    kinds = {"compliment": tr("☺ Compliment"), "complaint": tr("✗ Complaint")}
    rows = [
        [
            _e(kinds.get(f.kind, f.kind)),
            _e(f.channel),
            _e(local_datetime(f.created_at) if f.created_at else ""),
            _e(f.text),
        ]
        for f in detail.feedback
    ]
    return _section(
        tr("Customer feedback"),
        _table(
            [tr("Kind"), tr("Came by"), tr("Recorded"), tr("What they said")],
            rows,
            tr("No feedback from the customer."),
        ),
    )


def _friction(detail: InteractionDetail) -> str:
    states = {"open": tr("open"), "removed": tr("✓ removed")}
    rows = [[_e(f.rule), _e(f.words), _e(states.get(f.status, f.status))] for f in detail.friction_points]
    return _section(
        tr("Friction points"),
        _table([tr("Rule or process"), tr("In their words"), tr("State")], rows, tr("No friction points marked.")),
    )


def detail_html(detail: InteractionDetail, *, today: date) -> str:
    sections = [
        _call(detail, today),
        _caller(detail, today),
        _emergency(detail),
        _prompts(detail),
        _history(detail),
        _reviews(detail),
        _feedback(detail),
        _friction(detail),
    ]
    return "".join(sections)
