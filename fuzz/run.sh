#!/usr/bin/env bash
# Builds fuzz/fuzz_mime with clang (-fsanitize=fuzzer,address,undefined) in
# its own directory, separate from the CMake build, and runs it for a bounded
# time seeded with the MIME corpus. Needs clang and libclang-rt-14-dev
# (scripts/install-deps.sh). Usage: fuzz/run.sh [seconds=60] [extra libFuzzer args]
# Crashes land in build-fuzz/artifacts/; the run's log in build-fuzz/fuzz.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${CO_FUZZ_DIR:-$ROOT/build-fuzz}"
SECS="${1:-60}"; shift || true
mkdir -p "$OUT/corpus" "$OUT/artifacts"
CC="${CC:-clang}"
PKGS="gmime-3.0 libxml-2.0 libical libcrypto jansson libcurl yaml-0.1"
CFLAGS="-std=c11 -D_GNU_SOURCE -DCO_VERSION=\"fuzz\" -g -O1 -fno-omit-frame-pointer -Wall -Wextra -Werror
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -I$ROOT/ingest -I$ROOT/common $(pkg-config --cflags $PKGS)"
# shellcheck disable=SC2086
$CC $CFLAGS -o "$OUT/fuzz_mime" "$ROOT/fuzz/fuzz_mime.c" "$ROOT"/ingest/co_ingest_*.c \
  "$ROOT/common/co_err.c" "$ROOT/common/co_log.c" "$ROOT/common/co_buf.c" $(pkg-config --libs $PKGS) -lpthread
# Seeds are copied so libFuzzer's new inputs never land in the source tree.
cp "$ROOT"/tests/ingest/corpus/*.eml "$OUT/corpus/"
cd "$OUT"
set +e
./fuzz_mime -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=1024 -timeout=10 \
  -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 "$@" "$OUT/corpus" 2>&1 | tee "$OUT/fuzz.log" | grep -E "^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss" 
rc=${PIPESTATUS[0]}
echo "fuzz: exit $rc; crashes: $(ls "$OUT/artifacts" | wc -l) (see $OUT/artifacts, $OUT/fuzz.log)"
exit "$rc"
