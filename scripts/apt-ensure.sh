#!/usr/bin/env bash
# Installs one Debian package unless a check already passes, for the system parts the tests drive.
# Usage: apt-ensure.sh PACKAGE CHECK...   (CHECK is a command; nothing is installed when it succeeds)
# Never downloads anything but the distribution's own package; refreshes the package list only
# when the first install attempt fails (a stale list gives 404s).
set -euo pipefail
package=$1
shift
if "$@" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "apt-ensure: '$package' is needed and this is not root; install it with: sudo apt-get install -y $package" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "apt-ensure: installing $package with apt-get" >&2
if ! apt-get install -y --no-install-recommends "$package" >&2; then
  apt-get update >&2
  apt-get install -y --no-install-recommends "$package" >&2
fi
if ! "$@" >/dev/null 2>&1; then
  echo "apt-ensure: apt-get installed $package but the check still fails: $*" >&2
  exit 1
fi
