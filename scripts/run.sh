#!/usr/bin/env bash
# The main job: builds emnpub, then renders every sample into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target emnpub
mkdir -p out
status=0
for f in samples/*.xml; do
  name=$(basename "$f" .xml)
  start=$(date +%s%N)
  if build/emnpub render "$f" -o "out/$name.pdf"; then
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    pages=$(pdfinfo "out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf '%-28s %4s pages  %6s ms  -> out/%s.pdf\n' "$name" "$pages" "$ms" "$name"
  else
    echo "$name: FAILED" >&2
    status=1
  fi
done
exit $status
