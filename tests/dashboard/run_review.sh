#!/usr/bin/env bash
# CTest entry of the review-queue browser test (review.test.mjs); as run.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/../../scripts/install-node-deps.sh" >&2
exec node "$here/review.test.mjs" "$@"
