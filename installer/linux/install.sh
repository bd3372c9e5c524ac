#!/bin/sh
# Install cxassist from this tarball on a Linux distribution without dpkg (run as root):
#   sudo ./install.sh                      install or upgrade into /opt/cxassist
#   sudo ./install.sh --with-charts        also the supervisor console's charts (an upgrade keeps them if present)
#   sudo ./install.sh --prefix /opt/cx     somewhere else
#   sudo ./install.sh --uninstall          remove the program; /etc/cxassist and every user's data are kept
#   sudo ./install.sh --uninstall --purge  also remove /etc/cxassist and each user's cxassist folders
# What it does: stops running instances (see stop-running.sh inside), copies the bundle, links /usr/local/bin/cxassist,
# installs the menu entry and the tel: handler under /usr/local/share/applications, and writes
# /etc/cxassist/site.toml only if there is none (an existing site file is never overwritten). It then lists any
# system library Qt needs that this machine lacks, with the package names used on Debian, and says so when libpq
# (needed only for the PostgreSQL sync backend) is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=/opt/cxassist
action=install
purge=0
charts=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        --purge) purge=1; shift ;;
        --with-charts) charts=1; shift ;;
        -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ "$(id -u)" != 0 ]; then
    echo "install.sh: run it as root (sudo ./install.sh)" >&2
    exit 2
fi
# shellcheck source=stop-running.sh
. "$here/stop-running.sh"
apps=/usr/local/share/applications

if [ "$action" = uninstall ]; then
    cxassist_stop_running "$prefix"
    rm -rf "$prefix" /usr/local/bin/cxassist "$apps/cxassist.desktop" "$apps/cxassist-tel.desktop"
    if [ "$purge" = 1 ]; then
        rm -rf /etc/cxassist
        for home in /root /home/*; do
            for sub in .local/share/cxassist .config/cxassist .cache/cxassist .local/state/cxassist; do
                [ -e "$home/$sub" ] && rm -rf "${home:?}/$sub" && echo "removed $home/$sub"
            done
        done
    else
        echo "cxassist removed; /etc/cxassist and each user's data were kept (--purge removes them)."
    fi
    exit 0
fi

[ -d "$prefix/addons/charts" ] && charts=1  # an upgrade keeps the charts, at the new version
if [ "$charts" = 1 ] && [ ! -d "$here/cxassist-charts" ]; then
    echo "install.sh: this tarball has no charts add-on (cxassist-charts); nothing was changed" >&2
    exit 2
fi
cxassist_stop_running "$prefix"
staging="$prefix.new"
rm -rf "$staging"
cp -a "$here/cxassist" "$staging"
if [ "$charts" = 1 ]; then
    mkdir -p "$staging/addons"
    cp -a "$here/cxassist-charts" "$staging/addons/charts"
fi
rm -rf "$prefix.old"
[ -d "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$staging" "$prefix"
rm -rf "$prefix.old"
mkdir -p /usr/local/bin "$apps" /etc/cxassist
ln -sfn "$prefix/cxassist" /usr/local/bin/cxassist
for entry in cxassist.desktop cxassist-tel.desktop; do
    sed "s|/opt/cxassist/cxassist|$prefix/cxassist|g" "$here/$entry" >"$apps/$entry"
done
if [ ! -e /etc/cxassist/site.toml ]; then
    cp "$here/site.toml" /etc/cxassist/site.toml
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true

missing=$(for f in "$prefix"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so "$prefix"/_internal/PySide6/Qt/lib/*.so.6 \
    "$prefix/cxassist"; do ldd "$f" 2>/dev/null; done | sed -n 's/^[[:space:]]*\([^ ]*\) => not found$/\1/p' | sort -u)
if [ -n "$missing" ]; then
    echo "cxassist is installed, but this machine lacks libraries it needs:" >&2
    for lib in $missing; do echo "  $lib" >&2; done
    echo "On Debian or Ubuntu: apt install ./cxassist_*.deb installs them for you; elsewhere install the" \
        "packages that provide them (Qt 6's xcb requirements)." >&2
    exit 1
fi
if ! { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libpq\.so\.5 '; then
    echo "Note: libpq is not installed. cxassist works without it, but the PostgreSQL sync backend needs it" \
        "(package libpq5 on Debian or Ubuntu, libpq on Fedora)." >&2
fi
echo "cxassist $("$prefix/cxassist" --version | cut -d' ' -f2) is installed in $prefix; start it from the menu or run cxassist."
