#!/usr/bin/env bash
# A character that no font in the fallback chain has is a located warning
# naming its code point and the fonts tried, drawn as a placeholder; with
# --strict it is an error and nothing is written.
set -u
. "$(dirname "$0")/lib/args.sh" "$@"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }
cat > "$tmp/doc.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1" id="glyphs">
  <meta><title>Glyphs</title><date>2026-01-01</date></meta>
  <body>
    <section id="s"><title>Scripts</title>
      <p>Latin, Ελληνικά, Български, العربية, and one character no installed font has: 中.</p>
    </section>
  </body>
</publication>
EOF2
"$BIN" render "$tmp/doc.xml" -o "$tmp/a.pdf" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] && ok || bad "exit $rc without --strict"
[ -s "$tmp/a.pdf" ] && ok || bad "no PDF without --strict"
grep -Eq "doc.xml:6:[0-9]+: warning: .*U\+4E2D.*tried Noto" "$tmp/err" && ok || bad "warning lacks position, code point or chain: $(cat "$tmp/err")"
[ "$(grep -c warning "$tmp/err")" -eq 1 ] && ok || bad "expected exactly one warning: $(cat "$tmp/err")"
pdftotext "$tmp/a.pdf" - | grep -q "Ελληνικά" && ok || bad "Greek text missing"
"$BIN" render "$tmp/doc.xml" -o "$tmp/b.pdf" --strict 2>"$tmp/err2"; rc=$?
[ $rc -eq 1 ] && ok || bad "exit $rc with --strict"
[ ! -e "$tmp/b.pdf" ] && ok || bad "PDF written with --strict"
grep -Eq "doc.xml:6:[0-9]+: error: .*U\+4E2D" "$tmp/err2" && ok || bad "strict error not located: $(cat "$tmp/err2")"
echo "missing_glyph: $pass checks passed, $fail failed"
[ $fail -eq 0 ]
