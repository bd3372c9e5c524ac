"""Settings-file upgrades in steps, one per version, applied in order to the file as read.

A step is registered with `@upgrade_step(to_version)`: it receives the file's contents as a dict (a deep copy)
and changes it in place to the shape of `to_version`; its docstring is logged. Steps run on every load of a
user or site file (in memory only: the site file is never rewritten), and the user file is saved in the new
shape the next time a setting is saved. A file without `version` is version 1, the first shape. Steps never
ask the user anything: they also run from the headless CLI.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable

from cxassist.config.errors import ConfigError, show_value

BASE_VERSION = 1

UpgradeStep = Callable[[dict[str, object]], None]

log = logging.getLogger(__name__)


class UpgradeRegistry:
    """The upgrade steps, by the version each produces. The current version is the highest step (or 1)."""

    def __init__(self) -> None:
        self._steps: dict[int, UpgradeStep] = {}

    @property
    def current_version(self) -> int:
        return max([BASE_VERSION, *self._steps])

    def step(self, to_version: int) -> Callable[[UpgradeStep], UpgradeStep]:
        """Decorator: register `fn` as the step that upgrades a file from `to_version - 1` to `to_version`."""

        def register(fn: UpgradeStep) -> UpgradeStep:
            if to_version <= BASE_VERSION or to_version in self._steps:
                raise ValueError(f"upgrade step to version {to_version} is taken or below {BASE_VERSION + 1}")
            self._steps[to_version] = fn
            return fn

        return register

    def apply(self, data: dict[str, object], *, where: str) -> dict[str, object]:
        """A copy of `data` upgraded to the current version (with `version` set when a step ran).

        Raises `ConfigError` when `version` is not a whole number or is newer than this build understands.
        """
        version = data.get("version", BASE_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < BASE_VERSION:
            raise ConfigError(
                f"{where}: 'version' must be a whole number of at least 1, not {show_value(version)}"
            )
        if version > self.current_version:
            raise ConfigError(
                f"{where}: 'version' is {version}, newer than this cxassist understands "
                f"({self.current_version}); update cxassist"
            )
        upgraded = copy.deepcopy(data)
        for to_version in sorted(v for v in self._steps if v > version):
            fn = self._steps[to_version]
            log.info(
                "%s: upgrading settings to version %d: %s", where, to_version, (fn.__doc__ or "").strip()
            )
            fn(upgraded)
            upgraded["version"] = to_version
        return upgraded


UPGRADES = UpgradeRegistry()


def upgrade_step(to_version: int) -> Callable[[UpgradeStep], UpgradeStep]:
    """Register a step in the app's registry (see the module docstring)."""
    return UPGRADES.step(to_version)


def current_settings_version() -> int:
    """The settings-file version this build writes."""
    return UPGRADES.current_version


def apply_upgrades(data: dict[str, object], *, where: str) -> dict[str, object]:
    """Upgrade with the app's registry; looked up at call time so tests can swap in their own."""
    return UPGRADES.apply(data, where=where)
