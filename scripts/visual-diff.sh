#!/usr/bin/env bash
# Visual regression for layout changes: renders the samples with two versions
# of the layouts, rasterises every page (pdftoppm) and puts the pages that
# changed on a contact sheet, one row per page: before | after | difference
# (ImageMagick compare: changed pixels red over a faded copy of the page).
#
#   scripts/visual-diff.sh OLD_REF NEW_REF
#
# OLD_REF and NEW_REF are each a folder of layout files (layouts/, a
# designer's copy) or a git revision (HEAD, main, a1b2c3d, HEAD~3: the
# layouts/ folder of that commit). A folder wins over a revision of the same
# name. To see what uncommitted edits do: scripts/visual-diff.sh HEAD layouts/
#
# Environment:
#   SAMPLES  folder of publications to render (default samples/); a slice of
#            the archive works too, it is rendered with `emnpub batch`
#   OUT      where the sheets go (default out/visual-diff; earlier sheets
#            there are replaced)
#   DPI      rasterisation resolution (default 60)
#   EMNPUB   the emnpub binary (default: build/emnpub, built if needed)
#
# Writes OUT/contact-NN.png (up to 8 changed pages per sheet) and
# OUT/summary.txt, and prints where. Exit status like diff(1): 0 no page
# changed, 1 some changed, 2 trouble.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}
[ $# -eq 2 ] || usage
OLD_REF=$1
NEW_REF=$2
REPO=$(cd "$(dirname "$0")/.." && pwd)
SAMPLES=${SAMPLES:-$REPO/samples}
OUT=${OUT:-$REPO/out/visual-diff}
DPI=${DPI:-60}
for tool in pdftoppm pdfinfo compare montage convert identify; do
  command -v "$tool" >/dev/null || { echo "visual-diff: $tool is missing (scripts/setup.sh installs poppler-utils and imagemagick)" >&2; exit 2; }
done
[ -d "$SAMPLES" ] || { echo "visual-diff: no samples folder '$SAMPLES'" >&2; exit 2; }
if [ -z "${EMNPUB:-}" ]; then
  "$REPO/scripts/build.sh" --target emnpub-render >/dev/null
  EMNPUB=$REPO/build/emnpub
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# layouts_of SIDE REF -> prints the folder holding that version's layouts
layouts_of() {
  local side=$1 ref=$2
  if [ -d "$ref" ]; then
    (cd "$ref" && pwd)
  elif git -C "$REPO" rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
    mkdir -p "$work/$side"
    if ! git -C "$REPO" archive "$ref" layouts | tar -x -C "$work/$side"; then
      echo "visual-diff: $ref has no layouts/ folder" >&2
      exit 2
    fi
    echo "$work/$side/layouts"
  else
    echo "visual-diff: '$ref' is neither a folder nor a git revision" >&2
    exit 2
  fi
}
OLD_DIR=$(layouts_of old "$OLD_REF")
NEW_DIR=$(layouts_of new "$NEW_REF")

# The batch renders in parallel; its report names what a version refused.
render() {  # render SIDE LAYOUTS
  mkdir -p "$work/$1"
  "$EMNPUB" batch "$SAMPLES" -o "$work/$1/pdf" --layouts "$2" --progress none \
    --report "$work/$1/report.json" 2>"$work/$1/stderr" || true
  [ -f "$work/$1/report.json" ] || { echo "visual-diff: rendering with $2 failed:" >&2; cat "$work/$1/stderr" >&2 || true; exit 2; }
  awk '/^  "[a-z_]+": / { f = index($0, "  \"failed\": ") == 1 }
       f && /^ +"input": / { v = $0; sub(/^ +"input": "/, "", v); sub(/",?$/, "", v); print v }' \
    "$work/$1/report.json" | sort >"$work/$1/refused"
}
echo "visual-diff: rendering $(find "$SAMPLES" -name '*.xml' | wc -l) documents from $SAMPLES with $OLD_REF and with $NEW_REF" >&2
render old "$OLD_DIR"
render new "$NEW_DIR"

mkdir -p "$OUT"
rm -f "$OUT"/contact-*.png "$OUT/summary.txt"  # only our own files: OUT may be any folder
summary=$OUT/summary.txt
: >"$summary"
montage_args=()
changed=0
pages_total=0
docs_changed=0

# refusals that differ between the versions are changes too
while read -r doc; do
  [ -n "$doc" ] || continue
  echo "$doc: refused with $OLD_REF only" >>"$summary"
  docs_changed=$((docs_changed + 1))
done < <(comm -23 "$work/old/refused" "$work/new/refused")
while read -r doc; do
  [ -n "$doc" ] || continue
  echo "$doc: refused with $NEW_REF only" >>"$summary"
  docs_changed=$((docs_changed + 1))
done < <(comm -13 "$work/old/refused" "$work/new/refused")
while read -r doc; do
  [ -n "$doc" ] && echo "visual-diff: warning: $doc is refused by both versions" >&2
done < <(comm -12 "$work/old/refused" "$work/new/refused")

# pages_of SIDE REL -> PNG paths of that PDF's pages, in page order
pages_of() {
  local dir=$work/$1/png/${2%.pdf}
  mkdir -p "$dir"
  pdftoppm -r "$DPI" -png "$work/$1/pdf/$2" "$dir/p"
  ls "$dir"/p-*.png | sort -V
}
blank_like() {  # blank_like PNG OUTPUT TEXT
  convert "$1" -fill white -colorize 100 -gravity center -pointsize 14 -fill '#999999' -annotate 0 "$3" "$2"
}

while read -r rel; do
  old_pdf=$work/old/pdf/$rel
  new_pdf=$work/new/pdf/$rel
  [ -f "$old_pdf" ] && [ -f "$new_pdf" ] || continue  # refused on one side: listed above
  n=$(pdfinfo "$new_pdf" | sed -n 's/^Pages: *//p')
  pages_total=$((pages_total + n))
  cmp -s "$old_pdf" "$new_pdf" && continue  # renders are deterministic: same bytes, same pages
  mapfile -t olds < <(pages_of old "$rel")
  mapfile -t news < <(pages_of new "$rel")
  count=${#olds[@]}
  [ ${#news[@]} -gt "$count" ] && count=${#news[@]}
  doc_changed=0
  for ((i = 0; i < count; i++)); do
    page=$((i + 1))
    o=${olds[$i]:-}
    nw=${news[$i]:-}
    d=$work/diff-$changed.png
    if [ -z "$o" ]; then
      o=$work/blank-old-$changed.png
      blank_like "$nw" "$o" "no page $page"
      convert "$nw" -bordercolor red -border 4 "$d"
      note="page added"
    elif [ -z "$nw" ]; then
      nw=$work/blank-new-$changed.png
      blank_like "$o" "$nw" "no page $page"
      convert "$o" -bordercolor red -border 4 "$d"
      note="page removed"
    else
      set +e
      px=$(compare -metric AE -fuzz 1% -highlight-color red "$o" "$nw" "$d" 2>&1 >/dev/null)
      rc=$?
      set -e
      if [ $rc -eq 0 ]; then continue; fi
      if [ $rc -ne 1 ]; then  # different page sizes cannot be compared pixel by pixel
        convert "$nw" -bordercolor red -border 4 "$d"
        note="page size changed"
      else
        note="$px pixels differ"
      fi
    fi
    echo "${rel%.pdf}.xml page $page: $note" >>"$summary"
    montage_args+=(-label "${rel%.pdf} p.$page $OLD_REF" "$o" -label "$NEW_REF" "$nw" -label "$note" "$d")
    changed=$((changed + 1))
    doc_changed=1
  done
  docs_changed=$((docs_changed + doc_changed))
done < <(cd "$work/new/pdf" && find . -name '*.pdf' | sed 's|^\./||' | sort)

if [ "$changed" -eq 0 ] && [ "$docs_changed" -eq 0 ]; then
  echo "no page changed" >>"$summary"
  echo "visual-diff: no page changed ($pages_total pages compared); summary: $summary"
  exit 0
fi
if [ "$changed" -gt 0 ]; then
  montage -font DejaVu-Sans -pointsize 11 -background white -tile 3x8 -geometry +8+8 \
    -title "$OLD_REF -> $NEW_REF" "${montage_args[@]}" "$OUT/contact-%02d.png"
fi
sheets=$(ls "$OUT"/contact-*.png 2>/dev/null || true)
echo "visual-diff: $changed of $pages_total pages changed in $docs_changed documents"
cat "$summary"
if [ -n "$sheets" ]; then
  echo "visual-diff: contact sheet: $(echo "$sheets" | head -n 1)$([ "$(echo "$sheets" | wc -l)" -gt 1 ] && echo " (and $(($(echo "$sheets" | wc -l) - 1)) more beside it)")"
fi
echo "visual-diff: summary: $summary"
exit 1
