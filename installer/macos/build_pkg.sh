#!/usr/bin/env bash
# macOS (UNTESTED until .github/workflows/installers.yml has run it): wrap dist/cxassist.app (built by
# build_installer.spec on macOS) in an installer package that installs it into /Applications, creates
# "/Library/Application Support/cxassist/site.toml" when missing (never overwrites IT's file) and links
# /usr/local/bin/cxassist for scripts. Signed-ready: set these to sign, and the notary profile to notarize:
#   MACOS_APP_IDENTITY="Developer ID Application: ..."   codesign the .app (hardened runtime)
#   MACOS_INSTALLER_IDENTITY="Developer ID Installer: ..."   productsign the .pkg
#   MACOS_NOTARY_PROFILE=name                                xcrun notarytool submit --keychain-profile name --wait
# Silent install for IT: sudo installer -pkg cxassist-<version>.pkg -target /
#   installer/macos/build_pkg.sh [dist/cxassist.app] [out-folder]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app=${1:-$root/dist/cxassist.app}
out=${2:-$root/dist}
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/cxassist/__init__.py")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/root" "$stage/scripts"
cp -R "$app" "$stage/root/cxassist.app"
if [ -d "$root/dist/cxassist-charts" ]; then  # the console's charts: inside the app on macOS (one package to sign)
    mkdir -p "$stage/root/cxassist.app/Contents/Resources/addons"
    cp -R "$root/dist/cxassist-charts" "$stage/root/cxassist.app/Contents/Resources/addons/charts"
fi
if [ -n "${MACOS_APP_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$MACOS_APP_IDENTITY" "$stage/root/cxassist.app"
fi
cp "$here/scripts/preinstall" "$here/scripts/postinstall" "$stage/scripts/"
"$root/installer/linux/site_template.sh" "$root/cxassist/resources/site.example.toml" >"$stage/scripts/site.toml"
chmod 0755 "$stage/scripts/preinstall" "$stage/scripts/postinstall"
pkgbuild --root "$stage/root" --install-location /Applications --identifier org.cxassist.desktop \
    --version "$version" --scripts "$stage/scripts" "$stage/cxassist-component.pkg"
target="$out/cxassist-$version.pkg"
if [ -n "${MACOS_INSTALLER_IDENTITY:-}" ]; then
    productbuild --package "$stage/cxassist-component.pkg" --sign "$MACOS_INSTALLER_IDENTITY" "$target"
else
    productbuild --package "$stage/cxassist-component.pkg" "$target"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$target" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$target"
fi
echo "$target"
