#!/usr/bin/env bash
# Installs the Debian packages the build needs and, unless --run is given,
# those the tests need too (make run passes --run: building and running
# careerops needs no browser, broker, mail server or fuzzer). Safe to run
# twice: packages already present are not fetched again, and apt lists are
# refreshed once.
set -euo pipefail

# What building and running careerops needs.
RUN_PKGS=(
  build-essential cmake ninja-build pkg-config
  librdkafka-dev librocksdb-dev libfaiss-dev libopenblas-dev liblapack-dev
  libcurl4-openssl-dev libmicrohttpd-dev libjansson-dev libgmime-3.0-dev
  libxxhash-dev libyaml-dev libssl-dev libjemalloc-dev
  libxml2-dev libical-dev libexttextcat-dev
)
# What only the tests, benchmarks and fuzzing need.
TEST_PKGS=(
  clang libclang-rt-14-dev libcmocka-dev
  dovecot-imapd openjdk-17-jre-headless maven
  chromium prometheus wrk
  docker-compose python3-yaml
)
PKGS=("${RUN_PKGS[@]}")
[ "${1:-}" = "--run" ] || PKGS+=("${TEST_PKGS[@]}")

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
