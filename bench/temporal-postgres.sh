# Sourced by bench/bench.sh for `npm run bench -- --temporal postgres`: the scale-out profile.
#
# The Temporal server itself (go.temporal.io/server v1.29.1, the version inside the dev server of
# temporal CLI v1.5.1) with PostgreSQL persistence instead of the dev server's one-connection
# SQLite file: all four services in one process, 4 history shards, 20 connections to its own
# databases temporal_bench and temporal_bench_visibility on the shared PostgreSQL. The server and
# its schema tool are built with Go like the CLI (a few minutes the first time) and cached beside
# it in $CACHE_DIR. Uses: BENCH_DIR, BENCH_TEMPORAL_PORT, BENCH_TEMPORAL_METRICS_PORT and the
# helpers of scripts/lib.sh and bench.sh (fresh_database); sets temporal_pid.
# Also sourced by scripts/scale-out.sh (the scale-out profile, `npm run start:scale`), which sets
# TEMPORAL_PG_LOG_DIR, TEMPORAL_PG_PORT, TEMPORAL_PG_METRICS_PORT and TEMPORAL_PG_DB instead of the
# BENCH_* variables and uses build_temporal_server, ensure_temporal_schema and write_temporal_config.

TEMPORAL_SERVER_VERSION="v1.29.1"
TEMPORAL_PG_DB="${EPW_BENCH_TEMPORAL_DB:-temporal_bench}"

temporal_pg_logs() { echo "${TEMPORAL_PG_LOG_DIR:-$BENCH_DIR/logs}"; }

build_temporal_server() {
  local server="$CACHE_DIR/temporal-server-$TEMPORAL_SERVER_VERSION"
  local sqltool="$CACHE_DIR/temporal-sql-tool-$TEMPORAL_SERVER_VERSION"
  local log t0
  log="$(temporal_pg_logs)/temporal-server-build.log"
  # One build at a time (the bench, the scale-out profile and its test may all ask at once).
  exec 8>"$CACHE_DIR/temporal-server-$TEMPORAL_SERVER_VERSION.lock"
  flock 8
  if [[ -x "$server" && -x "$sqltool" ]]; then
    info "Temporal server $TEMPORAL_SERVER_VERSION and its SQL schema tool: cached in $CACHE_DIR"
  else
    step "building the Temporal server $TEMPORAL_SERVER_VERSION and its SQL schema tool with Go (once; cached in $CACHE_DIR)"
    info "measured on 2 cores: 161 s after the Temporal CLI's build (its Go module and build caches)"
    command -v go >/dev/null || apt_install golang-go
    local gobin
    gobin=$(mktemp -d)
    t0=$SECONDS
    GOFLAGS=-mod=mod GOBIN="$gobin" go install \
      "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" \
      "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION" \
      >"$log" 2>&1 ||
      { tail -20 "$log"; fail "go install of the Temporal server failed"; }
    mv "$gobin/server" "$server" && mv "$gobin/sql" "$sqltool" && rmdir "$gobin"
    info "built in $((SECONDS - t0)) s"
  fi
  exec 8>&-
  # The versioned schema files ship in the module's source, which the build left in Go's cache.
  TEMPORAL_SCHEMA_DIR="$(go env GOMODCACHE)/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql/v12"
  if [[ ! -d "$TEMPORAL_SCHEMA_DIR" ]]; then
    GOFLAGS=-mod=mod go mod download "go.temporal.io/server@$TEMPORAL_SERVER_VERSION" >/dev/null 2>&1 || true
  fi
  [[ -d "$TEMPORAL_SCHEMA_DIR" ]] || fail "no Temporal schema in $TEMPORAL_SCHEMA_DIR"
}

temporal_schema() {
  local db=$1 log
  log="$(temporal_pg_logs)/temporal-schema.log"
  "$CACHE_DIR/temporal-sql-tool-$TEMPORAL_SERVER_VERSION" --plugin postgres12 \
    --endpoint "$PGHOST" --port "$PGPORT" --user "$EPW_DB_USER" --password "$EPW_DB_PASSWORD" \
    --database "$db" "${@:2}" >>"$log" 2>&1 ||
    { tail -20 "$log"; fail "temporal-sql-tool ${*:2} on $db failed"; }
}

# ensure_temporal_schema <database>: the Temporal schema and its visibility schema in <database>
# and <database>_visibility (created when missing, on the shared PostgreSQL as the epw role),
# set up when new and brought to the server's version (update-schema applies only what is missing,
# as in a Temporal upgrade).
ensure_temporal_schema() {
  local db=$1 kind name
  for kind in temporal visibility; do
    name=$db
    [[ $kind == visibility ]] && name="${db}_visibility"
    if [[ "$(PGPASSWORD=$EPW_DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$EPW_DB_USER" -d postgres -qtAX \
      -c "select 1 from pg_database where datname = '$name'")" != "1" ]]; then
      step "PostgreSQL: creating database $name"
      PGPASSWORD=$EPW_DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$EPW_DB_USER" -d postgres -qtAX \
        -v ON_ERROR_STOP=1 -c "create database $name" >/dev/null
    fi
    if [[ "$(PGPASSWORD=$EPW_DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$EPW_DB_USER" -d "$name" -qtAX \
      -c "select 1 from information_schema.tables where table_name = 'schema_version'")" != "1" ]]; then
      temporal_schema "$name" setup-schema -v 0.0
    fi
    temporal_schema "$name" update-schema -d "$TEMPORAL_SCHEMA_DIR/$kind/versioned"
  done
}

write_temporal_config() {
  local dir=$1 base=${TEMPORAL_PG_PORT:-$BENCH_TEMPORAL_PORT}
  local metrics=${TEMPORAL_PG_METRICS_PORT:-$BENCH_TEMPORAL_METRICS_PORT}
  mkdir -p "$dir/config/dynamicconfig"
  store() {
    cat <<EOF
      sql:
        pluginName: "postgres12"
        databaseName: "$1"
        connectAddr: "$PGHOST:$PGPORT"
        connectProtocol: "tcp"
        user: "$EPW_DB_USER"
        password: "$EPW_DB_PASSWORD"
        maxConns: $2
        maxIdleConns: $2
        maxConnLifetime: "1h"
EOF
  }
  service() { # name grpc membership [http]
    printf '  %s:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' "$1" "$2" "$3"
    [[ -z "${4:-}" ]] || printf '      httpPort: %s\n' "$4"
  }
  {
    cat <<EOF
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${TEMPORAL_PG_SHARDS:-4}
  datastores:
    default:
$(store "$TEMPORAL_PG_DB" "${TEMPORAL_PG_MAX_CONNS:-20}")
    visibility:
$(store "${TEMPORAL_PG_DB}_visibility" "${TEMPORAL_PG_VISIBILITY_CONNS:-4}")
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:$metrics"
services:
EOF
    service frontend "$base" $((base - 300)) $((base + 10))
    service history $((base + 1)) $((base - 299))
    service matching $((base + 2)) $((base - 298))
    service worker $((base + 6)) $((base - 294))
    cat <<EOF
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:$base"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "$dir/config/dynamicconfig/bench.yaml"
  pollInterval: "60s"
EOF
  } >"$dir/config/development.yaml"
  # What the dev server sets (temporal CLI v1.5.1, devserver/server.go and commands.server.go),
  # so the two profiles differ in persistence, not in limits.
  cat >"$dir/config/dynamicconfig/bench.yaml" <<'EOF'
history.hostLevelCacheMaxSize:
  - value: 8096
frontend.namespaceRPS.visibility:
  - value: 100
frontend.persistenceMaxQPS:
  - value: 10000
history.persistenceMaxQPS:
  - value: 45000
EOF
}

start_temporal_postgres() {
  local temporal_cli=$1
  build_temporal_server
  : >"$(temporal_pg_logs)/temporal-schema.log"
  fresh_database "$TEMPORAL_PG_DB"
  fresh_database "${TEMPORAL_PG_DB}_visibility"
  temporal_schema "$TEMPORAL_PG_DB" setup-schema -v 0.0
  temporal_schema "$TEMPORAL_PG_DB" update-schema -d "$TEMPORAL_SCHEMA_DIR/temporal/versioned"
  temporal_schema "${TEMPORAL_PG_DB}_visibility" setup-schema -v 0.0
  temporal_schema "${TEMPORAL_PG_DB}_visibility" update-schema -d "$TEMPORAL_SCHEMA_DIR/visibility/versioned"
  info "schema $(tail -1 "$(temporal_pg_logs)/temporal-schema.log" | cut -c1-120)"

  local dir="$BENCH_DIR/temporal-pg"
  rm -rf "$dir" && write_temporal_config "$dir"
  step "Temporal server $TEMPORAL_SERVER_VERSION of its own on :$BENCH_TEMPORAL_PORT (PostgreSQL persistence, 4 history shards)"
  "$CACHE_DIR/temporal-server-$TEMPORAL_SERVER_VERSION" --root "$dir" --config config --env development \
    --allow-no-auth start >"$BENCH_DIR/logs/temporal.log" 2>&1 &
  temporal_pid=$!
  wait_for "Temporal frontend to report SERVING" 120 \
    "$temporal_cli" operator cluster health --address "127.0.0.1:$BENCH_TEMPORAL_PORT"
  "$temporal_cli" operator namespace create -n default --retention 1d \
    --address "127.0.0.1:$BENCH_TEMPORAL_PORT" >/dev/null 2>&1 || true
  wait_for "Temporal namespace default" 60 \
    "$temporal_cli" operator namespace describe --address "127.0.0.1:$BENCH_TEMPORAL_PORT" -n default
}
