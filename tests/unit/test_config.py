"""Loading settings: every source and its precedence, locks, environment variables and their errors."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from cxassist.config import (
    DEFAULT_EMERGENCY_NUMBERS,
    SCHEMA,
    ConfigError,
    Settings,
    default_site_file,
    load_settings,
    site_file_location,
    user_settings_file,
)
from cxassist.domain.errors import UserError

USER_WHERE = "~/.config/cxassist/settings.toml"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "site.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def user(text: str) -> Path:
    return write(user_settings_file(), text)


def load(site: Path, env: dict[str, str] | None = None, *, data_dir: Path | None = None) -> Settings:
    return load_settings(data_dir=data_dir, environ={"CXASSIST_SITE_CONFIG": str(site), **(env or {})})


def test_defaults_when_no_file_or_variable(site: Path) -> None:
    settings = load(site)
    assert settings.phone.default_region == "GB"
    assert settings.sync.backend == "none"
    assert settings.sync.interval_seconds == 60
    assert settings.sync.batch_size == 500
    assert settings.sync.postgresql.role == "cxassist_desktop"
    assert settings.sync.http.timeout_seconds == 10.0
    assert settings.storage.history_months == 13
    assert settings.storage.encryption == "off"
    assert settings.review.criteria == ("empathy", "ownership", "plain language", "resolution", "care")
    assert settings.roles.supervisors == ()
    assert settings.ui.theme == "system"
    assert settings.ui.high_contrast is False
    assert settings.ui.font_scale == 1.0
    assert settings.logging.level == "INFO"
    assert dict(settings.emergency.numbers) == dict(DEFAULT_EMERGENCY_NUMBERS)
    assert settings.agent.id == getpass.getuser()
    assert {settings.source_of(key.name) for key in SCHEMA} == {"default"}
    assert settings.site_file is None
    assert settings.user_file == user_settings_file()
    assert settings.warnings == ()


def test_agent_id_falls_back_when_no_login_name_is_known(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert load(site).agent.id == "agent"


def test_site_file_sets_values(site: Path) -> None:
    write(site, '[sync]\nbackend = "folder"\n[sync.folder]\npath = "/srv/cx"\n')
    settings = load(site)
    assert settings.sync.backend == "folder"
    assert settings.sync.folder.path == "/srv/cx"
    assert settings.source_of("sync.backend") == f"site file {site}"
    assert settings.source_of("sync.interval_seconds") == "default"
    assert settings.site_file == site


def test_user_file_beats_site_files_unlocked_keys(site: Path) -> None:
    write(site, '[ui]\ntheme = "light"\nfont_scale = 1.5\n')
    user('[ui]\ntheme = "dark"\n')
    settings = load(site)
    assert settings.ui.theme == "dark"
    assert settings.source_of("ui.theme") == f"user file {USER_WHERE}"
    assert settings.ui.font_scale == 1.5
    assert settings.warnings == ()


def test_environment_beats_user_file(site: Path) -> None:
    write(site, "[sync]\ninterval_seconds = 30\n")
    user("[sync]\ninterval_seconds = 45\n")
    settings = load(site, {"CXASSIST_SYNC_INTERVAL_SECONDS": "90"})
    assert settings.sync.interval_seconds == 90
    assert settings.source_of("sync.interval_seconds") == "environment CXASSIST_SYNC_INTERVAL_SECONDS"


def test_locked_site_key_beats_environment_and_user_file_with_warnings(site: Path) -> None:
    write(site, 'locked = ["sync.backend"]\n[sync]\nbackend = "postgresql"\n')
    user('[sync]\nbackend = "folder"\n')
    settings = load(site, {"CXASSIST_SYNC_BACKEND": "http"})
    assert settings.sync.backend == "postgresql"
    assert settings.source_of("sync.backend") == f"site file {site} (locked)"
    assert settings.is_locked("sync.backend")
    assert not settings.is_locked("sync.interval_seconds")
    assert settings.warnings == (
        f"{USER_WHERE} sets 'sync.backend', which the site has locked; the site's value is used",
        "CXASSIST_SYNC_BACKEND sets 'sync.backend', which the site has locked; the site's value is used",
    )


def test_data_dir_flag_beats_every_source(site: Path, tmp_path: Path) -> None:
    write(site, f'locked = ["storage"]\n[storage]\ndata_dir = "{tmp_path / "site"}"\n')
    settings = load(site, {"CXASSIST_STORAGE_DATA_DIR": str(tmp_path / "env")}, data_dir=tmp_path / "flag")
    assert settings.storage.data_dir == str(tmp_path / "flag")
    assert settings.source_of("storage.data_dir") == "flag --data-dir"


def test_relative_data_dir_flag_is_made_absolute(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load(site, data_dir=Path("scratch")).storage.data_dir == str(tmp_path / "scratch")


def test_locking_a_section_locks_every_key_in_it_and_its_sub_tables(site: Path) -> None:
    write(site, 'locked = ["sync", "ui"]\n')
    settings = load(site)
    assert settings.is_locked("sync")
    assert settings.is_locked("sync.http.proxy")
    assert settings.is_locked("sync.postgresql")
    assert settings.is_locked("ui.theme")
    assert not settings.is_locked("agent.id")
    assert not settings.is_locked("agent")


def test_locking_a_sub_table_leaves_the_rest_of_the_section(site: Path) -> None:
    write(site, 'locked = ["sync.http"]\n')
    settings = load(site)
    assert settings.is_locked("sync.http.base_url")
    assert not settings.is_locked("sync.backend")
    assert not settings.is_locked("sync")


def test_locked_key_the_site_does_not_set_enforces_the_default(site: Path) -> None:
    write(site, 'locked = ["storage.encryption"]\n')
    user('[storage]\nencryption = "off"\nhistory_months = 6\n')
    settings = load(site, {"CXASSIST_STORAGE_ENCRYPTION": "required"})
    assert settings.storage.encryption == "off"
    assert settings.source_of("storage.encryption") == f"default (locked by site file {site})"
    assert settings.storage.history_months == 6
    assert len(settings.warnings) == 2


def test_emergency_numbers_merge_over_the_defaults(site: Path) -> None:
    write(site, '[emergency.numbers]\nFR = "112"\nGB = "999"\n')
    user('[emergency.numbers]\nDE = "112"\n')
    settings = load(site, {"CXASSIST_EMERGENCY_NUMBERS": "ES=112"})
    assert settings.emergency.numbers["FR"] == "112"
    assert settings.emergency.numbers["DE"] == "112"
    assert settings.emergency.numbers["ES"] == "112"
    assert settings.emergency.numbers["US"] == "911"
    assert settings.source_of("emergency.numbers") == "environment CXASSIST_EMERGENCY_NUMBERS"


def test_locked_emergency_numbers_ignore_the_user_file(site: Path) -> None:
    write(site, 'locked = ["emergency.numbers"]\n[emergency.numbers]\nGB = "999"\nZZ = "555"\n')
    user('[emergency.numbers]\nGB = "123"\n')
    settings = load(site)
    assert settings.emergency_number("GB") == "999"
    assert settings.emergency_number("ZZ") == "555"
    assert settings.emergency_number("AU") == "000"
    assert len(settings.warnings) == 1


def test_emergency_number_by_region(site: Path) -> None:
    write(site, '[phone]\ndefault_region = "US"\n[emergency.numbers]\ndefault = "112"\n')
    settings = load(site)
    assert settings.emergency_number("gb") == "999"
    assert settings.emergency_number("NZ") == "111"
    assert settings.emergency_number("FR") == "112"
    assert settings.emergency_number() == "911"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sync]\nbakend = "x"\n', "unknown key 'sync.bakend'"),
        ("[synk]\nbackend = 1\n", "unknown section 'synk'"),
        ("[sync.mysql]\nurl = 1\n", "unknown section 'sync.mysql'"),
        ("colour = 1\n", "unknown key 'colour'"),
        ('[sync]\ninterval_seconds = "often"\n',
         "'sync.interval_seconds' must be a whole number, not 'often'"),
        ("[sync]\ninterval_seconds = true\n", "'sync.interval_seconds' must be a whole number, not true"),
        ("[sync]\ninterval_seconds = 2\n", "'sync.interval_seconds' must be at least 5, not 2"),
        ("[sync]\ninterval_seconds = 1.5\n", "'sync.interval_seconds' must be a whole number, not 1.5"),
        ("[storage]\nhistory_months = 0\n", "'storage.history_months' must be at least 1, not 0"),
        ("[ui]\nfont_scale = 3.5\n", "'ui.font_scale' must be between 0.5 and 3.0, not 3.5"),
        ("[ui]\nfont_scale = true\n", "'ui.font_scale' must be a number, not true"),
        ('[ui]\nhigh_contrast = "yes"\n', "'ui.high_contrast' must be true or false, not 'yes'"),
        ('[ui]\ntheme = "blue"\n', "'ui.theme' must be one of 'system', 'light', 'dark', not 'blue'"),
        ('[logging]\nlevel = "debug"\n',
         "'logging.level' must be one of 'DEBUG', 'INFO', 'WARNING', 'ERROR', not 'debug'"),
        ('[phone]\ndefault_region = "gb"\n',
         "'phone.default_region' must be two upper-case letters (a region such as 'GB'), not 'gb'"),
        ('[prompts]\npacks = "a.toml"\n', "'prompts.packs' must be a list of text, not 'a.toml'"),
        ("[roles]\nadmins = [1]\n", "'roles.admins' must be a list of text, not [1]"),
        ('[review]\ncriteria = ["care", " "]\n',
         "'review.criteria' must not contain empty text, not ['care', ' ']"),
        ('[agent]\nid = ""\n', "'agent.id' must not be empty"),
        ('[storage]\ndata_dir = "data"\n',
         "'storage.data_dir' must be an absolute path (or empty for the platform default), not 'data'"),
        ('sync = "none"\n', "'sync' must be a section (a table), not 'none'"),
        ('[emergency]\nnumbers = "999"\n', "'emergency.numbers' must be a table of text values, not '999'"),
        ("[emergency.numbers]\nGB = 999\n",
         "'emergency.numbers' entry 'GB' must be text in quotes, not 999"),
        ('[emergency.numbers]\ngb = "999"\n',
         "'emergency.numbers' has region 'gb', which must be two upper-case letters or 'default'"),
        ('[emergency.numbers]\nGB = "9-9"\n',
         "'emergency.numbers' entry 'GB' must be digits only, not '9-9'"),
        ('version = "1"\n', "'version' must be a whole number of at least 1, not '1'"),
        ("version = 99\n", "'version' is 99, newer than this cxassist understands (1); update cxassist"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("source", ["site", "user"])
def test_bad_settings_name_the_file_and_key(site: Path, source: str, text: str, message: str) -> None:
    where = str(site) if source == "site" else USER_WHERE
    write(site, text) if source == "site" else user(text)
    with pytest.raises(ConfigError) as caught:
        load(site)
    assert str(caught.value) == f"{where}: {message}"
    assert isinstance(caught.value, UserError)


def test_invalid_toml_names_the_file_and_line(site: Path) -> None:
    write(site, '[sync]\nbackend = "none"\n\nbroken line\n')
    with pytest.raises(ConfigError, match=r"line 4: invalid TOML \(") as caught:
        load(site)
    assert str(caught.value).startswith(f"{site} line 4: invalid TOML (")
    assert "at line" not in str(caught.value)


def test_invalid_toml_in_user_file(site: Path) -> None:
    user("[ui]\ntheme = 'dark'\ntheme = 'light'\n")
    with pytest.raises(ConfigError) as caught:
        load(site)
    assert str(caught.value) == f"{USER_WHERE} line 3: invalid TOML (Cannot overwrite a value)"


def test_file_that_is_not_utf8(site: Path) -> None:
    site.write_bytes(b'[agent]\nname = "\xff"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load(site)


def test_user_file_cannot_lock(site: Path) -> None:
    user('locked = ["sync.backend"]\n')
    with pytest.raises(ConfigError) as caught:
        load(site)
    assert str(caught.value) == f"{USER_WHERE}: unknown key 'locked' (only the site file can lock settings)"


@pytest.mark.parametrize(
    ("locked", "message"),
    [
        ('["sync.bakend"]', "'locked' names 'sync.bakend', which is not a setting or section"),
        ('"sync.backend"', "'locked' must be a list of setting names, not 'sync.backend'"),
        ("[1]", "'locked' must be a list of setting names, not [1]"),
    ],
)
def test_bad_locked_list(site: Path, locked: str, message: str) -> None:
    write(site, f"locked = {locked}\n")
    with pytest.raises(ConfigError) as caught:
        load(site)
    assert str(caught.value) == f"{site}: {message}"


def test_missing_site_file_is_fine(site: Path) -> None:
    assert load(site).site_file is None


def test_missing_site_file_named_by_flag_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError) as caught:
        load_settings(site_config=missing, environ={})
    assert str(caught.value) == f"{missing}: site file not found (named by --site-config)"


def test_site_config_flag_beats_the_environment_variable(site: Path, tmp_path: Path) -> None:
    write(site, '[sync]\nbackend = "folder"\n')
    other = write(tmp_path / "other.toml", '[sync]\nbackend = "http"\n')
    settings = load_settings(site_config=other, environ={"CXASSIST_SITE_CONFIG": str(site)})
    assert settings.sync.backend == "http"
    assert settings.site_file == other


def test_site_file_location_order(tmp_path: Path) -> None:
    flag, env = tmp_path / "flag.toml", tmp_path / "env.toml"
    assert site_file_location(site_config=flag, environ={"CXASSIST_SITE_CONFIG": str(env)}) == flag
    assert site_file_location(environ={"CXASSIST_SITE_CONFIG": str(env)}) == env
    assert site_file_location(environ={"CXASSIST_SITE_CONFIG": ""}) == default_site_file(environ={})


def test_default_site_file_per_platform() -> None:
    assert default_site_file(platform="linux", environ={}) == Path("/etc/cxassist/site.toml")
    assert default_site_file(platform="darwin", environ={}) == Path(
        "/Library/Application Support/cxassist/site.toml"
    )
    programdata = {"PROGRAMDATA": "D:\\ProgramData"}
    assert default_site_file(platform="win32", environ=programdata) == Path(
        "D:\\ProgramData/cxassist/site.toml"
    )


def test_describe_lists_every_key_with_value_source_and_lock(site: Path) -> None:
    write(site, 'locked = ["sync.backend"]\n[sync]\nbackend = "folder"\n[ui]\ntheme = "dark"\n')
    user("[ui]\nfont_scale = 1.25\n")
    described = load(site, {"CXASSIST_ROLES_ADMINS": "it1,it2"}).describe()
    assert list(described) == [key.name for key in SCHEMA]
    assert described["sync.backend"] == {
        "value": "folder",
        "source": f"site file {site} (locked)",
        "locked": True,
    }
    assert described["ui.theme"] == {"value": "dark", "source": f"site file {site}", "locked": False}
    assert described["ui.font_scale"] == {"value": 1.25, "source": f"user file {USER_WHERE}", "locked": False}
    assert described["roles.admins"] == {
        "value": ["it1", "it2"],
        "source": "environment CXASSIST_ROLES_ADMINS",
        "locked": False,
    }
    assert described["sync.interval_seconds"]["source"] == "default"
    assert json.loads(json.dumps(described)) == described


def test_unknown_keys_are_key_errors_for_callers(site: Path) -> None:
    settings = load(site)
    with pytest.raises(KeyError):
        settings.source_of("sync.bakend")
    with pytest.raises(KeyError):
        settings.is_locked("nothing")
    with pytest.raises(KeyError):
        settings.get("sync")


def test_typed_sections_cover_every_key_in_the_schema(site: Path) -> None:
    settings = load(site)
    for key in SCHEMA:
        section, *rest = key.name.split(".")
        value: object = getattr(settings, section)
        for part in rest:
            value = getattr(value, part)
        assert value == settings.get(key.name), key.name


def test_settings_are_frozen(site: Path) -> None:
    settings = load(site)
    with pytest.raises(AttributeError):
        settings.sync.backend = "http"  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.emergency.numbers["GB"] = "1"  # type: ignore[index]
