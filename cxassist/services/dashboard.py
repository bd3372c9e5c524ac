"""The supervisor dashboard: plain rows for each chart (the console draws the charts, and a table of the same rows
for screen-reader users). The charts follow the console's filters.

- contacts per day by channel, and the outcome mix (failed / met / exceeded / none yet) per day;
- outcomes per agent and per team; quality review scores per agent and per team, by criterion;
- follow-ups by due day: done on time, late, still open and overdue, open and not due yet;
- prompt use against outcome: for each prompt, how the contacts where it was used went, beside all contacts.

Counts come through the store's query interface (`store.query.aggregates`), from summary tables kept by triggers
when the filters are date, agent, team, channel and outcome, so 90 days of 10M interactions is a few thousand rows.
Other filters (tags, emergency, vulnerable, overdue, not reviewed, a caller, a search) read the matching rows; their
follow-up chart then counts the follow-ups, due in the range, of the matching contacts that started in the range
(the summary path counts every follow-up due in the range, whenever its contact started).

Days are the viewer's local days (the machine's zone unless `tz` is given). With an agent or team filter, and for the
per-agent totals, the per-day rows are by UTC day: the summary keeps agents by UTC day, not by hour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from cxassist.services.runtime import Runtime
from cxassist.store.query import InteractionQuery, list_agents
from cxassist.store.query import aggregates as agg
from cxassist.store.query.aggregates import FollowUpCount, Grouped

DEFAULT_DAYS = 90
OUTCOMES = ("failed", "met", "exceeded", "")
CHUNK = 500


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    key: str  # a channel, or an outcome ('' when none was recorded yet)
    contacts: int


@dataclass(frozen=True, slots=True)
class OutcomeTotals:
    name: str  # agent id, team name, or "all"
    label: str  # display name for an agent
    failed: int = 0
    met: int = 0
    exceeded: int = 0
    none: int = 0

    @property
    def total(self) -> int:
        return self.failed + self.met + self.exceeded + self.none


@dataclass(frozen=True, slots=True)
class ScoreRow:
    name: str  # agent id or team
    criterion: str
    average: float
    reviews: int


@dataclass(frozen=True, slots=True)
class PromptRow:
    rule_id: str
    shown: int  # contacts where the prompt was shown
    used: int  # contacts where it was used
    used_outcomes: dict[str, int]  # outcome of those contacts ('' for none) -> contacts


@dataclass(frozen=True, slots=True)
class Dashboard:
    start: datetime
    end: datetime
    contacts_by_channel: tuple[DayCount, ...]
    outcome_mix: tuple[DayCount, ...]
    overall: OutcomeTotals
    by_agent: tuple[OutcomeTotals, ...]
    by_team: tuple[OutcomeTotals, ...]
    scores_by_agent: tuple[ScoreRow, ...]
    scores_by_team: tuple[ScoreRow, ...]
    follow_ups: tuple[FollowUpCount, ...]
    prompts: tuple[PromptRow, ...]
    source: str  # "summary" or "live"


def _ranged(runtime: Runtime, query: InteractionQuery, tz: tzinfo | None) -> InteractionQuery:
    """The query with the default range (the last 90 local days, today included) where it has none."""
    if query.start is not None and query.end is not None:
        return query.checked()
    today = runtime.now().astimezone(tz).date() if tz else runtime.today()
    first = today - timedelta(days=DEFAULT_DAYS - 1)
    ranged = InteractionQuery.for_days(first, today, tz=tz)
    return replace(query, start=query.start or ranged.start, end=query.end or ranged.end).checked()


def _day_rows(found: Grouped, tz: tzinfo | None) -> tuple[DayCount, ...]:
    """(day or bucket, key) counts by day: hourly buckets fold into the viewer's local days, UTC days stay."""
    totals: dict[tuple[date, str], int] = defaultdict(int)
    for (at, key), n in found.counts.items():
        if isinstance(at, datetime):
            at = at.astimezone(tz).date() if found.hourly else at.date()
        totals[(at, key)] += n
    return tuple(DayCount(d, k, n) for (d, k), n in sorted(totals.items()) if n)


def _totals(name: str, label: str, by_outcome: dict[str, int]) -> OutcomeTotals:
    return OutcomeTotals(
        name=name,
        label=label,
        failed=by_outcome.get("failed", 0),
        met=by_outcome.get("met", 0),
        exceeded=by_outcome.get("exceeded", 0),
        none=by_outcome.get("", 0),
    )


def _outcome_totals(
    found: Grouped, names: dict[str, str], teams: dict[str, str]
) -> tuple[OutcomeTotals, tuple[OutcomeTotals, ...], tuple[OutcomeTotals, ...]]:
    overall: dict[str, int] = defaultdict(int)
    agents: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_team: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (agent, outcome), n in found.counts.items():
        overall[outcome] += n
        agents[agent][outcome] += n
        by_team[teams.get(agent, "")][outcome] += n
    agent_rows = tuple(_totals(a, names.get(a, a), v) for a, v in sorted(agents.items()))
    team_rows = tuple(_totals(t or "(no team)", t or "(no team)", v) for t, v in sorted(by_team.items()))
    return _totals("all", "All contacts", overall), agent_rows, team_rows


def _scores(rows: Iterable[tuple[str, dict[str, int]]], group: dict[str, str] | None) -> tuple[ScoreRow, ...]:
    sums: dict[tuple[str, str], list[int]] = defaultdict(list)
    for agent, scores in rows:
        name = agent if group is None else (group.get(agent, "") or "(no team)")
        for criterion, value in scores.items():
            if isinstance(value, int) and not isinstance(value, bool):
                sums[(name, criterion)].append(value)
    return tuple(
        ScoreRow(name, criterion, round(sum(v) / len(v), 2), len(v)) for (name, criterion), v in sorted(sums.items())
    )


def _prompts(rows: Iterable[tuple[str, str, str, int]]) -> tuple[PromptRow, ...]:
    shown: dict[str, int] = defaultdict(int)
    used: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rule, event, outcome, n in rows:
        if event == "shown":
            shown[rule] += n
        else:
            used[rule][outcome] += n
    rules = sorted(set(shown) | set(used))
    return tuple(PromptRow(r, shown.get(r, 0), sum(used[r].values()), dict(used[r])) for r in rules)


def _live_grouped(rows: Sequence[dict[str, Any]], by: tuple[str, str]) -> Grouped:
    counts: dict[tuple[Any, ...], int] = defaultdict(int)
    for row in rows:
        values = {
            "bucket": row["started_at"].astimezone(UTC).replace(minute=0, second=0, microsecond=0),
            "agent_id": row["agent_id"],
            "channel": row["channel"],
            "outcome": row["outcome"] or "",
        }
        counts[tuple(values[name] for name in by)] += 1
    return Grouped(by=by, hourly=True, counts=dict(counts))


def _live_follow_ups(
    rows: Sequence[dict[str, Any]], today: date, first_due: date, last_due: date
) -> tuple[FollowUpCount, ...]:
    """Follow-ups due in the range, of the matching contacts (those that started in the range)."""
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        due, done = row["follow_up_due"], row["follow_up_done_at"]
        if due is None or not first_due <= due < last_due:
            continue
        slot = (0 if done.astimezone(UTC).date() <= due else 1) if done else (2 if due < today else 3)
        days[due][slot] += 1
    return tuple(FollowUpCount(d, *v) for d, v in sorted(days.items()))


def _is_utc(tz: tzinfo) -> bool:
    probe = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 7, 1, tzinfo=UTC)
    return all(at.astimezone(tz).utcoffset() == timedelta(0) for at in probe)


def _chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for at in range(0, len(ids), CHUNK):
        yield ids[at : at + CHUNK]


def dashboard(runtime: Runtime, query: InteractionQuery, *, tz: tzinfo | None = None) -> Dashboard:
    """Every chart's rows for the query's range (default: the last 90 days) and filters."""
    query = _ranged(runtime, query, tz)
    assert query.start is not None and query.end is not None  # noqa: PT018 - set by _ranged
    today = runtime.now().astimezone(tz).date() if tz else runtime.today()
    first_due = query.start.astimezone(tz).date() if tz else query.start.astimezone().date()
    last_due = query.end.astimezone(tz).date() if tz else query.end.astimezone().date()
    with runtime.db.read() as conn:
        agents = list_agents(conn)
        names = {a.id: a.display_name or a.id for a in agents}
        teams = {a.id: a.team for a in agents}
        if agg.summary_serves(query):
            source = "summary"
            # SQLite folds hours into days itself for UTC or this machine's zone; another zone folds here.
            zoned = tz is not None and not _is_utc(tz)
            day = "bucket" if zoned else "day"
            channels = agg.grouped(conn, query, (day, "channel"), local_days=tz is None)
            outcomes = agg.grouped(conn, query, (day, "outcome"), local_days=tz is None)
            per_agent = agg.grouped(conn, query, ("agent_id", "outcome"))
            follow_ups = tuple(agg.follow_ups(conn, query, first_due=first_due, last_due=last_due, today=today))
            reviews = agg.review_scores(conn, query)
            prompts = agg.prompt_outcomes(conn, query)
        else:
            source = "live"
            rows = list(agg.live_rows(conn, query))
            channels = _live_grouped(rows, ("bucket", "channel"))
            outcomes = _live_grouped(rows, ("bucket", "outcome"))
            per_agent = _live_grouped(rows, ("agent_id", "outcome"))
            follow_ups = _live_follow_ups(rows, today, first_due, last_due)
            ids = [row["id"] for row in rows]
            reviews, prompts = [], []
            for chunk in _chunks(ids):
                reviews.extend(agg.review_scores(conn, replace(query, start=None, end=None), ids=chunk))
                prompts.extend(agg.prompt_outcomes(conn, replace(query, start=None, end=None), ids=chunk))
    overall, by_agent, by_team = _outcome_totals(per_agent, names, teams)
    return Dashboard(
        start=query.start,
        end=query.end,
        contacts_by_channel=_day_rows(channels, tz),
        outcome_mix=_day_rows(outcomes, tz),
        overall=overall,
        by_agent=by_agent,
        by_team=by_team,
        scores_by_agent=_scores(reviews, None),
        scores_by_team=_scores(reviews, teams),
        follow_ups=follow_ups,
        prompts=_prompts(prompts),
        source=source,
    )
