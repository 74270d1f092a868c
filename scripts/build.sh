#!/usr/bin/env bash
# The production build (`npm run build`): plain JavaScript in dist/ for the API
# (dist/apps/api/main.js), the worker (dist/apps/worker/main.js) with its workflow bundle
# (dist/workflows/workflow-bundle.js), and the web app (dist/apps/web). Parts whose sources did not
# change since their last build are kept. Run them with NODE_ENV=production (scripts/start.sh does).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
t0=$SECONDS
ensure_node_modules
ensure_prisma_client
ensure_build
step "build ready in dist/ ($((SECONDS - t0)) s)"
