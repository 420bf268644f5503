#!/usr/bin/env bash
# Runs bench_search: the 100k-chunk index run and the labeled-set hybrid
# latency; with CO_BENCH_SEARCH_1M=1 also the 1M-chunk index run.
#   bench/search/run_bench.sh BUILD_DIR [extra bench_search args]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$(cd "${1:?usage: run_bench.sh BUILD_DIR}" && pwd)"; shift
export CO_SOURCE_DIR="$ROOT" CO_BINARY_DIR="$BUILD"
"$BUILD/bench/search/bench_search" --n 100000 "$@"
if [ "${CO_BENCH_SEARCH_1M:-0}" = 1 ]; then
  "$BUILD/bench/search/bench_search" --n 1000000 --no-hybrid "$@"
fi
