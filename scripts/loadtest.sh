#!/usr/bin/env bash
# Load test of `emnpub serve` (figures, not a test: nothing is asserted on
# speed). Starts the service on loopback, then drives POST /v1/render with
# wrk, cycling through the informs and bulletins in samples/:
#   1. sustainable load: CONNECTIONS clients (default 2 x cores) back to back
#      for DURATION; prints requests/s, p50 and p99 latency;
#   2. overload: OVERLOAD_CONNECTIONS clients (default 64) paced to offer
#      twice the rate measured in 1; the service must answer 429 (with
#      Retry-After) for what it cannot queue, no other errors, no crash, and
#      its memory must stay bounded.
# Prints the server's peak resident memory (VmHWM) after each phase.
# Environment: PORT (18089), DURATION (20s), CONNECTIONS, OVERLOAD_CONNECTIONS,
# QUEUE (workers.queue for this run, 16), EMNPUB_BIN (a built binary; default:
# build and use build/emnpub).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${EMNPUB_BIN:-}" ]; then
  scripts/build.sh --target emnpub-render >/dev/null
  EMNPUB_BIN=build/emnpub
fi
command -v wrk >/dev/null || { echo "loadtest: wrk is missing (scripts/setup.sh installs it)" >&2; exit 1; }

PORT="${PORT:-18089}"
DURATION="${DURATION:-20s}"
CORES=$(nproc)
CONNECTIONS="${CONNECTIONS:-$((2 * CORES))}"
OVERLOAD_CONNECTIONS="${OVERLOAD_CONNECTIONS:-64}"
QUEUE="${QUEUE:-16}"
tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# wrk script: cycles through the documents given after "--", counts statuses
# per thread, optionally waits DELAY ms between requests of a connection.
cat > "$tmp/render.lua" <<'LUA'
local bodies, delay_ms, n, threads = {}, 0, 0, {}
statuses = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  for _, a in ipairs(args) do
    local d = a:match("^delay=(%d+)$")
    if d then delay_ms = tonumber(d) else
      local f = assert(io.open(a, "rb")); table.insert(bodies, f:read("*a")); f:close()
    end
  end
  n = math.random(#bodies)
end
function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/v1/render", { ["Content-Type"] = "application/xml" }, bodies[n])
end
function delay() return delay_ms end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for s, c in pairs(t:get("statuses")) do total[s] = (total[s] or 0) + c end
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d seconds=%.1f",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, secs))
  local e = summary.errors
  io.write(string.format(" socket_errors=%d timeouts=%d", e.connect + e.read + e.write, e.timeout))
  for s, c in pairs(total) do io.write(string.format(" status_%d=%d", s, c)) end
  io.write("\n")
end
LUA

docs=(samples/inform-*.xml samples/bulletin-*.xml)
EMNPUB_LOG_ACCESS=false EMNPUB_WORKERS_QUEUE="$QUEUE" "$EMNPUB_BIN" serve --port "$PORT" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
peak_mib() { awk '/^VmHWM:/ {printf "%.1f", $2 / 1024}' "/proc/$server/status"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

echo "emnpub serve on 127.0.0.1:$PORT: $CORES cores, workers.threads=$CORES, workers.queue=$QUEUE; documents: ${docs[*]}"
echo "startup: peak RSS $(peak_mib) MiB"

echo
echo "== sustainable: $CONNECTIONS connections, $DURATION"
out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 60s -s "$tmp/render.lua" "http://127.0.0.1:$PORT" -- "${docs[@]}")
result=$(grep '^RESULT' <<<"$out")
echo "$result"
rps=$(field rps "$result")
printf 'requests/s %s   p50 %s ms   p99 %s ms   peak RSS %s MiB\n' "$rps" "$(field p50_ms "$result")" \
  "$(field p99_ms "$result")" "$(peak_mib)"

# Twice the sustainable rate. wrk is closed-loop (a connection sends its next
# request after the answer and a delay), so the delay is what is left of
# each connection's share of 2 x rps once the longest wait in the service
# (a full queue: (queue + workers) / rps) is taken off.
delay=$(awk -v c="$OVERLOAD_CONNECTIONS" -v r="$rps" -v q="$QUEUE" -v w="$CORES" \
  'BEGIN {d = c * 1000 / (2 * r) - (q + w) * 1000 / r; printf "%d", (d < 1 ? 1 : d)}')
echo
echo "== overload: $OVERLOAD_CONNECTIONS connections, one request per ${delay} ms each (offers ~2 x $rps/s), $DURATION"
out=$(wrk -t2 -c"$OVERLOAD_CONNECTIONS" -d"$DURATION" --timeout 60s -s "$tmp/render.lua" "http://127.0.0.1:$PORT" -- "delay=$delay" "${docs[@]}")
result=$(grep '^RESULT' <<<"$out")
echo "$result"
ok=$(field status_200 "$result"); busy=$(field status_429 "$result")
offered=$(awk -v n="$(field requests "$result")" -v s="$(field seconds "$result")" 'BEGIN {printf "%.1f", n / s}')
others=$(tr ' ' '\n' <<<"$result" | awk -F'[_=]' '/^status_/ && $2 != 200 && $2 != 429 {n += $3} END {print n + 0}')
printf 'offered %s req/s   200: %s   429: %s   other statuses: %s   socket errors: %s   peak RSS %s MiB\n' \
  "$offered" "${ok:-0}" "${busy:-0}" "$others" "$(field socket_errors "$result")" "$(peak_mib)"

status=0
if curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; then echo "after overload: still ready"; else echo "after overload: NOT READY" >&2; status=1; fi
grep -E '^emnpub_(queue_depth|renders_in_flight|buffered_request_bytes) ' <(curl -s "http://127.0.0.1:$PORT/metrics") | tr '\n' ' '
echo
[ "${busy:-0}" -gt 0 ] || { echo "overload produced no 429s" >&2; status=1; }
[ "$others" -eq 0 ] || { echo "overload produced other error statuses" >&2; status=1; }
kill -TERM "$server"
if wait "$server"; then echo "SIGTERM: exit 0"; else echo "SIGTERM: exit $?" >&2; status=1; fi
server=""
exit $status
