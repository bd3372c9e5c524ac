"""Reading the sources of settings: the site file, the user file and environment variables.

Each source becomes a `Layer`: checked values by dotted key, with where each came from. Merging the layers in
precedence order is loading.py's job.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from cxassist.config.errors import ConfigError, InvalidValue, display_path, show_value
from cxassist.config.schema import ENV_VARS, KEYS, SECTIONS, coerce, keys_under, parse_text
from cxassist.config.upgrades import apply_upgrades

APP_NAME = "cxassist"
SITE_CONFIG_ENV = "CXASSIST_SITE_CONFIG"
# CXASSIST_* variables that are not settings; other prefixed variables that are not settings get a warning.
NON_SETTING_ENV = frozenset({SITE_CONFIG_ENV})


@dataclass
class Layer:
    """Values from one source. `sources` labels each key for `source_of`; `origins` names it in warnings."""

    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()


@dataclass
class ParsedFile:
    layer: Layer
    problems: list[str]


def default_site_file(*, platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> Path:
    """Where IT puts the site file on this platform (not looking at CXASSIST_SITE_CONFIG)."""
    env = os.environ if environ is None else environ
    if platform == "win32":
        return Path(env.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME / "site.toml"
    if platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "site.toml"
    return Path("/etc") / APP_NAME / "site.toml"


def site_file_location(*, site_config: Path | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The site file in force: --site-config, else CXASSIST_SITE_CONFIG, else the platform's location."""
    env = os.environ if environ is None else environ
    if site_config is not None:
        return site_config.expanduser().absolute()
    if env.get(SITE_CONFIG_ENV):
        return Path(env[SITE_CONFIG_ENV]).expanduser().absolute()
    return default_site_file(environ=env)


def user_settings_file() -> Path:
    """The agent's own settings file, in the platform's user config folder."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def read_toml(path: Path, where: str) -> dict[str, object]:
    """The parsed file. Raises `ConfigError` naming the file (and line) when it cannot be read or parsed."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: invalid TOML (the file is not UTF-8 text)") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read the file ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
        if found is None:
            raise ConfigError(f"{where}: invalid TOML ({message})") from None
        detail = message[: found.start()]
        raise ConfigError(f"{where} line {found.group(1)}: invalid TOML ({detail})") from None


def parse_document(data: Mapping[str, object], *, where: str, source: str, site: bool) -> ParsedFile:
    """Check a settings file's contents (already upgraded) against the schema, collecting every problem.

    `site` allows the top-level `locked` list. `source` labels the values for `source_of`.
    """
    layer = Layer()
    problems: list[str] = []

    def walk(table: Mapping[str, object], prefix: str) -> None:
        for name, value in table.items():
            dotted = f"{prefix}{name}"
            if dotted in KEYS:
                try:
                    layer.values[dotted] = coerce(KEYS[dotted], value)
                except InvalidValue as exc:
                    problems.append(f"{where}: '{dotted}' {exc}")
                else:
                    layer.sources[dotted] = source
                    layer.origins[dotted] = where
            elif dotted in SECTIONS:
                if isinstance(value, Mapping):
                    walk(value, dotted + ".")
                else:
                    problems.append(
                        f"{where}: '{dotted}' must be a section (a table), not {show_value(value)}"
                    )
            elif not prefix and name == "version":
                continue  # checked by the upgrades
            elif not prefix and name == "locked" and site:
                layer.locked = _parse_locked(value, where, problems)
            elif not prefix and name == "locked":
                problems.append(f"{where}: unknown key 'locked' (only the site file can lock settings)")
            else:
                kind = "section" if isinstance(value, Mapping) else "key"
                problems.append(f"{where}: unknown {kind} '{dotted}'")

    walk(data, "")
    return ParsedFile(layer, problems)


def _parse_locked(value: object, where: str, problems: list[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(f"{where}: 'locked' must be a list of setting names, not {show_value(value)}")
        return frozenset()
    locked: set[str] = set()
    for item in value:
        names = keys_under(item)
        if not names:
            problems.append(f"{where}: 'locked' names '{item}', which is not a setting or section")
        locked.update(names)
    return frozenset(locked)


def load_file(path: Path, *, kind: str, site: bool) -> Layer:
    """Read, upgrade and check a settings file; raises `ConfigError` with the first problem."""
    where = display_path(path)
    data = apply_upgrades(read_toml(path, where), where=where)
    parsed = parse_document(data, where=where, source=f"{kind} {where}", site=site)
    if parsed.problems:
        raise ConfigError(parsed.problems[0])
    return parsed.layer


def read_environment(environ: Mapping[str, str]) -> tuple[Layer, list[str]]:
    """Settings from CXASSIST_<SECTION>_<KEY> variables, and warnings for other CXASSIST_ variables.

    Raises `ConfigError` naming the variable when its value does not parse.
    """
    layer = Layer()
    warnings: list[str] = []
    for var in sorted(environ):
        if not var.startswith("CXASSIST_") or var in NON_SETTING_ENV:
            continue
        key = ENV_VARS.get(var)
        if key is None:
            warnings.append(f"{var} is not a cxassist setting; it is ignored")
            continue
        try:
            layer.values[key.name] = parse_text(key, environ[var])
        except InvalidValue as exc:
            raise ConfigError(f"{var}: {exc}") from None
        layer.sources[key.name] = f"environment {var}"
        layer.origins[key.name] = var
    return layer, warnings


def check_site_file(path: Path) -> list[str]:
    """Every problem in a site file, one sentence each; empty when it is fine (`cxassist config check`)."""
    where = display_path(path)
    if not path.exists():
        return [f"{where}: no such file"]
    try:
        data = apply_upgrades(read_toml(path, where), where=where)
    except ConfigError as exc:
        return [str(exc)]
    return parse_document(data, where=where, source=f"site file {where}", site=True).problems
