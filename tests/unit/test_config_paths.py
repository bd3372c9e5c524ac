"""The app's folders, and refusing a data folder on a network file system."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cxassist.config import ConfigError, Paths, ensure_local_folder, load_settings, resolve_paths
from cxassist.config import paths as paths_module


def load(tmp_path: Path, *, data_dir: Path | None = None, site_text: str | None = None) -> Paths:
    site = tmp_path / "site.toml"
    if site_text is not None:
        site.write_text(site_text, encoding="utf-8")
    return resolve_paths(load_settings(data_dir=data_dir, environ={"CXASSIST_SITE_CONFIG": str(site)}))


def test_default_paths_follow_the_platform_folders(tmp_path: Path, isolated_home: Path) -> None:
    paths = load(tmp_path)
    assert paths.data_dir == isolated_home / ".local/share/cxassist"
    assert paths.config_dir == isolated_home / ".config/cxassist"
    assert paths.cache_dir == isolated_home / ".cache/cxassist"
    assert paths.log_dir.is_relative_to(isolated_home)
    assert paths.database == paths.data_dir / "cxassist.db"
    assert paths.backups == paths.data_dir / "backups"
    assert not paths.data_dir.exists()  # resolving creates nothing


def test_data_dir_flag_moves_the_database(tmp_path: Path) -> None:
    paths = load(tmp_path, data_dir=tmp_path / "scratch")
    assert paths.data_dir == tmp_path / "scratch"
    assert paths.database == tmp_path / "scratch/cxassist.db"
    assert paths.backups == tmp_path / "scratch/backups"


def test_data_dir_setting_expands_home(tmp_path: Path, isolated_home: Path) -> None:
    paths = load(tmp_path, site_text='[storage]\ndata_dir = "~/cx-data"\n')
    assert paths.data_dir == isolated_home / "cx-data"


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
fileserver:/export/home /home/shared nfs4 rw,vers=4.2 0 0
fileserver:/old /mnt/old nfs rw 0 0
//nas/agents /mnt/nas cifs rw,vers=3.0 0 0
//nas/smb3 /mnt/smb3 smb3 rw 0 0
agent@jump:/data /mnt/ssh fuse.sshfs rw,user_id=0 0 0
remote: /mnt/cloud fuse.rclone rw 0 0
/dev/vdb /home/shared/local ext4 rw 0 0
/dev/vdc /mnt/with\\040space ext4 rw 0 0
fileserver:/spaced /mnt/with\\040space/net nfs rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "fs_type", "mount_point"),
    [
        ("/home/shared/agent/cxassist", "nfs4", "/home/shared"),
        ("/home/shared", "nfs4", "/home/shared"),
        ("/mnt/old/cx", "nfs", "/mnt/old"),
        ("/mnt/nas/cx", "cifs", "/mnt/nas"),
        ("/mnt/smb3/cx", "smb3", "/mnt/smb3"),
        ("/mnt/ssh/cx", "fuse.sshfs", "/mnt/ssh"),
        ("/mnt/cloud/cx", "fuse.rclone", "/mnt/cloud"),
        ("/mnt/with space/net/cx", "nfs", "/mnt/with space/net"),
    ],
)
def test_network_file_systems_are_refused(folder: str, fs_type: str, mount_point: str) -> None:
    with pytest.raises(ConfigError) as caught:
        ensure_local_folder(Path(folder), mounts_text=MOUNTS)
    assert str(caught.value) == (
        f"{folder}: the data folder is on a network file system ({fs_type} at {mount_point}); "
        "choose a folder on this computer"
    )


@pytest.mark.parametrize(
    "folder",
    [
        "/var/lib/cxassist",
        "/home/shared/local/cx",  # a local disk mounted inside the NFS share: the longest mount point wins
        "/mnt/with space/cx",
        "/mnt/oldish/cx",  # shares a prefix with /mnt/old but is not under it
    ],
)
def test_local_folders_are_accepted(folder: str) -> None:
    ensure_local_folder(Path(folder), mounts_text=MOUNTS)


def test_a_later_mount_on_the_same_point_hides_the_earlier() -> None:
    local_on_top = "/dev/vda / ext4 rw 0 0\nserver:/x /data nfs rw 0 0\n/dev/vdb /data ext4 rw 0 0\n"
    ensure_local_folder(Path("/data/cx"), mounts_text=local_on_top)
    nfs_on_top = "/dev/vda / ext4 rw 0 0\n/dev/vdb /data ext4 rw 0 0\nserver:/x /data nfs rw 0 0\n"
    with pytest.raises(ConfigError, match=r"\(nfs at /data\)"):
        ensure_local_folder(Path("/data/cx"), mounts_text=nfs_on_top)


def test_unc_paths_are_refused() -> None:
    with pytest.raises(ConfigError, match="network share"):
        ensure_local_folder(Path("\\\\fileserver\\agents\\cxassist"), mounts_text="")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mounts on Linux only")
def test_reads_the_mount_table_when_none_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "mounts"
    table.write_text(
        f"/dev/vda / ext4 rw 0 0\nserver:/x {tmp_path.resolve()} nfs4 rw 0 0\n", encoding="utf-8"
    )
    monkeypatch.setattr(paths_module, "_MOUNTS_FILE", table)
    with pytest.raises(ConfigError, match="nfs4"):
        ensure_local_folder(tmp_path / "data")
    monkeypatch.setattr(paths_module, "_MOUNTS_FILE", tmp_path / "unreadable")
    ensure_local_folder(tmp_path / "data")  # no mount table: nothing to refuse on


def test_symlink_into_a_network_mount_is_refused(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "link").symlink_to(share)
    mounts = f"/dev/vda / ext4 rw 0 0\nserver:/x {share.resolve()} cifs rw 0 0\n"
    with pytest.raises(ConfigError, match="cifs"):
        ensure_local_folder(tmp_path / "link" / "cx", mounts_text=mounts)
