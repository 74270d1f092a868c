#!/bin/sh
# Creates (first run) and upgrades (every run) Temporal's two PostgreSQL schemas, the way
# bench/temporal-postgres.sh's ensure_temporal_schema does: setup-schema only on an empty
# database, then update-schema, which applies only the versions not yet applied (a Temporal
# upgrade runs this with the new image before the new server starts).
# Environment: POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD, TEMPORAL_DB,
# TEMPORAL_VISIBILITY_DB.
set -eu
for pair in "${TEMPORAL_DB:-temporal}:temporal" "${TEMPORAL_VISIBILITY_DB:-temporal_visibility}:visibility"; do
  db=${pair%%:*} kind=${pair##*:}
  temporal-sql-tool --plugin postgres12 --endpoint "$POSTGRES_HOST" --port "${POSTGRES_PORT:-5432}" \
    --user "$POSTGRES_USER" --password "$POSTGRES_PASSWORD" --database "$db" create-database 2>/dev/null || true
  # setup-schema -v 0.0 fails on a database that has the schema already: that is the upgrade case.
  temporal-sql-tool --plugin postgres12 --endpoint "$POSTGRES_HOST" --port "${POSTGRES_PORT:-5432}" \
    --user "$POSTGRES_USER" --password "$POSTGRES_PASSWORD" --database "$db" setup-schema -v 0.0 2>/dev/null || true
  temporal-sql-tool --plugin postgres12 --endpoint "$POSTGRES_HOST" --port "${POSTGRES_PORT:-5432}" \
    --user "$POSTGRES_USER" --password "$POSTGRES_PASSWORD" --database "$db" \
    update-schema -d "/etc/temporal/schema/postgresql/v12/$kind/versioned"
done
