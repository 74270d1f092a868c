#!/usr/bin/env bash
# Starts (installing when missing) PostgreSQL 15, Redis 7 and the Temporal dev server.
# Usage: scripts/services.sh [up|down|status]   (default: up)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

psql_admin() { su postgres -c "psql -h /var/run/postgresql -v ON_ERROR_STOP=1 -qtAX -p $PGPORT $*"; }

postgres_up() {
  if [[ -z "$(pg_bin)" ]]; then
    apt_install postgresql
  fi
  if port_open "$PGPORT"; then
    step "PostgreSQL already listening on :$PGPORT"
  else
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | sort -V | tail -1)
    if [[ -z "$cluster" ]]; then
      local ver; ver=$(basename "$(dirname "$(pg_bin)")")
      step "creating PostgreSQL cluster $ver main"
      pg_createcluster "$ver" main >/dev/null
      cluster="$ver main"
    fi
    step "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster --skip-systemctl-redirect $cluster start
    wait_for "PostgreSQL on :$PGPORT" 60 port_open "$PGPORT"
  fi
  wait_for "PostgreSQL to accept connections" 60 psql_admin "-c 'select 1'"
  if [[ "$(psql_admin "-c \"select 1 from pg_roles where rolname='$EPW_DB_USER'\"")" != "1" ]]; then
    step "creating database role $EPW_DB_USER"
    psql_admin "-c \"create role $EPW_DB_USER login createdb password '$EPW_DB_PASSWORD'\""
  fi
  ensure_database "$EPW_DB_NAME"
}

ensure_database() {
  if [[ "$(psql_admin "-c \"select 1 from pg_database where datname='$1'\"")" != "1" ]]; then
    step "creating database $1"
    psql_admin "-c \"create database $1 owner $EPW_DB_USER\""
  else
    step "database $1 exists"
  fi
}

redis_up() {
  command -v redis-server >/dev/null || apt_install redis-server
  if port_open "$REDIS_PORT"; then
    step "Redis already listening on :$REDIS_PORT"
  else
    mkdir -p "$DATA_DIR/redis"
    step "starting Redis on :$REDIS_PORT (noeviction, AOF in $DATA_DIR/redis)"
    redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 \
      --dir "$DATA_DIR/redis" --appendonly "${REDIS_AOF:-yes}" --appendfsync everysec \
      --maxmemory-policy noeviction --save "" \
      --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log"
    wait_for "Redis on :$REDIS_PORT" 30 redis-cli -p "$REDIS_PORT" ping
  fi
  # BullMQ loses jobs under any eviction policy: insist on noeviction even for a Redis we did not start.
  redis-cli -p "$REDIS_PORT" config set maxmemory-policy noeviction >/dev/null
}

temporal_bin() {
  local cached="$CACHE_DIR/temporal-$TEMPORAL_VERSION"
  if [[ -n "${TEMPORAL_BIN:-}" ]]; then echo "$TEMPORAL_BIN"; return; fi
  if command -v temporal >/dev/null; then command -v temporal; return; fi
  if [[ -x "$cached" ]]; then echo "$cached"; return; fi
  echo ""
}

ensure_temporal_cli() {
  local bin; bin=$(temporal_bin)
  if [[ -n "$bin" ]]; then step "Temporal CLI: $bin"; TEMPORAL_CLI="$bin"; return; fi
  local cached="$CACHE_DIR/temporal-$TEMPORAL_VERSION"
  command -v go >/dev/null || apt_install golang-go
  step "building the Temporal CLI $TEMPORAL_VERSION from its Go module (several minutes the first time; cached in $cached)"
  local gobin; gobin=$(mktemp -d)
  GOBIN="$gobin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION" >"$LOG_DIR/temporal-build.log" 2>&1 ||
    { tail -20 "$LOG_DIR/temporal-build.log"; fail "go install of the Temporal CLI failed"; }
  mv "$gobin/temporal" "$cached"
  rmdir "$gobin"
  TEMPORAL_CLI="$cached"
}

temporal_up() {
  ensure_temporal_cli
  if port_open "$TEMPORAL_PORT"; then
    step "Temporal already listening on :$TEMPORAL_PORT"
  else
    mkdir -p "$DATA_DIR/temporal"
    step "starting Temporal dev server on :$TEMPORAL_PORT, Web UI on :$TEMPORAL_UI_PORT (SQLite file $DATA_DIR/temporal/temporal.db)"
    # The Web UI shows workflow histories and has no login: this machine only (--ui-ip), like the
    # frontend. Payloads are encrypted (TEMPORAL_PAYLOAD_KEY), so it shows ciphertext anyway.
    nohup "$TEMPORAL_CLI" server start-dev \
      --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-ip 127.0.0.1 --ui-port "$TEMPORAL_UI_PORT" \
      --db-filename "$DATA_DIR/temporal/temporal.db" \
      --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL \
      --sqlite-pragma busy_timeout=5000 \
      --namespace "$TEMPORAL_NAMESPACE" --log-level warn \
      >"$LOG_DIR/temporal.log" 2>&1 &
    echo $! >"$RUN_DIR/temporal.pid"
  fi
  wait_for "Temporal frontend to report SERVING" 90 \
    "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS"
  wait_for "Temporal namespace $TEMPORAL_NAMESPACE" 60 \
    "$TEMPORAL_CLI" operator namespace describe --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE"
}

services_down() {
  if [[ -f "$RUN_DIR/temporal.pid" ]] && kill "$(cat "$RUN_DIR/temporal.pid")" 2>/dev/null; then
    step "stopped Temporal dev server"
  fi
  rm -f "$RUN_DIR/temporal.pid"
  if [[ -f "$RUN_DIR/redis.pid" ]]; then
    redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 && step "stopped Redis"
  fi
  info "PostgreSQL is the machine's cluster and keeps running (pg_ctlcluster ... stop to stop it)."
}

# ensure_max_connections <n>: PostgreSQL's max_connections at least n (ALTER SYSTEM, then a restart of
# the cluster, only when it is lower). The scale-out profile's pools (DATABASE_POOL_SIZE × API replicas
# and workers, Temporal's maxConns, the bench's own clients) outgrow Debian's default of 100.
ensure_max_connections() {
  local have
  have=$(psql_admin "-c 'show max_connections'")
  if ((have >= $1)); then
    step "PostgreSQL max_connections $have (at least $1)"
    return
  fi
  step "PostgreSQL max_connections $have → $1 (restarting the cluster)"
  psql_admin "-c 'alter system set max_connections = $1'"
  local cluster
  cluster=$(pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | sort -V | tail -1)
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster restart
  wait_for "PostgreSQL to accept connections" 60 psql_admin "-c 'select 1'"
}

services_status() {
  for s in "PostgreSQL:$PGPORT" "Redis:$REDIS_PORT" "Temporal:$TEMPORAL_PORT" "Temporal UI:$TEMPORAL_UI_PORT" "API:$API_PORT"; do
    if port_open "${s##*:}"; then info "up    ${s%%:*} :${s##*:}"; else info "down  ${s%%:*} :${s##*:}"; fi
  done
}

case "${1:-up}" in
  up) postgres_up; redis_up; temporal_up ;;
  down) services_down ;;
  status) services_status ;;
  ensure-db) shift; postgres_up; ensure_database "$1" ;;
  max-connections) shift; postgres_up; ensure_max_connections "$1" ;;
  *) fail "usage: scripts/services.sh [up|down|status|ensure-db <name>|max-connections <n>]" ;;
esac
