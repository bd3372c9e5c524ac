"""Where cxassist keeps its files, and the check that the data folder is on a local disk.

The database must live on a local file system: SQLite's locking and WAL are unreliable over network shares,
and an agent must be able to log a call when the network is gone.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import platformdirs

from cxassist.config.errors import ConfigError
from cxassist.config.schema import expand_path
from cxassist.config.settings import Settings
from cxassist.config.sources import APP_NAME

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "davfs",
        "fuse.rclone",
    }
)
_MOUNTS_FILE = Path("/proc/self/mounts")
_DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


@dataclass(frozen=True)
class Paths:
    """The app's folders. Nothing is created here: the composition root makes the folders it needs."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "cxassist.db"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"


def resolve_paths(settings: Settings) -> Paths:
    """The platform's user folders for cxassist; the data folder from `storage.data_dir` (or --data-dir)."""
    configured = settings.storage.data_dir
    return Paths(
        data_dir=expand_path(configured)
        if configured
        else platformdirs.user_data_path(APP_NAME, appauthor=False),
        config_dir=platformdirs.user_config_path(APP_NAME, appauthor=False),
        cache_dir=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        log_dir=platformdirs.user_log_path(APP_NAME, appauthor=False),
    )


def ensure_local_folder(path: Path, *, mounts_text: str | None = None) -> None:
    """Refuse a data folder on a network file system: `ConfigError` naming the path and the file-system type.

    Windows: a UNC path (\\\\server\\share) or a mapped network drive. Linux (or whenever `mounts_text`, the
    text of /proc/self/mounts, is given): the file system of the longest mount point holding the folder.
    macOS: accepted. The folder need not exist yet.
    """
    if str(path).startswith("\\\\"):
        raise ConfigError(
            f"{path}: the data folder is on a network share (UNC path); choose a folder on this computer"
        )
    if sys.platform == "win32":
        _refuse_network_drive(path)
    if mounts_text is None:
        if not sys.platform.startswith("linux"):
            return
        try:
            mounts_text = _MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return  # no mount table to consult (a restricted container): nothing to refuse on
    found = _mount_of(PurePosixPath(path.expanduser().resolve()), mounts_text)
    if found is not None and found[1] in NETWORK_FILE_SYSTEMS:
        point, fs_type = found
        raise ConfigError(
            f"{path}: the data folder is on a network file system ({fs_type} at {point}); "
            "choose a folder on this computer"
        )


def _mount_of(path: PurePosixPath, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, file-system type) of the longest mount point holding `path` (the last listed wins)."""
    best: tuple[str, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        if path.is_relative_to(point) and (best is None or len(point) >= len(best[0])):
            best = (point, fields[2])
    return best


def _unescape(field: str) -> str:
    """Mount points in /proc/self/mounts write space, tab, newline and backslash as octal escapes (\\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _refuse_network_drive(path: Path) -> None:
    if sys.platform == "win32":  # repeated so that type checkers on other platforms skip the Windows-only API
        import ctypes  # noqa: PLC0415 - Windows only

        drive = path.expanduser().resolve().drive
        if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE:
            raise ConfigError(
                f"{path}: the data folder is on a network drive ({drive}); choose a folder on this computer"
            )
