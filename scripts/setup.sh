#!/usr/bin/env bash
# Sets up a development checkout: system libraries Qt needs (Debian/Ubuntu, when allowed), a virtualenv in .venv
# and cxassist installed into it. Safe to run again: it only does what is missing.
#   scripts/setup.sh            runtime only (enough to run the app)
#   scripts/setup.sh --dev      plus test tools and the PostgreSQL server for integration tests
set -euo pipefail
cd "$(dirname "$0")/.."

want_dev=0
[ "${1:-}" = "--dev" ] && want_dev=1

qt_packages="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core"
dev_packages="postgresql xvfb"

missing_debian_packages() {
    local wanted="$qt_packages"
    [ "$want_dev" = 1 ] && wanted="$wanted $dev_packages"
    local missing=""
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    echo "$missing"
}

if command -v dpkg-query >/dev/null 2>&1; then
    missing=$(missing_debian_packages)
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "Installing system packages:$missing"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            echo "Installing system packages:$missing"
            sudo apt-get update -qq
            sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
        else
            echo "cxassist needs these system packages; please run:" >&2
            echo "  sudo apt-get install$missing" >&2
            exit 2
        fi
    fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "cxassist needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
stamp=.venv/.cxassist-installed
extras=""
[ "$want_dev" = 1 ] && extras="[dev]"
if [ ! -f "$stamp$extras" ] || [ pyproject.toml -nt "$stamp$extras" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".$extras"
    touch "$stamp$extras"
fi
