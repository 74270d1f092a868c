#!/usr/bin/env bash
# Browser end-to-end tests: Playwright drives Debian's Chromium through the web app, against the
# real system as production runs it: the compiled API (serving the web build) and worker from
# `npm run build` (dist/), NODE_ENV=production, on PostgreSQL `epw_test`, Redis db 1 and the
# Temporal dev server, started by the suite itself on a free port (test/e2e/support/global-setup.ts).
# First a smoke test of the build: the compiled API answers /health and /docs/openapi.json and the
# compiled worker polls its task queue.
# Screenshots land in .data/e2e-artifacts/. Usage: scripts/test-e2e.sh [playwright args]
# (scripts/test.sh runs it after jest with EPW_E2E_SETUP=0: services are already up there).
# EPW_E2E_BASE_URL=<url>: drive a system that is already running there instead (no smoke test, nothing
# started; e.g. `eval "$(scripts/scale-out.sh env)"` for the scale-out profile behind HAProxy).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export EPW_TEST_DB="${EPW_TEST_DB:-epw_test}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$EPW_TEST_DB}"
# Tests write no trace files and open no metrics listeners (several apps share this machine).
export OTEL_TRACES_EXPORTER="${OTEL_TRACES_EXPORTER:-none}" WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-0}" \
  TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-0}"

if [[ "${EPW_E2E_SETUP:-1}" == "1" ]]; then
  ensure_node_modules
  bash "$ROOT/scripts/services.sh" up
  bash "$ROOT/scripts/services.sh" ensure-db "$EPW_TEST_DB" | tail -1
  ensure_prisma_client
  migrate_database "$TEST_DATABASE_URL"
fi
ensure_build
ensure_chromium

# smoke_build: starts the compiled worker and API (NODE_ENV=production, a free port, a task queue of
# their own), checks they answer, says how long each took to start, and stops them.
smoke_build() {
  local port own="smoke-$$" pids=() t log_w="$LOG_DIR/smoke-worker.log" log_a="$LOG_DIR/smoke-api.log"
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  step "smoke test of the build: compiled worker and API on :$port (NODE_ENV=production, queue $own)"
  # shellcheck disable=SC2016 # the keys are made by node, not by the shell
  local key='process.stdout.write(require("crypto").randomBytes(32).toString("base64"))'
  (
    trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
    export NODE_ENV=production LOG_LEVEL=info DATABASE_URL="$TEST_DATABASE_URL" \
      REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" API_HOST=127.0.0.1 API_PORT="$port" \
      TEMPORAL_TASK_QUEUE="$own" QUEUE_PREFIX="$own" MFA_ENFORCEMENT=off \
      WORKFLOW_BUNDLE_PATH="$ROOT/dist/workflows/workflow-bundle.js" \
      JWT_SECRET="$(node -e "$key")" TEMPORAL_PAYLOAD_KEY="$(node -e "$key")" \
      MFA_ENCRYPTION_KEY="$(node -e "$key")"
    t=$(date +%s%N)
    node --enable-source-maps dist/apps/worker/main.js >"$log_w" 2>&1 &
    pids+=($!)
    wait_for "the compiled worker to poll (see $log_w)" 60 grep -q "Temporal worker polling" "$log_w"
    info "worker polling $own after $((($(date +%s%N) - t) / 1000000)) ms"
    t=$(date +%s%N)
    node --enable-source-maps dist/apps/api/main.js >"$log_a" 2>&1 &
    pids+=($!)
    wait_for "the compiled API's /health (see $log_a)" 60 curl -sf "http://127.0.0.1:$port/health"
    info "API answering /health after $((($(date +%s%N) - t) / 1000000)) ms"
    curl -sf "http://127.0.0.1:$port/docs/openapi.json" |
      node -e 'const d=JSON.parse(require("fs").readFileSync(0));const n=Object.keys(d.paths??{}).length;if(!d.openapi||n<1)process.exit(1);console.log(`    /docs/openapi.json: OpenAPI ${d.openapi}, ${n} paths`)' ||
      fail "the compiled API's /docs/openapi.json is not an OpenAPI document (see $log_a)"
    grep -q "Workflow bundle created" "$log_w" && fail "the compiled worker bundled the workflows at start instead of loading dist/workflows"
    true
  )
}
cd "$ROOT"
rm -f "$DATA_DIR/e2e-results.json"
[[ -n "${EPW_E2E_BASE_URL:-}" ]] || smoke_build
step "browser tests (Playwright, Chromium) against the real system on $EPW_TEST_DB; screenshots in ${DATA_DIR#"$ROOT"/}/e2e-artifacts/"
# A short step-up window (second factor): second-factor.e2e.ts waits it out before signing; it
# counts only for accounts with a second factor, which only that test enrols.
DATABASE_URL="$TEST_DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" \
  MFA_STEP_UP_SECONDS="${MFA_STEP_UP_SECONDS:-20}" \
  npx --no-install playwright test -c test/e2e/playwright.config.ts "$@"
