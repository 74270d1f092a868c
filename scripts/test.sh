#!/usr/bin/env bash
# Every test: the production build (`npm run build` → dist/: compiled API and worker, workflow
# bundle, web app), format, lint, typecheck, unit tests, then integration tests against the real
# PostgreSQL, Redis and Temporal dev server (started here if needed; jest runs the TypeScript
# sources), then a smoke test of the build and the browser end-to-end tests, which run the compiled
# API and worker (scripts/test-e2e.sh; EPW_E2E=0 skips them).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS
export EPW_TEST_DB="${EPW_TEST_DB:-epw_test}"
export TEST_DATABASE_URL="postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$EPW_TEST_DB"
# Tests write no trace files and open no metrics listeners (several apps share this machine).
export OTEL_TRACES_EXPORTER="${OTEL_TRACES_EXPORTER:-none}" WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-0}" \
  TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-0}"

ensure_node_modules
# pdfsig (poppler-utils) checks the documents' digital signatures; certutil (libnss3-tools) makes
# the NSS database in which the tests trust their own CA.
command -v pdfsig >/dev/null || apt_install poppler-utils
command -v certutil >/dev/null || apt_install libnss3-tools
bash "$ROOT/scripts/services.sh" up
bash "$ROOT/scripts/services.sh" ensure-db "$EPW_TEST_DB" | tail -1
ensure_prisma_client
migrate_database "$TEST_DATABASE_URL"
build_t0=$SECONDS
ensure_build
info "production build ready in $((SECONDS - build_t0)) s"
bash "$ROOT/scripts/scale-out.sh" prepare # HAProxy, Temporal server: test/chaos/replica-kill.int-spec.ts

cd "$ROOT"
step "prettier --check"
npx --no-install prettier --check . --log-level warn
step "eslint (zero warnings; Nx module boundaries from a fresh project graph)"
rm -rf .nx/workspace-data
NX_DAEMON=false npx --no-install nx show projects >/dev/null
npx --no-install eslint . --max-warnings 0
step "one write path: no database call in the apps outside libs/data-access's repositories"
if grep -rnE "prisma\.|\\\$transaction|\\\$queryRaw|\\\$executeRaw" apps/api/src apps/worker/src; then
  echo "The apps above reach PostgreSQL directly: move it into a repository of libs/data-access." >&2
  exit 1
fi
step "tsc --noEmit (strict)"
npx --no-install tsc -p tsconfig.json --noEmit
step "tsc --noEmit for the web app (strict, DOM, JSX)"
npx --no-install tsc -p apps/web/tsconfig.json --noEmit
step "OpenAPI document (generated without a server) passes redocly lint (redocly.yaml)"
node -r @swc-node/register scripts/openapi-document.ts "$DATA_DIR/openapi.json"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx --no-install redocly lint "$DATA_DIR/openapi.json" --config "$ROOT/redocly.yaml" --format=summary

results="$DATA_DIR/jest-results.json"
step "jest: unit and integration tests (real Temporal, PostgreSQL, Redis)"
status=0
DATABASE_URL="$TEST_DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" \
  npx --no-install jest --maxWorkers=1 --ci --logHeapUsage --json --outputFile="$results" "$@" || status=$?

jest_summary=$(node -e '
  const r = require(process.argv[1]);
  console.log(`${r.numPassedTests} ${r.numFailedTests}`);
' "$results" 2>/dev/null || echo "0 1")

# Schemathesis on a system of its own (database epw_schemathesis, its own Temporal namespace):
# after jest, which it would otherwise compete with for the two cores; EPW_SCHEMATHESIS=0 skips it.
schemathesis_summary="skipped"
if [[ "${EPW_SCHEMATHESIS:-1}" == "1" ]]; then
  WORKFLOW_BUNDLE_PATH="$ROOT/dist/workflows/workflow-bundle.js" bash "$ROOT/scripts/schemathesis.sh" || status=1
  schemathesis_summary=$(tr '\n' ';' <"$DATA_DIR/schemathesis/summary.txt" 2>/dev/null || echo "no summary")
fi

e2e_summary="0 0"
if [[ "${EPW_E2E:-1}" == "1" ]]; then
  e2e_status=0
  EPW_E2E_SETUP=0 bash "$ROOT/scripts/test-e2e.sh" || e2e_status=$?
  # Playwright's JSON report: expected = passed, unexpected (and flaky) = failed.
  e2e_summary=$(node -e '
    const s = require(process.argv[1]).stats;
    const failed = s.unexpected + s.flaky;
    console.log(`${s.expected} ${failed > 0 || process.argv[2] !== "0" ? Math.max(failed, 1) : 0}`);
  ' "$DATA_DIR/e2e-results.json" "$e2e_status" 2>/dev/null || echo "0 1")
  ((e2e_status == 0)) || status=1
  [[ "${e2e_summary#* }" == "0" ]] || status=1
fi

read -r jest_passed jest_failed <<<"$jest_summary"
read -r e2e_passed e2e_failed <<<"$e2e_summary"
step "all tests finished in $((SECONDS - t0)) s"
echo "    jest: $jest_passed passed, $jest_failed failed; browser e2e: $e2e_passed passed, $e2e_failed failed"
echo "    schemathesis: $schemathesis_summary"
echo "tests: $((jest_passed + e2e_passed)) passed, $((jest_failed + e2e_failed)) failed"
exit "$status"
