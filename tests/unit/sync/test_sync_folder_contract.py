"""The folder backend passes the backend contract, and keeps its promises about names and late writers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxassist.security.secrets import SecretStore
from cxassist.sync.api import SyncConfigError
from cxassist.sync.backends import folder
from cxassist.sync.backends.folder import FolderBackend
from cxassist.sync.testing import BackendContract, keys, make_changes, pull_all


class TestFolderContract(BackendContract):
    @pytest.fixture
    def backend(self, tmp_path: Path) -> FolderBackend:
        (tmp_path / "share").mkdir()
        return FolderBackend(tmp_path / "share")


def test_a_writer_whose_clock_is_hours_behind_still_names_its_file_after_the_others(tmp_path: Path) -> None:
    ahead = FolderBackend(tmp_path, wall_ms=lambda: 1_795_000_000_000)
    behind = FolderBackend(tmp_path, wall_ms=lambda: 1_795_000_000_000 - 5 * 3600 * 1000)
    ahead.push(make_changes(1, node="ahead"))
    _, cursor = pull_all(ahead)
    late = make_changes(1, node="behind", start_ms=1_795_000_000_000 - 5 * 3600 * 1000)
    behind.push(late)
    names = sorted(p.name for p in (tmp_path / "changes").iterdir())
    assert "behind" in names[-1]
    pulled, _ = pull_all(ahead, cursor)
    assert keys(pulled) == keys(late)


def test_a_file_renamed_into_place_late_below_the_cursor_is_still_read(tmp_path: Path) -> None:
    now = [1_795_000_000_000]
    reader = FolderBackend(tmp_path, wall_ms=lambda: now[0])
    early, late = make_changes(1, node="fast"), make_changes(1, node="slow")
    reader.push(early)
    _, cursor = pull_all(reader)
    # A slow writer listed the folder before `early` landed, so its name sorts just below it.
    first = sorted((tmp_path / "changes").iterdir())[0].name
    below = f"{int(first[:15]) - 1:015d}-00000-slow-{'0' * 16}.jsonl"
    assert below < first
    line = json.dumps(late[0].to_wire())
    (tmp_path / "changes" / below).write_text(line + "\n", encoding="utf-8")
    now[0] += 1000
    pulled, cursor = pull_all(reader, cursor)
    assert keys(pulled) == keys(late)
    now[0] += folder.LOOKBACK_MS + 1
    again, _ = pull_all(reader, cursor)
    assert again == []


def test_no_temporary_file_is_ever_read_and_stray_lines_are_skipped(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    batch = make_changes(2)
    backend.push(batch)
    (tmp_path / "changes" / ".tmp-half-written").write_text('{"entity": "interac', encoding="utf-8")
    name = next((tmp_path / "changes").glob("*.jsonl"))
    name.write_text(name.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    pulled, _ = pull_all(backend)
    assert keys(pulled) == keys(batch)


def test_an_empty_path_is_a_config_error_naming_the_key() -> None:
    with pytest.raises(SyncConfigError, match=r"\[sync.folder\] path is empty"):
        folder.create({"sync.folder.path": "", "site_file": "/etc/cxassist/site.toml"}, SecretStore())
