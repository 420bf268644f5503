#!/usr/bin/env bash
# run_schemathesis.sh BASE_URL TOKEN REPORT_DIR: schemathesis against the
# running API's /openapi.json (installs it first: idempotent, PyPI only).
# A fixed seed and no example database keep runs reproducible.
set -euo pipefail
base=$1 token=$2 dir=$3
src=${CO_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
bash "$src/scripts/install-schemathesis.sh" >&2
st="${CO_SCHEMATHESIS_VENV:-$HOME/.cache/careerops/schemathesis}/bin/st"
mkdir -p "$dir"
cd "$dir"
# Search and briefing answer 503 "unavailable" until the pipeline provides
# them (co_pipeline_search / co_pipeline_briefing); such an operation is
# left out of this run, loudly, and tested as soon as it answers.
exclude=()
for probe in "search:/api/search?q=probe" "companyBriefing:/api/companies/probe/briefing"; do
  op=${probe%%:*} path=${probe#*:}
  code=$(python3 - "$base$path" "$token" <<'PY'
import sys, urllib.request, urllib.error
req = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
try:
    print(urllib.request.urlopen(req, timeout=10).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
)
  if [ "$code" = 503 ]; then
    echo "run_schemathesis: NOTE: $op answers 503 unavailable (not wired to the pipeline yet); excluded from this run" >&2
    exclude+=(--exclude-operation-id "$op")
  fi
done
exec "$st" run "$base/openapi.json" "${exclude[@]}" \
  --header "Authorization: Bearer $token" \
  --checks "${CO_ST_CHECKS:-all}" ${CO_ST_EXCLUDE:+--exclude-checks "$CO_ST_EXCLUDE"} \
  --max-examples "${CO_ST_EXAMPLES:-40}" --seed 8 --generation-database none \
  --workers 2 --request-timeout 10 --no-color \
  --report junit --report-dir "$dir"
