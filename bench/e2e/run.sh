#!/usr/bin/env bash
# End-to-end benchmark: email -> notification latency p50/p95/p99 at a
# steady rate in embedded and Kafka mode, and pipeline throughput, with
# baselines measured in the same run (bench/e2e/bench_e2e.c says which).
#   bash bench/e2e/run.sh BUILD_DIR [SECS=30] [RATE=50] [REPLICAS=20] [MODES=embedded,kafka]
# Kafka mode starts a private broker (jars: scripts/fetch-kafka.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$(cd "${1:?usage: bench/e2e/run.sh BUILD_DIR [SECS] [RATE] [REPLICAS] [MODES]}" && pwd)"
shift
export CO_SOURCE_DIR="$ROOT" CO_BINARY_DIR="$BUILD"
MODES="${4:-embedded,kafka}"
case "$MODES" in *kafka*) bash "$ROOT/scripts/fetch-kafka.sh" >/dev/null ;; esac
exec "$BUILD/bench/e2e/bench_e2e" "${1:-30}" "${2:-50}" "${3:-20}" "$MODES"
