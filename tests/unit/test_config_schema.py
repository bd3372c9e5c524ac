"""The schema table, `check_site_file`, the shipped example site file and the docs made from the schema."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from cxassist.config import KEYS, SCHEMA, Key, check_site_file, load_settings, render_key_table
from cxassist.config.schema import coerce

DOCS = Path(__file__).resolve().parents[2] / "docs" / "site-config.md"


def example_site_file() -> Path:
    return Path(str(resources.files("cxassist") / "resources" / "site.example.toml"))


def test_shipped_example_site_file_passes_the_check() -> None:
    assert check_site_file(example_site_file()) == []


def test_shipped_example_site_file_loads_and_locks() -> None:
    settings = load_settings(site_config=example_site_file(), environ={"CXASSIST_SYNC_BACKEND": "none"})
    assert settings.sync.backend == "postgresql"
    assert settings.is_locked("sync")
    assert settings.is_locked("emergency.numbers")
    assert not settings.is_locked("ui.theme")
    assert len(settings.warnings) == 1


def test_example_sets_every_section() -> None:
    data = tomllib.loads(example_site_file().read_text(encoding="utf-8"))
    sections = {key.name.split(".")[0] for key in SCHEMA}
    assert sections <= set(data)


def test_check_collects_every_problem(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(
        'locked = ["sync.bakend", "ui"]\n'
        '[sync]\nbakend = "x"\ninterval_seconds = "often"\n'
        '[sync.postgresql]\nurl = "postgresql://u:pw@db/cx"\n'
        "[ui]\nfont_scale = 9\n[extra]\nx = 1\n",
        encoding="utf-8",
    )
    assert check_site_file(site) == [
        f"{site}: 'locked' names 'sync.bakend', which is not a setting or section",
        f"{site}: unknown key 'sync.bakend'",
        f"{site}: 'sync.interval_seconds' must be a whole number, not 'often'",
        f"{site}: 'sync.postgresql.url' must not contain a password (store it with 'cxassist sync login')",
        f"{site}: 'ui.font_scale' must be between 0.5 and 3.0, not 9.0",
        f"{site}: unknown section 'extra'",
    ]


def test_check_reports_invalid_toml_with_its_line(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text('[ui]\ntheme = "dark\n', encoding="utf-8")
    [problem] = check_site_file(site)
    assert problem.startswith(f"{site} line 2: invalid TOML (")


def test_check_reports_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    assert check_site_file(tmp_path / "none.toml") == [f"{tmp_path / 'none.toml'}: no such file"]
    [problem] = check_site_file(tmp_path)
    assert problem.startswith(f"{tmp_path}: cannot read the file (")


def test_check_reports_a_newer_version(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text("version = 7\n", encoding="utf-8")
    assert check_site_file(site) == [
        f"{site}: 'version' is 7, newer than this cxassist understands (1); update cxassist"
    ]


def test_every_key_has_a_unique_environment_variable() -> None:
    names = [key.env_var for key in SCHEMA]
    assert len(set(names)) == len(names)
    assert KEYS["sync.postgresql.url"].env_var == "CXASSIST_SYNC_POSTGRESQL_URL"
    assert KEYS["phone.default_region"].env_var == "CXASSIST_PHONE_DEFAULT_REGION"
    assert "CXASSIST_SITE_CONFIG" not in names


@pytest.mark.parametrize("key", SCHEMA, ids=lambda key: key.name)
def test_every_default_passes_its_own_checks(key: Key) -> None:
    assert coerce(key, key.default) is not None
    assert coerce(key, key.default_value()) == key.default_value()


def test_docs_carry_the_generated_key_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = "<!-- keys:start -->\n", "<!-- keys:end -->"
    table = text[text.index(start) + len(start) : text.index(end)]
    assert table == render_key_table(), "docs/site-config.md is stale: regenerate the table (see the page)"


def test_docs_name_every_key_and_its_variable() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key in SCHEMA:
        assert f"`{key.name}`" in text
        assert f"`{key.env_var}`" in text
