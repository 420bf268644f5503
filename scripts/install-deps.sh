#!/usr/bin/env bash
# Installs every Debian package the build and the tests need. Safe to run twice:
# packages already present are not fetched again, and apt lists are refreshed once.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config clang
  librdkafka-dev librocksdb-dev libfaiss-dev libopenblas-dev liblapack-dev
  libcurl4-openssl-dev libmicrohttpd-dev libjansson-dev libgmime-3.0-dev
  libcmocka-dev libxxhash-dev libyaml-dev libssl-dev libjemalloc-dev
  dovecot-imapd openjdk-17-jre-headless maven
  libxml2-dev libclang-rt-14-dev libical-dev libexttextcat-dev
  chromium prometheus wrk
  docker-compose python3-yaml
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# dovecot's package starts a system daemon; tests run their own instance.
if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl disable --now dovecot >/dev/null 2>&1 || true; fi
$SUDO pkill -x dovecot >/dev/null 2>&1 || true
echo "install-deps: done"
