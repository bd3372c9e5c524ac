#!/bin/sh
# Print the site file the Linux packages install as /etc/cxassist/site.toml: the shipped example with every setting
# commented out, so a fresh install runs on the built-in defaults until IT chooses otherwise.
#   installer/linux/site_template.sh cxassist/resources/site.example.toml > site.toml
set -eu
cat <<'HEAD'
# cxassist site file. Every setting below is commented out: the built-in defaults apply until you set one.
# Remove the "# " in front of a line to use it, then check the file:  cxassist config check <this file>
# An upgrade of the package keeps this file as you left it. Reference: docs/site-config.md.
#
HEAD
sed -e 's/^\([^#]\)/# \1/' "$1"
