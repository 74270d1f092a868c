#!/usr/bin/env bash
# Every test: format, lint, typecheck, the production workflow bundle, unit tests, then integration
# tests against the real PostgreSQL, Redis and Temporal dev server (started here if needed).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS
export EPW_TEST_DB="${EPW_TEST_DB:-epw_test}"
export TEST_DATABASE_URL="postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$EPW_TEST_DB"

ensure_node_modules
bash "$ROOT/scripts/services.sh" up
bash "$ROOT/scripts/services.sh" ensure-db "$EPW_TEST_DB" | tail -1
ensure_prisma_client
migrate_database "$TEST_DATABASE_URL"

cd "$ROOT"
step "prettier --check"
npx --no-install prettier --check . --log-level warn
step "eslint (zero warnings; Nx module boundaries from a fresh project graph)"
rm -rf .nx/workspace-data
NX_DAEMON=false npx --no-install nx show projects >/dev/null
npx --no-install eslint . --max-warnings 0
step "tsc --noEmit (strict)"
npx --no-install tsc -p tsconfig.json --noEmit
step "production workflow bundle builds"
node -r @swc-node/register apps/worker/src/temporal/bundle-workflows.ts "$DATA_DIR/test-workflow-bundle.js"

results="$DATA_DIR/jest-results.json"
step "jest: unit and integration tests (real Temporal, PostgreSQL, Redis)"
status=0
DATABASE_URL="$TEST_DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" \
  npx --no-install jest --runInBand --ci --json --outputFile="$results" "$@" || status=$?

summary=$(node -e '
  const r = require(process.argv[1]);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$results" 2>/dev/null || echo "0 passed, 1 failed")
step "all tests finished in $((SECONDS - t0)) s"
echo "tests: $summary"
exit "$status"
