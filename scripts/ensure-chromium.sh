#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser test (test/web/).
# Called by .ci/run before `npm test`, and by the browser test's setup when chromium is missing.
set -euo pipefail
exec bash "$(dirname "$0")/apt-ensure.sh" chromium test -x /usr/bin/chromium
