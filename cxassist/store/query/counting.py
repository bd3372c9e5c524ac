"""How many interactions match, only where that is cheap, and which plan a query gets (for tests and benchmarks)."""

from __future__ import annotations

from sqlalchemy import Connection, func, literal_column, select, text

from cxassist.store.query import plan as planner
from cxassist.store.query.model import CountEstimate, InteractionQuery
from cxassist.store.query.paging import _leg_statement
from cxassist.store.query.text import search_expression

_FTS_COUNT = text("SELECT count(*) FROM (SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :q LIMIT :n)")


def count_estimate(conn: Connection, query: InteractionQuery, *, cap: int = 10_000) -> CountEstimate | None:
    """Exact below `cap` matches, "at least `cap`" above it; None when finding out would mean reading an unbounded
    number of rows (a broad filter with others on top, or a search with filters)."""
    query = query.checked()
    agents = planner.effective_agents(conn, query)
    if query.is_search:
        if query.start or query.end or planner.residual(query, agents, skip=""):
            return None
        counted = int(conn.execute(_FTS_COUNT, {"q": search_expression(query.text), "n": cap}).scalar_one())
        return CountEstimate(count=counted, exact=counted < cap)
    driver, _ = planner.choose(conn, query, agents)
    others = planner.residual(query, agents, skip=driver.name)
    size = planner.probe(conn, driver, query, cap=cap)
    overlapping = driver.name == "tag" and len(driver.legs) > 1  # one interaction can have two of the tags
    if not others and not overlapping:
        return CountEstimate(count=size, exact=size < cap)
    if size >= cap:
        return None
    if overlapping:
        tag = planner.tag_table
        source, _, _ = planner.leg_source(driver.legs[0])
        statement = (
            select(func.count(func.distinct(tag.c.interaction_id)))
            .select_from(source)
            .where(tag.c.tag.in_(query.tags), *planner.date_terms(query, tag.c.started_at), *others)
        )
        return CountEstimate(count=int(conn.execute(statement).scalar_one()), exact=True)
    total = 0
    for leg in driver.legs:  # fewer than `cap` rows in all: check each
        source, _, _ = planner.leg_source(leg)
        statement = select(func.count()).select_from(source).where(*planner.leg_terms(leg, query), *others)
        total += int(conn.execute(statement).scalar_one())
    return CountEstimate(count=total, exact=True)


def explain(conn: Connection, query: InteractionQuery) -> dict[str, object]:
    """The driver a query would use, its number of legs, and SQLite's plan of the first leg."""
    query = query.checked()
    if query.is_search:
        return {"driver": "search", "legs": 1, "plan": []}
    chosen = planner.plan(conn, query, planner.effective_agents(conn, query))
    steps: list[str] = []
    if chosen.driver.legs:
        statement = _leg_statement(
            query, chosen, chosen.driver.legs[0], None, query.page_size + 1, [literal_column("1")]
        )
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        steps = [str(row[3]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]
    return {"driver": chosen.driver.name, "legs": len(chosen.driver.legs), "plan": steps}
