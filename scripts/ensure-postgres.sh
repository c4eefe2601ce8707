#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries exist for the storage tests (test/support/postgres.ts
# starts a throwaway cluster with them on 127.0.0.1). Called by .ci/run before `npm test`;
# the test setup does the same when run by hand. Installs Debian's package only when missing.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${TEST_POSTGRES_URL:-}" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-postgres: no PostgreSQL binaries and this is not root; install 'postgresql' or set TEST_POSTGRES_URL." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "ensure-postgres: installing postgresql with apt-get" >&2
if ! apt-get install -y --no-install-recommends postgresql >&2; then
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
fi
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
