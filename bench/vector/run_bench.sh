#!/usr/bin/env bash
# Embedding throughput, C vs the Python reference, in one run on the same
# texts: bench_embed (C, then again after Python so background load hits
# both sides alike), and tools/embed_reference.py --bench when its venv
# (sentence-transformers + torch) exists or can be built. Prints the ratio.
#   bench/vector/run_bench.sh BUILD_DIR [N] [BATCH] [INDEX_N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:?usage: run_bench.sh BUILD_DIR [N] [BATCH] [INDEX_N]}"
N="${2:-256}"; B="${3:-32}"; IDX="${4:-0}"
export CO_SOURCE_DIR="$ROOT"
"$ROOT/scripts/install-model.sh" >/dev/null
c1="$("$BUILD/bench/vector/bench_embed" --n "$N" --batch "$B" --index "$IDX")"
echo "$c1"
py=""; py1=""
if [ "${CO_BENCH_NO_PYTHON:-0}" != 1 ]; then
  py="$("$ROOT/tools/embed_reference.sh" --bench "$N" --batch "$B" 2>/dev/null | tail -1)" || py=""
  py1="$("$ROOT/tools/embed_reference.sh" --bench "$N" --batch 1 2>/dev/null | tail -1)" || py1=""
fi
c2="$("$BUILD/bench/vector/bench_embed" --n "$N" --batch "$B")"
echo "$c2"
if [ -z "$py" ]; then
  echo "python reference unavailable: no ratio" >&2
  exit 0
fi
echo "$py"
echo "$py1"
python3 - "$c1" "$c2" "$py" "$py1" <<'PY'
import json, sys
c = [json.loads(l) for blob in sys.argv[1:3] for l in blob.splitlines() if '"c-minilm"' in l]
py = json.loads(sys.argv[3])
py1 = json.loads(sys.argv[4]) if sys.argv[4] else None
cb = sum(x["per_s"] for x in c) / len(c)
cs = sum(x["single_per_s"] for x in c) / len(c)
print(f"batch {py['batch']}: C {cb:.1f}/s vs sentence-transformers {py['per_s']:.1f}/s "
      f"(torch threads {py['torch_threads']}): C/Python = {cb / py['per_s']:.2f}")
if py1:
    print(f"one text per call: C {cs:.1f}/s vs sentence-transformers {py1['per_s']:.1f}/s: C/Python = {cs / py1['per_s']:.2f}")
PY
