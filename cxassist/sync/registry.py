"""Sync backends found through the entry point group `cxassist.sync_backends`.

Each backend loads in its own try/except: one that fails to import is recorded with its reason (for `doctor`) and
the others carry on. The registry is built by the composition root; tests build one from a dict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

GROUP = "cxassist.sync_backends"
Factory = Callable[..., Any]


@dataclass
class BackendRegistry:
    factories: dict[str, Factory] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    @classmethod
    def discover(cls) -> BackendRegistry:
        registry = cls()
        for point in entry_points(group=GROUP):
            try:
                registry.factories[point.name] = point.load()
            except Exception as error:  # noqa: BLE001 - a broken plugin must not stop the app
                registry.failures[point.name] = f"{type(error).__name__}: {error}"
        return registry

    @classmethod
    def from_factories(cls, factories: Mapping[str, Factory]) -> BackendRegistry:
        return cls(factories=dict(factories))

    def status(self) -> dict[str, str]:
        found = {name: "ok" for name in self.factories}
        found.update({name: f"failed to load: {reason}" for name, reason in self.failures.items()})
        return dict(sorted(found.items()))
