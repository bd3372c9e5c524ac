"""Build the configured backend: settings as the flat mapping factories take, and clear errors for IT."""

from __future__ import annotations

from cxassist.config import Settings
from cxassist.domain.errors import UserError
from cxassist.security.secrets import SecretStore
from cxassist.sync.api import SyncAdapter
from cxassist.sync.registry import BackendRegistry


def backend_settings(settings: Settings) -> dict[str, object]:
    """Every effective `sync.*` key by its dotted name, plus `site_file` (for messages naming the file)."""
    flat: dict[str, object] = {
        key: entry["value"] for key, entry in settings.describe().items() if key.startswith("sync.")
    }
    flat["site_file"] = str(settings.site_file) if settings.site_file else ""
    return flat


def open_adapter(settings: Settings, secrets: SecretStore, registry: BackendRegistry) -> SyncAdapter:
    """The backend named by `sync.backend`; a UserError naming it when it is not installed or failed to load."""
    name = settings.sync.backend
    factory = registry.factories.get(name)
    if factory is None:
        if name in registry.failures:
            raise UserError(f"The sync backend {name!r} (sync.backend) failed to load: {registry.failures[name]}")
        found = ", ".join(sorted(registry.factories)) or "none"
        raise UserError(f"sync.backend names {name!r}, which is not installed (installed backends: {found}).")
    adapter: SyncAdapter = factory(backend_settings(settings), secrets)
    return adapter
