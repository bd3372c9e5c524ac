"""The effective settings: a frozen dataclass per section, where each value came from and what is locked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar, cast

from cxassist.config.schema import KEYS, SCHEMA, keys_under

Encryption = Literal["off", "preferred", "required"]
Theme = Literal["system", "light", "dark"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


@dataclass(frozen=True)
class AgentSettings:
    id: str
    name: str
    team: str


@dataclass(frozen=True)
class PhoneSettings:
    default_region: str


@dataclass(frozen=True)
class EmergencySettings:
    numbers: Mapping[str, str]  # region (or "default") -> number; read-only


@dataclass(frozen=True)
class StorageSettings:
    data_dir: str  # "" means the platform default; `resolve_paths` turns it into a Path
    history_months: int
    encryption: Encryption


@dataclass(frozen=True)
class PostgresqlSettings:
    url: str
    role: str


@dataclass(frozen=True)
class HttpSettings:
    base_url: str
    ca_file: str
    proxy: str
    timeout_seconds: float


@dataclass(frozen=True)
class FolderSettings:
    path: str


@dataclass(frozen=True)
class SyncSettings:
    backend: str
    interval_seconds: int
    batch_size: int
    pull_batch_size: int
    postgresql: PostgresqlSettings
    http: HttpSettings
    folder: FolderSettings


@dataclass(frozen=True)
class PromptsSettings:
    packs: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class ReviewSettings:
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class RolesSettings:
    supervisors: tuple[str, ...]
    admins: tuple[str, ...]


@dataclass(frozen=True)
class UiSettings:
    theme: Theme
    high_contrast: bool
    font_scale: float
    language: str = ""


@dataclass(frozen=True)
class LoggingSettings:
    level: LogLevel


@dataclass(frozen=True)
class Settings:
    """Effective settings, typed by section, with the source and lock state of every key.

    Build with `load_settings`. `warnings` holds what the agent or IT should know but that did not stop
    loading (a user file or variable overridden by a locked key, an unknown CXASSIST_ variable).
    """

    agent: AgentSettings
    phone: PhoneSettings
    emergency: EmergencySettings
    storage: StorageSettings
    sync: SyncSettings
    prompts: PromptsSettings
    review: ReviewSettings
    roles: RolesSettings
    ui: UiSettings
    logging: LoggingSettings
    site_file: Path | None  # the site file read, None when there was none
    user_file: Path  # the agent's settings file, whether or not it exists yet
    warnings: tuple[str, ...]
    _values: Mapping[str, object] = field(repr=False)
    _sources: Mapping[str, str] = field(repr=False)
    _locked: frozenset[str] = field(repr=False)

    def get(self, key: str) -> object:
        """The effective value of a dotted key ("sync.backend"); KeyError for a key not in the schema."""
        return self._values[_known(key)]

    def source_of(self, key: str) -> str:
        """Where the value came from: "default", "site file /etc/cxassist/site.toml (locked)",
        "user file ...", "environment CXASSIST_SYNC_BACKEND" or "flag --data-dir"."""
        return self._sources[_known(key)]

    def is_locked(self, key: str) -> bool:
        """Whether the site file locks this key (or, for a section name, every key in it)."""
        names = keys_under(key)
        if not names:
            raise KeyError(key)
        return all(name in self._locked for name in names)

    def emergency_number(self, region: str | None = None) -> str:
        """The emergency number for a region (default: `phone.default_region`), else the `default` entry."""
        numbers = self.emergency.numbers
        code = (region or self.phone.default_region).upper()
        return numbers.get(code) or numbers.get("default") or "112"

    def describe(self) -> dict[str, dict[str, object]]:
        """Every key's value, source and lock state, in schema order, as plain JSON types (`config show`)."""
        return {
            key.name: {
                "value": _plain(self._values[key.name]),
                "source": self._sources[key.name],
                "locked": key.name in self._locked,
            }
            for key in SCHEMA
        }


def _known(key: str) -> str:
    if key not in KEYS:
        raise KeyError(key)
    return key


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


T = TypeVar("T")


def _typed(values: Mapping[str, object], key: str, kind: type[T]) -> T:
    value = values[key]
    if not isinstance(value, kind):  # the schema checked every value; this is a bug
        raise TypeError(f"setting {key!r} is {type(value).__name__}, expected {kind.__name__}")
    return value


def build_settings(
    values: Mapping[str, object],
    *,
    sources: Mapping[str, str],
    locked: frozenset[str],
    warnings: tuple[str, ...],
    site_file: Path | None,
    user_file: Path,
) -> Settings:
    """Settings from checked values for every key in the schema."""

    def s(key: str) -> str:
        return _typed(values, key, str)

    def i(key: str) -> int:
        return _typed(values, key, int)

    def f(key: str) -> float:
        return _typed(values, key, float)

    def strs(key: str) -> tuple[str, ...]:
        return _typed(values, key, tuple)

    return Settings(
        agent=AgentSettings(id=s("agent.id"), name=s("agent.name"), team=s("agent.team")),
        phone=PhoneSettings(default_region=s("phone.default_region")),
        emergency=EmergencySettings(numbers=_typed(values, "emergency.numbers", MappingProxyType)),
        storage=StorageSettings(
            data_dir=s("storage.data_dir"),
            history_months=i("storage.history_months"),
            encryption=cast(Encryption, s("storage.encryption")),
        ),
        sync=SyncSettings(
            backend=s("sync.backend"),
            interval_seconds=i("sync.interval_seconds"),
            batch_size=i("sync.batch_size"),
            pull_batch_size=i("sync.pull_batch_size"),
            postgresql=PostgresqlSettings(url=s("sync.postgresql.url"), role=s("sync.postgresql.role")),
            http=HttpSettings(
                base_url=s("sync.http.base_url"),
                ca_file=s("sync.http.ca_file"),
                proxy=s("sync.http.proxy"),
                timeout_seconds=f("sync.http.timeout_seconds"),
            ),
            folder=FolderSettings(path=s("sync.folder.path")),
        ),
        prompts=PromptsSettings(packs=strs("prompts.packs"), language=s("prompts.language")),
        review=ReviewSettings(criteria=strs("review.criteria")),
        roles=RolesSettings(supervisors=strs("roles.supervisors"), admins=strs("roles.admins")),
        ui=UiSettings(
            theme=cast(Theme, s("ui.theme")),
            high_contrast=_typed(values, "ui.high_contrast", bool),
            language=s("ui.language").strip(),
            font_scale=f("ui.font_scale"),
        ),
        logging=LoggingSettings(level=cast(LogLevel, s("logging.level"))),
        site_file=site_file,
        user_file=user_file,
        warnings=warnings,
        _values=dict(values),
        _sources=dict(sources),
        _locked=locked,
    )
