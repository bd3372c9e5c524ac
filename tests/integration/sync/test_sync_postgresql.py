"""The postgresql backend against a real cluster: the contract, the restricted role, and two agents end to end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from cxassist.security.secrets import SecretStore
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.sync.api import SyncAuthError
from cxassist.sync.backends import postgresql
from cxassist.sync.backends.postgresql import PostgresBackend
from cxassist.sync.server import init_server
from cxassist.sync.testing import BackendContract, make_changes

ROLE = "cxassist_desktop"


def desktop_url(admin_url: str) -> str:
    return admin_url.replace("postgres@", "")  # the role comes from settings, not the URL


def connect_backend(admin_url: str) -> PostgresBackend:
    secrets = SecretStore()
    secrets.set(postgresql.account_for(ROLE), "not-needed-with-trust-auth")
    settings = {"sync.postgresql.url": desktop_url(admin_url), "sync.postgresql.role": ROLE}
    return postgresql.create(settings, secrets)


class TestPostgresContract(BackendContract):
    @pytest.fixture
    def backend(self, central: str) -> Iterator[PostgresBackend]:
        adapter = connect_backend(central)
        yield adapter
        adapter.close()


def test_the_desktop_role_can_only_call_the_functions(central: str) -> None:
    with psycopg.connect(desktop_url(central), user=ROLE, autocommit=True) as conn:
        for statement in (
            "SELECT * FROM cxassist.change",
            "SELECT * FROM cxassist.row_latest",
            "INSERT INTO cxassist.entity (name) VALUES ('x')",
            "DELETE FROM cxassist.change",
            "SELECT * FROM cxassist.alembic_version",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT cxassist.protocol_version()").fetchone() == (1,)


def test_init_server_is_idempotent(central: str) -> None:
    assert init_server(central) == "c0003_history_children"
    assert init_server(central) == "c0003_history_children"


def test_a_role_without_the_grant_gets_a_clear_auth_error_and_no_retry(central: str) -> None:
    with psycopg.connect(central, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'intruder') "
                     "THEN CREATE ROLE intruder LOGIN; END IF; END $$")
    adapter = PostgresBackend(desktop_url(central), role="intruder", password=None)
    with pytest.raises(SyncAuthError, match=r"refused the role 'intruder'.*sync login"):
        adapter.push(make_changes(1))
    assert not adapter.health().reachable
    adapter.close()


def test_a_server_that_is_down_is_a_transient_error(central: str) -> None:
    from cxassist.sync.api import SyncError

    adapter = PostgresBackend("postgresql://127.0.0.1:1/nothing", role=ROLE, password=None)
    with pytest.raises(SyncError):
        adapter.pull(None, 10)


def test_two_agents_and_one_postgresql_end_to_end(make_agent: Any, central: str) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(connect_backend(central), batch_size=7)
    b.connect(connect_backend(central), batch_size=5)
    peggy = a.add_caller("Margaret Hale", "020 7946 0018")
    calls = [log_interaction(a.runtime, phone="020 7946 0018", details=CallDetails(note=f"call {n}")).value
             for n in range(12)]
    assert a.sync().pushed == 14
    assert a.sync().pushed == 0
    assert b.sync().pulled == 14
    pop = screen_pop(b.runtime, "020 7946 0018")
    assert pop.match is Match.EXACT and pop.caller is not None and pop.caller.id == peggy.id
    assert {c.id for c in pop.history} == {c.id for c in calls}
    reply = log_interaction(b.runtime, phone="020 7946 0018", details=CallDetails(note="called back")).value
    b.sync()
    a.sync()
    assert reply.id in {c.id for c in screen_pop(a.runtime, "020 7946 0018").history}
    assert a.count("interaction") == b.count("interaction") == 13
