#!/usr/bin/env bash
# End-to-end: failing documents are reported and never stop a batch.
#
#   bash batch_failures.sh /path/to/emnpub /path/to/repo
#
# A folder with good documents and four bad ones (a tag mismatch, a schema
# violation, a DOCTYPE, a report while the layouts folder has no report
# layout) plus an XML file that is not a publication:
#   - exit 1; the good documents still render to valid PDFs
#   - the JSON report (--report FILE) lists exactly the four failures, each
#     with its located message (file, line, column, "FILE:LINE:COL: error:")
#   - stderr carries a readable summary with the same located lines
#   - the manifest records them as failed; the other XML file is ignored
#   - a rerun retries only the failures; once fixed, a document renders
#   - on a terminal (script(1)) progress is a live bar with done/total,
#     docs/s, pages/s, ETA and failures
#   - bad options are usage errors (exit 2)
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
command -v qpdf >/dev/null || { echo "FAIL: qpdf not installed"; exit 1; }

. "$(dirname "$0")/lib/checks.sh"
show() { head -c 600 "$1" | tr '\n' '|'; }
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}
report_list() {
  awk -v sec="$2" '
    /^  "[a-z_]+": / { inside = index($0, "  \"" sec "\": ") == 1 }
    inside && /^ +"input": / { v = $0; sub(/^ +"input": "/, "", v); sub(/",?$/, "", v); print v }
  ' "$1" | sort
}
# failure_field REPORT INPUT FIELD: FIELD of the first diagnostic of INPUT
failure_field() {
  awk -v in_="$2" -v f="$3" '
    /^  "[a-z_]+": / { failed = index($0, "  \"failed\": ") == 1 }
    failed && /^ +"input": / { v = $0; sub(/^ +"input": "/, "", v); sub(/",?$/, "", v); mine = v == in_ }
    failed && mine && index($0, "          \"" f "\": ") == 1 && !done {
      v = substr($0, length(f) + 15); sub(/,$/, "", v); gsub(/^"|"$/, "", v); print v; done = 1
    }' "$1"
}

IN=$T/in
LAY=$T/layouts
mkdir -p "$IN/good" "$IN/bad" "$IN/reports"
cp -r "$REPO/layouts" "$LAY"
rm "$LAY/report.xml"
cp "$REPO/samples/inform-en.xml" "$REPO/samples/bulletin-en.xml" "$IN/good/"
cp "$REPO/samples/report-fr.xml" "$IN/reports/"
cat >"$IN/good/small.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1">
  <meta>
    <title>Batch failures</title>
    <date>2026-03-16</date>
  </meta>
  <body>
    <section id="s1">
      <title>Introduction</title>
      <p>Labour shortages affect nearly every Member State.</p>
    </section>
  </body>
</publication>
EOF
# line 10: <em> never closed
sed 's|<p>Labour shortages affect|<p>Labour <em>shortages affect|' "$IN/good/small.xml" >"$IN/bad/tag.xml"
# line 11: an element the format does not have
sed 's|^    </section>|      <bogus/>\n    </section>|' "$IN/good/small.xml" >"$IN/bad/schema.xml"
# line 2: a DOCTYPE (refused before any parse of the content)
sed '1a <!DOCTYPE publication>' "$IN/good/small.xml" >"$IN/bad/doctype.xml"
printf '<?xml version="1.0"?>\n<!-- not ours -->\n<urlset><url/></urlset>\n' >"$IN/sitemap.xml"

GOOD="good/bulletin-en.xml
good/inform-en.xml
good/small.xml"
BAD="bad/doctype.xml
bad/schema.xml
bad/tag.xml
reports/report-fr.xml"

OUT=$T/out
REPORT=$T/my-report.json
timeout 120 "$BIN" batch "$IN" -o "$OUT" --layouts "$LAY" --report "$REPORT" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "exit code with failures (stderr: $(show "$T/stderr"))" 1 "$RC"
for d in $GOOD; do
  pdf=$OUT/${d%.xml}.pdf
  if [ -f "$pdf" ] && qpdf --check "$pdf" >/dev/null 2>&1; then pass; else fail "$d did not render beside the failures"; fi
done
for d in $BAD; do
  if [ -e "$OUT/${d%.xml}.pdf" ]; then fail "a PDF exists for the failed $d"; else pass; fi
done
if [ -f "$REPORT" ]; then pass; else fail "no report at --report $REPORT"; fi
if [ -e "$OUT/batch-report.json" ]; then fail "report also written to the default place despite --report"; else pass; fi
check "rendered" "$GOOD" "$(report_list "$REPORT" rendered)"
check "failed" "$BAD" "$(report_list "$REPORT" failed)"
check "ignored" "sitemap.xml" "$(report_list "$REPORT" ignored)"

# located messages: file, line, column in the JSON and on stderr
loc() {  # loc INPUT LINE KIND
  local d=$1
  check "$d: file" "$IN/$d" "$(failure_field "$REPORT" "$d" file)"
  check "$d: line" "$2" "$(failure_field "$REPORT" "$d" line)"
  check "$d: kind" "$3" "$(failure_field "$REPORT" "$d" kind)"
  local col text
  col=$(failure_field "$REPORT" "$d" column)
  if [ -n "$col" ] && [ "$col" -gt 0 ]; then pass; else fail "$d: no column in the report: '$col'"; fi
  text=$(failure_field "$REPORT" "$d" text)
  case $text in
    "$IN/$d:$2:$col: error: "?*) pass ;;
    *) fail "$d: report text is not FILE:LINE:COL: error: MESSAGE: '$text'" ;;
  esac
  if grep -qF "    $IN/$d:$2:$col: error: " "$T/stderr"; then pass; else
    fail "$d: the stderr summary lacks its located message: $(show "$T/stderr")"
  fi
}
loc bad/tag.xml 10 not-xml
loc bad/schema.xml 11 schema
loc bad/doctype.xml 2 forbidden
check "missing layout: kind" layout "$(failure_field "$REPORT" reports/report-fr.xml kind)"
case $(failure_field "$REPORT" reports/report-fr.xml text) in
  *"no layout file for 'report'"*) pass ;;
  *) fail "missing layout: message does not say so: $(failure_field "$REPORT" reports/report-fr.xml text)" ;;
esac
if grep -q '^batch: .*3 rendered, 0 up to date, 4 failed' "$T/stderr"; then pass; else fail "no totals line on stderr: $(show "$T/stderr")"; fi
if grep -q '^batch: failed documents:' "$T/stderr"; then pass; else fail "no failure summary on stderr"; fi
if grep -q "\"bad/tag.xml\": {" "$OUT/emnpub-manifest.json" &&
   awk '/"bad\/tag.xml": \{/ {f = 1} f && /"status"/ {print; exit}' "$OUT/emnpub-manifest.json" | grep -q '"failed"'; then
  pass
else
  fail "the manifest does not record bad/tag.xml as failed"
fi

# --- a rerun retries the failures only; a fixed document then renders ---
timeout 120 "$BIN" batch "$IN" -o "$OUT" --layouts "$LAY" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "rerun exit code" 1 "$RC"
check "rerun rendered" "" "$(report_list "$OUT/batch-report.json" rendered)"
check "rerun failed" "$BAD" "$(report_list "$OUT/batch-report.json" failed)"
cp "$IN/good/small.xml" "$IN/bad/tag.xml"
rm "$IN/bad/schema.xml" "$IN/bad/doctype.xml" "$IN/reports/report-fr.xml"
timeout 120 "$BIN" batch "$IN" -o "$OUT" --layouts "$LAY" </dev/null >"$T/stdout" 2>"$T/stderr"
RC=$?
check "after the fixes: exit code (stderr: $(show "$T/stderr"))" 0 "$RC"
check "after the fixes: rendered" "bad/tag.xml" "$(report_list "$OUT/batch-report.json" rendered)"
if qpdf --check "$OUT/bad/tag.pdf" >/dev/null 2>&1; then pass; else fail "the fixed document has no valid PDF"; fi
if grep -q '"bad/schema.xml"' "$OUT/emnpub-manifest.json"; then fail "the manifest keeps a record of a deleted input"; else pass; fi

# --- live progress bar on a terminal ---
if command -v script >/dev/null; then
  cp "$REPO/samples/bulletin-en.xml" "$IN/bad/schema.xml"
  sed -i 's|<title>|<title><bogus/>|' "$IN/bad/schema.xml"
  TERM=xterm timeout 120 script -qec "'$BIN' batch '$IN' -o '$T/tty-out' --layouts '$LAY' --jobs 1" /dev/null >"$T/tty" 2>&1
  out=$(tr -d '\000' <"$T/tty")
  case $out in *$'\r'*) pass ;; *) fail "terminal progress: no carriage return redraws" ;; esac
  for want in "docs/s" "pages/s" "ETA " "1 failure" "/5 " "[#"; do
    case $out in *"$want"*) pass ;; *) fail "terminal progress lacks '$want': $(printf '%s' "$out" | tr '\r\n' '||' | head -c 500)" ;; esac
  done
  case $out in *"FAILED bad/schema.xml: "*) pass ;; *) fail "terminal progress does not show the failure" ;; esac
  if printf '%s' "$out" | tr '\r' '\n' | grep -q '^\[[0-9]*/[0-9]*\] rendered'; then fail "plain log lines on a terminal"; else pass; fi
else
  fail "script(1) (bsdutils) is needed for the terminal progress check"
fi

# --- usage errors ---
usage() {
  timeout 30 "$BIN" batch "$@" </dev/null >"$T/stdout" 2>"$T/stderr"
  RC=$?
  check "usage error for: batch $*" 2 "$RC"
}
usage "$IN"
usage "$IN" -o "$T/u" --shard 0/3
usage "$IN" -o "$T/u" --shard 4/3
usage "$IN" -o "$T/u" --shard 3
usage "$IN" -o "$T/u" --jobs 0
usage "$IN" -o "$T/u" --jobs two
usage "$T/no-such-folder" -o "$T/u"
usage "$IN" -o "$T/u" --no-such-option
if [ -e "$T/u" ]; then fail "a usage error created the output folder"; else pass; fi

finish batch_failures
