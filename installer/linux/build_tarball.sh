#!/usr/bin/env bash
# Package the frozen bundle as a tarball for Linux distributions without dpkg; its install.sh does what the .deb
# does (see install.sh --help). The charts add-on (dist/cxassist-charts, built with the bundle) rides along and is
# installed only on request.
#   installer/linux/build_tarball.sh [dist/cxassist] [out-folder]  ->  out-folder/cxassist-<version>-linux-<machine>.tar.gz
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$root/dist/cxassist}" && pwd)
out=$(mkdir -p "${2:-$root/dist}" && cd "${2:-$root/dist}" && pwd)
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/cxassist/__init__.py")
name="cxassist-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp -a "$bundle" "$stage/$name/cxassist"
find "$stage/$name/cxassist" -name __pycache__ -prune -exec rm -rf {} +
if [ -d "$bundle/../cxassist-charts" ]; then
    cp -a "$bundle/../cxassist-charts" "$stage/$name/cxassist-charts"  # installed with --with-charts
else
    echo "build_tarball.sh: no charts add-on beside the bundle; the tarball has none" >&2
fi
cp "$here/install.sh" "$here/stop-running.sh" "$root/cxassist/resources/linux/cxassist.desktop" \
    "$root/cxassist/resources/linux/cxassist-tel.desktop" "$stage/$name/"
"$here/site_template.sh" "$root/cxassist/resources/site.example.toml" >"$stage/$name/site.toml"
chmod 0755 "$stage/$name/install.sh"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
