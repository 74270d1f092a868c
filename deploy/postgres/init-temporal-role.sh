#!/bin/sh
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): Temporal's own role,
# allowed to create its two databases (deploy/temporal/setup-schema.sh creates them).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role temporal login createdb password '${TEMPORAL_DB_PASSWORD}';
SQL
