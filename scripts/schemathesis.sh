#!/usr/bin/env bash
# Schemathesis (property-based API testing from the OpenAPI document, https://schemathesis.io)
# against a system of its own: a fresh database `epw_schemathesis` (migrated and seeded with the
# demo data), its own Redis database, its own Temporal namespace, an API and a worker on free
# loopback ports. It runs as a unit officer, then as an administrator, with every check, and fails
# on any 5xx or conformance failure. Accepted exceptions: scripts/schemathesis.toml, each with its
# reason. Figures: $DATA_DIR/schemathesis/summary.txt (and the JSON/JUnit reports beside it).
# Options (environment): EPW_SCHEMATHESIS_EXAMPLES (cases per operation and phase, default 12),
# WORKFLOW_BUNDLE_PATH (a prebuilt workflow bundle; built here when unset).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS

ST_DB="${EPW_SCHEMATHESIS_DB:-epw_schemathesis}"
ST_DB_URL="postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$ST_DB"
ST_REDIS_DB="${EPW_SCHEMATHESIS_REDIS_DB:-3}"
# A namespace per run: workflow ids are business keys, the same in every run, and a query on a
# closed workflow replays its history, which an earlier run encrypted under its own payload key.
ST_NAMESPACE="${EPW_SCHEMATHESIS_NAMESPACE:-epw-schemathesis-$(date +%Y%m%d%H%M%S)}"
ST_EXAMPLES="${EPW_SCHEMATHESIS_EXAMPLES:-12}"
VENV="$DATA_DIR/venv"
REQUIREMENTS="$ROOT/scripts/schemathesis-requirements.txt"
OUT="$DATA_DIR/schemathesis"
TEMPORAL_CLI="${TEMPORAL_BIN:-$(command -v temporal || echo "$CACHE_DIR/temporal-$TEMPORAL_VERSION")}"
mkdir -p "$OUT"
rm -f "$OUT"/*

# The venv is rebuilt only when the pinned requirements change.
ensure_venv() {
  local stamp="$VENV/.requirements-hash" want
  want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
  if [[ -x "$VENV/bin/st" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step "Schemathesis venv up to date ($("$VENV/bin/st" --version))"
    return
  fi
  step "Schemathesis: Python venv in ${VENV#"$ROOT"/} from ${REQUIREMENTS#"$ROOT"/}"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$REQUIREMENTS" ||
    fail "pip could not install $REQUIREMENTS"
  "$VENV/bin/pip" check --disable-pip-version-check >/dev/null ||
    fail "the pinned Schemathesis closure is incomplete: $("$VENV/bin/pip" check)"
  echo "$want" >"$stamp"
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

ensure_venv
step "fresh database $ST_DB: migrations and the demo seed"
psql "postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/postgres" -qtAX -v ON_ERROR_STOP=1 \
  -c "drop database if exists $ST_DB with (force)" -c "create database $ST_DB" >/dev/null
migrate_database "$ST_DB_URL"
(cd "$ROOT" && DATABASE_URL="$ST_DB_URL" node -r @swc-node/register prisma/seed.ts \
  >"$LOG_DIR/schemathesis-seed.log" 2>&1) || { tail -20 "$LOG_DIR/schemathesis-seed.log"; fail "the seed failed"; }
redis-cli -p "$REDIS_PORT" -n "$ST_REDIS_DB" flushdb >/dev/null
# The namespaces of earlier runs go (Temporal deletes their workflows in the background).
"$TEMPORAL_CLI" operator namespace list --address "$TEMPORAL_ADDRESS" -o jsonl |
  node -e 'require("readline").createInterface({input:process.stdin}).on("line",(l)=>{const n=l&&JSON.parse(l).namespaceInfo?.name;if(/^epw-schemathesis(-\d+)?$/.test(n??""))console.log(n)})' |
  while read -r old; do
    [[ "$old" == "$ST_NAMESPACE" ]] ||
      "$TEMPORAL_CLI" operator namespace delete --address "$TEMPORAL_ADDRESS" -n "$old" --yes >/dev/null
  done
"$TEMPORAL_CLI" operator namespace describe --address "$TEMPORAL_ADDRESS" -n "$ST_NAMESPACE" >/dev/null 2>&1 ||
  "$TEMPORAL_CLI" operator namespace create --address "$TEMPORAL_ADDRESS" -n "$ST_NAMESPACE" >/dev/null
wait_for "namespace $ST_NAMESPACE" 30 \
  "$TEMPORAL_CLI" workflow count --address "$TEMPORAL_ADDRESS" -n "$ST_NAMESPACE"
if [[ -z "${WORKFLOW_BUNDLE_PATH:-}" ]]; then
  WORKFLOW_BUNDLE_PATH="$DATA_DIR/schemathesis-workflow-bundle.js"
  step "workflow bundle → ${WORKFLOW_BUNDLE_PATH#"$ROOT"/}"
  (cd "$ROOT" && node -r @swc-node/register apps/worker/src/temporal/bundle-workflows.ts "$WORKFLOW_BUNDLE_PATH")
fi

port=$(free_port)
base="http://127.0.0.1:$port"
export NODE_ENV=production LOG_LEVEL=warn DATABASE_URL="$ST_DB_URL" DATABASE_POOL_SIZE=8 \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$ST_REDIS_DB" TEMPORAL_NAMESPACE="$ST_NAMESPACE" \
  TEMPORAL_TASK_QUEUE=epw-schemathesis WORKFLOW_BUNDLE_PATH API_HOST=127.0.0.1 API_PORT="$port" \
  PUBLIC_URL="$base" JWT_TTL_SECONDS=3600 WORKER_MAX_CONCURRENT_ACTIVITIES=8 \
  OTEL_TRACES_EXPORTER=none WORKER_METRICS_PORT=0 TEMPORAL_METRICS_PORT=0
JWT_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')
WEBHOOK_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')
TEMPORAL_PAYLOAD_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')
MFA_ENCRYPTION_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')
export JWT_SECRET WEBHOOK_SECRET TEMPORAL_PAYLOAD_KEY MFA_ENCRYPTION_KEY
# The officer's run sends thousands of bad logins from 127.0.0.1; the per-address login throttle
# (tested in auth-security) would then refuse the administrator's own login with 429.
export LOGIN_MAX_FAILURES_PER_IP=1000000
# The second factor as production runs it (the default, stated here because scripts/start.sh runs
# the demo with `enrol`): an account whose roles need one reaches nothing but its enrolment until
# it has one, and signing, voting and issuing want a recent check. scripts/schemathesis-login.ts
# enrols a TOTP for such an account (the administrator) through the API before its run, and tests
# with the access token the enrolment answers, which records the check (MFA_STEP_UP_SECONDS).
export MFA_ENFORCEMENT=required

step "worker and API (task queue epw-schemathesis, namespace $ST_NAMESPACE, $base)"
cd "$ROOT"
# info: its "Temporal worker polling" line says it is ready.
LOG_LEVEL=info node -r @swc-node/register apps/worker/src/main.ts >"$LOG_DIR/schemathesis-worker.log" 2>&1 &
pids+=($!)
node -r @swc-node/register apps/api/src/main.ts >"$LOG_DIR/schemathesis-api.log" 2>&1 &
pids+=($!)
exec 3>&2 # wait_for silences its command; a dead process still says why on fd 3
# ready <pid> <log> <command...>: the command succeeds, or the process died (its log says why).
ready() {
  local pid=$1 log=$2; shift 2
  "$@" >/dev/null 2>&1 && return 0
  kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&3; fail "it exited; see $log" 2>&3; }
  return 1
}
wait_for "the worker (see $LOG_DIR/schemathesis-worker.log)" 120 ready "${pids[0]}" \
  "$LOG_DIR/schemathesis-worker.log" grep -q "Temporal worker polling" "$LOG_DIR/schemathesis-worker.log"
wait_for "the API (see $LOG_DIR/schemathesis-api.log)" 120 ready "${pids[1]}" \
  "$LOG_DIR/schemathesis-api.log" curl -sf "$base/health"
curl -sf "$base/docs/openapi.json" -o "$OUT/openapi.json"

# token <username>: an access token, after a TOTP enrolment where the account's roles need one.
token() {
  node -r @swc-node/register "$ROOT/scripts/schemathesis-login.ts" "$base" "$1" demo-2026
}

# Which checks run is scripts/schemathesis.toml's (all, less its allow-list, each entry with its
# reason): options on the command line would override its per-operation entries.

# run_as <label> <username> [filter options]: one login per account, kept across its runs.
status=0
declare -A bearers=()
run_as() {
  local label=$1 user=$2
  shift 2
  if [[ -z "${bearers[$user]:-}" ]]; then
    bearers[$user]=$(token "$user") || fail "could not log in as $user"
  fi
  local bearer=${bearers[$user]}
  step "schemathesis as $label ($user): $ST_EXAMPLES cases per operation and phase, every check"
  local rc=0
  # NUL is refused by every text input (PostgreSQL cannot store it: WellFormedInputPipe), which
  # JSON Schema cannot say of every string; so Schemathesis does not generate it. Strings are
  # generated as UTF-8: a JSON body is UTF-8 text (RFC 8259), which a lone surrogate cannot be.
  "$VENV/bin/st" --config-file "$ROOT/scripts/schemathesis.toml" run "$OUT/openapi.json" \
    --url "$base" --header "Authorization: Bearer $bearer" \
    --max-examples "$ST_EXAMPLES" --workers 1 --seed 20 \
    --phases examples,coverage,fuzzing --generation-allow-x00 false --generation-codec utf-8 \
    --generation-database none --request-timeout 30 --no-color \
    --report junit,json --report-dir "$OUT" \
    --report-junit-path "$OUT/$label.junit.xml" --report-json-path "$OUT/$label.json" "$@" \
    >"$OUT/$label.txt" 2>&1 || rc=$?
  # Its summary without the ===== banners: a closing line like pytest's ("3 warnings in 80s")
  # would be read by CI as a test run that executed no test.
  sed -n '/SUMMARY/,$p' "$OUT/$label.txt" | sed -E 's/^=+ *(.*[^ =]) *=+$/-- \1 --/'
  # operations, cases, failures: the figures the note quotes
  node -e '
    const r = require(process.argv[1]);
    const f = (r.failures ?? []).map((g) => `${g.title} ${g.count}`).join(", ");
    const e = (r.errors ?? []).length;
    console.log(`${process.argv[2]}: ${r.operations?.tested ?? 0}/${r.operations?.selected ?? 0} operations, ` +
      `${r.test_cases.generated} cases, ${r.test_cases.unique_failures} unique failures` +
      `${f ? ` (${f})` : ""}, ${e} errors, exit ${r.exit_code}, ${r.running_time ?? "?"} s`);
  ' "$OUT/$label.json" "$label" | tee -a "$OUT/summary.txt"
  ((rc == 0)) || status=1
}

: >"$OUT/summary.txt"
run_as officer "${EPW_SCHEMATHESIS_OFFICER:-duk-dntp.officer}"
# Schemathesis feeds ids from answers into later requests, the administrator's own (GET
# /admin/users) too. A password reset or second-factor reset of an account ends its sessions: with
# its own id, every later request of the administrator's run would answer 401 and test nothing. So
# those two operations run last, on their own, with the same token.
ACCOUNT_RESETS='^/admin/users/\{id\}/(password|second-factor/reset)$'
run_as admin "${EPW_SCHEMATHESIS_ADMIN:-admin}" --exclude-path-regex "$ACCOUNT_RESETS"
run_as admin-resets "${EPW_SCHEMATHESIS_ADMIN:-admin}" --include-path-regex "$ACCOUNT_RESETS"
if grep -qE '"status": ?5[0-9][0-9]|HTTP/1.1 5[0-9][0-9]' "$LOG_DIR/schemathesis-api.log"; then
  info "(5xx answers logged in $LOG_DIR/schemathesis-api.log)"
fi
step "schemathesis finished in $((SECONDS - t0)) s: $( ((status == 0)) && echo passed || echo FAILED)"
cat "$OUT/summary.txt"
exit "$status"
