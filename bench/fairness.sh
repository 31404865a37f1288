#!/usr/bin/env bash
# Fairness under a cache-miss flood (issue #12): how much of its unloaded throughput cached
# traffic keeps while other connections send only expensive cache misses.
#
#   bash bench/fairness.sh                 # build the static release binary, then measure
#   FAIRNESS_BUILD=0 bash bench/fairness.sh
#
# 1. cached load alone: wrk -c32 on /events (served from the response cache);
# 2. the same cached load while a second wrk floods 64 connections with cache misses
#    (bench/fairness.lua: a distinct query and Accept on every request, ~1 ms to render);
# Prints both rates and their ratio; the goal is at least 0.5. Both loads run on this
# machine's two cores with the server, so the ratio, not the rates, is the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DURATION="${FAIRNESS_SECONDS:-8}"
BUILD="${FAIRNESS_BUILD:-1}"
BIN="${FAIRNESS_BINARY:-$ROOT/.build-static/release/accord}"
die() { echo "fairness: $*" >&2; exit 2; }
for tool in wrk curl python3; do command -v "$tool" >/dev/null || die "$tool not found"; done
OUT=$(mktemp -d)
if [ "$BUILD" = 1 ]; then
    build "$ROOT" "$OUT/build.log" -c release --static-swift-stdlib --scratch-path .build-static --product accord
fi
[ -x "$BIN" ] || die "no binary at $BIN"
port=$(free_port)
"$BIN" serve --host 127.0.0.1 --port "$port" --no-access-log --seeds "$ROOT/seeds" 2>"$OUT/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
base="http://127.0.0.1:$port"
rate() { awk '/Requests\/sec/{print $2}' "$1"; }

wrk -t1 -c32 -d"${DURATION}s" "$base/events" >"$OUT/alone.txt"
wrk -t1 -c64 -d"$((DURATION + 2))s" -s "$HERE/fairness.lua" "$base/entities" >"$OUT/flood.txt" &
flood=$!
sleep 1
wrk -t1 -c32 -d"${DURATION}s" "$base/events" >"$OUT/loaded.txt"
wait $flood
alone=$(rate "$OUT/alone.txt"); loaded=$(rate "$OUT/loaded.txt"); misses=$(rate "$OUT/flood.txt")
echo "cached /events alone:            $alone req/s"
echo "cached /events under miss flood: $loaded req/s"
echo "miss flood (64 connections):     $misses req/s"
python3 - "$alone" "$loaded" <<'PY'
import sys
alone, loaded = float(sys.argv[1]), float(sys.argv[2])
ratio = loaded / alone
print(f"ratio: {ratio:.2f} (goal >= 0.50): {'met' if ratio >= 0.5 else 'MISSED'}")
PY
for f in alone loaded flood; do echo "raw $f: $(grep -E 'Requests/sec|requests in|Non-2xx|Socket errors' "$OUT/$f.txt" | tr -s ' ' | tr '\n' ' ')"; done
