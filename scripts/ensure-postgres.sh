#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries exist for the storage tests (devkit/postgres.ts
# starts a throwaway cluster with them on 127.0.0.1). Called by .ci/run before `npm test`, and
# by the test setup when the binaries are missing. Not needed when TEST_POSTGRES_URL is set.
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then exit 0; fi
exec bash "$(dirname "$0")/apt-ensure.sh" postgresql bash -c 'ls /usr/lib/postgresql/*/bin/initdb'
