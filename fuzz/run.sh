#!/usr/bin/env bash
# Builds the libFuzzer targets fuzz/fuzz_<name>.c with clang
# (-fsanitize=fuzzer,address,undefined) in their own directory, separate
# from the CMake build, and runs each one in turn, seeded with its corpus.
# Needs clang and libclang-rt-14-dev (scripts/install-deps.sh).
#
#   fuzz/run.sh [seconds-per-target=60] [extra libFuzzer args]   bounded run (CI: make fuzz)
#   fuzz/run.sh --soak [runs=10000000] [extra libFuzzer args]    each target to that many
#                                                                executions (make fuzz-soak)
#   fuzz/run.sh --build                                          build the targets only
# CO_FUZZ_TARGETS="api when" limits the targets (default: all of them).
#
# Every project source a target needs is compiled once into build-fuzz/obj
# (again only when it or a header changed), archived per module and linked
# per target. Seeds are
# copied into build-fuzz/corpus/<name> so new inputs never land in the tree
# (a run extends that copy: later runs start from what earlier ones found).
# Crashes land in build-fuzz/artifacts/<name>/, each run's log in
# build-fuzz/<name>.log (the previous run's crashes in artifacts/<name>.prev/). Per target it prints executions, exec/s, peak RSS
# and crashes; the exit status is non-zero when any target crashed or failed
# to build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${CO_FUZZ_DIR:-$ROOT/build-fuzz}"
MODE=time
if [ "${1:-}" = "--build" ]; then
  MODE=build
  shift
elif [ "${1:-}" = "--soak" ]; then
  MODE=soak
  shift
  RUNS="${1:-10000000}"; shift || true
else
  SECS="${1:-60}"; shift || true
fi
CC="${CC:-clang}"
JOBS="${FUZZ_JOBS:-2}"
ALL="mime event api conf accounts mbox maildir calendar classify when"
TARGETS="${CO_FUZZ_TARGETS:-$ALL}"

PKGS="gmime-3.0 libxml-2.0 libical libcrypto jansson libcurl yaml-0.1 libxxhash libmicrohttpd libexttextcat"
INCS="-I$ROOT/fuzz -I$ROOT/common -I$ROOT/ingest -I$ROOT/classify -I$ROOT/vector -I$ROOT/api -I$OUT/gen"
CFLAGS="-std=c11 -D_GNU_SOURCE -DCO_VERSION=\"fuzz\" -g -O1 -fno-omit-frame-pointer -Wall -Wextra -Werror
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined $INCS $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"

# Each module's sources (globs expand at build time, so files that move
# inside a module's folder are still found) go into one archive, so a target
# links only the objects it uses.
module_srcs() {
  case "$1" in
  common) echo common/co_*.c ;;
  ingest) echo ingest/co_ingest_*.c ;;
  classify) find classify -name 'co_*.c' ! -name '*trainer*' ;;
  api) echo api/co_api*.c gen/co_api_assets.c gen/co_api_docs.c ;;
  esac
}
# The modules a target links, in link order.
target_modules() {
  case "$1" in
  mime | mbox | maildir | calendar | accounts) echo ingest common ;;
  conf) echo common ;;
  event) echo classify ingest common ;;
  classify | when) echo classify common ;;
  api) echo api common ;;
  *) echo "fuzz/run.sh: unknown target '$1' (targets: $ALL)" >&2; return 1 ;;
  esac
}
# Whole messages and mailboxes may be large; text fields stay near real size.
max_len() {
  case "$1" in
  mime | mbox | maildir) echo 65536 ;;
  *) echo 8192 ;;
  esac
}
seeds() {
  case "$1" in
  mime) echo "$ROOT/tests/ingest/corpus" ;;
  *) echo "$ROOT/fuzz/corpus/$1" ;;
  esac
}

mkdir -p "$OUT/obj" "$OUT/gen"
# The dashboard and the OpenAPI document, embedded as CMake embeds them.
if [[ " $TARGETS " == *" api "* ]]; then
  cmake -DDIR="$ROOT/api/dashboard" -DFILES= -DOUT="$OUT/gen/co_api_assets.c" -DFUNC=co_api_asset_find \
    -P "$ROOT/api/cmake/co_embed.cmake"
  cmake -DDIR= -DFILES="$ROOT/docs/openapi.json" -DOUT="$OUT/gen/co_api_docs.c" -DFUNC=co_api_doc_find \
    -P "$ROOT/api/cmake/co_embed.cmake"
fi

# Compile each needed source once (again when it or any header of the tree
# is newer than its object); one archive per module.
cd "$ROOT"
declare -A NEED=()
for t in $TARGETS; do
  for m in $(target_modules "$t"); do NEED[$m]=1; done
done
newest_h="$(find common ingest classify vector api fuzz -name '*.h' -printf '%T@\n' | sort -n | tail -1)"
stale=()
for m in "${!NEED[@]}"; do
  for s in $(module_srcs "$m"); do
    o="$OUT/obj/$(echo "$s" | tr / _).o"
    p="$s"; [[ "$s" == gen/* ]] && p="$OUT/$s"
    if [ ! -f "$o" ] || [ "$p" -nt "$o" ] || awk -v h="$newest_h" -v o="$(stat -c %Y "$o")" 'BEGIN{exit !(h > o)}'; then
      stale+=("$p:$o")
    fi
  done
done
echo "fuzz: compiling ${#stale[@]} source(s) into $OUT/obj"
export CC CFLAGS
# shellcheck disable=SC2016
printf '%s\n' "${stale[@]}" | xargs -r -P "$JOBS" -I{} sh -c 'f="{}"; $CC $CFLAGS -c "${f%%:*}" -o "${f#*:}"'
for m in "${!NEED[@]}"; do
  objs=()
  for s in $(module_srcs "$m"); do objs+=("$OUT/obj/$(echo "$s" | tr / _).o"); done
  rm -f "$OUT/libfz_$m.a"
  ar rcs "$OUT/libfz_$m.a" "${objs[@]}"
done

rc=0
printf '%-9s %12s %9s %9s %8s  %s\n' target executions exec/s peak_rss crashes result >"$OUT/summary.txt"
for t in $TARGETS; do
  libs=""
  for m in $(target_modules "$t"); do libs="$libs $OUT/libfz_$m.a"; done
  # shellcheck disable=SC2086
  if ! $CC $CFLAGS -fsanitize=fuzzer -o "$OUT/fuzz_$t" "fuzz/fuzz_$t.c" $libs $LIBS; then
    echo "fuzz: $t: build failed" >&2
    printf '%-9s %12s %9s %9s %8s  %s\n' "$t" - - - - "build failed" >>"$OUT/summary.txt"
    rc=1
    continue
  fi
  [ "$MODE" = build ] && continue
  # this run's crashes only; the previous run's are kept in artifacts/<name>.prev
  rm -rf "$OUT/artifacts/$t.prev"
  [ -d "$OUT/artifacts/$t" ] && mv "$OUT/artifacts/$t" "$OUT/artifacts/$t.prev"
  mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
  cp "$(seeds "$t")"/* "$OUT/corpus/$t/"
  if [ "$MODE" = soak ]; then limit="-runs=$RUNS"; else limit="-max_total_time=$SECS"; fi
  echo "fuzz: $t ($limit)"
  set +e
  (cd "$OUT" && "./fuzz_$t" "$limit" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$OUT/artifacts/$t/" -print_final_stats=1 "$@" "$OUT/corpus/$t" >"$OUT/$t.log" 2>&1)
  trc=$?
  set -e
  grep -aE "^#[0-9]+ +(INITED|DONE)|ERROR|SUMMARY" "$OUT/$t.log" | tail -5 || true
  fstat() { grep -a "stat::$1" "$OUT/$t.log" | awk '{print $2}' | tail -1; }
  crashes=$(find "$OUT/artifacts/$t" -type f | wc -l)
  res=ok; [ "$trc" = 0 ] || { res="exit $trc, see $OUT/$t.log"; rc=1; }
  printf '%-9s %12s %9s %8sM %8s  %s\n' "$t" "$(fstat number_of_executed_units)" "$(fstat average_exec_per_sec)" \
    "$(fstat peak_rss_mb)" "$crashes" "$res" >>"$OUT/summary.txt"
done
if [ "$MODE" = build ]; then
  echo "fuzz: built $(cd "$OUT" && ls fuzz_* | tr '\n' ' ')in $OUT"
  exit "$rc"
fi
echo
cat "$OUT/summary.txt"
echo "fuzz: crashes in $OUT/artifacts/<target>/, logs in $OUT/<target>.log"
exit "$rc"
