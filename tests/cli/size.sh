#!/usr/bin/env bash
# End-to-end: a one-page document gives a small PDF with only the fonts it uses.
#
#   bash size.sh /path/to/emnpub /path/to/repo
#
# A short inform (title, one section heading, two English paragraphs, one with
# <strong>) must render to
#   - exactly 1 page, under 40,000 bytes (size printed)
#   - at most 4 fonts, each embedded once: exactly Noto Sans Bold (cover, title,
#     heading), Noto Sans Regular (cover tagline, footer), Noto Serif Regular
#     (body) and Noto Serif Bold (<strong>) -- no italic, no fallback font
#   - a PDF that passes qpdf --check
set -u

. "$(dirname "$0")/lib/args.sh" "$@"

. "$(dirname "$0")/lib/checks.sh"

LIMIT=40000

cat >"$T/one-page.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1">
  <meta>
    <title>Short note</title>
    <date>2026-03-16</date>
  </meta>
  <body>
    <section id="sec-overview">
      <title>Overview</title>
      <p>Labour shortages affect nearly every Member State of the European Union, and employers in Belgium report persistent difficulties in filling vacancies in health care, construction and logistics.</p>
      <p>The single permit procedure now takes <strong>90 days</strong> on average, which is shorter than in previous years.</p>
    </section>
  </body>
</publication>
EOF

timeout 60 "$BIN" render "$T/one-page.xml" -o "$T/one-page.pdf" >/dev/null 2>"$T/err"
rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$T/one-page.pdf" ]; then
  echo "FAIL: render exit code $rc: $(head -c 400 "$T/err" | tr '\n' '|')"
  echo "size: 0 checks passed, 1 failed"
  exit 1
fi
pass

size=$(wc -c <"$T/one-page.pdf")
echo "one-page PDF: $size bytes (limit $LIMIT)"
if [ "$size" -lt "$LIMIT" ]; then pass; else fail "one-page PDF is $size bytes, expected < $LIMIT"; fi

pages=$(pdfinfo "$T/one-page.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "$pages" = 1 ]; then pass; else fail "expected 1 page, got '$pages'"; fi

if qpdf --check "$T/one-page.pdf" >/dev/null 2>&1; then pass; else fail "qpdf --check failed"; fi

pdffonts "$T/one-page.pdf" >"$T/fonts" 2>/dev/null
echo "fonts:"
awk 'NR > 2 && NF >= 6 { print "  " $1 }' "$T/fonts"
# base names without the subset tag ABCDEF+
awk 'NR > 2 && NF >= 6 { n = $1; sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", n); print n }' "$T/fonts" | sort >"$T/names"
count=$(wc -l <"$T/names")
if [ "$count" -ge 1 ] && [ "$count" -le 4 ]; then pass; else fail "expected 1..4 fonts, got $count"; fi
dups=$(uniq -d "$T/names")
if [ -z "$dups" ]; then pass; else fail "fonts embedded more than once: $(echo $dups)"; fi
printf '%s\n' NotoSans-Bold NotoSans-Regular NotoSerif-Bold NotoSerif-Regular | sort >"$T/want"
if cmp -s "$T/want" <(sort -u "$T/names"); then pass; else
  fail "fonts are [$(sort -u "$T/names" | tr '\n' ' ')], expected exactly [$(tr '\n' ' ' <"$T/want")]"
fi
bad=$(awk 'NR > 2 && NF >= 6 && !($(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes") { print $1 }' "$T/fonts")
if [ -z "$bad" ]; then pass; else fail "fonts not embedded+subset+unicode: $(echo $bad)"; fi

finish size
