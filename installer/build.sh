#!/usr/bin/env bash
# Build the frozen app and, on Linux, its packages:
#   installer/build.sh            dist/cxassist/ (the bundle), then on Linux dist/cxassist_<v>_<arch>.deb and
#                                 dist/cxassist-<v>-linux-<machine>.tar.gz
#   installer/build.sh --bundle   the bundle only
# Uses .venv (scripts/setup.sh makes it) and installs PyInstaller into it when missing. Windows and macOS build
# their installers from the same bundle in CI: see .github/workflows/installers.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
[ -x "$python" ] || python=.venv/Scripts/python.exe
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    "$python" -m pip install -q 'pyinstaller>=6.10'
fi
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    build_installer.spec
echo "bundle: dist/cxassist ($(du -sh dist/cxassist | cut -f1)) in $(($(date +%s) - started)) s"
if [ "${1:-}" != --bundle ] && [ "$(uname -s)" = Linux ]; then
    command -v dpkg-deb >/dev/null && installer/linux/build_deb.sh dist/cxassist dist
    installer/linux/build_tarball.sh dist/cxassist dist
fi
echo "built in $(($(date +%s) - started)) s"
