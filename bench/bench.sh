#!/usr/bin/env bash
# npm run bench [-- --quick] [-- --only start,action,...] [-- --temporal postgres]
#
# Benchmarks on services of their own, so tests and demos running on this machine are not disturbed:
# a Temporal dev server on :7243 (UI :8243, metrics :9243, SQLite file in .data/bench/), a Redis on
# :6390 (data in .data/bench/redis) and the database epw_bench on the shared PostgreSQL (dropped and
# migrated afresh each run). Everything started here is stopped on exit.
# `--temporal postgres` runs the same scenarios against the Temporal server with PostgreSQL
# persistence instead of the dev server (the scale-out profile: bench/temporal-postgres.sh).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/temporal-postgres.sh"

temporal_profile=dev
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --temporal) temporal_profile="${2:-}"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ "$temporal_profile" == dev || "$temporal_profile" == postgres ]] ||
  fail "--temporal takes dev (the dev server on a SQLite file, the default) or postgres (the Temporal server on PostgreSQL)"
set -- "${args[@]+"${args[@]}"}"

BENCH_DIR="$DATA_DIR/bench"
BENCH_DB="${EPW_BENCH_DB:-epw_bench}"
BENCH_TEMPORAL_PORT="${BENCH_TEMPORAL_PORT:-7243}"
BENCH_TEMPORAL_UI_PORT="${BENCH_TEMPORAL_UI_PORT:-8243}"
BENCH_TEMPORAL_METRICS_PORT="${BENCH_TEMPORAL_METRICS_PORT:-9243}"
BENCH_REDIS_PORT="${BENCH_REDIS_PORT:-6390}"
mkdir -p "$BENCH_DIR/redis" "$BENCH_DIR/logs"

temporal_pid=""
redis_started=""
cleanup() {
  local status=$?
  if [[ -n "$temporal_pid" ]] && kill "$temporal_pid" 2>/dev/null; then
    step "stopping the bench Temporal server (pid $temporal_pid)"
    wait "$temporal_pid" 2>/dev/null || true
  fi
  if [[ -n "$redis_started" ]]; then
    step "stopping the bench Redis on :$BENCH_REDIS_PORT"
    redis-cli -p "$BENCH_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in "$BENCH_TEMPORAL_PORT" "$BENCH_TEMPORAL_UI_PORT" "$BENCH_TEMPORAL_METRICS_PORT" "$BENCH_REDIS_PORT"; do
  port_open "$port" && fail "port $port is in use: another bench still running? (set BENCH_*_PORT to move)"
done

# The same lookup as scripts/services.sh: TEMPORAL_BIN, PATH, then the cached build.
temporal_cli="${TEMPORAL_BIN:-$(command -v temporal || true)}"
[[ -n "$temporal_cli" ]] || temporal_cli="$CACHE_DIR/temporal-$TEMPORAL_VERSION"
if [[ ! -x "$temporal_cli" ]]; then
  step "no Temporal CLI yet: building it through scripts/services.sh's recipe"
  command -v go >/dev/null || apt_install golang-go
  gobin=$(mktemp -d)
  GOBIN="$gobin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_VERSION" >"$BENCH_DIR/logs/temporal-build.log" 2>&1 ||
    { tail -20 "$BENCH_DIR/logs/temporal-build.log"; fail "go install of the Temporal CLI failed"; }
  mv "$gobin/temporal" "$CACHE_DIR/temporal-$TEMPORAL_VERSION" && rmdir "$gobin"
  temporal_cli="$CACHE_DIR/temporal-$TEMPORAL_VERSION"
fi

# fresh_database <name>: drops and recreates a database on the shared PostgreSQL (started if down).
fresh_database() {
  step "PostgreSQL: fresh database $1"
  bash "$ROOT/scripts/services.sh" ensure-db "$1" >/dev/null
  su postgres -c "psql -h /var/run/postgresql -p $PGPORT -qtAX -v ON_ERROR_STOP=1 -c 'drop database if exists $1 with (force)'"
  bash "$ROOT/scripts/services.sh" ensure-db "$1" | tail -1
}

fresh_database "$BENCH_DB"
BENCH_DATABASE_URL="postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$BENCH_DB"
[[ -d "$ROOT/libs/data-access/src/generated" ]] || ensure_prisma_client
migrate_database "$BENCH_DATABASE_URL"

step "Redis of its own on :$BENCH_REDIS_PORT (noeviction, AOF everysec like the product's)"
rm -rf "$BENCH_DIR/redis" && mkdir -p "$BENCH_DIR/redis"
redis-server --daemonize yes --port "$BENCH_REDIS_PORT" --bind 127.0.0.1 \
  --dir "$BENCH_DIR/redis" --appendonly yes --appendfsync everysec \
  --maxmemory-policy noeviction --save "" \
  --pidfile "$BENCH_DIR/redis.pid" --logfile "$BENCH_DIR/logs/redis.log"
redis_started=1
wait_for "Redis on :$BENCH_REDIS_PORT" 30 redis-cli -p "$BENCH_REDIS_PORT" ping
wait_for "Redis pid file" 10 test -s "$BENCH_DIR/redis.pid"

if [[ "$temporal_profile" == postgres ]]; then
  # Temporal's pools, the product's API and worker, the bench's own clients: more than 100 at 200
  # clusters (the 2026-12-05 year run failed on "too many database connections" at 100).
  bash "$ROOT/scripts/services.sh" max-connections 250 | tail -1
  start_temporal_postgres "$temporal_cli"
else
  step "Temporal dev server of its own on :$BENCH_TEMPORAL_PORT (UI :$BENCH_TEMPORAL_UI_PORT, fresh SQLite file, WAL)"
  rm -f "$BENCH_DIR"/temporal.db*
  "$temporal_cli" server start-dev \
    --ip 127.0.0.1 --port "$BENCH_TEMPORAL_PORT" --ui-port "$BENCH_TEMPORAL_UI_PORT" \
    --metrics-port "$BENCH_TEMPORAL_METRICS_PORT" \
    --db-filename "$BENCH_DIR/temporal.db" \
    --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL \
    --sqlite-pragma busy_timeout=5000 --log-level warn \
    >"$BENCH_DIR/logs/temporal.log" 2>&1 &
  temporal_pid=$!
  wait_for "Temporal frontend to report SERVING" 90 \
    "$temporal_cli" operator cluster health --address "127.0.0.1:$BENCH_TEMPORAL_PORT"
  wait_for "Temporal namespace default" 60 \
    "$temporal_cli" operator namespace describe --address "127.0.0.1:$BENCH_TEMPORAL_PORT" -n default
fi

step "running the benchmarks $*"
cd "$ROOT"
DATABASE_URL="$BENCH_DATABASE_URL" \
  REDIS_URL="redis://127.0.0.1:$BENCH_REDIS_PORT/0" \
  TEMPORAL_ADDRESS="127.0.0.1:$BENCH_TEMPORAL_PORT" \
  TEMPORAL_UI_URL="http://127.0.0.1:$BENCH_TEMPORAL_UI_PORT" \
  BENCH_TEMPORAL_PID="$temporal_pid" \
  BENCH_REDIS_PID="$(cat "$BENCH_DIR/redis.pid")" \
  BENCH_TEMPORAL_METRICS_URL="http://127.0.0.1:$BENCH_TEMPORAL_METRICS_PORT/metrics" \
  BENCH_DB_NAME="$BENCH_DB" \
  BENCH_CLK_TCK="$(getconf CLK_TCK)" \
  BENCH_TEMPORAL_PROFILE="$temporal_profile" \
  BENCH_LOG_DIR="$BENCH_DIR/logs" \
  BENCH_TEMPORAL_DB_NAMES="$([[ "$temporal_profile" == postgres ]] && echo "$TEMPORAL_PG_DB,${TEMPORAL_PG_DB}_visibility")" \
  node --max-old-space-size=4096 -r @swc-node/register bench/main.ts "$@"
