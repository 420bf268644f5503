#!/usr/bin/env bash
# Runs every bench program present in a build dir; each prints its own
# figures (ratios against a baseline measured in the same run).
#   bash bench/run.sh BUILD_DIR
# A bench that fails is reported and the others still run; the exit status
# is non-zero if any failed.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:?usage: bench/run.sh BUILD_DIR}" && pwd)"
export CO_SOURCE_DIR="$ROOT" CO_BINARY_DIR="$BUILD"
cd "$ROOT" # bench_ingest reads tests/ingest/corpus relative to the tree
failed=()
run() {
  local name="$1"; shift
  echo "=== $name: $*"
  if ! "$@"; then failed+=("$name"); echo "=== $name FAILED" >&2; fi
  echo
}
[ -x "$BUILD/bench/state/bench_state" ] && run bench_state "$BUILD/bench/state/bench_state"
[ -x "$BUILD/bench/ingest/bench_ingest" ] && run bench_ingest "$BUILD/bench/ingest/bench_ingest"
[ -x "$BUILD/bench/classify/bench_classify" ] && run bench_classify "$BUILD/bench/classify/bench_classify"
[ -x "$BUILD/bench/vector/bench_embed" ] && run bench_embed bash "$ROOT/bench/vector/run_bench.sh" "$BUILD"
# 100k chunks by default; CO_BENCH_SEARCH_1M=1 adds the 1M run (minutes, ~6 GB).
[ -x "$BUILD/bench/search/bench_search" ] && run bench_search bash "$ROOT/bench/search/run_bench.sh" "$BUILD"
# Needs the Kafka jars (Maven Central, cached): make deps-test fetches them.
if [ -x "$BUILD/bench/processor/bench_runtime" ]; then
  bash "$ROOT/scripts/fetch-kafka.sh" >/dev/null && run bench_runtime "$BUILD/bench/processor/bench_runtime"
fi
# wrk from install-deps; the forwarded part starts a private broker (CO_BENCH_API_KAFKA=0 skips it).
[ -x "$BUILD/bench/api/bench_api" ] && run bench_api "$BUILD/bench/api/bench_api"
# Kafka mode starts a private broker (jars as above); about 3 minutes.
[ -x "$BUILD/bench/e2e/bench_e2e" ] && run bench_e2e bash "$ROOT/bench/e2e/run.sh" "$BUILD"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "bench: failed: ${failed[*]}" >&2
  exit 1
fi
