#!/usr/bin/env bash
# Silent connections: one client address opens 16,000 TCP connections and never sends a byte.
# - The per-client cap (limits.maxConnectionsPerClient) holds: beyond it, connections from that
#   address are answered 503 with Retry-After and closed, so at most the cap stay open;
# - meanwhile a client on another address (127.0.0.1) gets 200 for /healthz within 1 s, each time;
# - a connection that sends nothing is closed at timeouts.header counted from accept (2 s here),
#   not held until timeouts.idle (75 s).
# The flood comes from 127.0.0.2 (all of 127/8 is local on Linux); the server listens on 127.0.0.1.
set -euo pipefail
command -v python3 >/dev/null || exit 77
# Run from the checkout (the server finds seeds/ and web/ there); keep a relative binary valid.
case ${E2E_BINARY:-} in /* | '') ;; */*) E2E_BINARY=$PWD/$E2E_BINARY ;; esac
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHECK="silent connections"
# shellcheck source=scripts/e2e/lib/own_server.sh
source scripts/e2e/lib/own_server.sh
helper=scripts/e2e/lib/silent_connections.py
count=16000
cap=64

# Descriptors: 16,000 on each side (server and client are separate processes, each with this limit).
ulimit -Hn 65536 2>/dev/null || true
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt 20000 ]; then
    echo "$CHECK: skipped: the hard descriptor limit is $hard (< 20000) and cannot be raised" >&2
    exit 77
fi
ulimit -Sn "$hard"

# Starts the server with extra environment, setting $server and $port; returns 1 (after printing
# why) if it exits or does not answer /healthz within 10 s.
start_server() { # LOGNAME VAR=VALUE...
    local log=$1
    shift
    port=$(free_port)
    env "$@" "$binary" serve --host 127.0.0.1 --port "$port" --threads 2 --no-access-log 2>"$work/$log" &
    server=$!
    for _ in $(seq 1 200); do
        if ! kill -0 "$server" 2>/dev/null; then
            wait "$server" 2>/dev/null || true
            server=""
            echo "$CHECK: the server did not start with $*:" >&2
            cat "$work/$log" >&2
            return 1
        fi
        "$binary" healthcheck --port "$port" >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "$CHECK: the server did not answer /healthz within 10 s" >&2
    return 1
}
stop_server() {
    [ -n "$server" ] || return 0
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
}

port=""
status=0

# 1. The flood, against a per-client cap of $cap. The server-wide limit is lowered to 12,000 so
# that the flood exceeds it (flooding past the default, 16,384, would take the client close to
# a 20,000 descriptor limit): without a per-client cap, one address takes every slot and the
# probes get 503. The header
# timeout is long here so that admitted connections stay open for the whole phase (phase 2
# checks the header timeout).
if start_server flood.log ACCORD_LIMITS_MAX_CONNECTIONS_PER_CLIENT=$cap ACCORD_LIMITS_MAX_CONNECTIONS=12000 \
    ACCORD_TIMEOUTS_HEADER=30; then
    python3 "$helper" flood "$port" --count "$count" --source 127.0.0.2 --cap "$cap" || status=1
    kill -0 "$server" 2>/dev/null || { echo "$CHECK: the server died during the flood" >&2; cat "$work/flood.log" >&2; status=1; }
else
    status=1
fi
stop_server

# 2. A connection that sends nothing is closed at the header timeout, counted from accept.
if start_server header.log ACCORD_TIMEOUTS_HEADER=2; then
    python3 "$helper" header-timeout "$port" --expect 2 || status=1
else
    status=1
fi
stop_server

[ "$status" -eq 0 ] || { echo "$CHECK: FAILED" >&2; exit 1; }
echo "$CHECK: ok"
