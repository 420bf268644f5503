#!/usr/bin/env bash
# CTest entry of the dashboard browser test: makes sure playwright-core is
# installed (scripts/install-node-deps.sh: a no-op when the pinned version is
# there), then runs dashboard.test.mjs. Chromium comes from install-deps.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/../../scripts/install-node-deps.sh" >&2
exec node "$here/dashboard.test.mjs" "$@"
