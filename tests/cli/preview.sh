#!/usr/bin/env bash
# End-to-end: `emnpub preview`, driven with curl (the real browser test is
# tests/browser/preview.test.mjs).
#
#   bash preview.sh /path/to/emnpub /path/to/repo
#
# layouts/ and two samples are copied to a temp folder and the preview is
# started on a free port with --layouts COPY. Checks:
#   - usage: no sample -> exit 2; pdf.js missing (--web-dir elsewhere) -> exit 2
#     with a message naming pdf.js
#   - it listens on 127.0.0.1 only (ss; 127.0.0.2 is refused), and answers
#     loopback Host names only
#   - the page, its script and pdf.js are served; paths out of pdf.js are not
#   - /pdf is the sample's PDF; /status and /samples describe it
#   - the event stream (SSE) delivers a new state after the layout file is
#     edited, and /pdf then serves a different PDF
#   - a broken layout: an event whose errors hold "COPY/inform.xml:LINE:COL:
#     error:" for the edited line; /pdf still serves the last good PDF;
#     fixing it renders again
#   - a broken sample is reported with its own location, the PDF stays
#   - POST /select opens another sample (and refuses names outside the folder)
#   - SIGTERM ends it with exit 0
set -u

. "$(dirname "$0")/lib/args.sh" "$@"
if ! "$BIN" --help | grep -q '^  preview'; then
  echo "preview: this emnpub has no preview command (built with EMNPUB_WITH_HTTP=OFF); nothing to test"
  exit 0
fi

PID=""
on_exit() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID" 2>/dev/null; fi
  jobs -p | xargs -r kill 2>/dev/null
}
. "$(dirname "$0")/lib/checks.sh"
check() { if eval "$2"; then pass; else fail "$1"; fi; }  # check WHAT CONDITION
show() { head -c 600 "$1" | tr '\n' '|'; }

cp -R "$REPO/layouts" "$T/layouts"
mkdir "$T/samples"
cp "$REPO/samples/inform-en.xml" "$REPO/samples/bulletin-en.xml" "$T/samples/"
SAMPLE="$T/samples/inform-en.xml"
IF="$T/layouts/inform.xml"

# pdf.js comes from web/node_modules (scripts/setup.sh). Without it, a stub
# stands in: this test checks the server, not pdf.js.
WEB="$REPO/web"
if [ ! -f "$WEB/node_modules/pdfjs-dist/build/pdf.mjs" ]; then
  echo "note: $WEB/node_modules/pdfjs-dist is not installed (scripts/setup.sh); using a stub pdf.js"
  WEB="$T/web"
  mkdir -p "$WEB/node_modules/pdfjs-dist/build"
  echo 'export const stub = 1;' >"$WEB/node_modules/pdfjs-dist/build/pdf.mjs"
  echo 'export const stub = 1;' >"$WEB/node_modules/pdfjs-dist/build/pdf.worker.mjs"
fi

# --- usage and a missing pdf.js ---
timeout 20 "$BIN" preview </dev/null >"$T/out" 2>"$T/err"
RC=$?
check "preview without a sample: expected exit 2, got $RC" '[ $RC -eq 2 ]'
timeout 20 "$BIN" preview "$SAMPLE" --port 0 --web-dir "$T/nowhere" </dev/null >"$T/out" 2>"$T/err"
RC=$?
check "pdf.js missing: expected exit 2, got $RC" '[ $RC -eq 2 ]'
check "pdf.js missing: stderr should name pdf.js and web: $(show "$T/err")" 'grep -q "pdf.js" "$T/err" && grep -q "npm ci --prefix web" "$T/err"'
timeout 20 "$BIN" preview "$T/samples/none.xml" --port 0 --web-dir "$WEB" </dev/null >"$T/out" 2>"$T/err"
RC=$?
check "missing sample: expected exit 1, got $RC" '[ $RC -eq 1 ] && grep -qF "$T/samples/none.xml" "$T/err"'

# --- start ---
"$BIN" preview "$SAMPLE" --layouts "$T/layouts" --port 0 --web-dir "$WEB" </dev/null >"$T/out" 2>"$T/log" &
PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT=$(sed -n 's|^emnpub preview: open http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$T/log" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$PORT" ]; then
  fail "the preview did not start (no 'emnpub preview: open http://127.0.0.1:PORT/' line): $(show "$T/log")"
  finish preview
fi
URL="http://127.0.0.1:$PORT"

# fetch PATH FILE [curl args]: sets CODE and TYPE; the body goes to FILE
fetch() {
  local path=$1 file=$2
  shift 2
  local meta
  meta=$(curl -sS --max-time 10 -o "$file" -w '%{http_code} %{content_type}' "$@" "$URL$path" 2>"$T/curl.err")
  CODE=${meta%% *}
  TYPE=${meta#* }
}
status() { curl -sS --max-time 5 "$URL/status"; }
# matches TEXT REGEX...: TEXT matches every extended regex
matches() {
  local text=$1
  shift
  for re in "$@"; do printf '%s' "$text" | grep -Eq -- "$re" || return 1; done
}
# wait_status REGEX...: until /status matches every regex (10 s at most)
wait_status() {
  local until=$((SECONDS + 10))
  while [ $SECONDS -lt $until ]; do
    if matches "$(status)" "$@"; then return 0; fi
    sleep 0.1
  done
  return 1
}
gen() { status | sed -n 's/.*"pdf_generation":\([0-9]*\).*/\1/p'; }

# --- loopback only ---
if command -v ss >/dev/null; then
  LISTEN=$(ss -Htln "sport = :$PORT" | awk '{print $4}')
  check "should listen on 127.0.0.1:$PORT only, listens on: $LISTEN" '[ "$LISTEN" = "127.0.0.1:$PORT" ]'
fi
check "127.0.0.2:$PORT should refuse connections (bound to 127.0.0.1 only)" \
  '! curl -s --max-time 3 -o /dev/null "http://127.0.0.2:$PORT/"'
fetch / "$T/page" -H "Host: preview.example.com:$PORT"
check "a foreign Host header should get 403, got $CODE" '[ "$CODE" = 403 ]'

# --- page, script, pdf.js ---
fetch / "$T/page"
check "GET / should be 200 text/html, got $CODE $TYPE" '[ "$CODE" = 200 ] && [[ $TYPE == text/html* ]]'
check "the page should load /preview.js: $(show "$T/page")" 'grep -q "/preview.js" "$T/page" && grep -q "id=\"errors\"" "$T/page"'
fetch /preview.js "$T/js"
check "GET /preview.js should be JavaScript importing pdf.js, got $CODE $TYPE" \
  '[ "$CODE" = 200 ] && [[ $TYPE == text/javascript* ]] && grep -q "/pdfjs/build/pdf.mjs" "$T/js"'
fetch /preview.css "$T/css"
check "GET /preview.css should be 200 text/css, got $CODE $TYPE" '[ "$CODE" = 200 ] && [[ $TYPE == text/css* ]]'
fetch /pdfjs/build/pdf.mjs "$T/pdfmjs"
check "GET /pdfjs/build/pdf.mjs should be 200 JavaScript, got $CODE $TYPE" \
  '[ "$CODE" = 200 ] && [[ $TYPE == text/javascript* ]] && cmp -s "$T/pdfmjs" "$WEB/node_modules/pdfjs-dist/build/pdf.mjs"'
fetch /pdfjs/build/pdf.worker.mjs "$T/worker"
check "GET /pdfjs/build/pdf.worker.mjs should be 200, got $CODE" '[ "$CODE" = 200 ]'
fetch /pdfjs/../../../../etc/passwd "$T/esc" --path-as-is
check "a path out of pdf.js must not be served, got $CODE" '[ "$CODE" = 404 ] && ! grep -q "root:" "$T/esc"'
fetch /pdfjs/build/%2e%2e/package.json "$T/esc"
check "an encoded .. must not be served, got $CODE" '[ "$CODE" = 404 ]'
fetch /nothing-here "$T/none"
check "an unknown path should be 404, got $CODE" '[ "$CODE" = 404 ]'
fetch /pdf "$T/none" -X DELETE
check "DELETE /pdf should be 405, got $CODE" '[ "$CODE" = 405 ]'

# --- the first render ---
check "the first render should succeed: $(status)" 'wait_status "\"ok\":true" "\"pdf_generation\":1,"'
fetch /pdf "$T/1.pdf"
check "GET /pdf should be 200 application/pdf, got $CODE $TYPE" '[ "$CODE" = 200 ] && [ "$TYPE" = application/pdf ]'
check "GET /pdf should be a PDF with pages" 'pdfinfo "$T/1.pdf" 2>/dev/null | grep -Eq "^Pages: +[1-9]"'
check "/status should name the sample and the layout: $(status)" \
  'status | grep -qF "\"sample\":\"$SAMPLE\"" && status | grep -qF "\"layout\":\"inform\""'
fetch /samples "$T/samples.json"
check "/samples should list both samples and the layouts: $(show "$T/samples.json")" \
  'grep -qF "\"bulletin-en.xml\",\"inform-en.xml\"" "$T/samples.json" && grep -qF "\"inform\"" "$T/samples.json"'

# --- a layout edit reaches an open event stream ---
G=$(gen)
curl -sN --max-time 15 "$URL/events" >"$T/sse" 2>/dev/null &
SSE=$!
for _ in $(seq 1 50); do grep -q '^event: status' "$T/sse" && break; sleep 0.1; done
check "the event stream should send the current state on connect: $(show "$T/sse")" \
  'grep -q "^event: status" "$T/sse" && grep -q "^data: {.*\"pdf_generation\":$G" "$T/sse"'
sed -i 's|</layout>|  <style match="doc-title" color="#CC0000"/>\n</layout>|' "$IF"
NEXT=$((G + 1))
for _ in $(seq 1 100); do grep -q "^data: {.*\"pdf_generation\":$NEXT," "$T/sse" && break; sleep 0.1; done
check "after editing inform.xml the event stream should deliver pdf_generation $NEXT within 10 s: $(show "$T/sse")" \
  'grep "^data: {.*\"pdf_generation\":$NEXT," "$T/sse" | grep -q "\"ok\":true"'
kill "$SSE" 2>/dev/null
wait "$SSE" 2>/dev/null
fetch /pdf "$T/2.pdf"
check "after the edit /pdf should be a new PDF" '[ "$CODE" = 200 ] && ! cmp -s "$T/1.pdf" "$T/2.pdf"'

# --- a broken layout: located error, the last good PDF stays ---
cp "$IF" "$T/inform.good"
n=$(grep -n '<style match="body"' "$IF" | head -n 1 | cut -d: -f1)
sed -i "${n}s|<style match=\"body\"|<style match=\"body\" colour=\"red\"|" "$IF"
curl -sN --max-time 10 "$URL/events" >"$T/sse" 2>/dev/null &
SSE=$!
for _ in $(seq 1 100); do grep -q '^data: {.*"ok":false' "$T/sse" && break; sleep 0.1; done
kill "$SSE" 2>/dev/null
wait "$SSE" 2>/dev/null
check "a broken inform.xml should push an event with '$IF:$n:COL: error:': $(show "$T/sse")" \
  'grep "^data: {.*\"ok\":false" "$T/sse" | grep -qE "\"errors\":\[\"$IF:$n:[0-9]+: error: [^\"]*colour"'
check "/status should show the located error: $(status | head -c 400)" \
  'status | grep -qE "\"errors\":\[\"$IF:$n:[0-9]+: error: "'
check "/status should still point at the last good render" 'status | grep -q "\"pdf_generation\":$NEXT,"'
fetch /pdf "$T/3.pdf"
check "with a broken layout /pdf should still serve the last good PDF, got $CODE" '[ "$CODE" = 200 ] && cmp -s "$T/2.pdf" "$T/3.pdf"'
check "the located error should be logged on stderr too" 'grep -qE "^$IF:$n:[0-9]+: error: " "$T/log"'

# fixing it renders again
cp "$T/inform.good" "$IF"
check "after the fix the preview should render again: $(status | head -c 300)" 'wait_status "\"ok\":true" "\"errors\":\[\]"'
check "after the fix pdf_generation should advance" '[ "$(gen)" -gt "$NEXT" ]'

# --- a broken sample ---
G=$(gen)
cp "$SAMPLE" "$T/sample.good"
sed -i 's|<meta>|<meta><bogus/>|' "$SAMPLE"
check "a broken sample should be refused with its own location: $(status | head -c 400)" \
  'wait_status "\"ok\":false" "\"errors\":\[\"$SAMPLE:[0-9]+:[0-9]+: error: "'
fetch /pdf "$T/4.pdf"
check "with a broken sample /pdf should still serve the last good PDF" '[ "$CODE" = 200 ] && [ "$(gen)" = "$G" ]'
cp "$T/sample.good" "$SAMPLE"
check "after the sample is fixed it renders again" 'wait_status "\"ok\":true" "\"errors\":\[\]"'

# --- choosing another sample ---
fetch "/select?sample=bulletin-en.xml" "$T/sel" -X POST
check "POST /select?sample=bulletin-en.xml should be 202, got $CODE" '[ "$CODE" = 202 ]'
check "the bulletin should render with the bulletin layout: $(status | head -c 300)" \
  'wait_status "\"ok\":true" "\"pdf_sample\":\"$T/samples/bulletin-en.xml\",\"pdf_layout\":\"bulletin\""'
fetch "/select?sample=..%2Flayouts%2Finform.xml" "$T/sel" -X POST
check "a sample outside the samples folder should be refused with 400, got $CODE" '[ "$CODE" = 400 ]'
fetch "/select?sample=bulletin-en.xml" "$T/sel" -X POST -H "Origin: http://evil.example"
check "a cross-origin POST /select should be refused with 403, got $CODE" '[ "$CODE" = 403 ]'
fetch "/select" "$T/sel"
check "GET /select should be 405, got $CODE" '[ "$CODE" = 405 ]'

# --- SIGTERM ---
kill -TERM "$PID"
for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then
  fail "the preview did not stop within 10 s of SIGTERM"
else
  wait "$PID"
  RC=$?
  check "SIGTERM: expected exit 0, got $RC" '[ $RC -eq 0 ]'
fi
PID=""

finish preview
