"""Start-up time of the packaged app to a usable window, cold and warm, beside a bare PySide6 window on the same run.

    .venv/bin/python bench/startup_bench.py [dist/cxassist/cxassist] [--runs 5] [--callers 500]

Targets (issue 8): cold start at most 3 s, warm at most 1.5 s.

How it measures: each start runs on its own Xvfb server; the clock runs from launching the process until a top-level
window whose title contains the expected text is mapped and viewable (polled with `xwininfo` every 10 ms), then the
process is stopped. The app opens on a database seeded by `cxassist demo`, like an agent's desktop; its window is
shown after the database, services and the first screen are built, so a mapped window is a usable one.
The baseline is a bare PySide6 QMainWindow started by the venv's Python, measured the same way; the same app run
from the venv (not packaged) is measured too, to tell packaging cost from the app's own start-up work.
Cold: before each cold start, every file of the bundle (or of the venv's Python and PySide6, for the baseline) is
evicted from the page cache with posix_fadvise(DONTNEED); `--drop-caches` drops the whole cache instead (root).
System libraries shared with every desktop app (libc, libGL, fonts) may stay cached in the first mode.
Warm: the median of `--runs` starts after one start that is not counted.
Bytecode: Python runs get `PYTHONPYCACHEPREFIX` in the bench's temporary folder (and no `PYTHONDONTWRITEBYTECODE`),
and each measurement starts once, uncounted, before its cold start: as on a desktop after an install, the app's
modules are compiled once, not on every start (a shell with PYTHONDONTWRITEBYTECODE=1 otherwise recompiles every
cxassist module each time); nothing is written into the source tree. The packaged app carries its bytecode anyway.
Needs Xvfb and xwininfo (Debian: xvfb, x11-utils).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare pyside6 window")
window.setCentralWidget(QLabel("bare"))
window.resize(1024, 700)
window.show()
sys.exit(app.exec())
"""


def evict(paths: Iterable[Path]) -> int:
    count = 0
    for root in paths:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        for path in files:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                count += 1
            finally:
                os.close(fd)
    return count


def drop_all_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def mapped_window(display: str, title: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    children = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env, check=False)
    for line in children.stdout.splitlines():
        line = line.strip()
        if title not in line or not line.startswith("0x"):
            continue
        window = line.split()[0]
        info = subprocess.run(["xwininfo", "-id", window], capture_output=True, text=True, env=env, check=False)
        if "Map State: IsViewable" in info.stdout:
            return True
    return False


_DISPLAYS = iter(range(100 + os.getpid() % 100 * 20, 10_000))  # a fresh number each time: no stale lock or socket


class Display:
    def __init__(self) -> None:
        self.name = f":{next(_DISPLAYS)}"
        self.server = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while subprocess.run(["xwininfo", "-root"], capture_output=True, env={**os.environ, "DISPLAY": self.name},
                             check=False).returncode != 0:  # fmt: skip
            if time.monotonic() > deadline or self.server.poll() is not None:
                raise RuntimeError(f"Xvfb {self.name} did not start")
            time.sleep(0.05)

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


def time_to_window(command: list[str], env: dict[str, str], title: str) -> float:
    display = Display()
    try:
        started = time.perf_counter()
        process = subprocess.Popen(command, env={**env, "DISPLAY": display.name, "QT_QPA_PLATFORM": "xcb"},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        try:
            while not mapped_window(display.name, title):
                if process.poll() is not None:
                    error = process.stderr.read() if process.stderr else b""
                    raise RuntimeError(f"{command[0]} exited with {process.returncode}: {error!r}")
                if time.perf_counter() - started > 60:
                    raise RuntimeError(f"{command[0]}: no window titled {title!r} after 60 s")
                time.sleep(0.01)
            return time.perf_counter() - started
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        display.close()


def measure(label: str, command: list[str], env: dict[str, str], title: str, cold_paths: list[Path],
            args: argparse.Namespace) -> tuple[float, float]:  # fmt: skip
    time_to_window(command, env, title)  # not counted: compiles bytecode into the cache, as an install would
    if args.drop_caches:
        drop_all_caches()
    else:
        evict(cold_paths)
    cold = time_to_window(command, env, title)
    time_to_window(command, env, title)  # not counted: fills the cache
    warm = statistics.median(time_to_window(command, env, title) for _ in range(args.runs))
    print(f"{label:<32} cold {cold:5.2f} s   warm {warm:5.2f} s (median of {args.runs})")
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", type=Path, default=ROOT / "dist" / "cxassist" / "cxassist")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--callers", type=int, default=500)
    parser.add_argument("--drop-caches", action="store_true", help="drop the whole page cache before a cold start")
    args = parser.parse_args()
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            print(f"startup_bench: {tool} is missing (apt-get install xvfb x11-utils)", file=sys.stderr)
            return 2
    binary = args.binary.resolve()
    with tempfile.TemporaryDirectory(prefix="cxassist-bench-") as folder:
        home = Path(folder)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CXASSIST_", "QT_", "XDG_"))}
        env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home), CXASSIST_SITE_CONFIG=str(home / "no-site.toml"),
                   XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"))  # fmt: skip
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bytecode = home / "pycache"
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
        data = home / "data"
        subprocess.run([str(binary), "--data-dir", str(data), "demo", "--callers", str(args.callers)], env=env,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        venv = Path(sys.prefix)
        import PySide6  # noqa: PLC0415 - only to find its folder

        size = sum(p.stat().st_size for p in binary.parent.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
        cold_mode = "drop_caches" if args.drop_caches else "fadvise"
        print(f"bundle: {binary.parent} ({size:.0f} MB); database: {args.callers} demo callers; cold = {cold_mode}")
        measure("bare PySide6 window (venv)", [sys.executable, "-c", BARE], env, "bare pyside6 window",
                [Path(sys.executable).resolve(), Path(PySide6.__file__).parent, venv, bytecode], args)  # fmt: skip
        measure("cxassist (packaged)", [str(binary), "--data-dir", str(data), "--no-err-windows"], env,
                "cxassist", [binary.parent], args)  # fmt: skip
        # The same app from the venv, unpackaged: what packaging adds or saves.
        measure("cxassist (venv, not packaged)", [sys.executable, "-m", "cxassist", "--data-dir", str(data),
                "--no-err-windows"], env, "cxassist", [venv, ROOT / "cxassist", bytecode], args)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
