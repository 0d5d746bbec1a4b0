#!/usr/bin/env bash
# End-to-end: the scheduler examples in docs/examples/ drive `emnpub batch`
# correctly, run here without a cluster.
#
#   bash batch_examples.sh /path/to/emnpub /path/to/repo
#
#   - k8s-indexed-job.yaml: completions, parallelism and SHARDS agree; the
#     container's shell command, run once per completion index with the
#     variables Kubernetes sets (JOB_COMPLETION_INDEX), exits 0 and the
#     indexes together render every document exactly once
#   - slurm-array.sh, run once per array task with the variables Slurm sets
#     (SLURM_ARRAY_TASK_ID/MIN/MAX, SLURM_CPUS_PER_TASK), for arrays 1-3 and
#     0-2: the same; without an array it refuses to run
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"
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
# covered OUT: inputs rendered by all shard reports in OUT, one per line
covered() { for r in "$1"/batch-report.shard-*.json; do report_list "$r" rendered; done | sort; }

IN=$T/in
mkdir -p "$IN/a" "$IN/b/c"
cp "$REPO/samples/inform-en.xml" "$REPO/samples/inform-nl.xml" "$IN/a/"
cp "$REPO/samples/bulletin-en.xml" "$IN/b/"
for i in 1 2 3; do
  sed "s/id=\"emn-be-inform-2026-03-labour-pathways\"/id=\"example-$i\"/" "$REPO/samples/inform-en.xml" >"$IN/b/c/doc-$i.xml"
done
ALL=$(cd "$IN" && find . -name '*.xml' | sed 's|^\./||' | sort)

# --- Kubernetes Indexed Job ---
YAML=$REPO/docs/examples/k8s-indexed-job.yaml
if [ -f "$YAML" ]; then pass; else fail "missing $YAML"; fi
completions=$(sed -n 's/^  completions: *\([0-9]*\)$/\1/p' "$YAML")
parallelism=$(sed -n 's/^  parallelism: *\([0-9]*\)$/\1/p' "$YAML")
shards=$(awk '/- name: SHARDS/ {getline; gsub(/[^0-9]/, ""); print; exit}' "$YAML")
check "Indexed Job: completionMode" Indexed "$(sed -n 's/^  completionMode: *//p' "$YAML")"
check "Indexed Job: SHARDS = completions" "$completions" "$shards"
check "Indexed Job: parallelism = completions" "$completions" "$parallelism"
# the container script: the block under `args:` / `- |`, unindented
script=$(awk '
  /^ *args:$/ { a = 1; next }
  a && /^ *- \|$/ { s = 1; next }
  s && /^ *$/ { exit }
  s { if (!ind) { match($0, /^ */); ind = RLENGTH } if (substr($0, 1, ind) ~ /^ *$/ && length($0) > ind) print substr($0, ind + 1); else exit }
' "$YAML")
case $script in *"emnpub batch"*'--shard'*JOB_COMPLETION_INDEX*) pass ;; *) fail "Indexed Job: no emnpub batch --shard command found: '$script'" ;; esac
mkdir -p "$T/bin"
ln -s "$BIN" "$T/bin/emnpub"
OUT=$T/k8s
if [ -n "$shards" ] && [ "$shards" -gt 0 ]; then
  for ((index = 0; index < shards; index++)); do
    PATH=$T/bin:$PATH JOB_COMPLETION_INDEX=$index SHARDS=$shards IN_DIR=$IN OUT_DIR=$OUT \
      timeout 120 /bin/sh -c "$script" </dev/null >"$T/stdout" 2>"$T/stderr"
    RC=$?
    check "Indexed Job: index $index exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
  done
  check "Indexed Job: shard reports" "$shards" "$(ls "$OUT"/batch-report.shard-*-of-"$shards".json 2>/dev/null | wc -l)"
  check "Indexed Job: every document exactly once" "$ALL" "$(covered "$OUT")"
fi

# --- Slurm job array ---
SLURM=$REPO/docs/examples/slurm-array.sh
if grep -q '^#SBATCH --array=' "$SLURM"; then pass; else fail "slurm-array.sh has no #SBATCH --array line"; fi
for range in "1 3" "0 2"; do
  set -- $range
  OUT=$T/slurm-$1
  for ((task = $1; task <= $2; task++)); do
    env -u SLURM_ARRAY_TASK_COUNT EMNPUB="$BIN" SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_MIN=$1 \
      SLURM_ARRAY_TASK_MAX=$2 SLURM_CPUS_PER_TASK=1 \
      timeout 120 bash "$SLURM" "$IN" "$OUT" </dev/null >"$T/stdout" 2>"$T/stderr"
    RC=$?
    check "Slurm array $1-$2: task $task exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
  done
  check "Slurm array $1-$2: shard reports" 3 "$(ls "$OUT"/batch-report.shard-*-of-3.json 2>/dev/null | wc -l)"
  check "Slurm array $1-$2: every document exactly once" "$ALL" "$(covered "$OUT")"
done
env -u SLURM_ARRAY_TASK_ID EMNPUB="$BIN" timeout 30 bash "$SLURM" "$IN" "$T/slurm-none" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
if [ "$RC" -ne 0 ] && grep -q "sbatch --array" "$T/stderr"; then pass; else fail "slurm-array.sh outside an array: exit $RC, $(show "$T/stderr")"; fi
if [ -e "$T/slurm-none" ]; then fail "slurm-array.sh outside an array created the output folder"; else pass; fi

finish batch_examples
