"""Loading the effective settings from every source, and saving one setting to the user file.

Precedence, strongest first: the --data-dir flag; the site file's locked keys; CXASSIST_* environment
variables; the user's settings file; the site file's other keys; the built-in defaults. `emergency.numbers` is
a table whose entries merge across the sources in the same order (a locked table takes the site's entries over
the defaults only).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import tomli_w

from cxassist.config.errors import ConfigError, InvalidValue, display_path
from cxassist.config.schema import KEYS, SCHEMA, Key, coerce, parse_text
from cxassist.config.settings import Settings, build_settings
from cxassist.config.sources import (
    Layer,
    load_file,
    read_environment,
    read_toml,
    site_file_location,
    user_settings_file,
)
from cxassist.config.upgrades import apply_upgrades, current_settings_version

DATA_DIR_FLAG = "--data-dir"


def load_settings(
    *,
    data_dir: Path | None = None,
    site_config: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """The effective settings. `data_dir` and `site_config` are the --data-dir and --site-config flags.

    A missing site file means no site settings, unless --site-config named it. Raises `ConfigError` for an
    unreadable or invalid file, an unknown key, a wrong type or value, or an environment variable that does
    not parse.
    """
    env = os.environ if environ is None else environ
    site_path = site_file_location(site_config=site_config, environ=env)
    site: Layer | None = None
    if site_path.exists():
        site = load_file(site_path, kind="site file", site=True)
    elif site_config is not None:
        raise ConfigError(f"{display_path(site_path)}: site file not found (named by --site-config)")
    user_path = user_settings_file()
    user = load_file(user_path, kind="user file", site=False) if user_path.exists() else Layer()
    environment, warnings = read_environment(env)
    flags = Layer()
    if data_dir is not None:
        key = KEYS["storage.data_dir"]
        try:
            flags.values[key.name] = coerce(key, str(data_dir.expanduser().absolute()))
        except InvalidValue as exc:
            raise ConfigError(f"{DATA_DIR_FLAG}: {exc}") from None
        flags.sources[key.name] = f"flag {DATA_DIR_FLAG}"

    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    locked = site.locked if site is not None else frozenset()
    site_where = display_path(site_path)
    for key in SCHEMA:
        name = key.name
        if name in locked:
            layers = [_defaults(key, f"default (locked by site file {site_where})"), _locked_view(site, name)]
            warnings.extend(
                f"{layer.origins[name]} sets '{name}', which the site has locked; the site's value is used"
                for layer in (user, environment)
                if name in layer.values
            )
        else:
            layers = [_defaults(key, "default"), site or Layer(), user, environment]
        layers.append(flags)
        values[name], sources[name] = _merge(key, layers)
    return build_settings(
        values,
        sources=sources,
        locked=locked,
        warnings=tuple(warnings),
        site_file=site_path if site is not None else None,
        user_file=user_path,
    )


def _defaults(key: Key, source: str) -> Layer:
    return Layer(values={key.name: key.default_value()}, sources={key.name: source})


def _locked_view(site: Layer | None, name: str) -> Layer:
    if site is None or name not in site.values:
        return Layer()
    return Layer(values={name: site.values[name]}, sources={name: site.sources[name] + " (locked)"})


def _merge(key: Key, layers: list[Layer]) -> tuple[object, str]:
    """The strongest layer's value (layers weakest first); tables merge entry by entry."""
    present = [layer for layer in layers if key.name in layer.values]
    strongest = present[-1]
    if key.kind != "map":
        return strongest.values[key.name], strongest.sources[key.name]
    merged: dict[str, str] = {}
    for layer in present:
        table = layer.values[key.name]
        if isinstance(table, Mapping):
            merged.update(table)
    return MappingProxyType(merged), strongest.sources[key.name]


def save_user_setting(settings: Settings, key: str, value: object) -> None:
    """Set `key` in the user's settings file (or remove it when `value` is None), atomically.

    A `str` value for a non-text key is parsed as an environment variable's would be ("30", "true", "a,b").
    Refuses a key the site has locked, an unknown key and an invalid value with `ConfigError`. The file is
    rewritten in the current version's shape; comments in it are not kept. Load the settings again to see the
    effect.
    """
    where = display_path(settings.user_file)
    spec = KEYS.get(key)
    if spec is None:
        raise ConfigError(f"{where}: unknown key '{key}'")
    if settings.is_locked(key):
        site = display_path(settings.site_file) if settings.site_file else "the site file"
        raise ConfigError(f"'{key}' is managed by your IT team (locked in {site})")
    stored: object = None
    if value is not None:
        try:
            checked = (
                parse_text(spec, value)
                if isinstance(value, str) and spec.kind != "str"
                else coerce(spec, value)
            )
        except InvalidValue as exc:
            raise ConfigError(f"{where}: '{key}' {exc}") from None
        stored = list(checked) if isinstance(checked, tuple) else checked
        stored = dict(stored) if isinstance(stored, Mapping) else stored
    path = settings.user_file
    data = apply_upgrades(read_toml(path, where), where=where) if path.exists() else {}
    _set_nested(data, key.split("."), stored)
    data["version"] = current_settings_version()
    body = {"version": data.pop("version"), **data}  # version first, for people reading the file
    try:
        _write_atomically(path, tomli_w.dumps(body))
    except OSError as exc:
        raise ConfigError(f"{where}: cannot save the setting ({exc.strerror or exc})") from None


def _set_nested(data: dict[str, object], parts: list[str], value: object) -> None:
    head, rest = parts[0], parts[1:]
    if not rest:
        if value is None:
            data.pop(head, None)
        else:
            data[head] = value
        return
    table = data.get(head)
    if not isinstance(table, dict):
        table = {}
        data[head] = table
    _set_nested(table, rest, value)
    if not table:
        del data[head]


def _write_atomically(path: Path, text: str) -> None:
    """Write a temporary file beside `path`, flush it to disk, then rename it over `path` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
