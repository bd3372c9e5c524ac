"""Settings from CXASSIST_* environment variables, and URLs that must not carry a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxassist.config import ConfigError, Settings, load_settings


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "site.toml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def load(site: Path, env: dict[str, str] | None = None) -> Settings:
    return load_settings(environ={"CXASSIST_SITE_CONFIG": str(site), **(env or {})})


def test_reads_os_environ_when_no_mapping_is_given(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(site, '[sync]\nbackend = "folder"\n')
    monkeypatch.setenv("CXASSIST_SITE_CONFIG", str(site))
    monkeypatch.setenv("CXASSIST_SYNC_BATCH_SIZE", "50")
    settings = load_settings()
    assert settings.sync.backend == "folder"
    assert settings.sync.batch_size == 50


@pytest.mark.parametrize(
    ("var", "text", "attribute", "expected"),
    [
        ("CXASSIST_SYNC_INTERVAL_SECONDS", " 30 ", "sync.interval_seconds", 30),
        ("CXASSIST_SYNC_HTTP_TIMEOUT_SECONDS", "2.5", "sync.http.timeout_seconds", 2.5),
        ("CXASSIST_SYNC_HTTP_TIMEOUT_SECONDS", "3", "sync.http.timeout_seconds", 3.0),
        ("CXASSIST_UI_HIGH_CONTRAST", "true", "ui.high_contrast", True),
        ("CXASSIST_UI_HIGH_CONTRAST", "YES", "ui.high_contrast", True),
        ("CXASSIST_UI_HIGH_CONTRAST", "1", "ui.high_contrast", True),
        ("CXASSIST_UI_HIGH_CONTRAST", "no", "ui.high_contrast", False),
        ("CXASSIST_UI_HIGH_CONTRAST", "False", "ui.high_contrast", False),
        ("CXASSIST_UI_HIGH_CONTRAST", "0", "ui.high_contrast", False),
        ("CXASSIST_ROLES_SUPERVISORS", "jsmith, akhan,", "roles.supervisors", ("jsmith", "akhan")),
        ("CXASSIST_PROMPTS_PACKS", "", "prompts.packs", ()),
        ("CXASSIST_SYNC_POSTGRESQL_URL", "postgresql://db/cx", "sync.postgresql.url", "postgresql://db/cx"),
        ("CXASSIST_PHONE_DEFAULT_REGION", "IE", "phone.default_region", "IE"),
        ("CXASSIST_AGENT_NAME", "Ana María", "agent.name", "Ana María"),
    ],
)
def test_environment_values_are_parsed_by_type(
    site: Path, var: str, text: str, attribute: str, expected: object
) -> None:
    settings = load(site, {var: text})
    assert settings.get(attribute) == expected
    section, *rest = attribute.split(".")
    value: object = getattr(settings, section)
    for part in rest:
        value = getattr(value, part)
    assert value == expected
    assert settings.source_of(attribute) == f"environment {var}"


@pytest.mark.parametrize(
    ("var", "text", "message"),
    [
        ("CXASSIST_SYNC_INTERVAL_SECONDS", "x", "must be a whole number, not 'x'"),
        ("CXASSIST_SYNC_INTERVAL_SECONDS", "1_000", "must be a whole number, not '1_000'"),
        ("CXASSIST_SYNC_INTERVAL_SECONDS", "3", "must be at least 5, not 3"),
        ("CXASSIST_UI_FONT_SCALE", "big", "must be a number, not 'big'"),
        ("CXASSIST_UI_FONT_SCALE", "nan", "must be a number, not nan"),
        ("CXASSIST_UI_HIGH_CONTRAST", "maybe", "must be true or false (or yes/no, 1/0), not 'maybe'"),
        ("CXASSIST_UI_THEME", "blue", "must be one of 'system', 'light', 'dark', not 'blue'"),
        ("CXASSIST_EMERGENCY_NUMBERS", "GB", "must be REGION=NUMBER pairs separated by commas, not 'GB'"),
        ("CXASSIST_EMERGENCY_NUMBERS", "GB=9x", "entry 'GB' must be digits only, not '9x'"),
    ],
)
def test_bad_environment_values_name_the_variable(site: Path, var: str, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load(site, {var: text})
    assert str(caught.value) == f"{var}: {message}"


def test_unknown_cxassist_variables_are_warned_about_not_fatal(site: Path) -> None:
    settings = load(site, {"CXASSIST_SYNC_BAKEND": "x", "OTHER": "1"})
    assert settings.warnings == ("CXASSIST_SYNC_BAKEND is not a cxassist setting; it is ignored",)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://cx:s3cret@db.example/cx",
        "postgresql://:s3cret@db.example/cx",
        "postgresql://db.example/cx?user=cx&password=s3cret",
        "host=db.example user=cx password=s3cret",
    ],
)
def test_postgresql_url_with_a_password_is_refused(site: Path, url: str) -> None:
    write(site, f'[sync.postgresql]\nurl = "{url}"\n')
    with pytest.raises(ConfigError) as caught:
        load(site)
    message = str(caught.value)
    assert message == (
        f"{site}: 'sync.postgresql.url' must not contain a password (store it with 'cxassist sync login')"
    )
    assert "s3cret" not in message


def test_password_in_environment_url_or_proxy_is_refused(site: Path) -> None:
    with pytest.raises(ConfigError, match=r"^CXASSIST_SYNC_POSTGRESQL_URL: must not contain a password"):
        load(site, {"CXASSIST_SYNC_POSTGRESQL_URL": "postgresql://u:pw@db/cx"})
    write(site, '[sync.http]\nproxy = "http://u:pw@proxy:3128"\n')
    with pytest.raises(ConfigError, match=r"'sync\.http\.proxy' must not contain a password"):
        load(site)


def test_url_with_user_but_no_password_is_accepted(site: Path) -> None:
    write(site, '[sync.postgresql]\nurl = "postgresql://cxassist@db.example:5432/cx?sslmode=verify-full"\n')
    assert load(site).sync.postgresql.url.startswith("postgresql://cxassist@")
