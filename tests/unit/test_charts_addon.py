"""Finding the console's charts add-on beside a packaged app (config.addons): what `doctor` reports and what the
dashboard puts on the import path, without importing the libraries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cxassist.config.addons import addon_folder, charts_addon, make_importable


def install_metadata(folder: Path, name: str, version: str) -> None:
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", "utf-8")


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "opt" / "cxassist"
    folder.mkdir(parents=True)
    (folder / "cxassist").write_text("", "utf-8")
    return folder


def test_a_bundle_without_the_addon_has_no_charts(app_dir: Path) -> None:
    addon = charts_addon(str(app_dir / "cxassist"))
    assert addon.folder == app_dir / "addons" / "charts"
    assert addon.versions == {} and not addon.installed


def test_the_addon_beside_the_executable_is_found_with_its_versions(app_dir: Path) -> None:
    folder = app_dir / "addons" / "charts"
    install_metadata(folder, "pyqtgraph", "0.13.7")
    install_metadata(folder, "numpy", "2.4.6")
    addon = charts_addon(str(app_dir / "cxassist"))
    assert addon.installed and addon.versions == {"pyqtgraph": "0.13.7", "numpy": "2.4.6"}


def test_half_an_addon_is_not_installed(app_dir: Path) -> None:
    install_metadata(app_dir / "addons" / "charts", "pyqtgraph", "0.13.7")
    addon = charts_addon(str(app_dir / "cxassist"))
    assert addon.versions == {"pyqtgraph": "0.13.7"} and not addon.installed


def test_a_macos_app_keeps_it_in_its_resources(tmp_path: Path) -> None:
    contents = tmp_path / "cxassist.app" / "Contents"
    (contents / "MacOS").mkdir(parents=True)
    resources = contents / "Resources" / "addons" / "charts"
    install_metadata(resources, "pyqtgraph", "0.13.7")
    install_metadata(resources, "numpy", "2.4.6")
    assert addon_folder(str(contents / "MacOS" / "cxassist")) == resources
    assert charts_addon(str(contents / "MacOS" / "cxassist")).installed


def test_an_installed_addon_goes_on_the_import_path_once(app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = app_dir / "addons" / "charts"
    install_metadata(folder, "pyqtgraph", "0.13.7")
    install_metadata(folder, "numpy", "2.4.6")
    monkeypatch.setattr(sys, "path", list(sys.path))
    addon = charts_addon(str(app_dir / "cxassist"))
    make_importable(addon)
    make_importable(addon)
    assert sys.path.count(str(folder)) == 1


def test_run_from_source_the_environment_provides_the_libraries() -> None:
    addon = charts_addon()
    assert addon.folder is None
    assert addon.installed  # the dev environment installs the charts extra
