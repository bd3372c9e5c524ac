"""Saving a setting to the user file, and upgrading settings files in steps."""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path

import pytest

from cxassist.config import (
    ConfigError,
    Settings,
    UpgradeRegistry,
    current_settings_version,
    load_settings,
    save_user_setting,
    upgrade_step,
    user_settings_file,
)
from cxassist.config import upgrades as upgrades_module

USER_WHERE = "~/.config/cxassist/settings.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, site_text: str | None = None) -> Settings:
    site = tmp_path / "site.toml"
    if site_text is not None:
        write(site, site_text)
    return load_settings(environ={"CXASSIST_SITE_CONFIG": str(site)})


def read_user() -> dict[str, object]:
    return tomllib.loads(user_settings_file().read_text(encoding="utf-8"))


def test_save_creates_the_user_file_and_load_sees_it(tmp_path: Path) -> None:
    save_user_setting(load(tmp_path), "ui.theme", "dark")
    assert read_user() == {"version": 1, "ui": {"theme": "dark"}}
    settings = load(tmp_path)
    assert settings.ui.theme == "dark"
    assert settings.source_of("ui.theme") == f"user file {USER_WHERE}"


def test_save_keeps_the_other_settings(tmp_path: Path) -> None:
    write(user_settings_file(), '[ui]\ntheme = "light"\n[agent]\nname = "Ana"\n')
    save_user_setting(load(tmp_path), "ui.font_scale", 1.5)
    assert read_user() == {
        "version": 1,
        "ui": {"theme": "light", "font_scale": 1.5},
        "agent": {"name": "Ana"},
    }


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("sync.interval_seconds", "30", 30),
        ("sync.interval_seconds", 30, 30),
        ("ui.high_contrast", "yes", True),
        ("ui.font_scale", 2, 2.0),
        ("roles.supervisors", "a, b", ["a", "b"]),
        ("roles.supervisors", ["a", "b"], ["a", "b"]),
        ("emergency.numbers", {"FR": "112"}, {"FR": "112"}),
        ("sync.http.proxy", "http://proxy:3128", "http://proxy:3128"),
    ],
)
def test_save_parses_text_and_normalises_values(
    tmp_path: Path, key: str, value: object, stored: object
) -> None:
    save_user_setting(load(tmp_path), key, value)
    section, *rest = key.split(".")
    table = read_user()[section]
    for part in rest[:-1]:
        assert isinstance(table, dict)
        table = table[part]
    assert isinstance(table, dict)
    assert table[rest[-1]] == stored
    load(tmp_path)  # the saved file loads cleanly


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("sync.interval_seconds", "often", "'sync.interval_seconds' must be a whole number, not 'often'"),
        ("sync.interval_seconds", 1, "'sync.interval_seconds' must be at least 5, not 1"),
        ("sync.interval_seconds", True, "'sync.interval_seconds' must be a whole number, not true"),
        ("ui.theme", "blue", "'ui.theme' must be one of 'system', 'light', 'dark', not 'blue'"),
        ("sync.bakend", "x", "unknown key 'sync.bakend'"),
    ],
)
def test_save_refuses_invalid_values_and_leaves_the_file(
    tmp_path: Path, key: str, value: object, message: str
) -> None:
    original = write(user_settings_file(), '[ui]\ntheme = "light"\n').read_bytes()
    with pytest.raises(ConfigError) as caught:
        save_user_setting(load(tmp_path), key, value)
    assert str(caught.value) == f"{USER_WHERE}: {message}"
    assert user_settings_file().read_bytes() == original


def test_save_refuses_a_password_in_a_url(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must not contain a password") as caught:
        save_user_setting(load(tmp_path), "sync.postgresql.url", "postgresql://u:hunter2@db/cx")
    assert "hunter2" not in str(caught.value)
    assert not user_settings_file().exists()


@pytest.mark.parametrize("key", ["sync.backend", "sync.http.proxy"])
def test_save_refuses_a_locked_key(tmp_path: Path, key: str) -> None:
    settings = load(tmp_path, 'locked = ["sync"]\n[sync]\nbackend = "postgresql"\n')
    with pytest.raises(ConfigError) as caught:
        save_user_setting(settings, key, "folder")
    assert str(caught.value) == f"'{key}' is managed by your IT team (locked in {tmp_path / 'site.toml'})"
    assert not user_settings_file().exists()


def test_save_none_removes_the_key_and_empty_tables(tmp_path: Path) -> None:
    write(user_settings_file(), '[ui]\ntheme = "dark"\n[sync.http]\nproxy = "http://p:3128"\n')
    settings = load(tmp_path)
    save_user_setting(settings, "sync.http.proxy", None)
    save_user_setting(settings, "agent.name", None)  # not set: nothing to remove
    assert read_user() == {"version": 1, "ui": {"theme": "dark"}}
    assert load(tmp_path).source_of("sync.http.proxy") == "default"


def test_save_writes_a_temporary_file_and_renames_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(user_settings_file(), '[ui]\ntheme = "light"\n')
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src: str, dst: str) -> None:
        renames.append((str(src), str(dst)))
        assert tomllib.loads(Path(src).read_text(encoding="utf-8"))["ui"] == {"theme": "dark"}
        assert tomllib.loads(Path(dst).read_text(encoding="utf-8"))["ui"] == {"theme": "light"}
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    save_user_setting(load(tmp_path), "ui.theme", "dark")
    [(src, dst)] = renames
    assert Path(src).parent == user_settings_file().parent
    assert dst == str(user_settings_file())
    assert sorted(p.name for p in user_settings_file().parent.iterdir()) == ["settings.toml"]


def test_failed_save_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = write(user_settings_file(), '[ui]\ntheme = "light"\n').read_bytes()

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ConfigError) as caught:
        save_user_setting(load(tmp_path), "ui.theme", "dark")
    assert str(caught.value) == f"{USER_WHERE}: cannot save the setting (No space left on device)"
    assert user_settings_file().read_bytes() == original
    assert sorted(p.name for p in user_settings_file().parent.iterdir()) == ["settings.toml"]


# Upgrades


def test_current_version_is_one() -> None:
    assert current_settings_version() == 1


def test_registry_applies_steps_in_order_and_logs_them(caplog: pytest.LogCaptureFixture) -> None:
    registry = UpgradeRegistry()
    calls: list[int] = []

    @registry.step(3)
    def to_three(data: dict[str, object]) -> None:
        """Rename ui.colours to ui.theme."""
        calls.append(3)
        ui = data["ui"]
        assert isinstance(ui, dict)
        ui["theme"] = ui.pop("colours")

    @registry.step(2)
    def to_two(data: dict[str, object]) -> None:
        """Add the ui section."""
        calls.append(2)
        data["ui"] = {"colours": "dark"}

    original: dict[str, object] = {}
    with caplog.at_level(logging.INFO, logger="cxassist.config.upgrades"):
        upgraded = registry.apply(original, where="settings.toml")
    assert calls == [2, 3]
    assert upgraded == {"version": 3, "ui": {"theme": "dark"}}
    assert original == {}
    assert [r.getMessage() for r in caplog.records] == [
        "settings.toml: upgrading settings to version 2: Add the ui section.",
        "settings.toml: upgrading settings to version 3: Rename ui.colours to ui.theme.",
    ]
    assert registry.current_version == 3
    assert registry.apply({"version": 2, "ui": {"colours": "x"}}, where="f") == {
        "version": 3,
        "ui": {"theme": "x"},
    }
    assert calls == [2, 3, 3]


def test_registry_refuses_taken_or_impossible_versions() -> None:
    registry = UpgradeRegistry()
    registry.step(2)(lambda _data: None)
    with pytest.raises(ValueError, match="version 2"):
        registry.step(2)(lambda _data: None)
    with pytest.raises(ValueError, match="version 1"):
        registry.step(1)(lambda _data: None)


@pytest.fixture
def fake_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake version 2 that renamed `agent.display` to `agent.name`, in a registry of its own."""
    monkeypatch.setattr(upgrades_module, "UPGRADES", UpgradeRegistry())

    @upgrade_step(2)
    def rename_display(data: dict[str, object]) -> None:
        """Rename agent.display to agent.name."""
        agent = data.get("agent")
        if isinstance(agent, dict) and "display" in agent:
            agent["name"] = agent.pop("display")


@pytest.mark.usefixtures("fake_step")
def test_load_upgrades_the_user_file_in_memory_and_save_persists_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(user_settings_file(), '[agent]\ndisplay = "Ana"\n')
    with caplog.at_level(logging.INFO, logger="cxassist.config.upgrades"):
        settings = load(tmp_path)
    assert settings.agent.name == "Ana"
    assert "upgrading settings to version 2: Rename agent.display to agent.name." in caplog.text
    assert "display" in user_settings_file().read_text(encoding="utf-8")  # loading never rewrites
    save_user_setting(settings, "ui.theme", "dark")
    assert read_user() == {"version": 2, "agent": {"name": "Ana"}, "ui": {"theme": "dark"}}


@pytest.mark.usefixtures("fake_step")
def test_files_already_at_the_new_version_are_not_upgraded_again(tmp_path: Path) -> None:
    write(user_settings_file(), 'version = 2\n[agent]\nname = "Ana"\n')
    assert load(tmp_path).agent.name == "Ana"
    write(user_settings_file(), 'version = 2\n[agent]\ndisplay = "Ana"\n')
    with pytest.raises(ConfigError, match=r"unknown key 'agent\.display'"):
        load(tmp_path)
