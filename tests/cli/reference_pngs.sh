#!/usr/bin/env bash
# Layout regressions: selected pages of every sample look like the committed
# low-resolution reference images.
#
#   bash reference_pngs.sh /path/to/emnpub /path/to/repo
#
# tests/data/reference/pages.txt lists the pages ("SAMPLE PAGE", PAGE a number
# or "last": the cover, a body page and the last page of each sample). Each is
# rendered with the default layouts, rasterised with pdftoppm -r 30 -gray,
# posterised to 8 grey levels (as the references were) and compared with
# tests/data/reference/SAMPLE-PAGE.png by ImageMagick
# `compare -metric AE -fuzz 15%`. More than 0.5 % differing pixels, a
# different image size or page count fails; the difference image and the new
# page are then written to tests/artifacts/reference/ and their paths printed.
#
# After an intended layout change: scripts/update-reference-pngs.sh, look at
# the images, commit them.
set -u
. "$(dirname "$0")/lib/args.sh" "$@"
for tool in pdftoppm pdfinfo compare convert identify; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (poppler-utils, imagemagick)"; exit 1; }
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C
pass=0; fail=0
bad() { echo "FAIL: $*"; fail=$((fail+1)); }
REF=$REPO/tests/data/reference
LIST=$REF/pages.txt
ART=$REPO/tests/artifacts/reference
LIMIT_PERMILLE=5   # 0.5 %

[ -f "$LIST" ] || { echo "FAIL: $LIST not found"; exit 1; }

rasterise() {  # PDF PAGE OUT.png -- keep in step with scripts/update-reference-pngs.sh
  pdftoppm -r 30 -gray -f "$2" -l "$2" -singlefile -png "$1" "$tmp/page" &&
    convert "$tmp/page.png" -colorspace Gray -posterize 8 -strip -define png:compression-level=9 -print '%wx%h\n' "$3"
}

entries=0
while read -r sample page; do
  case $sample in '' | '#'*) continue ;; esac
  entries=$((entries + 1))
  ref=$REF/$sample-$page.png
  pdf=$tmp/$sample.pdf
  if [ ! -f "$REPO/samples/$sample.xml" ]; then bad "$sample: samples/$sample.xml missing (update pages.txt)"; continue; fi
  if [ ! -f "$pdf" ] && ! timeout 60 "$BIN" render "$REPO/samples/$sample.xml" -o "$pdf" 2>"$tmp/$sample.err"; then
    bad "$sample: render failed: $(head -c 300 "$tmp/$sample.err")"; rm -f "$pdf"; continue
  fi
  if [ ! -f "$ref" ]; then bad "$sample page $page: reference $ref missing (scripts/update-reference-pngs.sh)"; continue; fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  n=$page
  [ "$page" = last ] && n=$pages
  if [ "$n" -gt "${pages:-0}" ]; then bad "$sample: page $n asked for, the PDF has $pages pages"; continue; fi
  got=$tmp/$sample-$page.png
  size_got=$(rasterise "$pdf" "$n" "$got") || { bad "$sample page $n: rasterising failed"; continue; }
  case $size_got in [0-9]*x[0-9]*) total=$(( ${size_got%x*} * ${size_got#*x} )) ;; *) bad "$sample page $page: cannot read the images"; continue ;; esac
  size_ref=$(identify -format '%wx%h' "$ref" 2>/dev/null)
  if [ "$size_ref" != "$size_got" ]; then
    mkdir -p "$ART"; cp "$got" "$ART/$sample-$page.new.png"
    bad "$sample page $page: image is $size_got, reference $size_ref (new page: $ART/$sample-$page.new.png)"
    continue
  fi
  diffimg=$tmp/diff.png
  cmpout=$(compare -metric AE -fuzz 15% "$ref" "$got" "$diffimg" 2>&1 >/dev/null)
  ae=$(echo "$cmpout" | awk '{print int($1)}')
  case $ae in '' | *[!0-9]*) bad "$sample page $page: compare failed ($ae)"; continue ;; esac
  if [ $((ae * 1000)) -gt $((total * LIMIT_PERMILLE)) ]; then
    mkdir -p "$ART"
    cp "$diffimg" "$ART/$sample-$page.diff.png"; cp "$got" "$ART/$sample-$page.new.png"
    bad "$sample page $page: $ae of $total pixels differ ($(awk -v a="$ae" -v t="$total" 'BEGIN{printf "%.2f", 100*a/t}') %, limit 0.5 %); difference: $ART/$sample-$page.diff.png, new page: $ART/$sample-$page.new.png"
  else
    pass=$((pass + 1))
  fi
done <"$LIST"
[ $entries -gt 0 ] || bad "no pages listed in $LIST"

echo "reference_pngs: $entries pages, $pass match, $fail failed"
[ $fail -eq 0 ]
