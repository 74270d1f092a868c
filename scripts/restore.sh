#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh (`npm run restore -- <backup dir> ...`) into NEW places,
# never over live data: the application database into a database that must not exist yet (switch
# DATABASE_URL to it once checked), the Redis snapshot into the data directory of a stopped Redis.
#
# Usage: scripts/restore.sh <backup dir> [--database NAME] [--temporal-suffix SUFFIX] [--redis-dir DIR]
#   --database NAME         target database on DATABASE_URL's server (default: <source>_restored_<time>)
#   --temporal-suffix SFX   also restore the backup's Temporal dumps, into <db><SFX> (e.g. _restored)
#   --redis-dir DIR         write the snapshot as DIR/dump.rdb (DIR must hold no appendonlydir: a
#                           Redis with AOF loads that instead; docs/production.md has the steps)
# Checks first the files' SHA-256 sums, then after pg_restore that every table has the row count
# the manifest recorded and that the audit chain ends in the same entry with the same hash; exits
# non-zero on any difference. Prints the restored database's URL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -ge 1 && -d "$1" ]] || fail "usage: scripts/restore.sh <backup dir> [--database NAME] [--temporal-suffix SFX] [--redis-dir DIR]"
dir=$(cd "$1" && pwd)
shift
target="" temporal_suffix="" redis_dir=""
while (($# > 0)); do
  case "$1" in
    --database) target=$2; shift 2 ;;
    --temporal-suffix) temporal_suffix=$2; shift 2 ;;
    --redis-dir) redis_dir=$2; shift 2 ;;
    *) fail "unknown option $1" ;;
  esac
done
command -v pg_restore >/dev/null || apt_install postgresql-client
[[ -f "$dir/app.dump" && -f "$dir/manifest.txt" && -f "$dir/SHA256SUMS" ]] ||
  fail "$dir is not a backup of scripts/backup.sh (app.dump, manifest.txt, SHA256SUMS)"

step "checking the backup's SHA-256 sums"
(cd "$dir" && sha256sum --quiet -c SHA256SUMS) || fail "the backup in $dir is damaged (SHA256SUMS)"

source_db=$(awk '$1 == "database" {print $2}' "$dir/manifest.txt")
target="${target:-${source_db}_restored_$(date -u +%Y%m%d%H%M%S)}"
[[ "$target" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "database name $target: use a-z, 0-9 and _"
server="${DATABASE_URL%/*}"
target_url="$server/$target"

# create_database <name>: a new, empty database; an existing one is never overwritten.
create_database() {
  if [[ "$(psql "$server/postgres" -qtAX -c "select 1 from pg_database where datname = '$1'")" == 1 ]]; then
    fail "database $1 exists: restore into a new one (--database NAME), check it, then switch to it"
  fi
  psql "$server/postgres" -qtAX -v ON_ERROR_STOP=1 -c "create database $1" >/dev/null
}

t0=$SECONDS
step "PostgreSQL: app.dump → new database $target"
create_database "$target"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$target_url" "$dir/app.dump"

step "checking the restored database against the manifest"
problems=0 tables=0
while read -r _ table want; do
  tables=$((tables + 1))
  have=$(psql "$target_url" -qtAX -c "select count(*) from public.\"$table\"")
  if [[ "$have" != "$want" ]]; then
    echo "    $table: $have rows, the backup recorded $want" >&2
    problems=$((problems + 1))
  fi
done < <(grep '^rows ' "$dir/manifest.txt")
want_head=$(awk '$1 == "audit_head" {$1 = ""; print substr($0, 2)}' "$dir/manifest.txt")
have_head=$(psql "$target_url" -qtAX \
  -c "select coalesce((select id || ' ' || hash from \"AuditLog\" order by id desc limit 1), 'none')")
if [[ "$have_head" != "$want_head" ]]; then
  echo "    audit chain head: $have_head, the backup recorded $want_head" >&2
  problems=$((problems + 1))
fi
((problems == 0)) || fail "the restored database $target differs from the backup ($problems differences)"
info "$tables tables with the recorded row counts; audit chain head ${have_head:0:60}…"

if [[ -n "$temporal_suffix" ]]; then
  for db in $(awk '$1 == "temporal_database" {print $2}' "$dir/manifest.txt"); do
    step "PostgreSQL: $db.dump → new database $db$temporal_suffix"
    create_database "$db$temporal_suffix"
    pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
      --dbname="$server/$db$temporal_suffix" "$dir/$db.dump"
  done
fi

if [[ -n "$redis_dir" ]]; then
  [[ -f "$dir/redis.rdb" ]] || fail "this backup has no Redis snapshot"
  [[ ! -e "$redis_dir/appendonlydir" ]] ||
    fail "$redis_dir holds an appendonlydir, which Redis would load instead: move it away first (Redis stopped)"
  mkdir -p "$redis_dir"
  cp "$dir/redis.rdb" "$redis_dir/dump.rdb"
  step "Redis snapshot → $redis_dir/dump.rdb"
  info "start Redis on it with --appendonly no, then: redis-cli config set appendonly yes (rewrites the AOF"
  info "from memory); then set appendonly yes in its configuration and restart it as usual"
fi

step "restored in $((SECONDS - t0)) s"
echo "$target_url"
