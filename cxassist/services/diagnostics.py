"""`cxassist diagnostics`: one zip that IT attaches to a support ticket.

What goes in (each part a file in the zip): `README.txt` (what is in it and what was left out), `versions.json`
(cxassist, Python, the platform, every installed library), one JSON file per section the caller passes (the CLI
passes what `doctor` and `config show` print, and `database_section`: the database check with its schema revision,
counts and problems, never a row), `logs/cxassist.log.tail` (the newest part of the log) and `logs/crash-*.txt`
(the newest crash reports).

What never goes in: notes or any other row of the database, caller names or numbers, secrets. By construction the
parts hold no rows; as a safety net every string is scrubbed again: card numbers and security codes redacted,
values of keys that name a secret (password, token ...) and passwords inside URLs replaced, and in the log text any
run of 7 or more digits that could be a phone number masked (a date inside a log line may be masked too).

Reading the database never changes it: a file that does not exist yet is not created, and one that needs a
migration is reported as such and not opened (opening would migrate it).
"""

from __future__ import annotations

import json
import platform
import re
import sys
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import distributions
from pathlib import Path
from typing import Final

from cxassist import __version__
from cxassist.config import Paths, Settings
from cxassist.domain.errors import UserError
from cxassist.domain.jsonable import to_jsonable
from cxassist.security.log_filter import LEFT_OUT
from cxassist.security.redaction import redact
from cxassist.services.logging_setup import log_files
from cxassist.services.maintenance import check_database
from cxassist.services.runtime import open_runtime
from cxassist.store.migrate import known_revisions, revision_of
from cxassist.store.migrations import HEAD

__all__ = [
    "LOG_TAIL_BYTES",
    "DiagnosticsResult",
    "database_section",
    "scrub",
    "scrub_log_text",
    "versions_section",
    "write_diagnostics",
]

LOG_TAIL_BYTES: Final = 256 * 1024
CRASH_REPORTS: Final = 3
_SECRET_KEY = re.compile(r"pass(word|wd|phrase)?|secret|token|credential|api[_-]?key|private[_-]?key", re.I)
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^/\s:@]*):[^/\s@]*@", re.I)
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&;](?:password|passwd|token|secret)=)[^&;\s]*", re.I)
_LOG_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)? ")
_PHONE_LIKE = re.compile(r"\+?(?:\d[ ()\-.]{0,2}){6,}\d")
_README = """cxassist diagnostics, written {at} by cxassist {version}.

versions.json        cxassist, Python, the platform and every installed library
{sections}logs/                the newest {tail_kib} KiB of the log file and the newest crash reports

Left out on purpose: notes and every other row of the database, caller names and numbers, secrets.
Strings were scrubbed again before writing: card numbers and security codes redacted, secret values and
passwords in URLs replaced by "{left_out}", and in the log text every run of 7 or more digits masked.
"""


@dataclass(frozen=True, slots=True)
class DiagnosticsResult:
    path: Path
    entries: tuple[str, ...]


def scrub(value: object) -> object:
    """A JSON value with secrets and card numbers taken out; keys that name a secret lose their value."""
    if isinstance(value, Mapping):
        return {
            str(key): LEFT_OUT if _SECRET_KEY.search(str(key)) and item not in (None, "") else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return _scrub_text(value)
    return value


def _scrub_text(text: str) -> str:
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}:{LEFT_OUT}@", text)
    text = _QUERY_PASSWORD.sub(lambda m: f"{m.group('head')}{LEFT_OUT}", text)
    return redact(text).text


def scrub_log_text(text: str) -> str:
    """Log or crash-report text for the zip: scrubbed, and phone-like digit runs masked (the stamp is kept)."""
    lines = []
    for line in _scrub_text(text).splitlines():
        stamp = _LOG_STAMP.match(line)
        head, rest = (line[: stamp.end()], line[stamp.end() :]) if stamp else ("", line)
        lines.append(head + _PHONE_LIKE.sub("<digits>", rest))
    return "\n".join(lines) + ("\n" if lines else "")


def versions_section() -> dict[str, object]:
    libraries = {(d.metadata["Name"] or "?"): d.version for d in distributions()}
    return {
        "cxassist": __version__,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "libraries": dict(sorted(libraries.items(), key=lambda item: item[0].lower())),
    }


def database_section(settings: Settings, paths: Paths) -> dict[str, object]:
    """The database check, without creating or migrating the file; a refusal is reported, not raised."""
    database = paths.database
    if not database.exists():
        return {"path": str(database), "state": "not created yet", "newest_known_revision": HEAD}
    try:
        revision = revision_of(database)
    except UserError as error:
        return {"path": str(database), "state": "refused", "error": str(error)}
    if revision != HEAD:
        newer = revision is not None and revision not in known_revisions()
        return {
            "path": str(database),
            "state": "written by a newer cxassist: not opened"
            if newer
            else "needs upgrade: not opened here (run 'cxassist db upgrade'; a backup is taken first)",
            "schema_revision": revision,
            "newest_known_revision": HEAD,
        }
    try:
        runtime = open_runtime(settings, paths)
    except UserError as error:
        return {"path": str(database), "state": "refused", "error": str(error)}
    try:
        report = check_database(runtime)
    finally:
        runtime.close()
    checked = to_jsonable(report)
    assert isinstance(checked, dict)
    return {**checked, "state": "ok" if report.ok else "problems found"}


def _log_tail(log_dir: Path, budget: int) -> str:
    """The newest `budget` bytes across the log file and its rotated copies, starting at a whole line."""
    chunks: list[bytes] = []
    for path in reversed(log_files(log_dir)) if log_dir.exists() else []:
        if budget <= 0:
            break
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - budget))
            data = handle.read()
        if size > len(data):
            data = data.partition(b"\n")[2]  # the first line was cut: drop it
        chunks.insert(0, data)
        budget -= len(data)
    return b"".join(chunks).decode("utf-8", errors="replace")


def _crash_reports(log_dir: Path) -> list[Path]:
    if not log_dir.exists():
        return []
    return sorted(log_dir.glob("crash-*.txt"))[-CRASH_REPORTS:]


def write_diagnostics(
    target: Path,
    *,
    sections: Mapping[str, tuple[str, object]],
    log_dir: Path,
    tail_bytes: int = LOG_TAIL_BYTES,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> DiagnosticsResult:
    """Write the zip to `target` (its folder must exist). `sections` maps a file name (without `.json`) to a line
    for the README and a JSON value, e.g. `{"database": ("the database check", database_section(...))}`."""
    parts: dict[str, str] = {}

    def add_json(name: str, value: object) -> None:
        parts[name] = json.dumps(scrub(to_jsonable(value)), ensure_ascii=False, indent=2) + "\n"

    add_json("versions.json", versions_section())
    for name, (_, value) in sections.items():
        add_json(f"{name}.json", value)
    parts["logs/cxassist.log.tail"] = scrub_log_text(_log_tail(log_dir, tail_bytes))
    for report in _crash_reports(log_dir):
        parts[f"logs/{report.name}"] = scrub_log_text(report.read_text(encoding="utf-8", errors="replace"))
    listed = "".join(f"{name + '.json':<21}{about}\n" for name, (about, _) in sections.items())
    readme = _README.format(
        at=now().isoformat(timespec="seconds"),
        version=__version__,
        sections=listed,
        tail_kib=tail_bytes // 1024,
        left_out=LEFT_OUT,
    )
    parts = {"README.txt": readme, **parts}
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    partial.replace(target)
    return DiagnosticsResult(path=target, entries=tuple(parts))
