#!/usr/bin/env bash
# The whole system with demo data: installs what is missing, starts PostgreSQL, Redis and the
# Temporal dev server, migrates, seeds, builds the production build into dist/ if its sources
# changed (`npm run build`: the compiled API and worker, the workflow bundle, the web app), then runs
# the compiled worker and API (which serves the web app at /app/) with NODE_ENV=production.
# Safe to run again: it rebuilds what changed and restarts the API and the worker on it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
((node_major >= 20)) || fail "Node.js 20 or newer is needed (found: $(node -v 2>/dev/null || echo none))"
step "Node.js $(node -v)"

ensure_node_modules
bash "$ROOT/scripts/services.sh" up
ensure_prisma_client
migrate_database "$DATABASE_URL"
step "seeding the demo cluster (idempotent)"
(cd "$ROOT" && node -r @swc-node/register prisma/seed.ts)

if [[ -z "${JWT_SECRET:-}" ]]; then
  if [[ ! -s "$DATA_DIR/jwt-secret" ]]; then
    step "generating a JWT signing secret in $DATA_DIR/jwt-secret"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' >"$DATA_DIR/jwt-secret")
  fi
  JWT_SECRET=$(cat "$DATA_DIR/jwt-secret")
fi
if [[ -z "${TEMPORAL_PAYLOAD_KEY:-}" ]]; then
  if [[ ! -s "$DATA_DIR/temporal-payload-key" ]]; then
    step "generating the Temporal payload encryption key in $DATA_DIR/temporal-payload-key"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >"$DATA_DIR/temporal-payload-key")
  fi
  TEMPORAL_PAYLOAD_KEY=$(cat "$DATA_DIR/temporal-payload-key")
  TEMPORAL_PAYLOAD_KEY_ID="${TEMPORAL_PAYLOAD_KEY_ID:-local-1}"
fi
export TEMPORAL_PAYLOAD_KEY TEMPORAL_PAYLOAD_KEY_ID="${TEMPORAL_PAYLOAD_KEY_ID:-k1}"
if [[ -z "${MFA_ENCRYPTION_KEY:-}" ]]; then
  if [[ ! -s "$DATA_DIR/mfa-encryption-key" ]]; then
    step "generating the key of the second-factor secrets in $DATA_DIR/mfa-encryption-key"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >"$DATA_DIR/mfa-encryption-key")
  fi
  MFA_ENCRYPTION_KEY=$(cat "$DATA_DIR/mfa-encryption-key")
fi
# The demo accounts' passwords are published: they are urged to enrol a second factor (enrol), not
# locked out of the demo (required, the production default). See docs/durability-and-security.md.
export MFA_ENCRYPTION_KEY MFA_ENFORCEMENT="${MFA_ENFORCEMENT:-enrol}"
export JWT_SECRET NODE_ENV="${NODE_ENV:-production}" LOG_LEVEL="${LOG_LEVEL:-info}"
if [[ -z "${DOCUMENT_SIGNING_P12_PATH:-}" ]]; then
  [[ -s "$DATA_DIR/pki/document-signing.p12" ]] ||
    step "generating the development document-signing certificate (local CA) in $DATA_DIR/pki"
  DOCUMENT_SIGNING_P12_PATH=$(cd "$ROOT" && node -r @swc-node/register scripts/document-pki.ts "$DATA_DIR/pki")
  DOCUMENT_SIGNING_P12_PASSWORD=$(cat "$DATA_DIR/pki/document-signing.password")
fi
export DOCUMENT_SIGNING_P12_PATH DOCUMENT_SIGNING_P12_PASSWORD="${DOCUMENT_SIGNING_P12_PASSWORD:-}"
# Personal certificates of this CA may add their signatures to signed copies (demo: the local CA).
[[ -n "${PERSONAL_SIGNATURE_CA_PATH:-}" || ! -s "$DATA_DIR/pki/ca.pem" ]] ||
  export PERSONAL_SIGNATURE_CA_PATH="$DATA_DIR/pki/ca.pem"
export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://127.0.0.1:$TEMPORAL_UI_PORT}"
# The worker loads this prebuilt bundle (NODE_ENV=production) instead of bundling at start.
export WORKFLOW_BUNDLE_PATH="${WORKFLOW_BUNDLE_PATH:-$ROOT/dist/workflows/workflow-bundle.js}"

ensure_build

# stop_app <name>: stops our own instance (from its pid file), gracefully.
stop_app() {
  local name=$1 pidfile="$RUN_DIR/$1.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    step "stopping the running $name (pid $(cat "$pidfile")) to restart it on the current code"
    kill "$(cat "$pidfile")"
    wait_for "$name to stop" 30 bash -c "! kill -0 $(cat "$pidfile") 2>/dev/null"
  fi
  rm -f "$pidfile"
}

# start_app <name> <node arguments...>: starts a Node app in the background with its log and pid
# file.
start_app() {
  local name=$1
  shift
  stop_app "$name"
  step "starting $name (node $*)"
  # `cd; cmd &` (not `cd && cmd &`): only node is backgrounded, so $! is node's own pid.
  (
    cd "$ROOT" || exit 1
    nohup node "$@" >"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  )
}

if port_open 1025; then
  step "SMTP sink already listening on :1025"
else
  start_app smtp-sink -r @swc-node/register scripts/smtp-sink.ts
  wait_for "the SMTP sink on :1025" 30 port_open 1025
fi
start_app worker --enable-source-maps dist/apps/worker/main.js
wait_for "the worker to poll Temporal (see $LOG_DIR/worker.log)" 120 grep -q "Temporal worker polling" "$LOG_DIR/worker.log"
stop_app api
if port_open "$API_PORT"; then
  fail "port $API_PORT is used by another process (not started by this project); stop it or set API_PORT"
fi
start_app api --enable-source-maps dist/apps/api/main.js
wait_for "the API's /health (see $LOG_DIR/api.log)" 120 curl -sf "http://127.0.0.1:$API_PORT/health"
kill -0 "$(cat "$RUN_DIR/api.pid")" 2>/dev/null || { tail -20 "$LOG_DIR/api.log"; fail "the API exited; see $LOG_DIR/api.log"; }
step "demo nominations for every approval role (idempotent)"
(cd "$ROOT" && API_PORT="$API_PORT" node -r @swc-node/register scripts/demo-commendation.ts) ||
  fail "the demo nominations could not be created; see $LOG_DIR/api.log and $LOG_DIR/worker.log"

cat <<EOF2

$(printf '\033[1;32m')The emulation-pledge system is running$(printf '\033[0m') (started in $((SECONDS - t0)) s)

  Web app              http://localhost:$API_PORT/app/
  API + OpenAPI docs   http://127.0.0.1:$API_PORT/docs
  Health               http://127.0.0.1:$API_PORT/health
  Temporal Web UI      http://127.0.0.1:$TEMPORAL_UI_PORT
  Queues dashboard     http://127.0.0.1:$API_PORT/admin/queues (admin / demo-2026, HTTP Basic)
  E-mail (SMTP sink)   127.0.0.1:1025, messages kept in $DATA_DIR/mail/
  Logs                 $LOG_DIR/{api,worker,temporal,redis,smtp-sink}.log
  Running              the build in dist/ (npm run build), NODE_ENV=$NODE_ENV

  Demo accounts (password: demo-2026)
    admin                     administrator
    duk-dntp.signer           cluster head's signer (Đảng ủy Khối Doanh nghiệp Thành phố, cụm trưởng)
    duk-nnptnt.signer         a member unit's signer; every unit has <code>.signer and <code>.officer
    reviewer, council, authority   appraisal, council and leader of the city People's Committee
    hdtd-cum01.lanhdao        decides titles (4 nominations await a decision)
    bdv-tw.hd1 … hd5          council members with a secret ballot open
    duk-dntp.admin            organisation administrator of the bloc Đảng ủy Khối Doanh nghiệp Thành phố (its subtree)
    qu-q3.admin, qu-q3.officer   administrator and office officer of the district Quận ủy Quận 3

  Try it: open http://localhost:$API_PORT/app/ and sign in as duk-nnptnt.signer; or in /docs,
  POST /auth/login as duk-dntp.signer, Authorize, GET /cycles, then
  POST /cycles/{cycleId}/signing-round {"deadline":"$(date +%Y)-12-15"}.
  Stop with: npm stop
EOF2
