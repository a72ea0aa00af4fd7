#!/usr/bin/env bash
# Installs the Debian packages given as arguments when any is missing.
# An argument PKG=COMMAND counts as present when COMMAND is on the PATH (e.g. npm=npm:
# a Node.js installed from elsewhere already brings npm, and Debian's npm would conflict).
# Runs apt-get only as root; otherwise names the missing packages and fails.
set -euo pipefail
missing=()
for arg in "$@"; do
  pkg=${arg%%=*}
  if [ "$arg" != "$pkg" ] && command -v "${arg#*=}" >/dev/null 2>&1; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing system packages: ${missing[*]}" >&2
  echo "       install them with: sudo apt-get install ${missing[*]}  (or run make as root)" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
