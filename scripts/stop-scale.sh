#!/usr/bin/env bash
# Stops the scale-out profile (`npm run stop:scale`): HAProxy, both API replicas, both workers and
# its Temporal server, gracefully. Its databases (epw_scale, temporal_scale*) are kept; PostgreSQL,
# Redis and the `npm start` system are not touched.
exec bash "$(dirname "${BASH_SOURCE[0]}")/scale-out.sh" down
