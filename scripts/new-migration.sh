#!/usr/bin/env bash
# Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
# existing migrations and prisma/schema.prisma. Usage: npm run db:new-migration -- <name>
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
name="${1:-}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || fail "usage: npm run db:new-migration -- <snake_case_name>"
bash "$ROOT/scripts/services.sh" ensure-db "$EPW_DB_NAME" >/dev/null
dir="$ROOT/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
step "diffing migrations against prisma/schema.prisma (through a temporary shadow database)"
sql=$(cd "$ROOT" && npx --no-install prisma migrate diff --from-migrations prisma/migrations \
  --to-schema-datamodel prisma/schema.prisma --script 2>"$LOG_DIR/new-migration.log") ||
  { cat "$LOG_DIR/new-migration.log"; fail "prisma migrate diff failed"; }
if ! grep -qv '^--' <<<"$sql" || [[ -z "$(grep -v '^\s*$' <<<"$sql" | grep -v '^--')" ]]; then
  step "schema.prisma and the migrations already agree: nothing to create"
  exit 0
fi
mkdir -p "$dir"
printf '%s\n' "$sql" >"$dir/migration.sql"
step "wrote ${dir#"$ROOT"/}/migration.sql; review it, then run: npm run db:migrate"
