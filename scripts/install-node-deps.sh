#!/usr/bin/env bash
# Installs the npm packages the browser test needs (playwright-core, pinned in
# tests/dashboard/package-lock.json) into tests/dashboard/node_modules, which
# git ignores. The browser itself is Debian's chromium from install-deps.sh:
# playwright-core never downloads one. Safe to run twice: an install that
# matches the lock file is left alone.
set -euo pipefail
cd "$(dirname "$0")/../tests/dashboard"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-node-deps: npm not found (install Node.js >= 20 with npm)" >&2
  exit 1
fi
want=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [ "$have" = "$want" ]; then
  echo "install-node-deps: playwright-core $have present"
  exit 0
fi
echo "install-node-deps: installing playwright-core $want"
npm ci --no-audit --no-fund --loglevel=error
echo "install-node-deps: done"
