#!/usr/bin/env bash
# bench/pinned.sh - the CPU one cached GET /events costs the server, with the server pinned to
# CPU 0 (Accord with one loop, nginx with one worker) and wrk pinned to CPU 1, so neither takes
# the other's core. User and system CPU per request come from /proc/<pid>/stat; servers are
# alternated, run after run. nginx serves Accord's own /events body, captured from the first
# binary on the same port, so every server sends the same bytes. Informational: the goals are
# measured by bench/run.sh; this is how a request-path change is compared with the code before it.
#
# Usage: bench/pinned.sh --binary PATH [--binary PATH ...] [--seeds DIR] [--rounds N] [--runs N]
#                        [--duration S] [--no-nginx] [--quiet-wait S]
#   --binary PATH   an Accord binary (repeat to alternate several)
#   --seeds DIR     seeds directory (default: seeds/ of this checkout)
#   --rounds N      wrk rounds per server and run (default 3), after a 3 s warm-up
#   --duration S    seconds per round (default 6)
#   --runs N        alternated runs (default 2)
#   --no-nginx      Accord binaries only
#   --quiet-wait S  before each run, wait up to S seconds for the machine to be quiet (default 120)
# Needs wrk, taskset (util-linux), curl, python3, and nginx unless --no-nginx.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
die() { echo "pinned.sh: $*" >&2; exit 2; }

BINARIES=() SEEDS="" ROUNDS=3 DURATION=6 RUNS=2 NGINX=1 QUIET_WAIT=120
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) BINARIES+=("$2"); shift 2 ;;
    --seeds) SEEDS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-nginx) NGINX=0; shift ;;
    --quiet-wait) QUIET_WAIT=$2; shift 2 ;;
    -h|--help) usage ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ ${#BINARIES[@]} -gt 0 ] || die "give at least one --binary"
for tool in wrk taskset curl python3; do command -v "$tool" > /dev/null || die "$tool is not installed"; done
[ "$NGINX" = 0 ] || command -v nginx > /dev/null || die "nginx is not installed (or pass --no-nginx)"
[ "$(nproc)" -ge 2 ] || die "needs two CPUs (the server on one, wrk on the other)"
SEEDS="${SEEDS:-$ROOT/seeds}"
[ -f "$SEEDS/entities.json" ] || die "no seeds directory at $SEEDS"
for binary in "${BINARIES[@]}"; do [ -x "$binary" ] || die "--binary $binary is not executable"; done

WORK=$(mktemp -d /tmp/accord-pinned.XXXXXX)
extra_cleanup() { rm -rf "$WORK"; }
track_servers
PORT=$(free_port)

# start_pinned NAME COMMAND...: starts COMMAND on CPU 0 and waits for GET /events; sets SERVER_PID.
start_pinned() {
  local name=$1; shift
  taskset -c 0 "$@" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/events" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "$name exited at start (log: $WORK/$name.log)"
    sleep 0.1
  done
  die "$name did not answer on port $PORT"
}

stop_pinned() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

# measure NAME PID: a warm-up, then ROUNDS rounds of wrk on CPU 1; one line per round.
measure() {
  local name=$1 pid=$2 round u1 s1 u2 s2 requests
  taskset -c 1 wrk -t1 -c64 -d3s "http://127.0.0.1:$PORT/events" > /dev/null
  for round in $(seq 1 "$ROUNDS"); do
    read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
    taskset -c 1 wrk -t1 -c64 -d"${DURATION}s" "http://127.0.0.1:$PORT/events" > "$WORK/wrk.txt"
    read -r u2 s2 < <(awk '{print $14, $15}' "/proc/$pid/stat")
    requests=$(grep -o '[0-9]* requests in' "$WORK/wrk.txt" | awk '{print $1}')
    [ -n "$requests" ] && [ "$requests" -gt 0 ] || die "wrk made no requests against $name"
    python3 - "$name" "$round" "$requests" "$DURATION" "$u1" "$s1" "$u2" "$s2" "$(getconf CLK_TCK)" <<'PY'
import sys
name, rnd, req, dur, u1, s1, u2, s2, tck = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), *map(int, sys.argv[5:9]), int(sys.argv[9])
user, system = (u2 - u1) / tck * 1e6 / req, (s2 - s1) / tck * 1e6 / req
print(f"  {name:<24} round {rnd}  {req / dur:>9,.0f} req/s  user {user:5.2f} us  sys {system:5.2f} us  total {user + system:5.2f} us/req")
PY
  done
}

# nginx's document: the first binary's own body, captured on the port every server uses.
start_pinned capture "${BINARIES[0]}" serve --host 127.0.0.1 --port "$PORT" --no-access-log --threads 1 --seeds "$SEEDS"
curl -sf -o "$WORK/events.json" "http://127.0.0.1:$PORT/events"
stop_pinned
if [ "$NGINX" = 1 ]; then
  mkdir -p "$WORK/nginx"; cp "$WORK/events.json" "$WORK/nginx/events.json"
  nginx_conf "$WORK/nginx" "$PORT" plain
  sed -i 's/^master_process on;/master_process off;/; s/^worker_processes 2;/worker_processes 1;/' "$WORK/nginx/nginx.conf"
fi

echo "server on CPU 0, wrk -t1 -c64 on CPU 1; $RUNS alternated runs of $ROUNDS x ${DURATION}s; body $(wc -c < "$WORK/events.json") bytes"
for run in $(seq 1 "$RUNS"); do
  wait_quiet "run $run"
  for index in "${!BINARIES[@]}"; do
    start_pinned "accord-$index" "${BINARIES[$index]}" serve --host 127.0.0.1 --port "$PORT" --no-access-log --threads 1 --seeds "$SEEDS"
    measure "accord $((index + 1)) ($(basename "${BINARIES[$index]}"))" "$SERVER_PID"
    stop_pinned
  done
  if [ "$NGINX" = 1 ]; then
    start_pinned nginx nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
    measure "nginx (1 worker)" "$SERVER_PID"
    stop_pinned
  fi
done
