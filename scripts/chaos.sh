#!/usr/bin/env bash
# Fault injection against an isolated copy of the system (its own Temporal dev server, Redis and
# PostgreSQL under .data/chaos, on ports of their own; the shared services are never touched).
# Usage: npm run chaos -- [--trials 200] [--seed N] [--lanes 4] [--out test/chaos/results]
# Writes <out>/<date>.json and <date>.md; exits non-zero if any invariant was violated.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
command -v redis-server >/dev/null || apt_install redis-server
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || apt_install postgresql
if [[ -z "${TEMPORAL_BIN:-}" ]] && ! command -v temporal >/dev/null &&
  [[ ! -x "$CACHE_DIR/temporal-$TEMPORAL_VERSION" ]]; then
  fail "the Temporal CLI is missing: run 'npm run services' once (it builds and caches it)"
fi
ensure_prisma_client

cd "$ROOT"
exec node -r @swc-node/register test/chaos/run-chaos.ts "$@"
