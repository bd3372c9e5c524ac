#!/usr/bin/env bash
# Package the frozen bundle (dist/cxassist, from installer/build.sh) as a Debian package:
#   /opt/cxassist/                     the bundle
#   /usr/bin/cxassist                  a link to it, for scripts (`cxassist sync login`, `cxassist config check`)
#   /usr/share/applications/           the menu entry, and the tel: handler (a hidden entry: `cxassist pop %u`)
#   /etc/cxassist/site.toml            the site file, a conffile: an upgrade never overwrites IT's edits
# Maintainer scripts: preinst stops running instances before an upgrade (installer/linux/stop-running.sh says why),
# prerm before a removal; postrm purge removes /etc/cxassist, and each user's data only when
# CXASSIST_PURGE_USER_DATA=1 is set (an explicit request: by default uninstalling keeps every call log).
# Depends and Recommends are computed from the bundle by shlibdeps.py, plus libpq5, which psycopg loads by name for
# the PostgreSQL sync backend.
# The supervisor console's charts (dist/cxassist-charts, built with the bundle) become a second package,
# cxassist-charts, installing /opt/cxassist/addons/charts; it depends on exactly this version of cxassist.
#
#   installer/linux/build_deb.sh [dist/cxassist] [out-folder]      ->  out-folder/cxassist_<version>_<arch>.deb
#                                                                      out-folder/cxassist-charts_<version>_<arch>.deb
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$root/dist/cxassist}" && pwd)
out=$(mkdir -p "${2:-$root/dist}" && cd "${2:-$root/dist}" && pwd)
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/cxassist/__init__.py")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/pkg"

mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/etc/cxassist" "$pkg/usr/share/doc/cxassist" \
    "$pkg/DEBIAN"
cp -a "$bundle" "$pkg/opt/cxassist"
find "$pkg/opt/cxassist" -name __pycache__ -prune -exec rm -rf {} +
ln -s /opt/cxassist/cxassist "$pkg/usr/bin/cxassist"
cp "$root/cxassist/resources/linux/cxassist.desktop" "$root/cxassist/resources/linux/cxassist-tel.desktop" \
    "$pkg/usr/share/applications/"
for icon in "$root"/cxassist/resources/icons/cxassist.svg "$root"/cxassist/resources/icons/cxassist.png; do
    [ -f "$icon" ] || continue
    case "$icon" in
        *.svg) dest="$pkg/usr/share/icons/hicolor/scalable/apps" ;;
        *) dest="$pkg/usr/share/icons/hicolor/256x256/apps" ;;
    esac
    mkdir -p "$dest" && cp "$icon" "$dest/"
done
"$here/site_template.sh" "$root/cxassist/resources/site.example.toml" >"$pkg/etc/cxassist/site.toml"
cat >"$pkg/usr/share/doc/cxassist/copyright" <<EOF
cxassist $version. Proprietary. Bundles Python, Qt for Python (LGPLv3) and other open-source libraries; their
licences are in /opt/cxassist/_internal (the *.dist-info folders) and https://www.qt.io/licensing.
EOF

deps=$(python3 "$here/shlibdeps.py" "$pkg/opt/cxassist")
depends=$(sed -n 's/^Depends: //p' <<<"$deps")
recommends=$(sed -n 's/^Recommends: //p' <<<"$deps")
size=$(du -sk "$pkg" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOF
Package: cxassist
Version: $version
Architecture: $arch
Maintainer: cxassist IT support <it@example.invalid>
Installed-Size: $size
Section: misc
Priority: optional
Depends: $depends, libpq5, fonts-dejavu-core | fonts-liberation2 | fonts-noto-core
Recommends: $recommends, gnome-keyring | kwalletmanager | keepassxc, xdg-utils
Description: desktop assistant for contact-centre agents on live calls
 Shows who is calling, their earlier contacts, emergency contacts and prompts
 written for this caller; logs every call to a local database first and syncs
 it to the contact centre's central store.
EOF
echo "/etc/cxassist/site.toml" >"$pkg/DEBIAN/conffiles"

snippet=$(cat "$here/stop-running.sh")
for script in preinst prerm postinst postrm; do
    {
        echo "#!/bin/sh"
        echo "set -e"
        echo "$snippet"
        cat "$here/debian/$script"
    } >"$pkg/DEBIAN/$script"
    chmod 0755 "$pkg/DEBIAN/$script"
done

build() {
    # zstd -6: 3 s instead of 100 s for xz -6, 60 MB instead of 49. dpkg reads zstd since 1.21.18 (Debian 12, Ubuntu
    # 21.10), which is older than the C library the bundle needs anyway.
    dpkg-deb --root-owner-group -Zzstd -z6 --threads-max=2 --build "$1" "$2" >/dev/null
    echo "$2"
}
build "$pkg" "$out/cxassist_${version}_${arch}.deb"

addon="$(dirname "$bundle")/cxassist-charts"
[ -d "$addon" ] || { echo "build_deb.sh: no $addon, so no cxassist-charts package" >&2; exit 0; }
charts="$stage/charts"
mkdir -p "$charts/opt/cxassist/addons" "$charts/usr/share/doc/cxassist-charts" "$charts/DEBIAN"
cp -a "$addon" "$charts/opt/cxassist/addons/charts"
cat >"$charts/usr/share/doc/cxassist-charts/copyright" <<EOF
pyqtgraph (MIT) and numpy (BSD-3-Clause, with OpenBLAS and GCC runtime libraries); their licences are in
/opt/cxassist/addons/charts (the *.dist-info folders).
EOF
cat >"$charts/DEBIAN/control" <<EOF
Package: cxassist-charts
Version: $version
Architecture: $arch
Maintainer: cxassist IT support <it@example.invalid>
Installed-Size: $(du -sk "$charts" | cut -f1)
Section: misc
Priority: optional
Depends: cxassist (= $version)
Description: charts for the cxassist supervisor console
 Draws the supervisor console's dashboard as charts (pyqtgraph and numpy).
 Without it the dashboard shows the same figures as tables. Install it on
 supervisors' desktops; agents' desktops do not need it.
EOF
build "$charts" "$out/cxassist-charts_${version}_${arch}.deb"
