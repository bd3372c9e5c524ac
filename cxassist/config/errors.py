"""How configuration problems are reported: one sentence naming the file (or variable, or flag) and key."""

from __future__ import annotations

from pathlib import Path

from cxassist.domain.errors import UserError


class ConfigError(UserError):
    """A settings file, environment variable, flag or value is wrong; the message names where and what."""


class InvalidValue(Exception):
    """Raised by the schema's checks with the problem alone ("must be a whole number, not 'x'").

    Internal to the config package: callers add where the value came from and raise `ConfigError`.
    """


def display_path(path: Path) -> str:
    """`path` as people read it in messages: under the home folder it starts with `~`."""
    try:
        relative = path.relative_to(Path.home())
    except (ValueError, RuntimeError):  # not under home, or no home folder known
        return str(path)
    return str(Path("~") / relative)


def show_value(value: object) -> str:
    """A value as it would be written in TOML, shortened, for "..., not X" messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(show_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "a table"
    return str(value)
