#!/usr/bin/env bash
# Signals during start-up: with a seeds directory that takes seconds to load (1,000 synthetic
# articles from bench/synthetic_corpus.py), a signal arriving while Accord is still loading
# must not kill it by the default action.
# - SIGHUP while loading: logged and ignored; the server goes on to serve (/healthz 200).
# - SIGTERM while loading: the process exits with status 0, within 1.5 s of the signal.
# - SIGTERM during a (just as long) SIGHUP reload: the process exits with status 0 within 5 s,
#   without waiting for the reload.
set -euo pipefail
command -v python3 >/dev/null || exit 77
# Run from the checkout (the server finds seeds/ and web/ there); keep a relative binary valid.
case ${E2E_BINARY:-} in /* | '') ;; */*) E2E_BINARY=$PWD/$E2E_BINARY ;; esac
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHECK="startup signals"
# shellcheck source=scripts/e2e/lib/own_server.sh
source scripts/e2e/lib/own_server.sh
articles=1000
signal_after=0.3 # earliest signal, in seconds after exec (the load takes about 4 s in a debug build)
prompt=1.5       # SIGTERM while loading: exit within this many seconds

python3 bench/synthetic_corpus.py --out "$work/seeds" --articles "$articles" >/dev/null \
    || fail "bench/synthetic_corpus.py failed"

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2f", b - a}'; }
# True once the process catches or ignores SIGHUP (bit 0 of SigCgt or SigIgn in /proc/PID/status).
hup_handled() {
    local key value
    while read -r key value; do
        case $key in SigCgt: | SigIgn:) (( 0x$value & 1 )) && return 0 ;; esac
    done <"/proc/$server/status"
    return 1
}
# Starts the server on the slow seeds and sends it signal $1 while it is still loading: at least
# $signal_after s after exec, as soon as it handles SIGHUP (so a loaded CI machine does not
# signal it before its handlers exist), and at the latest 1 s after exec. Sets $server, $port,
# $signalled (the time of the signal).
start_and_signal() {
    port=$(free_port)
    "$binary" serve --host 127.0.0.1 --port "$port" --seeds "$work/seeds" --no-access-log --log-format json \
        2>"$work/err.log" &
    server=$!
    local started=$EPOCHREALTIME
    sleep "$signal_after"
    for _ in $(seq 1 50); do
        hup_handled 2>/dev/null && break
        awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN{exit !(b - a >= 1)}' && break
        sleep 0.02
    done
    if grep -q '"accord listening"' "$work/err.log"; then
        echo "$CHECK: skipped: the seeds loaded before the $1 could be sent; no signal could land during loading" >&2
        exit 77
    fi
    server_exited && fail "the server exited before the $1 was sent: $(cat "$work/err.log")"
    signalled=$EPOCHREALTIME
    kill -"$1" "$server"
}
# Waits up to $1 seconds for the server to exit; sets $code (or leaves it empty if still running).
wait_exit() {
    code=""
    local limit
    limit=$(awk -v s="$1" 'BEGIN{printf "%d", s * 20 + 1}')
    for _ in $(seq 1 "$limit"); do server_exited && break; sleep 0.05; done
    if server_exited; then
        code=0
        wait "$server" 2>/dev/null || code=$?
        server=""
    fi
}

# On a failure: the server's log and, if it still runs, each thread's state and kernel wait point.
describe_server() {
    echo "--- the server's stderr (last 20 lines):" >&2
    tail -n 20 "$work/err.log" >&2 || true
    [ -n "$server" ] && ! server_exited || return 0
    echo "--- its threads (name, state, wchan):" >&2
    local task
    for task in /proc/"$server"/task/*; do
        echo "  $(cat "$task/comm" 2>/dev/null) $(awk '{print $3}' "$task/stat" 2>/dev/null) $(cat "$task/wchan" 2>/dev/null)" >&2
    done
}

status=0

# 1. SIGHUP while loading: logged, ignored, and the server goes on to serve.
start_and_signal HUP
up=""
for _ in $(seq 1 600); do # up to 30 s for the load to finish
    server_exited && break
    if "$binary" healthcheck --port "$port" >/dev/null 2>&1; then up=$(seconds_since "$signalled"); break; fi
    sleep 0.05
done
if [ -n "$up" ]; then
    echo "SIGHUP while loading: the server went on and answered /healthz $up s after the signal"
    grep -qiE 'sighup|hangup' "$work/err.log" \
        || { echo "FAIL: the SIGHUP during loading was not logged; stderr: $(cat "$work/err.log")" >&2; status=1; }
    # A SIGHUP now starts a reload as long as the first load; a SIGTERM during it must not wait for it.
    # (/healthz answering means the SIGHUP is a reload: the log says when it starts.)
    kill -HUP "$server"
    for _ in $(seq 1 100); do grep -q '"reloading seeds"' "$work/err.log" && break; sleep 0.05; done
    grep -q '"reloading seeds"' "$work/err.log" \
        || { echo "FAIL: a SIGHUP after /healthz answered did not start a reload within 5 s" >&2; describe_server; status=1; }
    terminated=$EPOCHREALTIME
    kill -TERM "$server"
    wait_exit 5
    [ "$code" = 0 ] || { echo "FAIL: SIGTERM during a reload gave status '${code:-still running}' within 5 s" >&2; describe_server; status=1; }
    [ -n "$code" ] && echo "SIGTERM during a reload: exited with status 0 after $(seconds_since "$terminated") s"
    if [ "$code" = 0 ] && grep -q '"reloaded seeds"' "$work/err.log"; then
        echo "FAIL: SIGTERM during a reload waited for the reload to finish" >&2; status=1
    fi
else
    wait_exit 1
    echo "FAIL: SIGHUP while loading the seeds killed the process (exit status ${code:-?}," \
        "$(seconds_since "$signalled") s after the signal); expected it to be logged and ignored" >&2
    status=1
fi
[ -z "$server" ] || { kill -KILL "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

# 2. SIGTERM while loading: a clean exit, status 0, promptly.
start_and_signal TERM
wait_exit "$prompt"
elapsed=$(seconds_since "$signalled")
if [ -z "$code" ]; then
    wait_exit 10
    elapsed=$(seconds_since "$signalled")
    echo "FAIL: SIGTERM while loading: still running after $prompt s (exited after $elapsed s, status ${code:-none})" >&2
    status=1
else
    echo "SIGTERM while loading: exited with status $code after $elapsed s"
    [ "$code" -eq 0 ] || { echo "FAIL: SIGTERM while loading the seeds: exit status $code, expected 0" >&2; status=1; }
    awk -v e="$elapsed" -v p="$prompt" 'BEGIN{exit !(e > p)}' \
        && { echo "FAIL: SIGTERM while loading: exit took $elapsed s (allowed $prompt s)" >&2; status=1; }
fi
[ -z "$server" ] || { kill -KILL "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

[ "$status" -eq 0 ] || { echo "$CHECK: FAILED" >&2; exit 1; }
echo "$CHECK: ok"
