#!/usr/bin/env bash
# The default number of event loops follows the CPUs the process may use: pinned to one CPU
# with taskset, Accord runs one loop and still answers.
set -euo pipefail
command -v taskset >/dev/null || exit 77
command -v curl >/dev/null || exit 77

CHECK="cpu limits"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"

# The first CPU this shell may use (CPU 0 may be outside a container's cpuset).
cpu=$(taskset -pc $$ | sed 's/.*: *//' | cut -d, -f1 | cut -d- -f1)
[[ "$cpu" =~ ^[0-9]+$ ]] || fail "cannot read this shell's CPU affinity: $(taskset -pc $$)"
port=$(free_port)
env -u ACCORD_THREADS taskset -c "$cpu" "$binary" serve --host 127.0.0.1 --port "$port" --no-access-log \
    --log-format json 2>"$work/err.log" &
server=$!
# The start-up line is written once the loops run; wait for it (bounded), not for a fixed time.
for _ in $(seq 1 200); do
    grep -q '"accord listening"' "$work/err.log" && break
    kill -0 "$server" 2>/dev/null || fail "the server exited at start-up"
    sleep 0.05
done
grep -q '"accord listening"' "$work/err.log" || fail "no start-up line after 10 s"
grep -q '"threads":"1"' "$work/err.log" || fail "expected one event loop under taskset -c $cpu"
events=$(curl -fsS "http://127.0.0.1:$port/events?limit=1")
grep -q '"data"' <<<"$events" || fail "no answer from the one-loop server"
