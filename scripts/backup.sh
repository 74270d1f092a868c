#!/usr/bin/env bash
# Backup of the system's state (`npm run backup`): PostgreSQL in pg_dump's custom format (one file
# per database, restorable table by table with pg_restore) and a Redis snapshot (RDB) taken through
# the replication protocol (`redis-cli --rdb`: no access to the Redis host's files needed).
#
# Usage: scripts/backup.sh [--out DIR]
#   DATABASE_URL        the application database (default: the demo's, from scripts/lib.sh)
#   REDIS_URL           the Redis instance (all its databases are in the snapshot)
#   EPW_BACKUP_TEMPORAL_DBS  Temporal's databases on the same server, comma-separated (e.g.
#                       temporal,temporal_visibility); empty: not backed up (the dev server keeps
#                       its SQLite file in .data/temporal)
#   EPW_BACKUP_DIR      where backups go (default .data/backups); each one in <UTC time>/
#   EPW_BACKUP_REDIS=0  skip Redis
# Writes app.dump, <temporal db>.dump, redis.rdb, manifest.txt (row count of every table and the
# audit chain's head, from the same snapshot as app.dump) and SHA256SUMS; prints the directory.
# scripts/restore.sh restores it; docs/production.md says how to schedule and keep backups.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out_root="${EPW_BACKUP_DIR:-$DATA_DIR/backups}"
while (($# > 0)); do
  case "$1" in
    --out) out_root=$2; shift 2 ;;
    *) fail "usage: scripts/backup.sh [--out DIR]" ;;
  esac
done
command -v pg_dump >/dev/null || apt_install postgresql-client
command -v redis-cli >/dev/null || apt_install redis-tools

umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$out_root/$stamp"
mkdir -p "$dir"
chmod 700 "$dir"
t0=$SECONDS

# The application database: its dump and the manifest's counts from one exported snapshot, so
# the counts describe exactly what the dump holds although the system keeps running.
step "PostgreSQL: ${DATABASE_URL%%\?*} → ${dir#"$ROOT"/}/app.dump (custom format)"
coproc SNAPSHOT { psql "$DATABASE_URL" -qtAX -v ON_ERROR_STOP=1; }
echo "begin isolation level repeatable read read only; select pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -t 30 -r snapshot <&"${SNAPSHOT[0]}" || fail "could not export a snapshot of ${DATABASE_URL%%\?*}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --snapshot="$snapshot" \
  --file="$dir/app.dump" "$DATABASE_URL"
{
  echo "created_at $stamp"
  echo "database ${DATABASE_URL##*/}"
  echo "pg_dump $(pg_dump --version | sed "s/^pg_dump (PostgreSQL) //")"
  # shellcheck disable=SC2016 # a query built inside PostgreSQL, not by the shell
  psql "$DATABASE_URL" -qtAX -v ON_ERROR_STOP=1 \
    -c "begin isolation level repeatable read read only" -c "set transaction snapshot '$snapshot'" \
    -c "select format('select %L || '' '' || count(*) from %I.%I', 'rows ' || tablename, schemaname, tablename)
          from pg_tables where schemaname = 'public' order by tablename" -c commit |
    grep '^select' | sed 's/$/;/' |
    psql "$DATABASE_URL" -qtAX -v ON_ERROR_STOP=1 \
      -c "begin isolation level repeatable read read only" -c "set transaction snapshot '$snapshot'" -f - -c commit
  psql "$DATABASE_URL" -qtAX -v ON_ERROR_STOP=1 \
    -c "begin isolation level repeatable read read only" -c "set transaction snapshot '$snapshot'" \
    -c "select 'audit_head ' || coalesce((select id || ' ' || hash from \"AuditLog\" order by id desc limit 1), 'none')" \
    -c commit
} >"$dir/manifest.txt"
echo "commit;" >&"${SNAPSHOT[1]}"
exec {SNAPSHOT[1]}>&-
wait "$SNAPSHOT_PID" 2>/dev/null || true
info "$(grep -c '^rows ' "$dir/manifest.txt") tables, $(du -h "$dir/app.dump" | cut -f1); $(grep '^audit_head' "$dir/manifest.txt" | cut -c1-60)…"

# Temporal's databases: a dump of each (see docs/production.md on consistency with app.dump).
if [[ -n "${EPW_BACKUP_TEMPORAL_DBS:-}" ]]; then
  IFS=',' read -r -a temporal_dbs <<<"$EPW_BACKUP_TEMPORAL_DBS"
  for db in "${temporal_dbs[@]}"; do
    url="${DATABASE_URL%/*}/$db"
    step "PostgreSQL: $db → ${dir#"$ROOT"/}/$db.dump"
    pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$dir/$db.dump" "$url"
    echo "temporal_database $db" >>"$dir/manifest.txt"
  done
fi

if [[ "${EPW_BACKUP_REDIS:-1}" == 1 ]]; then
  # The instance, without the database index: the snapshot holds every database.
  [[ "$REDIS_URL" =~ ^(rediss?://[^/]+) ]] || fail "REDIS_URL is not a redis:// URL"
  redis_instance=${BASH_REMATCH[1]}
  step "Redis: $redis_instance → ${dir#"$ROOT"/}/redis.rdb (snapshot over the replication protocol)"
  redis-cli -u "$redis_instance" --rdb "$dir/redis.rdb" >"$LOG_DIR/backup-redis.log" 2>&1 ||
    { cat "$LOG_DIR/backup-redis.log"; fail "redis-cli --rdb failed"; }
  redis-cli -u "$redis_instance" info keyspace | tr -d '\r' | grep '^db' | sed 's/^/redis_keyspace /' >>"$dir/manifest.txt" || true
fi

(cd "$dir" && sha256sum -- * >SHA256SUMS)
step "backup complete in $((SECONDS - t0)) s: $dir"
echo "$dir"
