"""Agents (each its own data folder and database) and the sync plumbing the sync tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import Address, Caller, PhoneNumber
from cxassist.domain.phones import normalise
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.callers import save_caller
from cxassist.sync.api import SyncAdapter
from cxassist.sync.runner import SyncRunner


class Agent:
    """One desktop: its runtime (own data folder) and, once `connect`ed, its sync runner."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.runner: SyncRunner | None = None
        self.sleeps: list[float] = []

    def connect(
        self, adapter: SyncAdapter, *, batch_size: int = 50, attempts: int = 4, history_months: int | None = None
    ) -> SyncRunner:
        if self.runner is not None:
            self.runner.adapter.close()
        self.runner = SyncRunner(
            db=self.runtime.db, adapter=adapter, clock=self.runtime.clock, batch_size=batch_size,
            sleep=self.sleeps.append, attempts=attempts, wall=self.runtime.wall, history_months=history_months,
        )
        return self.runner

    def sync(self) -> Any:
        assert self.runner is not None
        return self.runner.run_once()

    def add_caller(self, full_name: str, number: str) -> Caller:
        rt = self.runtime
        e164 = normalise(number, rt.default_region)
        caller = Caller(
            id=rt.new_id(), full_name=full_name,
            phones=(PhoneNumber(e164=e164, label="home", is_primary=True),),
            address=Address(lines=("1 High Street",), city="London", postcode="N1 1AA", country="GB"),
        )
        with rt.db.write() as conn:
            save_caller(conn, caller, hlc=rt.stamp(), now=rt.now(), new_phone_id=rt.new_id)
        return caller

    def count(self, table: str) -> int:
        with self.runtime.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(tables.meta.metadata.tables[table])).scalar_one())

    def pending(self) -> int:
        with self.runtime.db.read() as conn:
            outbox = tables.outbox
            return int(conn.execute(select(func.count()).where(outbox.c.state == "pending")).scalar_one())


@pytest.fixture
def make_agent(tmp_path: Path) -> Iterator[Callable[..., Agent]]:
    opened: list[Runtime] = []
    agents: list[Agent] = []

    def make(name: str, *, wall: Callable[[], datetime] | None = None) -> Agent:
        data = tmp_path / name
        data.mkdir()
        settings = load_settings(data_dir=data)
        runtime = open_runtime(settings, resolve_paths(settings), wall=wall or (lambda: datetime.now(UTC)))
        runtime.agent_id = name
        opened.append(runtime)
        agents.append(Agent(runtime))
        return agents[-1]

    yield make
    for agent in agents:
        if agent.runner is not None:
            agent.runner.adapter.close()
    for runtime in opened:
        runtime.close()


def postgres_backend(admin_url: str) -> SyncAdapter:
    """The postgresql backend as a desktop uses it: the restricted role, its password from the keychain."""
    from cxassist.security.secrets import SecretStore
    from cxassist.sync.backends import postgresql

    secrets = SecretStore()
    secrets.set(postgresql.account_for(DESKTOP_ROLE), "not-needed-with-trust-auth")
    settings = {"sync.postgresql.url": admin_url.replace("postgres@", ""), "sync.postgresql.role": DESKTOP_ROLE}
    return postgresql.create(settings, secrets)


DESKTOP_ROLE = "cxassist_desktop"


@pytest.fixture(params=["folder", "postgresql"])
def new_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], SyncAdapter]:
    """Makes backends (one per agent) to one central store: a shared folder, or a fresh PostgreSQL database."""
    if request.param == "folder":
        from cxassist.sync.backends.folder import FolderBackend

        share = tmp_path / "share"
        share.mkdir()
        return lambda: FolderBackend(share)
    central_url = request.getfixturevalue("central")
    return lambda: postgres_backend(central_url)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    from pg_cluster import Cluster, binaries  # type: ignore[import-not-found]

    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); .ci/run installs it")
    import psycopg

    from cxassist.sync.server import init_server

    cluster = Cluster(bin_dir)
    cluster.start()
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE central_template")
        init_server(cluster.url("central_template"))  # each test copies it: CREATE DATABASE .. TEMPLATE
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def central(pg_cluster: Any) -> Iterator[str]:
    """A fresh database with the central schema; yields the admin URL."""
    import uuid

    import psycopg

    name = f"central_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE central_template")
    yield pg_cluster.url(name)
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
