#!/usr/bin/env python3
"""Which Debian packages the frozen bundle needs, found the way dpkg-shlibdeps finds them.

    python3 installer/linux/shlibdeps.py dist/cxassist        ->  prints two lines: "Depends: ..." "Recommends: ..."

Every ELF file's direct dependencies (`readelf -d`, NEEDED) that the bundle does not hold are looked up in the
ld.so cache and mapped to their package with `dpkg -S`. Libraries needed only by optional Qt plugins (desktop
themes, input methods, Wayland and GL integrations) become Recommends: the app starts without them, with a plainer
look or on X11. The C library becomes `libc6 (>= V)` where V is the newest GLIBC_x.y symbol version any file asks
for. A library found nowhere is listed on stderr and the exit status is 1 (KNOWN names the packages of optional
ones the build machine may lack, such as GTK).
"""

# ruff: noqa: T201 - a command-line script
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

OPTIONAL_PLUGINS = (
    "platformthemes",
    "platforminputcontexts",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
    "xcbglintegrations",
)
OPTIONAL_NAMES = ("libqwayland", "libQt6Wayland", "libQt6WlShell", "libQt6EglFS", "libQt6EglFs")
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6"}  # libc6 gets a version below; the others come with any desktop
# Sonames an optional plugin needs that the build machine may lack, so dpkg -S cannot name their package.
KNOWN = {
    "libgtk-3.so.0": "libgtk-3-0",
    "libgdk-3.so.0": "libgtk-3-0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-client.so.0": "libwayland-client0",
}
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
_LDCONFIG = re.compile(r"^\s*(\S+) \(([^)]*)\) => (\S+)$")
_GLIBC = re.compile(rb"GLIBC_(2\.\d+)")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def system_libraries() -> dict[str, str]:
    """soname -> path for the machine's 64-bit libraries, from the ld.so cache."""
    found: dict[str, str] = {}
    listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        match = _LDCONFIG.match(line)
        if match and "64" in match.group(2):
            found.setdefault(match.group(1), match.group(3))
    return found


def package_of(library: str, cache: dict[str, str | None]) -> str | None:
    if library in cache:
        return cache[library]
    real = str(Path(library).resolve())
    candidates = [library, real, re.sub(r"^/usr", "", real), real if real.startswith("/usr") else "/usr" + real]
    found = None
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout:
            found = done.stdout.split(":", 1)[0].strip()
            break
    cache[library] = found
    return found


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/cxassist").resolve()
    files = sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))
    inside = {p.name for p in files} | {p.name for p in bundle.rglob("*.so*") if p.is_symlink()}
    system = system_libraries()
    required: set[str] = set()
    optional: set[str] = set()
    unresolved: dict[str, set[str]] = {}
    glibc = (2, 17)
    cache: dict[str, str | None] = {}
    for path in files:
        for version in _GLIBC.findall(path.read_bytes()):
            major, minor = (int(x) for x in version.decode().split("."))
            glibc = max(glibc, (major, minor))
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
        relative = path.relative_to(bundle)
        is_optional = any(part in OPTIONAL_PLUGINS for part in relative.parts) or path.name.startswith(OPTIONAL_NAMES)
        for name in _NEEDED.findall(dynamic):
            if name in inside:
                continue
            package = package_of(system[name], cache) if name in system else KNOWN.get(name)
            if package is None:
                unresolved.setdefault(name, set()).add(str(relative))
            elif package not in ESSENTIAL:
                (optional if is_optional else required).add(package)
    optional -= required
    for name, users in sorted(unresolved.items()):
        print(f"shlibdeps: {name} not found (needed by {', '.join(sorted(users)[:3])})", file=sys.stderr)
    depends = [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(required)]
    print("Depends: " + ", ".join(depends))
    print("Recommends: " + ", ".join(sorted(optional)))
    return 1 if unresolved else 0


if __name__ == "__main__":
    sys.exit(main())
