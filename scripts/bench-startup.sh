#!/usr/bin/env bash
# Start-up and whole-process render cost of the emnpub binary: figures only,
# no thresholds (a benchmark, not a test).
#   scripts/bench-startup.sh [path/to/emnpub]   (default: build/emnpub)
# Prints the median wall time of `emnpub --version` and of rendering
# inform-nl / inform-en, the per-phase timings (--timings) of one render,
# and, when valgrind is installed, instruction counts (callgrind), which
# stay comparable on a busy machine when wall times do not.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/emnpub}
RUNS=${RUNS:-15}
[ -x "$BIN" ] || { echo "no binary at $BIN (build first, or pass its path)" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# Median wall milliseconds of RUNS runs of the given command.
median_ms() {
  local t=()
  for ((i = 0; i < RUNS; i++)); do
    local s e
    s=${EPOCHREALTIME/[.,]/}
    "$@" >/dev/null 2>&1
    e=${EPOCHREALTIME/[.,]/}
    t+=($(( e - s )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only meaningful on an idle machine)"
printf '%-28s %8s ms\n' "emnpub --version" "$(median_ms "$BIN" --version)"
for s in inform-nl inform-en; do
  printf '%-28s %8s ms\n' "render $s" "$(median_ms "$BIN" render "samples/$s.xml" -o "$OUT/$s.pdf")"
  "$BIN" render "samples/$s.xml" -o "$OUT/$s.pdf" --timings 2>&1 | sed 's/^/  /'
done

if command -v valgrind >/dev/null; then
  echo "instructions (callgrind, whole process):"
  count() {
    valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.out" "$@" >/dev/null 2>"$OUT/cg.err" || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/cg.err" | tail -n 1
  }
  printf '%-28s %14s\n' "emnpub --version" "$(count "$BIN" --version)"
  for s in inform-nl inform-en; do
    printf '%-28s %14s\n' "render $s" "$(count "$BIN" render "samples/$s.xml" -o "$OUT/$s.pdf")"
    if command -v callgrind_annotate >/dev/null; then
      # Inclusive counts of the stages (names as in the source).
      callgrind_annotate --inclusive=yes "$OUT/cg.out" 2>/dev/null |
        grep -E ' \?\?\?:(main|emnpub::Engine::(parse|render|layout)\(|emnpub::Engine::Engine|emnpub::layout::layout_document|emnpub::pdf::write_pdf)' |
        sed -E 's/^ *([0-9,]+) \([^)]*\) +\?\?\?:([^(]*).*/    \2 \1/'
    fi
  done
fi
