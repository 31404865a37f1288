#!/usr/bin/env bash
# Pipelined cache misses: 1,000 connections each pipeline 100 GETs that miss the response cache
# (a new query and Accept every time) and never read a byte of the answers.
# - The server's memory stays bounded: RSS (VmRSS) under 200 MiB throughout the attack, which
#   lasts until the RSS has been flat for 3 s (8 s at least, 20 s at most).
# - A separate client keeps getting answers (every request 200 within 10 s).
# - Once the attackers hang up, the RSS comes back near its baseline: within +40 MiB in 10 s.
# The baseline is taken after a warm-up that fills the response cache (bounded at 32 MiB) with
# the same kind of requests, answers read, so the cache's contents do not count either way.
# The attack comes from 40 loopback addresses (127.0.0.10 and up, 25 connections each), as a
# distributed one would, so the per-client connection cap does not blunt it; the attackers use
# a small receive window and MSS so that the answers wait in the server, not in kernel buffers.
set -euo pipefail
command -v python3 >/dev/null || exit 77
# Run from the checkout (the server finds seeds/ and web/ there); keep a relative binary valid.
case ${E2E_BINARY:-} in /* | '') ;; */*) E2E_BINARY=$PWD/$E2E_BINARY ;; esac
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ -r /proc/self/status ] || exit 77

CHECK="pipelined misses"
# shellcheck source=scripts/e2e/lib/own_server.sh
source scripts/e2e/lib/own_server.sh

hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt 4096 ]; then
    echo "$CHECK: skipped: the hard descriptor limit is $hard (< 4096)" >&2
    exit 77
fi
ulimit -Sn "$hard"

port=$(free_port)
"$binary" serve --host 127.0.0.1 --port "$port" --no-access-log 2>"$work/err.log" &
server=$!
for _ in $(seq 1 200); do
    kill -0 "$server" 2>/dev/null || fail "the server exited at start-up"
    "$binary" healthcheck --port "$port" >/dev/null 2>&1 && break
    sleep 0.05
done
"$binary" healthcheck --port "$port" >/dev/null 2>&1 || fail "the server did not answer /healthz within 10 s"

python3 scripts/e2e/lib/pipelined_misses.py "$port" "$server" --connections 1000 --pipeline 100 \
    --limit-mib 200 --return-mib 40 --attack-seconds 20 --min-attack-seconds 8 --settle-seconds 10 --probe-timeout 10 \
    || fail "FAILED"
kill -0 "$server" 2>/dev/null || fail "the server died"
echo "$CHECK: ok"
