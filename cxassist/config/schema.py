"""Every setting in one declarative table: key, type, default, limits and meaning.

The table drives validation of the site file, the user file, environment variables and `save_user_setting`,
and it renders the key reference in docs/site-config.md (`render_key_table`; a test keeps the two in step). To
add a setting: add a `Key` here, a field to its section in settings.py, and regenerate the docs table.
"""

from __future__ import annotations

import getpass
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from cxassist.config.errors import InvalidValue, show_value

Kind = Literal["str", "int", "float", "bool", "list", "map"]

_TYPE_NAMES: dict[Kind, tuple[str, str]] = {  # (in "must be ..." messages, in the docs)
    "str": ("text", "text"),
    "int": ("a whole number", "whole number"),
    "float": ("a number", "number"),
    "bool": ("true or false", "true/false"),
    "list": ("a list of text", "list of text"),
    "map": ("a table of text values", "table of text"),
}


@dataclass(frozen=True)
class Key:
    """One setting. `check` returns a problem ("must ...") or None; `rule` says it in words for the docs."""

    name: str
    kind: Kind
    default: object
    doc: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[object], str | None] | None = None
    rule: str = ""
    factory: Callable[[], object] | None = None
    default_doc: str = ""

    @property
    def section(self) -> str:
        return self.name.rpartition(".")[0]

    @property
    def env_var(self) -> str:
        return "CXASSIST_" + self.name.upper().replace(".", "_")

    def default_value(self) -> object:
        return coerce(self, self.factory() if self.factory is not None else self.default)


def expand_path(text: str) -> Path:
    """A path setting as the app uses it: `~` and environment variables (`%APPDATA%`, `$HOME`) expanded."""
    return Path(os.path.expandvars(os.path.expanduser(text)))


def _login_name() -> str:
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login variables and no password database entry
        return "agent"
    return name or "agent"


def _not_empty(value: object) -> str | None:
    return "must not be empty" if value == "" else None


def _region(value: object) -> str | None:
    ok = isinstance(value, str) and re.fullmatch(r"[A-Z]{2}", value)
    return None if ok else f"must be two upper-case letters (a region such as 'GB'), not {show_value(value)}"


def _absolute_or_empty(value: object) -> str | None:
    if not isinstance(value, str) or value == "" or expand_path(value).is_absolute():
        return None
    return f"must be an absolute path (or empty for the platform default), not {show_value(value)}"


def _no_password(value: object) -> str | None:
    # The message never repeats the value: it holds a secret. Passwords live in the keychain.
    if not isinstance(value, str) or not value:
        return None
    problem = "must not contain a password (store it with 'cxassist sync login')"
    if re.search(r"(^|\s)password\s*=", value, re.IGNORECASE):  # libpq "host=... password=..." form
        return problem
    try:
        parts = urlsplit(value)
        has_password = parts.password is not None
    except ValueError:
        return None
    query = {name.lower() for name in parse_qs(parts.query)}
    return problem if has_password or "password" in query else None


def _emergency_numbers(value: object) -> str | None:
    if not isinstance(value, Mapping):
        return None
    for region, number in value.items():
        if region != "default" and not re.fullmatch(r"[A-Z]{2}", str(region)):
            return f"has region {show_value(region)}, which must be two upper-case letters or 'default'"
        if not re.fullmatch(r"[0-9]{2,15}", str(number)):
            return f"entry {show_value(region)} must be digits only, not {show_value(number)}"
    return None


DEFAULT_EMERGENCY_NUMBERS: Mapping[str, str] = MappingProxyType({
    "GB": "999", "IE": "112", "US": "911", "CA": "911", "AU": "000", "NZ": "111", "default": "112",
})  # fmt: skip

SCHEMA: tuple[Key, ...] = (
    Key("agent.id", "str", "agent", "Who the agent is in synced records (the desktop login is the sign-in).",
        check=_not_empty, rule="not empty", factory=_login_name,
        default_doc='the OS login name ("agent" if unknown)'),
    Key("agent.name", "str", "", "Display name shown to colleagues and supervisors."),
    Key("agent.team", "str", "", "Team, for supervisors' filters."),
    Key("phone.default_region", "str", "GB", "Region assumed for numbers dialled without a country code.",
        check=_region, rule="two upper-case letters (ISO 3166-1)"),
    Key("emergency.numbers", "map", DEFAULT_EMERGENCY_NUMBERS,
        "Emergency number per caller region; `default` serves any other region. Entries merge over the"
        " built-in ones.",
        check=_emergency_numbers, rule='region (two upper-case letters) or "default" = digits'),
    Key("storage.data_dir", "str", "", "Folder for the local database and backups; must be on a local disk.",
        check=_absolute_or_empty, rule="absolute path; `~` and environment variables are expanded",
        default_doc='`""` (the platform\'s user data folder)'),
    Key("storage.history_months", "int", 13, "Months of other agents' history kept on this desktop.",
        minimum=1),
    Key("storage.encryption", "str", "off", "Encrypt the local database (needs the `encrypted` extra and a"
        " secure keychain; `required` refuses to store data without them).",
        choices=("off", "preferred", "required")),
    Key("sync.backend", "str", "none", "Sync backend: `none`, `folder`, `http`, `postgresql` or a plug-in.",
        check=_not_empty, rule="not empty"),
    Key("sync.interval_seconds", "int", 60, "Seconds between sync cycles.", minimum=5),
    Key("sync.batch_size", "int", 500, "Changes pushed per request.", minimum=1),
    Key("sync.pull_batch_size", "int", 5000, "Changes pulled per request and applied per transaction.",
        minimum=1, maximum=10000),
    Key("sync.postgresql.url", "str", "", "Connection URL of the central PostgreSQL store.",
        check=_no_password, rule="no password (use `cxassist sync login`)"),
    Key("sync.postgresql.role", "str", "cxassist_desktop", "Least-privilege role the desktop uses.",
        check=_not_empty, rule="not empty"),
    Key("sync.http.base_url", "str", "", "Base URL of the centre's HTTPS middleware.",
        check=_no_password, rule="no password"),
    Key("sync.http.ca_file", "str", "", "CA bundle to trust for the middleware (empty: the system's)."),
    Key("sync.http.proxy", "str", "", "Proxy URL for the middleware (empty: none).",
        check=_no_password, rule="no password"),
    Key("sync.http.timeout_seconds", "float", 10.0, "Seconds to wait for the middleware.", minimum=1.0),
    Key("sync.folder.path", "str", "", "Shared folder the `folder` backend reads and writes."),
    Key("prompts.packs", "list", (), "Prompt pack files loaded besides the shipped and published ones."),
    Key("prompts.language", "str", "en", "Language of prompts and checklists.", check=_not_empty,
        rule="not empty"),
    Key("review.criteria", "list", ("empathy", "ownership", "plain language", "resolution", "care"),
        "Criteria supervisors score in a review."),
    Key("roles.supervisors", "list", (), "Agent ids with the supervisor role (until an agents table syncs)."),
    Key("roles.admins", "list", (), "Agent ids with the admin role (until an agents table syncs)."),
    Key("ui.theme", "str", "system", "Colour theme.", choices=("system", "light", "dark")),
    Key("ui.high_contrast", "bool", False, "High-contrast colours."),
    Key("ui.font_scale", "float", 1.0, "Text size relative to the system's.", minimum=0.5, maximum=3.0),
    Key("ui.language", "str", "", "Language of the window's text: a code such as `cy`; empty for the system's."),
    Key("logging.level", "str", "INFO", "Least severe log level written.",
        choices=("DEBUG", "INFO", "WARNING", "ERROR")),
)  # fmt: skip

KEYS: Mapping[str, Key] = MappingProxyType({key.name: key for key in SCHEMA})
SECTIONS: frozenset[str] = frozenset(
    ".".join(key.name.split(".")[:depth]) for key in SCHEMA for depth in range(1, key.name.count(".") + 1)
)
ENV_VARS: Mapping[str, Key] = MappingProxyType({key.env_var: key for key in SCHEMA})


def keys_under(name: str) -> tuple[str, ...]:
    """The keys a `locked` entry names: the key itself, or every key in a section and its sub-tables."""
    if name in KEYS:
        return (name,)
    return tuple(key.name for key in SCHEMA if key.name.startswith(name + "."))


def _range_problem(key: Key, number: float) -> str | None:
    low, high = key.minimum, key.maximum
    if low is not None and high is not None and not low <= number <= high:
        return f"must be between {low} and {high}, not {number}"
    if low is not None and number < low:
        return f"must be at least {_plain(low, key)}, not {number}"
    if high is not None and number > high:
        return f"must be at most {_plain(high, key)}, not {number}"
    return None


def _plain(limit: float, key: Key) -> str:
    return str(int(limit)) if key.kind == "int" else str(limit)


def coerce(key: Key, value: object) -> object:
    """`value` checked against `key` and normalised (ints to floats, lists to tuples, tables read-only).

    Raises `InvalidValue` with the problem alone. Booleans are never numbers here (Python says they are).
    """
    wrong = InvalidValue(f"must be {_TYPE_NAMES[key.kind][0]}, not {show_value(value)}")
    result: object
    if key.kind == "str":
        if not isinstance(value, str):
            raise wrong
        result = value
    elif key.kind == "bool":
        if not isinstance(value, bool):
            raise wrong
        result = value
    elif key.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong
        result = value
    elif key.kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise wrong
        result = float(value)
    elif key.kind == "list":
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
            raise wrong
        if any(not item.strip() for item in value):
            raise InvalidValue(f"must not contain empty text, not {show_value(value)}")
        result = tuple(value)
    else:
        if not isinstance(value, Mapping):
            raise wrong
        for name, item in value.items():
            if not isinstance(item, str):
                raise InvalidValue(f"entry {show_value(name)} must be text in quotes, not {show_value(item)}")
        result = MappingProxyType({str(k): str(v) for k, v in value.items()})
    if key.choices and result not in key.choices:
        allowed = ", ".join(repr(choice) for choice in key.choices)
        raise InvalidValue(f"must be one of {allowed}, not {show_value(result)}")
    if isinstance(result, int | float) and not isinstance(result, bool):
        problem = _range_problem(key, result)
        if problem:
            raise InvalidValue(problem)
    problem = key.check(result) if key.check is not None else None
    if problem:
        raise InvalidValue(problem)
    return result


_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no")


def parse_text(key: Key, text: str) -> object:
    """A value written as text (an environment variable, a command line), parsed by type and checked.

    Whole numbers and numbers as usual; booleans true/false, 1/0, yes/no; lists comma-separated; tables as
    `GB=999,IE=112`.
    """
    stripped = text.strip()
    value: object = text
    if key.kind == "int":
        if not re.fullmatch(r"[+-]?[0-9]+", stripped):
            raise InvalidValue(f"must be a whole number, not {show_value(text)}")
        value = int(stripped)
    elif key.kind == "float":
        try:
            value = float(stripped)
        except ValueError:
            raise InvalidValue(f"must be a number, not {show_value(text)}") from None
    elif key.kind == "bool":
        if stripped.lower() not in _TRUE + _FALSE:
            raise InvalidValue(f"must be true or false (or yes/no, 1/0), not {show_value(text)}")
        value = stripped.lower() in _TRUE
    elif key.kind == "list":
        value = [item.strip() for item in text.split(",") if item.strip()]
    elif key.kind == "map":
        pairs = [item.partition("=") for item in text.split(",") if item.strip()]
        if any(not sep or not name.strip() for name, sep, _ in pairs):
            raise InvalidValue(f"must be REGION=NUMBER pairs separated by commas, not {show_value(text)}")
        value = {name.strip(): number.strip() for name, _, number in pairs}
    return coerce(key, value)


def toml_literal(value: object) -> str:
    """A value as TOML source, for the docs and the example file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_literal(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_literal(v)}" for k, v in value.items()) + " }"
    return str(value)


def _allowed(key: Key) -> str:
    parts = [" \\| ".join(f"`{toml_literal(choice)}`" for choice in key.choices)] if key.choices else []
    if key.minimum is not None and key.maximum is not None:
        parts.append(f"{key.minimum} to {key.maximum}")
    elif key.minimum is not None:
        parts.append(f"at least {_plain(key.minimum, key)}")
    if key.kind == "bool":
        parts.append("`true` \\| `false`")
    if key.kind == "list":
        parts.append("no empty entries")
    if key.rule:
        parts.append(key.rule)
    return "; ".join(parts) or "any"


def render_key_table() -> str:
    """The Markdown key reference that docs/site-config.md carries between its `keys` markers."""
    lines = [
        "| Key | Type | Default | Allowed | Environment variable | Lockable | Meaning |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key in SCHEMA:
        default = key.default_doc or f"`{toml_literal(key.default)}`"
        cells = [
            f"`{key.name}`",
            _TYPE_NAMES[key.kind][1],
            default,
            _allowed(key),
            f"`{key.env_var}`",
            "yes",
            key.doc,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
