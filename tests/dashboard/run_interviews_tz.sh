#!/usr/bin/env bash
# CTest entry of the interviews/time-zone browser test: playwright-core as in
# run.sh (scripts/install-node-deps.sh), then interviews_tz.test.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/../../scripts/install-node-deps.sh" >&2
exec node "$here/interviews_tz.test.mjs" "$@"
