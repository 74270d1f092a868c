#!/usr/bin/env bash
# The scale-out profile (`npm run start:scale`, `npm run stop:scale`): the production topology on
# this machine, from the compiled build in dist/ (`npm run build`):
#
#   HAProxy :3080 (web app at /app/, API; health checks on /health; stats :3089)
#     ├─ API replica api-1 :3081 ─┐
#     └─ API replica api-2 :3082 ─┼─ Temporal server :7330 (PostgreSQL persistence, 4 history
#   worker-1, worker-2 ───────────┘   shards, databases temporal_scale and temporal_scale_visibility)
#   PostgreSQL :5432 (database epw_scale), Redis :6379 (db 12, queue prefix "scale")
#
# The Temporal server is built from its Go module like the CLI (bench/temporal-postgres.sh; cached
# in ~/.cache/emulation-pledge). The databases are kept between runs (same demo data, seeded
# idempotently); PostgreSQL and Redis are the machine's (scripts/services.sh). Nothing here touches
# the `npm start` system (:3000, :7233, database epw).
#
# Usage: scripts/scale-out.sh [up|down|status|restart <api-1|api-2|worker-1|worker-2>|prepare|env]
#   prepare   installs HAProxy and builds the Temporal server (what `up` needs besides dist/), nothing else
#   env       prints the exports that reach the instance from outside (browser tests: docs/production.md)
# Environment (defaults for `npm run start:scale`; test/chaos/replica-kill.int-spec.ts runs an
# instance of its own with other values):
#   EPW_SCALE_NAME=scale            instance name: .data/<name>/, databases epw_<name>, temporal_<name>
#   EPW_SCALE_PORT=3080             the balancer; API replicas on +1 and +2, HAProxy stats on +9
#   EPW_SCALE_TEMPORAL_PORT=7330    Temporal frontend gRPC (history +1, matching +2, worker +6,
#                                   membership -300…-294, frontend HTTP +10, metrics +2000;
#                                   worker-N's /metrics +2000+2N-1, its Temporal SDK exporter +2000+2N)
#   EPW_SCALE_REDIS_DB=12           Redis database index (the shared Redis)
#   EPW_SCALE_DEMO=1                seed the demo data and the demo nominations (0: schema only)
#   EPW_SCALE_FRESH=0               1: drop the instance's databases and Redis db first
#   EPW_SCALE_TEMPORAL=server       `dev`: the Temporal dev server (SQLite) instead of the server on
#                                   PostgreSQL, for a machine without the Go build (not the default)
#   EPW_SCALE_POOL_SIZE=6           database connections per API or worker process
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/bench/temporal-postgres.sh"

SCALE_NAME="${EPW_SCALE_NAME:-scale}"
[[ "$SCALE_NAME" =~ ^[a-z][a-z0-9_]{0,30}$ ]] || fail "EPW_SCALE_NAME must be a-z, 0-9 and _ (got $SCALE_NAME)"
SCALE_DIR="$DATA_DIR/$SCALE_NAME"
SCALE_LOGS="$SCALE_DIR/logs"
SCALE_RUN="$SCALE_DIR/run"
LB_PORT="${EPW_SCALE_PORT:-3080}"
STATS_PORT=$((LB_PORT + 9))
SCALE_TEMPORAL_PORT="${EPW_SCALE_TEMPORAL_PORT:-7330}"
SCALE_REDIS_DB="${EPW_SCALE_REDIS_DB:-12}"
SCALE_TEMPORAL="${EPW_SCALE_TEMPORAL:-server}"
APP_DB="epw_$SCALE_NAME"
mkdir -p "$SCALE_LOGS" "$SCALE_RUN"

# bench/temporal-postgres.sh's parameters, for this instance.
TEMPORAL_PG_DB="temporal_$SCALE_NAME"
TEMPORAL_PG_LOG_DIR="$SCALE_LOGS"
TEMPORAL_PG_PORT="$SCALE_TEMPORAL_PORT"
TEMPORAL_PG_METRICS_PORT=$((SCALE_TEMPORAL_PORT + 2000))
# The shared PostgreSQL allows 100 connections: the whole profile stays under 40.
TEMPORAL_PG_MAX_CONNS=10 TEMPORAL_PG_VISIBILITY_CONNS=2

api_port() { echo $((LB_PORT + ${1#api-})); }
temporal_cli() { echo "${TEMPORAL_BIN:-$(command -v temporal || echo "$CACHE_DIR/temporal-$TEMPORAL_VERSION")}"; }
psql_epw() { PGPASSWORD=$EPW_DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$EPW_DB_USER" -qtAX -v ON_ERROR_STOP=1 "$@"; }

# ── processes: each with its pid in run/<name>.pid and its output in logs/<name>.log ──────────────

running() { [[ -f "$SCALE_RUN/$1.pid" ]] && kill -0 "$(cat "$SCALE_RUN/$1.pid")" 2>/dev/null; }

# start_proc <name> <command...>: in the background, past the end of this script; the previous log
# is kept as <name>.log.1 (after a kill -9, that is where the killed process's last lines are).
start_proc() {
  local name=$1
  shift
  [[ ! -f "$SCALE_LOGS/$name.log" ]] || mv -f "$SCALE_LOGS/$name.log" "$SCALE_LOGS/$name.log.1"
  (
    cd "$ROOT" || exit 1
    nohup "$@" >"$SCALE_LOGS/$name.log" 2>&1 &
    echo $! >"$SCALE_RUN/$name.pid"
  )
}

# stop_proc <name>: SIGTERM (graceful: the worker finishes its tasks, the API its requests), SIGKILL
# after 30 s. Only the pid this profile recorded is signalled.
stop_proc() {
  local name=$1 pid
  if running "$name"; then
    pid=$(cat "$SCALE_RUN/$name.pid")
    step "stopping $name (pid $pid)"
    kill "$pid"
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { info "$name did not stop in 30 s: SIGKILL"; kill -9 "$pid"; }
  fi
  rm -f "$SCALE_RUN/$name.pid"
}

# ── configuration shared by the four app processes ─────────────────────────────────────────────

app_env() {
  local secrets="$SCALE_DIR/secrets"
  export NODE_ENV=production LOG_LEVEL="${LOG_LEVEL:-info}"
  export DATABASE_URL="postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$APP_DB"
  export DATABASE_POOL_SIZE="${EPW_SCALE_POOL_SIZE:-6}"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$SCALE_REDIS_DB" QUEUE_PREFIX="${SCALE_NAME//_/-}"
  export TEMPORAL_ADDRESS="127.0.0.1:$SCALE_TEMPORAL_PORT" TEMPORAL_NAMESPACE=default
  export TEMPORAL_TASK_QUEUE="${TEMPORAL_TASK_QUEUE:-emulation}"
  # The server has no Web UI of its own (the Temporal UI is a separate program, not built here).
  export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://127.0.0.1:$((SCALE_TEMPORAL_PORT + 10))}"
  JWT_SECRET="${JWT_SECRET:-$(ensure_secret_file "$secrets/jwt-secret" 48 base64url)}"
  TEMPORAL_PAYLOAD_KEY="${TEMPORAL_PAYLOAD_KEY:-$(ensure_secret_file "$secrets/temporal-payload-key" 32 base64)}"
  MFA_ENCRYPTION_KEY="${MFA_ENCRYPTION_KEY:-$(ensure_secret_file "$secrets/mfa-encryption-key" 32 base64)}"
  export JWT_SECRET TEMPORAL_PAYLOAD_KEY TEMPORAL_PAYLOAD_KEY_ID="${TEMPORAL_PAYLOAD_KEY_ID:-$SCALE_NAME-1}"
  export MFA_ENCRYPTION_KEY MFA_ENFORCEMENT="${MFA_ENFORCEMENT:-enrol}"
  # HAProxy adds X-Forwarded-For: the login throttle counts the client, not the balancer.
  export TRUST_PROXY_HOPS=1
  export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$LB_PORT}"
  export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-$PUBLIC_URL}"
  export WORKFLOW_BUNDLE_PATH="$ROOT/dist/workflows/workflow-bundle.js"
  if [[ -z "${DOCUMENT_SIGNING_P12_PATH:-}" ]]; then
    # One seal for both replicas (each would otherwise make a throwaway CA of its own).
    DOCUMENT_SIGNING_P12_PATH=$(cd "$ROOT" && node -r @swc-node/register scripts/document-pki.ts "$SCALE_DIR/pki")
    DOCUMENT_SIGNING_P12_PASSWORD=$(cat "$SCALE_DIR/pki/document-signing.password")
  fi
  export DOCUMENT_SIGNING_P12_PATH DOCUMENT_SIGNING_P12_PASSWORD="${DOCUMENT_SIGNING_P12_PASSWORD:-}"
  [[ -n "${PERSONAL_SIGNATURE_CA_PATH:-}" || ! -s "$SCALE_DIR/pki/ca.pem" ]] ||
    export PERSONAL_SIGNATURE_CA_PATH="$SCALE_DIR/pki/ca.pem"
  if [[ -z "${SMTP_URL:-}" ]]; then
    # The machine's SMTP sink when `npm start` runs one; otherwise a closed port (deliveries are
    # retried, then dead-lettered: see /admin/queues).
    if port_open 1025; then export SMTP_URL=smtp://127.0.0.1:1025; else export SMTP_URL=smtp://127.0.0.1:9; fi
  fi
}

start_api() {
  local name=$1 port
  port=$(api_port "$name")
  port_open "$port" && ! running "$name" && fail "port $port ($name) is in use by a process this profile did not start"
  stop_proc "$name"
  step "starting $name on :$port (node dist/apps/api/main.js)"
  API_HOST=127.0.0.1 API_PORT=$port start_proc "$name" node --enable-source-maps dist/apps/api/main.js
}

start_worker() {
  local n=${1#worker-} metrics
  stop_proc "$1"
  # Each worker's /metrics and its Temporal SDK exporter on ports of its own (two share a host).
  metrics=$((TEMPORAL_PG_METRICS_PORT + 2 * n - 1))
  step "starting $1 (node dist/apps/worker/main.js; metrics :$metrics)"
  WORKER_METRICS_PORT=$metrics TEMPORAL_METRICS_PORT=$((metrics + 1)) \
    start_proc "$1" node --enable-source-maps dist/apps/worker/main.js
}

wait_api() {
  local port
  port=$(api_port "$1")
  wait_for "$1's /health (see $SCALE_LOGS/$1.log)" 120 curl -sf "http://127.0.0.1:$port/health"
}

wait_worker() {
  wait_for "$1 to poll Temporal (see $SCALE_LOGS/$1.log)" 120 grep -q "Temporal worker polling" "$SCALE_LOGS/$1.log"
}

# ── Temporal ───────────────────────────────────────────────────────────────────────────────────

start_temporal() {
  local cli
  cli=$(temporal_cli)
  if running temporal; then
    step "Temporal already running (pid $(cat "$SCALE_RUN/temporal.pid"))"
  elif [[ "$SCALE_TEMPORAL" == dev ]]; then
    step "Temporal dev server on :$SCALE_TEMPORAL_PORT (EPW_SCALE_TEMPORAL=dev: SQLite file, not the server on PostgreSQL)"
    start_proc temporal "$cli" server start-dev --ip 127.0.0.1 --port "$SCALE_TEMPORAL_PORT" \
      --headless --metrics-port "$TEMPORAL_PG_METRICS_PORT" --db-filename "$SCALE_DIR/temporal-dev.db" \
      --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL --sqlite-pragma busy_timeout=5000 \
      --namespace default --log-level warn
  else
    ensure_temporal_schema "$TEMPORAL_PG_DB"
    rm -rf "$SCALE_DIR/temporal" && write_temporal_config "$SCALE_DIR/temporal"
    step "Temporal server $TEMPORAL_SERVER_VERSION on :$SCALE_TEMPORAL_PORT (PostgreSQL $TEMPORAL_PG_DB, ${TEMPORAL_PG_SHARDS:-4} history shards, metrics :$TEMPORAL_PG_METRICS_PORT)"
    start_proc temporal "$CACHE_DIR/temporal-server-$TEMPORAL_SERVER_VERSION" --root "$SCALE_DIR/temporal" \
      --config config --env development --allow-no-auth start
  fi
  wait_for "Temporal frontend to report SERVING (see $SCALE_LOGS/temporal.log)" 120 \
    "$cli" operator cluster health --address "127.0.0.1:$SCALE_TEMPORAL_PORT"
  if ! "$cli" operator namespace describe --address "127.0.0.1:$SCALE_TEMPORAL_PORT" -n default >/dev/null 2>&1; then
    step "registering the Temporal namespace default (retention 7 days)"
    "$cli" operator namespace create -n default --retention 7d --address "127.0.0.1:$SCALE_TEMPORAL_PORT" >/dev/null
  fi
  wait_for "Temporal namespace default" 60 \
    "$cli" operator namespace describe --address "127.0.0.1:$SCALE_TEMPORAL_PORT" -n default
}

# ── HAProxy ────────────────────────────────────────────────────────────────────────────────────

ensure_haproxy() {
  command -v haproxy >/dev/null || apt_install haproxy
}

# The loopback variant of deploy/haproxy.cfg (no TLS here): round robin over the replicas, /health
# checked every second (down after 2 failures, so a killed replica leaves within about 2 s), and
# retries: a request whose connection failed goes to the other replica; one whose replica died
# before answering is sent again only if it is idempotent (GET, HEAD, OPTIONS, PUT, DELETE) or
# carries an Idempotency-Key, which the API honours (the same key never acts twice).
write_haproxy_config() {
  cat >"$SCALE_DIR/haproxy.cfg" <<EOF
global
  log stdout format raw local0 info
  maxconn 2000
  # A retried request must fit in one buffer: dossiers are sent as base64 JSON.
  tune.bufsize 262144

defaults
  mode http
  log global
  option httplog
  option dontlognull
  timeout connect 2s
  timeout client 120s
  # An action waits for its Workflow Update (a worker that died mid-task is replaced within ~10 s).
  timeout server 120s
  timeout http-request 15s
  timeout http-keep-alive 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response

frontend web
  bind 127.0.0.1:$LB_PORT
  option forwardfor
  default_backend api

backend api
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 maxconn 200
  acl idempotent_method method GET HEAD OPTIONS PUT DELETE
  acl has_idempotency_key req.hdr(idempotency-key) -m found
  http-request disable-l7-retry unless idempotent_method or has_idempotency_key
  server api-1 127.0.0.1:$(api_port api-1) check
  server api-2 127.0.0.1:$(api_port api-2) check

frontend stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /
  stats refresh 5s
EOF
  haproxy -c -q -f "$SCALE_DIR/haproxy.cfg" || fail "haproxy -c rejected $SCALE_DIR/haproxy.cfg"
}

# replicas_up <n>: HAProxy's health checks see <n> API replicas UP.
replicas_up() {
  [[ "$(curl -sf "http://127.0.0.1:$STATS_PORT/;csv" | awk -F, '$1 == "api" && $2 ~ /^api-/ && $18 == "UP"' | grep -c .)" == "$1" ]]
}

start_haproxy() {
  write_haproxy_config
  stop_proc haproxy
  port_open "$LB_PORT" && fail "port $LB_PORT is in use by a process this profile did not start (set EPW_SCALE_PORT)"
  step "starting HAProxy on :$LB_PORT (→ api-1 :$(api_port api-1), api-2 :$(api_port api-2); stats :$STATS_PORT)"
  start_proc haproxy haproxy -db -f "$SCALE_DIR/haproxy.cfg"
  wait_for "HAProxy on :$LB_PORT" 30 port_open "$LB_PORT"
  wait_for "both API replicas UP in HAProxy" 60 replicas_up 2
}

# ── commands ───────────────────────────────────────────────────────────────────────────────────

# What `up` needs beyond Node and the build: HAProxy and the Temporal server binary (scripts/test.sh
# runs this before jest, so that a first build of the server happens outside a test's timeout).
prepare() {
  ensure_haproxy
  if [[ "$SCALE_TEMPORAL" != dev ]]; then build_temporal_server; fi
}

fresh_state() {
  step "fresh instance: dropping $APP_DB, $TEMPORAL_PG_DB(_visibility) and flushing Redis db $SCALE_REDIS_DB"
  local db
  for db in "$APP_DB" "$TEMPORAL_PG_DB" "${TEMPORAL_PG_DB}_visibility"; do
    psql_epw -d postgres -c "drop database if exists $db with (force)" >/dev/null
  done
  redis-cli -p "$REDIS_PORT" -n "$SCALE_REDIS_DB" flushdb >/dev/null
  rm -f "$SCALE_DIR/temporal-dev.db"*
}

up() {
  local t0=$SECONDS
  for name in api-1 api-2 worker-1 worker-2 haproxy temporal; do
    running "$name" && fail "the $SCALE_NAME profile is running ($name): npm run stop:scale first (or scripts/scale-out.sh restart <name>)"
  done
  # A start that fails half-way stops what it started (its logs stay in logs/).
  trap 'status=$?; ((status == 0)) || { echo "the start failed: stopping what it started" >&2; down; }' EXIT
  prepare
  ensure_node_modules
  ensure_build
  bash "$ROOT/scripts/services.sh" up
  [[ "${EPW_SCALE_FRESH:-0}" != 1 ]] || fresh_state
  bash "$ROOT/scripts/services.sh" ensure-db "$APP_DB" | tail -1
  app_env
  migrate_database "$DATABASE_URL"
  if [[ "${EPW_SCALE_DEMO:-1}" == 1 ]]; then
    step "seeding the demo data into $APP_DB (idempotent)"
    (cd "$ROOT" && node -r @swc-node/register prisma/seed.ts)
  fi
  start_temporal
  # Two of each, started together (two cores boot them faster side by side).
  start_worker worker-1
  start_worker worker-2
  start_api api-1
  start_api api-2
  wait_worker worker-1
  wait_worker worker-2
  wait_api api-1
  wait_api api-2
  start_haproxy
  if [[ "${EPW_SCALE_DEMO:-1}" == 1 ]]; then
    step "demo nominations for every approval role, through the balancer (idempotent)"
    (cd "$ROOT" && DEMO_API_URL="http://127.0.0.1:$LB_PORT" node -r @swc-node/register scripts/demo-commendation.ts) ||
      fail "the demo nominations could not be created; see $SCALE_LOGS/"
  fi
  cat <<EOF

$(printf '\033[1;32m')The scale-out profile "$SCALE_NAME" is running$(printf '\033[0m') (started in $((SECONDS - t0)) s)

  Web app (via HAProxy)  http://localhost:$LB_PORT/app/
  API + OpenAPI docs     http://127.0.0.1:$LB_PORT/docs
  HAProxy stats          http://127.0.0.1:$STATS_PORT/
  API replicas           api-1 :$(api_port api-1), api-2 :$(api_port api-2)   workers: worker-1, worker-2
  Temporal               127.0.0.1:$SCALE_TEMPORAL_PORT ($([[ $SCALE_TEMPORAL == dev ]] && echo "dev server, SQLite" || echo "server $TEMPORAL_SERVER_VERSION on PostgreSQL $TEMPORAL_PG_DB")), metrics http://127.0.0.1:$TEMPORAL_PG_METRICS_PORT/metrics
  Data                   PostgreSQL $APP_DB, Redis db $SCALE_REDIS_DB (prefix $QUEUE_PREFIX)
  Logs, pids             ${SCALE_LOGS#"$ROOT"/}/, ${SCALE_RUN#"$ROOT"/}/
  Accounts               as for npm start (password demo-2026; see README)

  Kill a replica:  kill -9 \$(cat ${SCALE_RUN#"$ROOT"/}/api-1.pid); restart it: scripts/scale-out.sh restart api-1
  Status: scripts/scale-out.sh status      Stop: npm run stop:scale
EOF
}

down() {
  for name in haproxy api-1 api-2 worker-1 worker-2 temporal; do stop_proc "$name"; done
  step "the $SCALE_NAME profile is stopped (its databases are kept; EPW_SCALE_FRESH=1 starts afresh)"
}

status() {
  local name
  for name in temporal worker-1 worker-2 api-1 api-2 haproxy; do
    if running "$name"; then info "up    $name (pid $(cat "$SCALE_RUN/$name.pid"))"; else info "down  $name"; fi
  done
  if port_open "$STATS_PORT"; then
    curl -sf "http://127.0.0.1:$STATS_PORT/;csv" | awk -F, '$1 == "api" && $2 ~ /^api-/ {printf "    HAProxy: %s %s\n", $2, $18}'
  fi
}

restart() {
  local name=${1:-}
  app_env
  case "$name" in
    api-1 | api-2) start_api "$name" && wait_api "$name" ;;
    worker-1 | worker-2) start_worker "$name" && wait_worker "$name" ;;
    *) fail "restart takes api-1, api-2, worker-1 or worker-2" ;;
  esac
}

# Prints the exports that reach this instance from outside (the browser tests: EPW_E2E_BASE_URL
# makes scripts/test-e2e.sh drive it through the balancer): eval "$(scripts/scale-out.sh env)".
print_env() {
  app_env >/dev/null
  local v
  printf 'export EPW_E2E_BASE_URL=%q\n' "http://127.0.0.1:$LB_PORT"
  printf 'export TEST_DATABASE_URL=%q\n' "$DATABASE_URL"
  for v in DATABASE_URL TEMPORAL_ADDRESS TEMPORAL_NAMESPACE TEMPORAL_TASK_QUEUE TEMPORAL_PAYLOAD_KEY \
    TEMPORAL_PAYLOAD_KEY_ID JWT_SECRET MFA_ENCRYPTION_KEY QUEUE_PREFIX; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
  # The CA the replicas trust for personal signatures: the browser tests issue from it.
  [[ ! -s "$SCALE_DIR/pki/ca.key.pem" ]] ||
    printf 'export EPW_E2E_PERSONAL_CA_DIR=%q\n' "$SCALE_DIR/pki"
}

case "${1:-up}" in
  up) up ;;
  env) print_env ;;
  down) down ;;
  status) status ;;
  restart) restart "${2:-}" ;;
  prepare) prepare ;;
  *) fail "usage: scripts/scale-out.sh [up|down|status|restart <name>|prepare|env]" ;;
esac
