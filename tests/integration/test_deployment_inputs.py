"""What IT deploys and the bad input it meets: the site file template the installers ship, a data folder on a network
file system (refused through the CLI, with the mount table injected)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import cxassist.config.paths as config_paths
from cxassist.cli import main
from cxassist.config import check_site_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_the_site_file_the_installers_ship_is_valid_and_sets_nothing(tmp_path: Path) -> None:
    example = ROOT / "cxassist" / "resources" / "site.example.toml"
    made = subprocess.run(
        ["sh", str(ROOT / "installer" / "linux" / "site_template.sh"), str(example)],
        capture_output=True,
        text=True,
        check=True,
    )
    site = tmp_path / "site.toml"
    site.write_text(made.stdout, encoding="utf-8")
    assert check_site_file(site) == []
    assert all(not line.strip() or line.startswith("#") for line in made.stdout.splitlines())
    assert check_site_file(example) == [], "the shipped example, uncommented, must be valid too"


def test_a_data_folder_on_a_network_file_system_is_refused_by_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/vda1 / ext4 rw 0 0\nfiler:/export {share} nfs4 rw,relatime 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(config_paths, "_MOUNTS_FILE", mounts)
    code = main(["--data-dir", str(share / "cxassist"), "lookup", "020 7946 0018"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("cxassist: ") and err.count("\n") == 1
    assert "network file system (nfs4" in err and str(share / "cxassist") in err
    assert not (share / "cxassist" / "cxassist.db").exists()
