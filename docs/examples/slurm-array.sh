#!/bin/bash
# Re-renders the whole archive as a Slurm job array: each array task renders
# one deterministic slice of the work list (`emnpub batch --shard I/N`), with
# I and N taken from the array. Nothing else coordinates the tasks: the
# slices are a function of each document's path.
#
#   sbatch docs/examples/slurm-array.sh /shared/archive/xml /shared/archive/pdf
#   sbatch --array=1-32%8 docs/examples/slurm-array.sh IN_DIR OUT_DIR   # 32 shards, 8 at a time
#   squeue -u "$USER"; tail emnpub-<jobid>_<task>.log                  # one plain line per document
#
# The array must be a contiguous range (1-16, 0-15, 1-32%8; not 1-16:2).
# IN_DIR and OUT_DIR must be on storage every node sees. All tasks write into
# the same output folder: each keeps its own manifest
# (emnpub-manifest.shard-I-of-N.json) and report (batch-report.shard-I-of-N.json),
# and every task reads all manifests, so a later run with another array size,
# or none, skips finished work.
#
# Exit status per task: 0 all rendered, 1 some documents refused (see the
# task's report), 2 usage error, 143 stopped by SIGTERM (time limit,
# preemption). A requeued or resubmitted task resumes where it stopped:
# finished PDFs are up to date, half-written ones never became visible.
#SBATCH --job-name=emnpub-archive
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=emnpub-%A_%a.log
# emnpub is exec'd, so it is the batch shell: B: sends it SIGTERM a minute
# before the time limit, and it stops cleanly (exit 143); --requeue restarts
# a preempted task, which then resumes.
#SBATCH --signal=B:TERM@60
#SBATCH --requeue
set -euo pipefail

IN_DIR=${1:-${IN_DIR:-/shared/archive/xml}}
OUT_DIR=${2:-${OUT_DIR:-/shared/archive/pdf}}
EMNPUB=${EMNPUB:-emnpub}

: "${SLURM_ARRAY_TASK_ID:?submit with sbatch --array (see the top of this file)}"
# Shard numbers are 1..N whatever the array's first index is.
first=${SLURM_ARRAY_TASK_MIN:-1}
last=${SLURM_ARRAY_TASK_MAX:?SLURM_ARRAY_TASK_MAX not set}
shard=$((SLURM_ARRAY_TASK_ID - first + 1))
shards=$((last - first + 1))

# One render thread per allocated CPU.
exec "$EMNPUB" batch "$IN_DIR" -o "$OUT_DIR" --shard "$shard/$shards" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" --progress plain
