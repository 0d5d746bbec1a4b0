#!/usr/bin/env bash
# End-to-end: --shard I/N slices the work list deterministically.
#
#   bash batch_shards.sh /path/to/emnpub /path/to/repo
#
# 15 documents (samples except report-en, plus generated informs) in nested
# folders; shards 1/3, 2/3 and 3/3 run at the same time into one output
# folder, as an Indexed Job or a job array on shared storage would:
#   - each exits 0 and writes its own report and manifest
#   - together they rendered every document exactly once; every PDF is valid
#   - each document is in the shard docs/batch.md's formula gives:
#     $(( 0x$(printf %s REL | sha256sum | cut -c1-15) % N + 1 ))
#   - --dry-run --shard I/3 lists the same slices; --shard 1/1 is everything
#   - an unsharded run afterwards finds everything up to date (it reads the
#     shards' manifests), and so does a shard run again
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
command -v qpdf >/dev/null || { echo "FAIL: qpdf not installed"; exit 1; }

. "$(dirname "$0")/lib/checks.sh"
PIDS=()
on_exit() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done; }
show() { head -c 600 "$1" | tr '\n' '|'; }
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}
report_list() {
  awk -v sec="$2" '
    /^  "[a-z_]+": / { inside = index($0, "  \"" sec "\": ") == 1 }
    inside && /^ +"input": / { v = $0; sub(/^ +"input": "/, "", v); sub(/",?$/, "", v); print v }
  ' "$1" | sort
}
manifest_docs() { sed -n 's/^  "\(.*\)": {$/\1/p' "$1" | sort; }
count() { sed -n "s/^    \"$2\": \([0-9]*\),\{0,1\}$/\1/p" "$1"; }

IN=$T/in
OUT=$T/out
mkdir -p "$IN/2025/q4" "$IN/2026" "$IN/gen"
cp "$REPO"/samples/inform-{en,nl,multilingual}.xml "$IN/2026/"  # named: new samples must not change the counts
cp "$REPO"/samples/bulletin-*.xml "$IN/2025/q4/"
cp "$REPO/samples/report-fr.xml" "$IN/"
for i in 1 2 3 4 5 6 7 8 9; do
  sed "s/id=\"emn-be-inform-2026-03-labour-pathways\"/id=\"shard-test-$i\"/" "$REPO/samples/inform-en.xml" >"$IN/gen/doc-$i.xml"
done
ALL=$(cd "$IN" && find . -name '*.xml' | sed 's|^\./||' | sort)
check "documents" 15 "$(echo "$ALL" | wc -l)"
formula() { echo $(( 0x$(printf %s "$1" | sha256sum | cut -c1-15) % $2 + 1 )); }
declare -A SHARD
for d in $ALL; do SHARD[$d]=$(formula "$d" 3); done
slice() { for d in $ALL; do [ "${SHARD[$d]}" = "$1" ] && echo "$d"; done; }

# --- the three shards at once, one output folder ---
for i in 1 2 3; do
  timeout 120 "$BIN" batch "$IN" -o "$OUT" --shard $i/3 --jobs 1 </dev/null >"$T/stdout.$i" 2>"$T/stderr.$i" &
  PIDS+=($!)
done
for i in 1 2 3; do
  wait "${PIDS[$((i - 1))]}"
  RC=$?
  check "shard $i/3 exit code (stderr: $(show "$T/stderr.$i"))" 0 "$RC"
done
PIDS=()
union=
for i in 1 2 3; do
  R=$OUT/batch-report.shard-$i-of-3.json
  if [ -f "$R" ]; then pass; else fail "shard $i/3 wrote no report at $R"; continue; fi
  mine=$(report_list "$R" rendered)
  union+="$mine"$'\n'
  want=$(slice $i)
  check "shard $i/3 rendered the documents the documented formula assigns to it" "$want" "$mine"
  check "shard $i/3 manifest holds its documents" "$want" "$(manifest_docs "$OUT/emnpub-manifest.shard-$i-of-3.json")"
  check "shard $i/3 failures" 0 "$(count "$R" failed)"
done
check "shards together: every document exactly once" "$ALL" "$(echo "$union" | grep . | sort)"
check "shards together: no document twice" "" "$(echo "$union" | grep . | sort | uniq -d)"
if [ -e "$OUT/emnpub-manifest.json" ]; then fail "a shard wrote the unsharded manifest"; else pass; fi
bad=0
for d in $ALL; do
  qpdf --check "$OUT/${d%.xml}.pdf" >/dev/null 2>&1 || { bad=1; fail "no valid PDF for $d"; }
done
[ $bad -eq 0 ] && pass
check "temporary files left" "" "$(find "$OUT" -name '.*' | head -n 3)"

# --- dry runs see the same slices ---
dry_union=
for i in 1 2 3; do
  timeout 60 "$BIN" batch "$IN" -o "$OUT" --shard $i/3 --dry-run </dev/null >"$T/dry.$i" 2>"$T/stderr"
  dry_union+=$(cut -f2 "$T/dry.$i")$'\n'
  check "dry run of shard $i/3: all up to date" "" "$(awk -F'\t' '$1 != "skip"' "$T/dry.$i")"
  want=$(slice $i)
  check "dry run of shard $i/3: its slice" "$want" "$(cut -f2 "$T/dry.$i" | sort)"
done
check "dry runs together: every document exactly once" "$ALL" "$(echo "$dry_union" | grep . | sort)"
timeout 60 "$BIN" batch "$IN" -o "$T/fresh" --shard 1/1 --dry-run </dev/null >"$T/dry.all" 2>"$T/stderr"
check "--shard 1/1 is the whole list" "$ALL" "$(awk -F'\t' '$1 == "render" {print $2}' "$T/dry.all" | sort)"
if [ -e "$T/fresh" ]; then fail "--dry-run created the output folder"; else pass; fi

# --- later runs, sharded or not, find the work done ---
timeout 120 "$BIN" batch "$IN" -o "$OUT" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "unsharded run after the shards: exit code" 0 "$RC"
check "unsharded run after the shards: rendered" 0 "$(count "$OUT/batch-report.json" rendered)"
check "unsharded run after the shards: up to date" 15 "$(count "$OUT/batch-report.json" up_to_date)"
check "unsharded manifest lists every document" "$ALL" "$(manifest_docs "$OUT/emnpub-manifest.json")"
timeout 120 "$BIN" batch "$IN" -o "$OUT" --shard 2/3 </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "shard 2/3 again: exit code" 0 "$RC"
check "shard 2/3 again: rendered" 0 "$(count "$OUT/batch-report.shard-2-of-3.json" rendered)"

finish batch_shards
