#!/usr/bin/env bash
# Prove the .deb complete on a fresh Debian: make a minimal Debian root with debootstrap, `apt install ./cxassist_*.deb`
# and the cxassist-charts package beside it in it (without Recommends, so Depends alone must be enough), then start
# cxassist there from the menu entry's command under Xvfb (the X server runs on the host; its socket is shared) as an
# ordinary user, and take a screenshot.
# Then: install the same package again over the running app (it is stopped first, data kept), remove it (user data
# kept), and purge it with CXASSIST_PURGE_USER_DATA=1 (user data gone).
#
#   sudo installer/debootstrap_test.sh [dist/cxassist_*.deb] [--suite bookworm] [--keep] [--artefacts DIR]
#
# Manual or CI-optional (root, network, about 1 GB of disk). The minimal root is cached as a tarball in
# /var/cache/cxassist-debootstrap, so a second run skips debootstrap (--fresh ignores the cache).
set -euo pipefail
cd "$(dirname "$0")/.."
deb="" suite=bookworm keep=0 fresh=0 artefacts=/tmp/cxassist-ci-artefacts
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        --fresh) fresh=1; shift ;;
        --artefacts) artefacts=$2; shift 2 ;;
        *.deb) deb=$1; shift ;;
        *) echo "debootstrap_test: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$deb" ] || deb=$(ls -t dist/cxassist_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || { echo "debootstrap_test: no .deb (build one with installer/build.sh)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "debootstrap_test: run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "debootstrap_test: apt-get install debootstrap" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "debootstrap_test: apt-get install xvfb" >&2; exit 2; }

started=$(date +%s)
phase() { echo "== [$(($(date +%s) - started)) s] $*"; }
target=$(mktemp -d /var/tmp/cxassist-debroot.XXXXXX)
cache=/var/cache/cxassist-debootstrap
base="$cache/$suite-minbase.tar.gz"
display=":$((40 + $$ % 40))"
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    for m in tmp/.X11-unix dev/shm dev/pts sys proc; do
        mountpoint -q "$target/$m" && umount -l "$target/$m" || true
    done
    if [ "$keep" = 1 ]; then echo "kept the Debian root in $target"; else rm -rf "$target"; fi
}
trap cleanup EXIT
in_root() { chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
as_agent() {
    chroot --userspec=agent:agent "$target" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/agent LANG=C.UTF-8 \
        XDG_RUNTIME_DIR=/tmp/agent-runtime DISPLAY="$display" "$@"
}

if [ "$fresh" = 0 ] && [ -f "$base" ]; then
    phase "unpacking the cached minimal $suite root ($base)"
    tar -C "$target" -xzf "$base"
else
    phase "debootstrap --variant=minbase $suite from $mirror"
    debootstrap --variant=minbase "$suite" "$target" "$mirror" >"$target.debootstrap.log" 2>&1 ||
        { tail -20 "$target.debootstrap.log"; exit 1; }
    rm -f "$target.debootstrap.log"
    mkdir -p "$cache"
    tar -C "$target" -czf "$base.partial" . && mv "$base.partial" "$base"
fi
chmod 0755 "$target"  # mktemp (and so the cached tarball's ".") made it 0700: the agent and apt's sandbox user need in
mount -t proc proc "$target/proc"
mount -t sysfs sys "$target/sys"
mount -t tmpfs shm "$target/dev/shm"
mkdir -p "$target/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$target/tmp/.X11-unix"
cp /etc/resolv.conf "$target/etc/resolv.conf"
echo "deb $mirror $suite main" >"$target/etc/apt/sources.list"

charts_deb="$(dirname "$deb")/$(basename "$deb" | sed 's/^cxassist_/cxassist-charts_/')"
[ -f "$charts_deb" ] || { echo "debootstrap_test: no $charts_deb beside the .deb" >&2; exit 2; }
phase "apt install ./$(basename "$deb") ./$(basename "$charts_deb") --no-install-recommends"
cp "$deb" "$charts_deb" "$target/tmp/"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
    "/tmp/$(basename "$charts_deb")" >"$artefacts.apt.log" 2>&1 ||
    { mkdir -p "$artefacts"; tail -30 "$artefacts.apt.log"; exit 1; }
mkdir -p "$artefacts" && mv "$artefacts.apt.log" "$artefacts/debootstrap-apt.log"
in_root useradd --create-home --shell /bin/sh agent
mkdir -p "$target/tmp/agent-runtime" && in_root chown agent:agent /tmp/agent-runtime && chmod 700 "$target/tmp/agent-runtime"

phase "the installed command line"
as_agent cxassist --version
as_agent cxassist doctor >"$artefacts/debootstrap-doctor.json"
python3 - "$artefacts/debootstrap-doctor.json" <<'EOF'
import json, sys
doctor = json.load(open(sys.argv[1]))
failed = {k: v for k, v in doctor["sync"]["backends"].items() if v != "ok"}
assert doctor["frozen"] and not failed, failed
charts = doctor["charts"]
assert charts["installed"] and charts["folder"] == "/opt/cxassist/addons/charts", charts
print("doctor: frozen, backends", ", ".join(doctor["sync"]["backends"]), "; charts", charts["libraries"])
EOF
as_agent cxassist config check /etc/cxassist/site.toml >/dev/null
as_agent cxassist demo --callers 5 >/dev/null
missing=$(in_root sh -c 'for f in /opt/cxassist/_internal/PySide6/Qt/plugins/platforms/libqxcb.so /opt/cxassist/_internal/PySide6/*.so; do ldd "$f"; done' | grep "not found" || true)
[ -z "$missing" ] || { echo "libraries missing after apt install:"; echo "$missing"; exit 1; }

phase "start it from the menu entry's command under Xvfb ($display)"
exec_line=$(sed -n 's/^Exec=//p' "$target/usr/share/applications/cxassist.desktop" | head -1)
command=$(sed -e 's/ *%[fFuUick]//g' <<<"$exec_line")
echo "menu entry: Exec=$exec_line"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
# shellcheck disable=SC2086 - the Exec line is a command with its arguments
as_agent env CXASSIST_SMOKE_QUIT_AFTER_MS=8000 $command --no-err-windows >"$artefacts/debootstrap-gui.log" 2>&1 &
gui=$!
sleep 6
if ! kill -0 "$gui" 2>/dev/null; then
    wait "$gui" && status=0 || status=$?
    cat "$artefacts/debootstrap-gui.log"
    [ "$status" = 0 ] || { echo "the app exited with $status within 6 s"; exit 1; }
fi
shot="$artefacts/debootstrap-xvfb.png"
if [ -x .venv/bin/python ]; then
    DISPLAY=$display QT_QPA_PLATFORM=xcb .venv/bin/python -c 'import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication(["shot"]); sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)' "$shot" \
        && echo "screenshot: $shot"
fi

phase "install the same package again while the app runs"
in_root env DEBIAN_FRONTEND=noninteractive dpkg -i "/tmp/$(basename "$deb")" 2>&1 | grep -E "cxassist:|error" || true
sleep 1
if kill -0 "$gui" 2>/dev/null; then echo "the running app was not stopped by the upgrade"; exit 1; fi
wait "$gui" 2>/dev/null || true
grep -vE '^(Terminated|This plugin does not support propagateSizeHints\(\)|qt\.qpa\.xcb: X server does not support XInput 2)$' \
    "$artefacts/debootstrap-gui.log" | grep . && { echo "unexpected output from the app (above)"; exit 1; } || true
[ -f "$target/home/agent/.local/share/cxassist/cxassist.db" ] || { echo "user data lost by the reinstall"; exit 1; }
as_agent cxassist lookup +442079460018 >"$artefacts/debootstrap-lookup.json"
grep -q '"match": "exact"' "$artefacts/debootstrap-lookup.json" || { echo "the demo caller is gone"; exit 1; }

phase "remove keeps user data and /etc/cxassist; purge with CXASSIST_PURGE_USER_DATA=1 removes both"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq cxassist >/dev/null 2>&1
[ ! -e "$target/opt/cxassist" ] && [ -f "$target/etc/cxassist/site.toml" ] &&
    [ -f "$target/home/agent/.local/share/cxassist/cxassist.db" ] || { echo "remove did not keep the data"; exit 1; }
in_root env DEBIAN_FRONTEND=noninteractive CXASSIST_PURGE_USER_DATA=1 apt-get purge -y -qq cxassist >/dev/null 2>&1
[ ! -e "$target/etc/cxassist" ] && [ ! -e "$target/home/agent/.local/share/cxassist" ] ||
    { echo "purge left data behind"; exit 1; }
phase "debootstrap test passed"
