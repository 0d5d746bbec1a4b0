#!/usr/bin/env bash
# Generate a long report for benchmarks and layout tests.
#
#   scripts/gen-long-report.sh N OUT.xml
#
# Writes a valid report of roughly N pages (report layout) by repeating the
# chapters (the <body> sections) of samples/report-long-en.xml. Everything
# outside <body> (meta, summary, annexes, back page) is kept once. In copy 2,
# 3, ... every id defined inside <body> gets the suffix "-cK" and every
# <ref target> pointing at such an id is rewritten the same way, so ids stay
# unique and each copy's cross-references point into that copy. References to
# ids outside <body> (annex tables) are left alone. The chapter titles of the
# copies are marked "(K)" so the table of contents stays readable.
#
# Deterministic, no dependencies beyond bash and awk. The page estimate uses
# PAGES_BASE (pages of the sample as rendered) and PAGES_BODY (pages taken by
# its <body>); adjust them if the layout changes a lot.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 PAGES OUT.xml" >&2
  exit 2
fi
pages=$1
out=$2
src=${SRC:-samples/report-long-en.xml}
PAGES_BASE=${PAGES_BASE:-89}   # whole sample
PAGES_BODY=${PAGES_BODY:-74}   # the chapters alone (without cover, ToC, annexes)

# copies = 1 + round((pages - base) / body), at least 1
copies=$(awk -v n="$pages" -v b="$PAGES_BASE" -v c="$PAGES_BODY" \
  'BEGIN { k = 1 + int((n - b) / c + 0.5); if (k < 1) k = 1; print k }')

awk -v copies="$copies" '
  # Pass 1 (NR == FNR): collect the ids defined inside <body>.
  NR == FNR {
    if ($0 ~ /^[ \t]*<body[ >]/) { inbody = 1; next }
    if ($0 ~ /^[ \t]*<\/body>/) { inbody = 0; next }
    if (inbody) {
      s = $0
      while (match(s, /[ \t]id="[^"]*"/)) {
        v = substr(s, RSTART, RLENGTH); sub(/^[ \t]id="/, "", v); sub(/"$/, "", v)
        ids[v] = 1
        s = substr(s, RSTART + RLENGTH)
      }
    }
    next
  }
  # rewrite id="X" / target="X" for X in ids
  function suffix(line, k,    out, m, attr, v) {
    out = ""
    while (match(line, /(id|target)="[^"]*"/)) {
      m = substr(line, RSTART, RLENGTH)
      attr = m; sub(/=.*/, "", attr)
      v = m; sub(/^[a-z]*="/, "", v); sub(/"$/, "", v)
      # only whole attributes: the character before must be a space
      if ((v in ids) && (RSTART == 1 || substr(line, RSTART - 1, 1) ~ /[ \t]/))
        m = attr "=\"" v "-c" k "\""
      out = out substr(line, 1, RSTART - 1) m
      line = substr(line, RSTART + RLENGTH)
    }
    return out line
  }
  # Pass 2: head, then the body copies, then the tail.
  {
    if (state == 0) {
      print
      if ($0 ~ /^[ \t]*<body[ >]/) state = 1
      next
    }
    if (state == 1) {
      if ($0 ~ /^[ \t]*<\/body>/) {
        for (k = 2; k <= copies; k++) {
          depth = 0
          for (i = 1; i <= nbody; i++) {
            l = suffix(body[i], k)
            # mark the level-1 titles of copies: the line after a level-1 <section
            if (body[i] ~ /^    <section[ >]/) mark = 1
            else if (mark && l ~ /<title>/) { sub(/<\/title>/, " (" k ")</title>", l); mark = 0 }
            print l
          }
        }
        print
        state = 2
        next
      }
      body[++nbody] = $0
      print
      next
    }
    print
  }
' "$src" "$src" > "$out"
echo "$out: $copies copies of the chapters (~$((PAGES_BASE + (copies - 1) * PAGES_BODY)) pages)" >&2
