#!/usr/bin/env bash
# Hot reload under load and graceful drain, against a private copy of the seeds:
# - SIGHUP with changed seeds while wrk runs: no failed request, and the ETag changes;
# - SIGHUP with broken seeds: rejected, counted in /metrics, the old data keeps serving;
# - SIGTERM with a request in flight: /readyz answers 503 on it, then the server exits 0.
set -euo pipefail
command -v wrk >/dev/null || exit 77
command -v curl >/dev/null || exit 77

CHECK="reload/drain"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"

cp -r seeds "$work/seeds"
port=$(free_port)
"$binary" serve --host 127.0.0.1 --port "$port" --seeds "$work/seeds" --no-access-log 2>"$work/err.log" &
server=$!
wait_healthy "$port"
base="http://127.0.0.1:$port"
etag() { curl -fsS -o /dev/null -D - "$base/articles" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }
before=$(etag)

# 1. Reload under load: change an article title, SIGHUP three times while wrk runs.
python3 - "$work/seeds/articles.json" <<'PY'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
data["articles"][0]["title"] += " (revised)"
json.dump(data, open(path, "w"), indent=2)
PY
wrk -t1 -c16 -d4s --timeout 2s "$base/articles" >"$work/wrk.txt" &
load=$!
for count in 1 2 3; do sleep 1; kill -HUP "$server"; wait_metric accord_reloads_total "$count"; done
wait "$load"
grep -q "Non-2xx" "$work/wrk.txt" && fail "wrk saw non-2xx responses during reload: $(cat "$work/wrk.txt")"
grep -q "Socket errors" "$work/wrk.txt" && fail "wrk saw socket errors during reload: $(cat "$work/wrk.txt")"
requests=$(awk '/requests in/{print $1}' "$work/wrk.txt")
[ "${requests:-0}" -gt 100 ] || fail "wrk made too few requests: $(cat "$work/wrk.txt")"
after=$(etag)
[ "$before" != "$after" ] || fail "the ETag did not change after the data changed"
articles=$(curl -fsS "$base/articles")
grep -q '(revised)' <<<"$articles" || fail "the reloaded title is not served"

# 2. A broken seed set is rejected and the old data keeps serving.
echo '{"articles": [' >"$work/seeds/articles.json"
kill -HUP "$server"
wait_metric accord_reload_failures_total 1
[ "$(etag)" = "$after" ] || fail "a rejected reload changed the served data"
metrics=$(curl -fsS "$base/metrics")
grep -q '^accord_reload_failures_total 1$' <<<"$metrics" || fail "the failed reload is not counted"
grep -q '^accord_reloads_total 3$' <<<"$metrics" || fail "the successful reloads are not counted"
grep -q 'reload rejected' "$work/err.log" || fail "the failed reload is not logged"

# 3. Drain: a request in flight when SIGTERM arrives is answered; /readyz says 503.
python3 - "$port" "$server" <<'PY'
import os, signal, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port), timeout=5)
s.sendall(b"GET /readyz HTTP/1.1\r\nHost: t\r\n")
time.sleep(0.5)  # the server has read the partial head: the request is in flight
os.kill(pid, signal.SIGTERM)
time.sleep(0.3)
s.sendall(b"\r\n")
data = b""
while b"\r\n\r\n" not in data:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
head = data.split(b"\r\n\r\n")[0].decode()
assert head.startswith("HTTP/1.1 503"), head
assert "Connection: close" in head, head
PY
wait "$server" || fail "the server did not exit 0 after draining"
server=""
echo "reload/drain: ok ($requests requests during 3 reloads, 0 errors)"
