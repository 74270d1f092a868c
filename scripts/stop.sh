#!/usr/bin/env bash
# Stops the API and the worker; with --all also Redis and the Temporal dev server.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for name in api worker smtp-sink; do
  pidfile="$RUN_DIR/$name.pid"
  if [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null; then
    step "stopping $name (graceful)"
    wait_for "$name to stop" 30 bash -c "! kill -0 $(cat "$pidfile") 2>/dev/null"
  fi
  rm -f "$pidfile"
done
[[ "${1:-}" == "--all" ]] && bash "$ROOT/scripts/services.sh" down
step "stopped"
