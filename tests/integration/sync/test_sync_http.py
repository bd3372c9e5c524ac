"""The http backend against a loopback server that validates everything against the OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from http_contract_server import TOKEN, ContractServer  # type: ignore[import-not-found]
from sqlalchemy import select

from cxassist.security.secrets import SecretStore
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.store import tables
from cxassist.sync.api import SyncAuthError, SyncConfigError, SyncError
from cxassist.sync.backends import http
from cxassist.sync.backends.http import HttpBackend
from cxassist.sync.testing import BackendContract, make_changes, pull_all

NUMBER = "020 7946 0018"


@pytest.fixture
def server() -> Iterator[ContractServer]:
    running = ContractServer().start()
    yield running
    running.stop()
    assert running.violations == [], "the client or the server broke the documented contract"


def client(server: ContractServer, *, token: str | None = TOKEN, timeout: float = 5.0) -> HttpBackend:
    return HttpBackend(server.url, token, timeout_seconds=timeout)


class TestHttpContract(BackendContract):
    @pytest.fixture
    def backend(self, server: ContractServer) -> Iterator[HttpBackend]:
        adapter = client(server)
        yield adapter
        adapter.close()


@pytest.mark.parametrize("fault", ["500", "503", "garbage", "truncated", "timeout", "cut-after-store"])
def test_each_transient_fault_is_retried_and_nothing_is_lost_or_doubled(
    make_agent: Any, server: ContractServer, fault: str
) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    server.slow_seconds = 1.0
    a.connect(client(server, timeout=0.3), batch_size=4)
    b.connect(client(server), batch_size=3)
    a.add_caller("Margaret Hale", NUMBER)
    calls = [log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note=f"call {n}")).value for n in range(5)]
    server.faults.extend([fault, fault])
    assert a.sync().pushed == 7
    assert len(a.sleeps) == 2
    server.faults.extend([fault])
    b.sync()
    with b.runtime.db.read() as conn:
        ids = list(conn.execute(select(tables.interaction.c.id)).scalars())
    assert sorted(ids) == sorted(c.id for c in calls)
    assert len(server.central.log) == 7, "each change stored once"
    pop = screen_pop(b.runtime, NUMBER)
    assert pop.match is Match.EXACT and len(pop.history) == 5


@pytest.mark.parametrize("status", ["401", "403"])
def test_refused_token_gives_a_clear_message_no_retry_storm_and_keeps_everything(
    make_agent: Any, server: ContractServer, status: str
) -> None:
    a = make_agent("agent-a")
    a.connect(client(server))
    log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note="kept"))
    server.faults.extend([status] * 10)
    with pytest.raises(SyncAuthError, match=rf"HTTP {status}.*cxassist sync login --backend http"):
        a.sync()
    assert server.requests == ["POST /v1/changes"] and a.sleeps == []
    assert a.runner.status().pending == 1
    server.faults.clear()
    assert a.sync().pushed == 1


def test_no_token_in_the_keychain_says_how_to_store_one(server: ContractServer) -> None:
    with pytest.raises(SyncAuthError, match="sync login --backend http"):
        client(server, token=None).pull(None, 10)
    assert server.requests == []


def test_a_server_that_is_down_is_transient() -> None:
    adapter = HttpBackend("http://127.0.0.1:9", TOKEN, timeout_seconds=1)
    with pytest.raises(SyncError):
        adapter.pull(None, 1)
    assert not adapter.health().reachable
    adapter.close()


def test_reordered_batches_still_converge_on_the_newest_version(server: ContractServer) -> None:
    (first,) = make_changes(1)
    from dataclasses import replace

    newer = replace(first, version=first.version.replace("-00000-", "-00007-"), payload={**first.payload, "note": "v2"})
    adapter = client(server)
    adapter.push([newer])
    adapter.push([first])  # arrives late
    history = adapter.fetch_history(str(first.payload["caller_id"]), None, 5)
    assert [c.payload["note"] for c in history] == ["v2"]
    pulled, _ = pull_all(adapter)
    assert len(pulled) == 2
    adapter.close()


def test_factory_checks_the_settings_and_reads_the_token_from_the_keychain(tmp_path: Path) -> None:
    secrets = SecretStore()
    with pytest.raises(SyncConfigError, match="must use https"):
        http.create({"sync.http.base_url": "http://sync.example.org"}, secrets)
    with pytest.raises(SyncConfigError, match="ca_file names"):
        http.create({"sync.http.base_url": "https://sync.example.org", "sync.http.ca_file": str(tmp_path / "x")},
                    secrets)
    secrets.set(http.TOKEN_ACCOUNT, "abc")
    adapter = http.create({"sync.http.base_url": "https://sync.example.org", "sync.http.timeout_seconds": 3.0},
                          secrets)
    assert adapter._token == "abc"
    adapter.close()
