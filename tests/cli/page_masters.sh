#!/usr/bin/env bash
# Page masters: bleed boxes, page variants (first, left/right, blank) and
# the located error for a variant that would change the text width.
set -u
. "$(dirname "$0")/lib/args.sh" "$@"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

cp -r "$REPO/layouts" "$tmp/layouts"
# Report layout with 3mm bleed, a first body page whose text starts 40mm
# lower, and blank verso pages that keep their footer.
sed -i 's|<page size="A4" facing="yes"|<page bleed="3mm" size="A4" facing="yes"|' "$tmp/layouts/report.xml"
sed -i 's|<toc levels="2"/>|<toc levels="2"/>\n  <page-variant for="first" margin-top="64mm" header="no"/>\n  <page-variant for="blank" footer="yes"/>|' "$tmp/layouts/report.xml"
"$BIN" render "$REPO/samples/report-en.xml" -o "$tmp/r.pdf" --layouts "$tmp/layouts" 2>"$tmp/err" || { bad "render with page variants: $(cat "$tmp/err")"; }

# Bleed: media and bleed boxes 3mm (8.5pt) beyond the trim; crop = trim.
boxes=$(pdfinfo -box -f 1 -l 1 "$tmp/r.pdf")
echo "$boxes" | grep -Eq 'MediaBox: +-8\.50 +-8\.50 +603\.78 +850\.39' && ok || bad "MediaBox not grown by the bleed: $(echo "$boxes" | grep MediaBox)"
echo "$boxes" | grep -Eq 'TrimBox: +0\.00 +0\.00 +595\.28 +841\.89' && ok || bad "TrimBox is not the A4 page"
echo "$boxes" | grep -Eq 'CropBox: +0\.00 +0\.00 +595\.28 +841\.89' && ok || bad "CropBox is not the trimmed page"
# The title page's colour band runs into the bleed: a pixel in the bleed
# (top-left corner of the media box) is blue, not white.
pdftoppm -r 20 -f 1 -l 1 -singlefile -png "$tmp/r.pdf" "$tmp/p"
corner=$(convert "$tmp/p.png" -format '%[fx:int(255*p{1,1}.b)],%[fx:int(255*p{1,1}.r)]' info: 2>/dev/null)
b=${corner%,*}; r=${corner#*,}
[ -n "$corner" ] && [ "$b" -gt 100 ] && [ "$r" -lt 60 ] && ok || bad "bleed corner is not the blue band (b,r = $corner)"

# First body page: its first text line is ~40mm lower than on the next page.
first=$(qpdf --json --json-key=pagelabels "$tmp/r.pdf" | tr -d ' \n' | grep -o '"index":[0-9]*,"label":{"/S":"/D"' | head -1 | grep -o '[0-9]*' | head -1)
top_of() {  # y of the highest word on physical page $1 (1-based) below the header zone
  pdftotext -f "$1" -l "$1" -bbox "$tmp/r.pdf" - | sed -n 's/.*yMin="\([0-9.]*\)".*/\1/p' | sort -n | awk '$1 > 50 {print; exit}'
}
y1=$(top_of $((first + 1))); y2=$(top_of $((first + 3)))
awk -v a="$y1" -v b="$y2" 'BEGIN {exit !(a - b > 90 && a - b < 130)}' && ok || bad "first body page text top $y1 vs $y2 later: not ~113pt lower"
# ... and has no header (the section title would stand above the text).
pdftotext -f $((first + 1)) -l $((first + 1)) -bbox "$tmp/r.pdf" - | sed -n 's/.*yMin="\([0-9.]*\)".*/\1/p' | awk '$1 < 80 {found=1} END {exit found}' && ok || bad "first body page still has a header"

# Blank verso pages (left before a chapter) now carry a footer: a page
# number alone on the page.
blanks=0
pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq $((first + 1)) "$pages"); do
  words=$(pdftotext -f "$p" -l "$p" "$tmp/r.pdf" - | tr -s ' \n\f' '\n' | grep -c .)
  if [ "$words" -ge 1 ] && [ "$words" -le 6 ]; then blanks=$((blanks+1)); fi
done
[ "$blanks" -ge 1 ] && ok || bad "no blank page with a footer found"

# A variant that changes the text width is refused, located.
cp -r "$REPO/layouts" "$tmp/bad"
sed -i 's|<toc levels="2"/>|<toc levels="2"/>\n  <page-variant for="left" margin-inner="40mm"/>|' "$tmp/bad/report.xml"
"$BIN" render "$REPO/samples/report-en.xml" -o "$tmp/bad.pdf" --layouts "$tmp/bad" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "width-changing variant: exit $rc, expected 1"
grep -Eq 'report\.xml:[0-9]+:[0-9]+: error: <page-variant for="left"> changes the text width' "$tmp/err" && ok || bad "no located width error: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.pdf" ] && ok || bad "refused layout left a PDF"
# Unknown 'for' value, located, with the allowed values.
sed -i 's|<page-variant for="left" margin-inner="40mm"/>|<page-variant for="odd"/>|' "$tmp/bad/report.xml"
"$BIN" render "$REPO/samples/report-en.xml" -o "$tmp/bad.pdf" --layouts "$tmp/bad" 2>"$tmp/err"
grep -Eq 'report\.xml:[0-9]+:[0-9]+: error: .*first, left, right or blank' "$tmp/err" && ok || bad "no located error for for=\"odd\": $(cat "$tmp/err")"

echo "page_masters: $pass passed, $fail failed"
[ $fail -eq 0 ]
