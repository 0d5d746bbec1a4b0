#!/usr/bin/env bash
# The main job: builds emnpub, then renders every sample into out/; then
# starts the HTTP service with its embedded default configuration, posts
# every sample to it (PDFs into out/http/, compared with the CLI's), prints
# how to call it with curl and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target emnpub-render
mkdir -p out
status=0
for f in samples/*.xml; do
  name=$(basename "$f" .xml)
  start=${EPOCHREALTIME/[.,]/}
  if build/emnpub render "$f" -o "out/$name.pdf"; then
    ms=$(( (${EPOCHREALTIME/[.,]/} - start) / 1000 ))
    pages=$(pdfinfo "out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf '%-28s %4s pages  %6s ms  -> out/%s.pdf\n' "$name" "$pages" "$ms" "$name"
  else
    echo "$name: FAILED" >&2
    status=1
  fi
done

# The HTTP service, exactly as `emnpub serve` runs with no configuration.
port=8080
mkdir -p out/http
log=out/http/serve.log
build/emnpub serve 2>"$log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "emnpub serve did not start (is port $port taken?):" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
echo
echo "emnpub serve on http://127.0.0.1:$port (embedded defaults; log in $log)"
for f in samples/*.xml; do
  name=$(basename "$f" .xml)
  code=$(curl -s -o "out/http/$name.pdf" -w '%{http_code}' -H 'Content-Type: application/xml' \
    --data-binary @"$f" "http://127.0.0.1:$port/v1/render")
  if [ "$code" = 200 ] && cmp -s "out/http/$name.pdf" "out/$name.pdf"; then
    printf '%-28s HTTP %s  -> out/http/%s.pdf (identical to the CLI)\n' "$name" "$code" "$name"
  else
    echo "$name: HTTP $code$([ "$code" = 200 ] && echo ', differs from the CLI output')" >&2
    status=1
  fi
done
cat <<USAGE

Call it with curl (docs/openapi.yaml has the whole API):
  build/emnpub serve &                   # 127.0.0.1:8080; --config FILE, --port, --bind, --layouts, --fonts
  curl -sS -o out.pdf -H 'Content-Type: application/xml' --data-binary @samples/inform-en.xml \\
       http://127.0.0.1:8080/v1/render   # ?strict=true  ?layout=report
  curl -sS -H 'Content-Type: application/xml' --data-binary @samples/inform-en.xml http://127.0.0.1:8080/v1/validate
  curl -sS http://127.0.0.1:8080/v1/layouts
  curl -sS http://127.0.0.1:8080/readyz; curl -sS http://127.0.0.1:8080/metrics
  # with auth.enabled = true: add -H "Authorization: Bearer \$TOKEN"
USAGE
kill -TERM "$server"
wait "$server" || { echo "emnpub serve exited with status $?" >&2; status=1; }
trap - EXIT
exit $status
