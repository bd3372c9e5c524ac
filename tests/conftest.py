"""Every test runs with its own HOME, XDG folders and an in-memory keyring; none touches the user's real files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

_FOLDER_MARKERS = {"unit": None, "integration": "integration", "gui": "gui"}


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory only; installed for every test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("CXASSIST_SITE_CONFIG", raising=False)
    for name in [n for n in __import__("os").environ if n.startswith("CXASSIST_")]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CXASSIST_SITE_CONFIG", str(home / "no-site.toml"))
    monkeypatch.setenv("CXASSIST_UI_LANGUAGE", "en")  # the window's text in English whatever the machine's locale
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).parts
        folder = next((p for p in parts if p in _FOLDER_MARKERS), None)
        if folder is None:
            raise pytest.UsageError(f"{item.nodeid}: tests live in tests/unit, tests/integration or tests/gui")
        marker = _FOLDER_MARKERS[folder]
        if marker:
            item.add_marker(marker)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def runtime(data_dir: Path) -> Iterator[object]:
    """A Runtime over a fresh database in its own data folder (real SQLite file, real migrations)."""
    from cxassist.config import load_settings, resolve_paths
    from cxassist.services.runtime import open_runtime

    settings = load_settings(data_dir=data_dir)
    opened = open_runtime(settings, resolve_paths(settings))
    yield opened
    opened.close()


@pytest.fixture
def add_caller(runtime: object) -> object:
    """Store a caller with the given numbers (any spelling) and return it: `add_caller("Ann Hale", "020 7946 0001")`."""
    from cxassist.domain.models import Address, Caller, PhoneNumber
    from cxassist.domain.phones import normalise
    from cxassist.services.runtime import Runtime
    from cxassist.store.callers import save_caller

    assert isinstance(runtime, Runtime)

    def add(full_name: str, *numbers: str, preferred_name: str = "", country: str = "GB", **extra: object) -> Caller:
        e164s = [normalise(n, runtime.default_region) for n in numbers]
        caller = Caller(
            id=runtime.new_id(),
            full_name=full_name,
            preferred_name=preferred_name,
            phones=tuple(PhoneNumber(e164=e, label="home", is_primary=i == 0) for i, e in enumerate(e164s)),
            address=Address(lines=("1 High Street",), city="London", postcode="N1 1AA", country=country),
            **extra,  # type: ignore[arg-type]
        )
        with runtime.db.write() as conn:
            save_caller(conn, caller, hlc=runtime.stamp(), now=runtime.now(), new_phone_id=runtime.new_id)
        return caller

    return add


@pytest.fixture
def make_runtime(tmp_path: Path) -> Iterator[object]:
    """Runtimes over fresh databases in folders of their own under tmp_path (several agents), closed at the end."""
    from cxassist.config import load_settings, resolve_paths
    from cxassist.services.runtime import Runtime, open_runtime

    opened: list[Runtime] = []

    def make(name: str) -> Runtime:
        settings = load_settings(data_dir=tmp_path / name)
        made = open_runtime(settings, resolve_paths(settings))
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.close()
