#!/usr/bin/env bash
# The report's table of contents: every entry's page number is the page on
# which that section's heading stands, reading page labels (roman front
# matter, then 1, 2, 3 ...) from the PDF itself.
set -u
BIN=$1; REPO=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

"$BIN" render "$REPO/samples/report-en.xml" -o "$tmp/r.pdf" 2>/dev/null || { echo "FAIL: render"; exit 1; }
# Physical index (0-based) where decimal page labels start.
first=$(qpdf --json --json-key=pagelabels "$tmp/r.pdf" | tr -d ' \n' | grep -o '"index":[0-9]*,"label":{"/S":"/D"' | head -1 | grep -o '[0-9]*' | head -1)
[ -n "$first" ] || { echo "FAIL: no decimal page labels"; exit 1; }
pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')

# Contents pages: those before the body that hold "Contents".
entries=0
seen=0
for p in $(seq 1 "$first"); do
  pdftotext -f "$p" -l "$p" -layout "$tmp/r.pdf" - 2>/dev/null > "$tmp/page.txt"
  grep -q "Contents" "$tmp/page.txt" && seen=1
  [ $seen -eq 1 ] && cat "$tmp/page.txt"
done > "$tmp/toc.txt"
grep -q "Contents" "$tmp/toc.txt" || { echo "FAIL: no contents page"; exit 1; }
while IFS= read -r line; do
  # "  1.2  Title words ...            14"
  num=$(echo "$line" | sed -E 's/.*[^0-9]([0-9]+)[[:space:]]*$/\1/')
  title=$(echo "$line" | sed -E 's/[[:space:]]+[0-9]+[[:space:]]*$//; s/^[[:space:]]*//')
  [ -n "$title" ] || continue
  entries=$((entries+1))
  phys=$((first + num))   # label n is physical page first+n (1-based)
  if [ "$phys" -gt "$pages" ]; then bad "'$title': page $num beyond the end"; continue; fi
  # The heading text on that page (first three words, numbers included).
  words=$(echo "$title" | awk '{print $1" "$2" "$3}' | sed -E 's/ +$//')
  if pdftotext -f "$phys" -l "$phys" -layout "$tmp/r.pdf" - 2>/dev/null | tr -s ' ' | grep -qF "$words"; then
    pass=$((pass+1))
  else
    bad "'$title' listed on page $num but not found on that page"
  fi
done < <(grep -E '^ *([0-9]+(\.[0-9]+)*|Annex [A-Z]|[A-Z][a-z]+).*[^0-9][0-9]+ *$' "$tmp/toc.txt" | grep -v "Contents")

[ $entries -ge 30 ] || bad "only $entries contents entries found"
echo "toc_pages: $pass checks passed, $fail failed ($entries entries)"
[ $fail -eq 0 ]
