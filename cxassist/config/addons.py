"""Optional parts installed beside the packaged app: the console's charts (pyqtgraph with numpy).

The packaged app leaves them out of its own bundle (numpy's OpenBLAS alone is 23 MB, and most desktops are agents'
that never open the console); IT installs them on supervisors' desktops as the `cxassist-charts` package, which puts
the libraries in `addons/charts` beside the executable (docs/installing.md). Run from source, the libraries come
from the environment instead (the `charts` extra). Nothing here imports them: `charts_addon` only finds them and
reads their versions, so `cxassist doctor` can report them without loading Qt.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution, distributions
from pathlib import Path

CHART_LIBRARIES = ("pyqtgraph", "numpy")


@dataclass(frozen=True, slots=True)
class ChartsAddon:
    folder: Path | None  # the add-on folder of a packaged app, or None when the environment provides the libraries
    versions: dict[str, str]  # of the chart libraries found; empty when they are not installed

    @property
    def installed(self) -> bool:
        return set(self.versions) == set(CHART_LIBRARIES)


def addon_folder(executable: str | None = None) -> Path | None:
    """`addons/charts` beside the packaged app's executable (in a macOS app, in its Resources folder), when the app
    is packaged; None when run from source."""
    if not getattr(sys, "frozen", False) and executable is None:
        return None
    here = Path(executable or sys.executable).resolve().parent
    beside, in_resources = here / "addons" / "charts", here.parent / "Resources" / "addons" / "charts"
    return in_resources if here.name == "MacOS" and in_resources.is_dir() else beside


def charts_addon(executable: str | None = None) -> ChartsAddon:
    folder = addon_folder(executable)
    if folder is None:
        return ChartsAddon(None, _versions(None))
    return ChartsAddon(folder, _versions(folder) if folder.is_dir() else {})


def make_importable(addon: ChartsAddon) -> None:
    """Put a packaged app's add-on folder on the import path (once), so `import pyqtgraph` finds it."""
    if addon.folder is not None and addon.installed and str(addon.folder) not in sys.path:
        sys.path.append(str(addon.folder))


def _versions(folder: Path | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in CHART_LIBRARIES:
        if folder is None:
            try:
                found[name] = distribution(name).version
            except PackageNotFoundError:
                continue
        else:
            version = next((d.version for d in distributions(path=[str(folder)]) if d.name == name), None)
            if version is not None:
                found[name] = version
    return found
