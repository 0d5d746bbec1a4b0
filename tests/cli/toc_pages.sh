#!/usr/bin/env bash
# The report's table of contents: every entry's page number is the page on
# which that section's heading stands, reading page labels (roman front
# matter, then 1, 2, 3 ...) from the PDF itself. Checked for
# samples/report-en.xml and, when present, samples/report-long-en.xml.
set -u
. "$(dirname "$0")/lib/args.sh" "$@"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

check_toc() {  # sample-name minimum-entries
  local name=$1 min=$2 first pages entries seen p line num title phys words
  "$BIN" render "$REPO/samples/$name.xml" -o "$tmp/r.pdf" 2>/dev/null || { bad "$name: render"; return; }
  # Physical index (0-based) where decimal page labels start.
  first=$(qpdf --json --json-key=pagelabels "$tmp/r.pdf" | tr -d ' \n' | grep -o '"index":[0-9]*,"label":{"/S":"/D"' | head -1 | grep -o '[0-9]*' | head -1)
  [ -n "$first" ] || { bad "$name: no decimal page labels"; return; }
  pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')

  # One text file per page (pdftotext separates pages with a form feed).
  rm -f "$tmp"/p-*.txt
  pdftotext -layout "$tmp/r.pdf" - 2>/dev/null | awk -v d="$tmp" 'BEGIN { p = 1 } { while ((i = index($0, "\f")) > 0) { print substr($0, 1, i - 1) > (d "/p-" p ".txt"); close(d "/p-" p ".txt"); p++; $0 = substr($0, i + 1) } print > (d "/p-" p ".txt") }'
  # Contents pages: those before the body that hold "Contents".
  entries=0
  seen=0
  for p in $(seq 1 "$first"); do
    touch "$tmp/p-$p.txt"
    grep -q "Contents" "$tmp/p-$p.txt" && seen=1
    [ $seen -eq 1 ] && cat "$tmp/p-$p.txt"
  done > "$tmp/toc.txt"
  grep -q "Contents" "$tmp/toc.txt" || { bad "$name: no contents page"; return; }
  while IFS= read -r line; do
    # "  1.2  Title words ...            14"
    num=$(echo "$line" | sed -E 's/.*[^0-9]([0-9]+)[[:space:]]*$/\1/')
    title=$(echo "$line" | sed -E 's/[[:space:]]+[0-9]+[[:space:]]*$//; s/^[[:space:]]*//')
    [ -n "$title" ] || continue
    entries=$((entries+1))
    phys=$((first + num))   # label n is physical page first+n (1-based)
    if [ "$phys" -gt "$pages" ]; then bad "$name: '$title': page $num beyond the end"; continue; fi
    # The heading text on that page (first three words, numbers included).
    words=$(echo "$title" | awk '{print $1" "$2" "$3}' | sed -E 's/ +$//')
    if tr -s ' ' < "$tmp/p-$phys.txt" 2>/dev/null | grep -qF "$words"; then
      pass=$((pass+1))
    else
      bad "$name: '$title' listed on page $num but not found on that page"
    fi
  done < <(grep -E '^ *([0-9]+(\.[0-9]+)*|Annex [A-Z]|[A-Z][a-z]+).*[^0-9][0-9]+ *$' "$tmp/toc.txt" | grep -v "Contents")

  [ $entries -ge "$min" ] || bad "$name: only $entries contents entries found (expected at least $min)"
  echo "  $name: $entries entries"
}

check_toc report-en 30
[ -f "$REPO/samples/report-long-en.xml" ] && check_toc report-long-en 30
echo "toc_pages: $pass checks passed, $fail failed"
[ $fail -eq 0 ]
