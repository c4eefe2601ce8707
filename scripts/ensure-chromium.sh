#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser test (test/web/).
# Called by .ci/run before `npm test`, and by the browser test's setup when chromium is missing.
# Never downloads a browser from anywhere but the distribution's own package archive.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing and this is not root." >&2
  echo "ensure-chromium: install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing chromium with apt-get" >&2
# A stale package list makes install fail with 404s; refresh it only when the first attempt fails.
if ! apt-get install -y --no-install-recommends chromium >&2; then
  apt-get update >&2
  apt-get install -y --no-install-recommends chromium >&2
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
