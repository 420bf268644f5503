#!/usr/bin/env bash
# run_schemathesis.sh BASE_URL TOKEN REPORT_DIR: schemathesis against the
# running API's /openapi.json (installs it first: idempotent, PyPI only).
# A fixed seed, no example database and one worker keep runs reproducible
# (two workers raced inside hypothesis: "AST constructor recursion depth
# mismatch", a runtime error of the tool, not of the API).
set -euo pipefail
base=$1 token=$2 dir=$3
src=${CO_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bash "$src/scripts/install-schemathesis.sh" >&2
st="${CO_SCHEMATHESIS_VENV:-$HOME/.cache/careerops/schemathesis}/bin/st"
mkdir -p "$dir"
cd "$dir"
exec "$st" --config-file "$src/tests/api/schemathesis.toml" run "$base/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks "${CO_ST_CHECKS:-all}" ${CO_ST_EXCLUDE:+--exclude-checks "$CO_ST_EXCLUDE"} \
  --max-examples "${CO_ST_EXAMPLES:-40}" --seed 8 --generation-database none \
  --workers 1 --request-timeout 10 --no-color \
  --report junit --report-dir "$dir"
