# Sourced by the end-to-end checks that start their own Accord (scripts/test.sh runs only
# scripts/e2e/*.sh, not this file). Set CHECK (a label for failures) before sourcing.
# Provides: $binary, $work (a temp dir, removed on exit with the server killed), $server (set it
# to the PID you start), free_port, healthy_within_30s PORT, wait_healthy PORT, server_exited,
# wait_metric NAME VALUE [SECONDS] (reads $base/metrics), fail MESSAGE (prints $work/err.log too).
binary=${E2E_BINARY:?}
work=$(mktemp -d)
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "${CHECK:-e2e}: $*" >&2; cat "$work/err.log" >&2 2>/dev/null || true; exit 1; }
free_port_script=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../lib" && pwd)/free_port.py
free_port() { python3 "$free_port_script"; }
# True once $server has exited (a zombie, or already reaped by the shell). Reads its state once:
# testing for the file and then reading it raced with bash reaping the child in between, and a
# server that had exited was taken for one still running.
server_exited() {
    local state
    state=$(awk '{print $3}' "/proc/$server/stat" 2>/dev/null) || true
    [ -z "$state" ] || [ "$state" = Z ]
}
# True once the server on PORT answers its healthcheck, waiting up to 30 s (a debug build on a
# loaded machine); false if it never does.
healthy_within_30s() {
    for _ in $(seq 1 600); do "$binary" healthcheck --port "$1" >/dev/null 2>&1 && return 0; sleep 0.05; done
    return 1
}
# The same, failing the check with the server's log if it never answers.
wait_healthy() {
    healthy_within_30s "$1" || fail "no /healthz answer on port $1 within 30 s"
}
# Waits up to SECONDS (default 20) for the metric NAME on $base/metrics to read VALUE (a
# reload's end is logged and counted); fails the check otherwise.
wait_metric() {
    local name=$1 value=$2 seconds=${3:-20}
    for _ in $(seq 1 $((seconds * 10))); do
        [ "$(curl -fsS "$base/metrics" | awk -v m="$name" '$1==m{print $2}')" = "$value" ] && return 0
        sleep 0.1
    done
    fail "$name did not reach $value within $seconds s"
}
