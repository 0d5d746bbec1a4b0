#!/usr/bin/env bash
# Benchmarks (not tests): whole-process render time per sample, median of
# RUNS runs (default 7), pages per second, peak memory. Figures only; no
# thresholds are asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target emnpub >/dev/null
RUNS="${RUNS:-7}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '%-26s %6s %10s %10s %10s\n' sample pages "median ms" "pages/s" "peak MiB"
for f in samples/*.xml; do
  name=$(basename "$f" .xml)
  build/emnpub render "$f" -o "$tmp/$name.pdf" 2>/dev/null  # warm the page cache
  pages=$(pdfinfo "$tmp/$name.pdf" | awk '/^Pages:/ {print $2}')
  times=()
  for _ in $(seq "$RUNS"); do
    s=$(date +%s%N)
    build/emnpub render "$f" -o "$tmp/$name.pdf" 2>/dev/null
    times+=($(( ($(date +%s%N) - s) / 1000 )))
  done
  us=$(printf '%s\n' "${times[@]}" | median)
  kb=$( { /usr/bin/time -f '%M' build/emnpub render "$f" -o "$tmp/$name.pdf" 2>&1 >/dev/null; } | tail -1)
  awk -v n="$name" -v p="$pages" -v us="$us" -v kb="$kb" \
    'BEGIN {printf "%-26s %6d %10.1f %10.1f %10.1f\n", n, p, us/1000, p/(us/1e6), kb/1024}'
done
