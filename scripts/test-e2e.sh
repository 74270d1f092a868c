#!/usr/bin/env bash
# Browser end-to-end tests: Playwright drives Debian's Chromium through the web app, against the
# real system (API serving the web build, worker, PostgreSQL `epw_test`, Redis db 1, the Temporal
# dev server) that the suite starts itself on a free port (test/e2e/support/global-setup.ts).
# Screenshots land in .data/e2e-artifacts/. Usage: scripts/test-e2e.sh [playwright args]
# (scripts/test.sh runs it after jest with EPW_E2E_SETUP=0: services are already up there).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export EPW_TEST_DB="${EPW_TEST_DB:-epw_test}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$EPW_TEST_DB}"

if [[ "${EPW_E2E_SETUP:-1}" == "1" ]]; then
  ensure_node_modules
  bash "$ROOT/scripts/services.sh" up
  bash "$ROOT/scripts/services.sh" ensure-db "$EPW_TEST_DB" | tail -1
  ensure_prisma_client
  migrate_database "$TEST_DATABASE_URL"
fi
build_web
ensure_chromium

cd "$ROOT"
rm -f "$DATA_DIR/e2e-results.json"
step "browser tests (Playwright, Chromium) against the real system on $EPW_TEST_DB; screenshots in ${DATA_DIR#"$ROOT"/}/e2e-artifacts/"
# A short step-up window (second factor): second-factor.e2e.ts waits it out before signing; it
# counts only for accounts with a second factor, which only that test enrols.
DATABASE_URL="$TEST_DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1" \
  MFA_STEP_UP_SECONDS="${MFA_STEP_UP_SECONDS:-20}" \
  npx --no-install playwright test -c test/e2e/playwright.config.ts "$@"
