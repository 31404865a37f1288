#!/usr/bin/env bash
# bench/soak.sh - a long steady load against a release build of Accord: no errors, flat memory.
#
#   bash bench/soak.sh                      # 60 s (CI)
#   SOAK_SECONDS=1800 bash bench/soak.sh    # the manual 30-minute soak
#   SOAK_SECONDS=1800 bench/soak.sh --binary /path/to/accord [--seeds DIR]   # a prebuilt binary, no build
#
# Builds `accord` in release (static Swift stdlib, scratch path .build-static), starts it on 127.0.0.1 with the
# shipped seeds and the access log on (written to /dev/null, so its writer is under load too),
# and runs wrk for SOAK_SECONDS over bench/soak.lua: /events, a filtered /events, /search,
# /entities/{id}, /proposals?opponent=, /events.ics, and If-None-Match revalidations (304).
#
# Passes when: wrk saw no socket errors (connect, read, write, timeout); every answer was 200 or
# 304, with some 304s; the server is still alive; and its RSS at the end is within 10 % + 2 MB
# of its RSS at the middle of the run (start, middle and end are all reported). Exit 1 otherwise;
# 2 on a setup failure; 3 if another benchmark is still running after SOAK_WAIT seconds.
#
# Settings: SOAK_SECONDS (60), SOAK_CONNECTIONS (64), SOAK_THREADS (wrk threads, 2),
# SOAK_ACCESS_LOG (1; 0 adds --no-access-log), SOAK_BUILD (1; 0 uses the existing binary),
# SOAK_WAIT (600), SOAK_OUT (raw outputs; default bench/results/soak-<time>, gitignored).
# Loopback only; every process this script starts is ended by its PID; every step is bounded.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SOAK_SECONDS="${SOAK_SECONDS:-60}"
CONNECTIONS="${SOAK_CONNECTIONS:-64}"
WRK_THREADS="${SOAK_THREADS:-2}"
ACCESS_LOG="${SOAK_ACCESS_LOG:-1}"
BUILD="${SOAK_BUILD:-1}"
WAIT="${SOAK_WAIT:-600}"
OUT="${SOAK_OUT:-$ROOT/bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)}"
BIN="$ROOT/.build-static/release/accord"
SEEDS="$ROOT/seeds"
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage 0 ;;
        --binary) BIN="$2"; BUILD=0; shift ;;   # a prebuilt Accord binary: implies no build
        --seeds) SEEDS="$2"; shift ;;
        *) echo "soak: unknown argument: $1 (--binary PATH, --seeds DIR)" >&2; exit 2 ;;
    esac
    shift
done

die() { echo "soak: $*" >&2; exit 2; }
for tool in wrk curl python3 timeout flock; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y wrk curl python3 util-linux)"
done
[[ "$SOAK_SECONDS" =~ ^[0-9]+$ && "$SOAK_SECONDS" -ge 4 ]] || die "SOAK_SECONDS must be a whole number >= 4"
mkdir -p "$OUT"

# Never measure alongside another benchmark (or disturb one).
waited=0
while pgrep -f "compare.sh|bench/run.sh|bench/scale.sh" >/dev/null 2>&1; do
    if [ "$waited" -ge "$WAIT" ]; then echo "soak: another benchmark is still running; giving up" >&2; exit 3; fi
    [ "$waited" -eq 0 ] && echo "soak: waiting for a running benchmark to finish (up to ${WAIT}s)"
    sleep 5; waited=$((waited + 5))
done

if [ "$BUILD" = 1 ]; then
    # flock directly (lib.sh's build): swift-locked would wait for this very script.
    build "$ROOT" "$OUT/build.log" -c release --static-swift-stdlib --scratch-path .build-static --product accord
fi
[ -x "$BIN" ] || die "no binary at $BIN (run with SOAK_BUILD=1)"

SERVER=""
WRK=""
cleanup() {
    for pid in $WRK $SERVER; do
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(free_port)"
args=(serve --host 127.0.0.1 --port "$PORT" --seeds "$SEEDS")
[ "$ACCESS_LOG" = 0 ] && args+=(--no-access-log)
"$BIN" "${args[@]}" > /dev/null 2> "$OUT/server.stderr" &
SERVER=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/server.stderr" >&2; die "the server exited at start-up"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$URL/healthz" || true)" = 200 ] && break
    sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/healthz" || true)" = 200 ] || die "the server did not become healthy"

etag() { curl -s --max-time 5 -D - -o /dev/null "$URL$1" | awk 'tolower($1)=="etag:"{print $2}' | tr -d '\r'; }
ETAG_EVENTS="$(etag /events)"
ETAG_ICS="$(etag /events.ics)"
[ -n "$ETAG_EVENTS" ] && [ -n "$ETAG_ICS" ] || die "no ETag on /events or /events.ics"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "If-None-Match: $ETAG_EVENTS" "$URL/events")"
[ "$code" = 304 ] || die "a revalidation of /events gave $code, not 304"

rss_kib() { awk '/^VmRSS:/{print $2}' "/proc/$SERVER/status" 2>/dev/null || echo 0; }
RSS_START="$(rss_kib)"
echo "soak: accord pid $SERVER ($BIN) on $URL; wrk -t$WRK_THREADS -c$CONNECTIONS -d${SOAK_SECONDS}s; RSS at start $((RSS_START / 1024)) MiB"

timeout -k 10 $((SOAK_SECONDS + 60)) wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 5s --latency \
    -s "$HERE/soak.lua" "$URL" -- "$ETAG_EVENTS" "$ETAG_ICS" > "$OUT/wrk.txt" 2>&1 &
WRK=$!
sleep $((SOAK_SECONDS / 2))
RSS_MIDDLE="$(rss_kib)"
wait "$WRK" || { cat "$OUT/wrk.txt" >&2; WRK=""; die "wrk failed"; }
WRK=""
RSS_END="$(rss_kib)"
alive=yes
kill -0 "$SERVER" 2>/dev/null || alive=no

REQUESTS="$(awk '/requests in/{print $1}' "$OUT/wrk.txt")"
RATE="$(awk '/^Requests\/sec:/{print $2}' "$OUT/wrk.txt")"
SOCKET_ERRORS="$(awk '/Socket errors:/{gsub(",", ""); print $4 + $6 + $8 + $10}' "$OUT/wrk.txt")"
SOCKET_ERRORS="${SOCKET_ERRORS:-0}"
NON_2XX_3XX="$(awk '/Non-2xx or 3xx responses:/{print $5}' "$OUT/wrk.txt")"
NON_2XX_3XX="${NON_2XX_3XX:-0}"
read -r OK NOT_MODIFIED OTHER < <(awk -F'[ =]' '/^soak-statuses:/{print $3, $5, $7}' "$OUT/wrk.txt")
P99="$(awk '$1=="99%"{print $2}' "$OUT/wrk.txt")"
LIMIT_KIB=$((RSS_MIDDLE + RSS_MIDDLE / 10 + 2048))

{
    echo "soak: $(date -u +%Y-%m-%dT%H:%M:%SZ), ${SOAK_SECONDS}s, $CONNECTIONS connections, access log $([ "$ACCESS_LOG" = 0 ] && echo off || echo on)"
    echo "  requests      $REQUESTS ($RATE/s, p99 $P99)"
    echo "  statuses      200=$OK 304=$NOT_MODIFIED other=$OTHER (wrk non-2xx/3xx: $NON_2XX_3XX)"
    echo "  socket errors $SOCKET_ERRORS"
    echo "  RSS           start $((RSS_START / 1024)) MiB, middle $((RSS_MIDDLE / 1024)) MiB, end $((RSS_END / 1024)) MiB (limit $((LIMIT_KIB / 1024)) MiB)"
    echo "  server        alive=$alive; stderr lines: $(wc -l < "$OUT/server.stderr")"
} | tee "$OUT/summary.txt"

failed=0
[ "$alive" = yes ] || { echo "soak: FAIL: the server died" >&2; failed=1; }
[ "${REQUESTS:-0}" -gt 0 ] || { echo "soak: FAIL: no requests completed" >&2; failed=1; }
[ "$SOCKET_ERRORS" -eq 0 ] || { echo "soak: FAIL: $SOCKET_ERRORS socket errors" >&2; failed=1; }
[ "$NON_2XX_3XX" -eq 0 ] && [ "${OTHER:-1}" -eq 0 ] || { echo "soak: FAIL: answers other than 200/304" >&2; failed=1; }
[ "${NOT_MODIFIED:-0}" -gt 0 ] || { echo "soak: FAIL: no revalidation got 304" >&2; failed=1; }
[ "$RSS_END" -le "$LIMIT_KIB" ] || { echo "soak: FAIL: RSS grew from $RSS_MIDDLE KiB (middle) to $RSS_END KiB (end)" >&2; failed=1; }
[ "$failed" = 0 ] && echo "soak: PASS (outputs in ${OUT#"$ROOT"/})"
exit "$failed"
