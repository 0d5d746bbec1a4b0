#!/usr/bin/env bash
# Regenerate the reference images of tests/cli/reference_pngs.sh.
#
#   scripts/update-reference-pngs.sh [EMNPUB]
#
# Run it after an intended layout change (a layout file, the brand, the page
# builder), then LOOK at the images it rewrote in tests/data/reference/ before
# committing them: they are what the test holds every later build to. The
# pages are listed in tests/data/reference/pages.txt ("SAMPLE PAGE", PAGE a
# number or "last"); each becomes SAMPLE-PAGE.png, rendered with the default
# layouts and rasterised exactly as the test does: pdftoppm -r 30 -gray, then
# posterised to 8 grey levels (keeps the files small; the set should stay
# under 25 files and 400 KB).
#
# EMNPUB defaults to build/emnpub.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$REPO/build/emnpub}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "update-reference-pngs: $BIN is not executable (build first, or pass the binary)" >&2; exit 2; }
for tool in pdftoppm pdfinfo convert; do
  command -v "$tool" >/dev/null || { echo "update-reference-pngs: $tool is missing (poppler-utils, imagemagick)" >&2; exit 2; }
done
REF=$REPO/tests/data/reference
LIST=$REF/pages.txt
[ -f "$LIST" ] || { echo "update-reference-pngs: $LIST not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rasterise PDF PAGE OUT.png (the same steps as tests/cli/reference_pngs.sh)
rasterise() {
  pdftoppm -r 30 -gray -f "$2" -l "$2" -singlefile -png "$1" "$tmp/page" &&
    convert "$tmp/page.png" -colorspace Gray -posterize 8 -strip -define png:compression-level=9 "$3"
}

written=0
while read -r sample page; do
  case $sample in '' | '#'*) continue ;; esac
  pdf=$tmp/$sample.pdf
  if [ ! -f "$pdf" ]; then
    "$BIN" render "$REPO/samples/$sample.xml" -o "$pdf"
  fi
  n=$page
  [ "$page" = last ] && n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  rasterise "$pdf" "$n" "$REF/$sample-$page.png"
  echo "wrote tests/data/reference/$sample-$page.png (page $n)"
  written=$((written + 1))
done <"$LIST"
echo "$written reference images, $(du -ck "$REF"/*.png | tail -1 | cut -f1) KB in tests/data/reference/"
echo "Look at them before committing."
