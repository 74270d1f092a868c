#!/usr/bin/env bash
# Shared helpers for the setup scripts: every step says what it does; every step is idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${EPW_DATA_DIR:-$ROOT/.data}"
LOG_DIR="$DATA_DIR/logs"
RUN_DIR="$DATA_DIR/run"
CACHE_DIR="${EPW_CACHE_DIR:-$HOME/.cache/emulation-pledge}"
TEMPORAL_VERSION="v1.5.1"
mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$CACHE_DIR"

# Defaults for this machine; any of them can be overridden from the environment.
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
export EPW_DB_USER="${EPW_DB_USER:-epw}" EPW_DB_PASSWORD="${EPW_DB_PASSWORD:-epw}"
export EPW_DB_NAME="${EPW_DB_NAME:-epw}"
export DATABASE_URL="${DATABASE_URL:-postgresql://$EPW_DB_USER:$EPW_DB_PASSWORD@$PGHOST:$PGPORT/$EPW_DB_NAME}"
export REDIS_PORT="${REDIS_PORT:-6379}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}" TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
export API_PORT="${API_PORT:-3000}"

step() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for <description> <seconds> <command...>: poll with a bound, never sleep blindly.
wait_for() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "timed out after ${seconds}s waiting for $what"
    sleep 0.5
  done
}

apt_updated=""
apt_install() {
  if [[ -z "$apt_updated" ]]; then
    step "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  step "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Installs node_modules from the committed package-lock.json when it changed since the last install.
# `npm ci` would be the tool, but npm 11 leaves other platforms' optional native packages out of
# the lockfile on these machines and `npm ci` then refuses it (npm/cli#9342, #8320). `npm install`
# installs the same locked tree; the check after it makes sure the lockfile did not move.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.epw-lock-hash" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step "node_modules up to date"
    return
  fi
  step "npm install (the locked dependency tree from package-lock.json)"
  cp "$ROOT/package-lock.json" "$DATA_DIR/package-lock.before.json"
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  if ! cmp -s "$ROOT/package-lock.json" "$DATA_DIR/package-lock.before.json"; then
    cp "$DATA_DIR/package-lock.before.json" "$ROOT/package-lock.json"
    fail "npm install changed package-lock.json: package.json and the lockfile disagree (run npm install and commit the lockfile)"
  fi
  echo "$want" >"$stamp"
}

ensure_prisma_client() {
  step "prisma generate (WASM query compiler, no engine download)"
  (cd "$ROOT" && npx --no-install prisma generate >"$LOG_DIR/prisma-generate.log" 2>&1) ||
    { cat "$LOG_DIR/prisma-generate.log"; fail "prisma generate failed"; }
}

# migrate_database <database url>
migrate_database() {
  step "prisma migrate deploy → ${1%%\?*}"
  (cd "$ROOT" && DATABASE_URL="$1" npx --no-install prisma migrate deploy >"$LOG_DIR/prisma-migrate.log" 2>&1) ||
    { cat "$LOG_DIR/prisma-migrate.log"; fail "prisma migrate deploy failed"; }
}

# Debian's Chromium for the browser tests (Playwright cannot download its own browsers here).
ensure_chromium() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$bin" ]]; then
    [[ -z "${CHROMIUM_PATH:-}" ]] || fail "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    apt_install chromium
  fi
  step "Chromium: $("$bin" --version 2>/dev/null | head -1)"
}

# Builds the web app into dist/apps/web (served by the API under /app/), unless its sources and
# the dependency tree are unchanged since the last build.
build_web() {
  local out="$ROOT/dist/apps/web" stamp want
  stamp="$out/.source-hash"
  want=$(cd "$ROOT" && {
    find apps/web -type f -print0 | sort -z | xargs -0 sha256sum
    sha256sum package-lock.json
  } | sha256sum | cut -d' ' -f1)
  if [[ -f "$out/index.html" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step "web app up to date (dist/apps/web)"
    return
  fi
  step "building the web app → dist/apps/web (served at /app/)"
  (cd "$ROOT" && npx --no-install vite build --config apps/web/vite.config.mts --logLevel warn \
    >"$LOG_DIR/web-build.log" 2>&1) || { cat "$LOG_DIR/web-build.log"; fail "the web app build failed"; }
  echo "$want" >"$stamp"
}

# source_hash <paths...>: one hash of the names and contents of every file under these paths.
source_hash() {
  (cd "$ROOT" && find "$@" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# The production build in dist/ (`npm run build`): the API and the worker compiled to plain
# JavaScript (scripts/compile-apps.ts → dist/apps/api/main.js, dist/apps/worker/main.js, dist/libs),
# the worker's workflow bundle (dist/workflows/workflow-bundle.js, which the worker loads when
# NODE_ENV=production) and the web app (dist/apps/web). Each part is rebuilt only when a hash of its
# sources changed; concurrent callers (several replicas starting at once) wait for one another.
ensure_build() {
  [[ -f "$ROOT/libs/data-access/src/generated/prisma/client.ts" ]] || ensure_prisma_client
  mkdir -p "$ROOT/dist"
  (
    flock 9
    local want stamp="$ROOT/dist/.apps-source-hash"
    want=$(source_hash apps/api/src apps/worker/src libs package-lock.json scripts/compile-apps.ts)
    if [[ -f "$ROOT/dist/apps/api/main.js" && -f "$ROOT/dist/apps/worker/main.js" &&
      "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
      step "API and worker up to date (dist/apps/api, dist/apps/worker)"
    else
      step "compiling the API and the worker → dist/apps/api, dist/apps/worker, dist/libs (swc)"
      rm -f "$stamp"
      (cd "$ROOT" && node -r @swc-node/register scripts/compile-apps.ts >"$LOG_DIR/build-apps.log" 2>&1) ||
        { cat "$LOG_DIR/build-apps.log"; fail "compiling the API and the worker failed"; }
      info "$(tail -1 "$LOG_DIR/build-apps.log")"
      echo "$want" >"$stamp"
    fi
    local bundle="$ROOT/dist/workflows/workflow-bundle.js"
    stamp="$ROOT/dist/workflows/.source-hash"
    want=$(source_hash workflows libs apps/worker/src/temporal package-lock.json)
    if [[ -f "$bundle" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
      step "workflow bundle up to date (dist/workflows/workflow-bundle.js)"
    else
      step "bundling the workflow code → dist/workflows/workflow-bundle.js"
      rm -f "$stamp"
      (cd "$ROOT" && node -r @swc-node/register apps/worker/src/temporal/bundle-workflows.ts "$bundle" \
        >"$LOG_DIR/build-workflows.log" 2>&1) ||
        { cat "$LOG_DIR/build-workflows.log"; fail "bundling the workflow code failed"; }
      echo "$want" >"$stamp"
    fi
    build_web
  ) 9>"$DATA_DIR/build.lock"
}

# ensure_secret_file <file> <bytes> <base64|base64url>: prints the secret kept in <file>, creating
# it (random, mode 600) on first use. For the local profiles only: production passes its secrets
# in the environment (docs/production.md).
ensure_secret_file() {
  if [[ ! -s "$1" ]]; then
    mkdir -p "$(dirname "$1")"
    (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(+process.argv[1]).toString(process.argv[2]))' \
      "$2" "$3" >"$1")
  fi
  cat "$1"
}
