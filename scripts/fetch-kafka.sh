#!/usr/bin/env bash
# Fetches the Apache Kafka broker jars once, from Maven Central, into a cache
# outside the source tree; the real-broker tests (tests/harness/co_th_kafka.c)
# run `java -cp '<dir>/libs/*' kafka.Kafka` from there.
#
#   scripts/fetch-kafka.sh          # prints the libs dir on the last line
#   CO_CACHE_DIR=/x scripts/fetch-kafka.sh
#
# Idempotent: a marker file written after a complete copy makes later runs
# return at once. The copy goes to a temp dir first and is renamed into place,
# so an interrupted fetch never leaves a half-filled libs/ behind.
set -euo pipefail

KAFKA_VERSION=3.9.1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/../tests/harness/kafka/pom.xml"
cache="${CO_CACHE_DIR:-$HOME/.cache/careerops}"
dest="$cache/kafka-$KAFKA_VERSION"
marker="$dest/.complete"

if [ -f "$marker" ] && [ -d "$dest/libs" ]; then
  echo "fetch-kafka: Kafka $KAFKA_VERSION already in $dest/libs ($(ls "$dest/libs" | wc -l) jars)" >&2
  echo "$dest/libs"
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch-kafka: mvn not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
command -v java >/dev/null || { echo "fetch-kafka: java not found (scripts/install-deps.sh installs it)" >&2; exit 1; }

mkdir -p "$cache"
tmp="$(mktemp -d "$cache/.kafka-fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
echo "fetch-kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central ..." >&2
mvn -q -B -Dstyle.color=never -f "$pom" \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$tmp/libs" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
ls "$tmp"/libs/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null
rm -rf "$dest"
mkdir -p "$dest"
mv "$tmp/libs" "$dest/libs"
date -u +%FT%TZ >"$marker"
echo "fetch-kafka: $(ls "$dest/libs" | wc -l) jars in $dest/libs ($(du -sh "$dest/libs" | cut -f1)) in $(( $(date +%s) - start )) s" >&2
echo "$dest/libs"
