#!/usr/bin/env bash
# install-schemathesis.sh: schemathesis (PyPI) in a venv under
# ~/.cache/careerops/schemathesis, for the API contract test (tests/api).
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
VERSION=4.32.5
VENV="${CO_SCHEMATHESIS_VENV:-$HOME/.cache/careerops/schemathesis}"
if [ -x "$VENV/bin/st" ] && "$VENV/bin/python" -c "import importlib.metadata as m,sys; sys.exit(m.version('schemathesis')!='$VERSION')" 2>/dev/null; then
  echo "install-schemathesis: schemathesis $VERSION present in $VENV"
  exit 0
fi
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$VERSION"
echo "install-schemathesis: schemathesis $VERSION installed in $VENV"
