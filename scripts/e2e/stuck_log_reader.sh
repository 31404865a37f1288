#!/usr/bin/env bash
# A stuck log reader: Accord's stdout (access log) and stderr (diagnostics) each go into a pipe
# that nobody reads, as with `accord serve | sleep 600` or a wedged log shipper.
# - Requests fill the stdout pipe; the server keeps answering.
# - SIGHUPs fill the stderr pipe (each reload logs a line); every SIGHUP, including those after
#   the pipe is full, must still reload (accord_reloads_total goes up) and the server must answer.
# - With both pipes full and a request in flight, SIGTERM must still end the process: exit 0
#   within timeouts.drain (2 s here) + 1.5 s.
# The stderr pipe is shrunk to 4 KiB (F_SETPIPE_SZ) so that a few dozen reloads fill it; the
# stdout pipe keeps the default 64 KiB.
set -euo pipefail
command -v python3 >/dev/null || exit 77
# Run from the checkout (the server finds seeds/ and web/ there); keep a relative binary valid.
case ${E2E_BINARY:-} in /* | '') ;; */*) E2E_BINARY=$PWD/$E2E_BINARY ;; esac
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHECK="stuck log reader"
# shellcheck source=scripts/e2e/lib/own_server.sh
source scripts/e2e/lib/own_server.sh
helper=scripts/e2e/lib/stuck_log_reader.py
drain=2
allowed=3.5 # drain + 1.5 s

holder=""
# The server may ignore SIGTERM here (that is the bug this checks), so clean up with SIGKILL.
stuck_cleanup() {
    [ -z "$server" ] || kill -KILL "$server" 2>/dev/null || true
    [ -z "$holder" ] || kill "$holder" 2>/dev/null || true
    [ -z "${inflight:-}" ] || exec {inflight}>&- 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stuck_cleanup EXIT

mkfifo "$work/stdout" "$work/stderr"
python3 "$helper" hold "$work/stdout" "$work/stderr:4096" --seconds 120 >"$work/holder.out" &
holder=$!
for _ in $(seq 1 100); do grep -q ready "$work/holder.out" 2>/dev/null && break; sleep 0.05; done
grep -q ready "$work/holder.out" || fail "the pipe holder did not start"

port=$(free_port)
ACCORD_TIMEOUTS_DRAIN=$drain "$binary" serve --host 127.0.0.1 --port "$port" >"$work/stdout" 2>"$work/stderr" &
server=$!
for _ in $(seq 1 200); do
    kill -0 "$server" 2>/dev/null || fail "the server exited at start-up"
    "$binary" healthcheck --port "$port" >/dev/null 2>&1 && break
    sleep 0.05
done
"$binary" healthcheck --port "$port" >/dev/null 2>&1 || fail "the server did not answer /healthz within 10 s"

status=0
python3 "$helper" fill "$port" "$server" --stdout "$work/stdout" --stderr "$work/stderr" || status=1

# A request in flight (head not finished), so the drain runs to its deadline.
kill -0 "$server" 2>/dev/null || fail "the server died while its log pipes filled"
exec {inflight}<>"/dev/tcp/127.0.0.1/$port" || fail "cannot connect for the in-flight request"
printf 'GET /healthz HTTP/1.1\r\nHost: t\r\n' >&"$inflight"
sleep 0.1

# SIGTERM: the process must be gone (a zombie counts as gone) within drain + 1.5 s, status 0.
started=$EPOCHREALTIME
kill -TERM "$server"
for _ in $(seq 1 160); do # up to 8 s, to measure how late it is
    server_exited && break
    sleep 0.05
done
elapsed=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2f", b - a}')
if server_exited; then
    code=0
    wait "$server" || code=$?
    server=""
    echo "SIGTERM with both log pipes full: exited with status $code after $elapsed s (timeouts.drain = $drain s)"
    if awk -v e="$elapsed" -v a="$allowed" 'BEGIN{exit !(e > a)}'; then
        echo "FAIL: the process took $elapsed s to exit after SIGTERM (allowed $allowed s = drain + 1.5 s)" >&2
        status=1
    fi
    [ "$code" -eq 0 ] || { echo "FAIL: the process exited with status $code after SIGTERM (expected 0)" >&2; status=1; }
else
    echo "FAIL: the process was still running $elapsed s after SIGTERM with both log pipes full" \
        "(timeouts.drain = $drain s; allowed $allowed s); killing it" >&2
    status=1
fi
exec {inflight}>&-
inflight=""

[ "$status" -eq 0 ] || { echo "$CHECK: FAILED" >&2; exit 1; }
echo "$CHECK: ok"
