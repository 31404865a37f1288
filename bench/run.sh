#!/usr/bin/env bash
# bench/run.sh - Accord against Hummingbird 2 and nginx (and optionally FlyingFox) on loopback,
# through the shared judging harness /work/shared/bench/compare.sh, plus the extra loads of the
# performance goals. See bench/README.md.
#
# Usage: bench/run.sh [--quick] [--rounds N] [--duration D] [--d1 D] [--idle N] [--hold S]
#                     [--startup-runs N] [--threads N] [--flyingfox] [--no-build]
#                     [--binary PATH] [--seeds DIR] [--hs-duration D] [--hs-clients N]
#                     [--only main,extra,compressed,tls,idle,startup] [--rev REV] [--quiet-wait S] [--out DIR]
#
#   (1) main     compare.sh --peers nginx --start accord=... --start hummingbird=... with
#                BODY_FILE = Accord's own GET /events body (captured at the port compare.sh will
#                give Accord, so every server sends byte-identical bodies);
#                loads "64:<duration> 1:<d1>:same 64:<duration>:split" (split: each server pinned to
#                CPU 0 and wrk to CPU 1, so wrk cannot take the server's CPU: informational, no goal)
#   (2) extra    wrk at 64 connections against already-running servers, interleaved rounds:
#                accord-filtered  GET /events?participant=zelensky&status=held&sort=-date
#                accord-search    GET /search?q=security+guarantees
#                accord-304       GET /events with If-None-Match: <its ETag>  (304, no body)
#                accord-miss      the filtered query with a distinct query string on every request
#                                 (bench/cache_miss.lua): Accord's response cache never hits (informational)
#                accord-entities-miss  GET /entities?limit=100, its letters percent-encoded differently per request
#                                 (bench/cache_miss_encoded.lua): a cache miss on every request; goal:
#                                 server CPU <= 200 us per request
#                hummingbird      GET /events, the static body: the reference of the ratio column
#                                 (without a Hummingbird binary: nginx serving the same body, labelled)
#   (2b) compressed  compare.sh, running targets, 64 conns: GET /events with Accept-Encoding: gzip from
#                Accord (its precompressed cached representation) vs nginx gzip_static serving
#                Accord's own gzip bytes (events.json.gz, byte-identical); and Accept-Encoding: br
#                from Accord vs the same nginx gzip_static (Debian's nginx has no brotli_static:
#                labelled as such). req/s and server CPU per request, ratios vs nginx
#   (2c) tls     HTTPS with one self-signed EC P-256 certificate (openssl, in <out>/tls): Accord
#                --tls-cert/--tls-key vs nginx ssl serving Accord's own HTTPS /events body;
#                bench/interleave.py (compare.sh takes only http:// targets): (a) wrk over https,
#                64 keep-alive connections; (b) full handshakes per second, <hs-clients> parallel
#                `openssl s_time -new -www /events` (one handshake + one GET per connection);
#                interleaved rounds, server CPU per request / handshake; goal >= 0.9x nginx
#   (3) idle     compare.sh --idle-only --idle <N> (default 10000) for accord, hummingbird, nginx
#   (4) startup  bench/startup_probe.py: exec -> first 200 on GET /events, median of N (default 5),
#                and VmRSS after start-up (plus its anonymous / file-backed split)
#   (5) fairness bench/fairness.sh on this binary (issue #12): cached GET /events alone, then under
#                a flood of distinct cache misses; goal >= 0.5 of alone
#   then a goal table (met / MISSED) on stdout and in <out>/summary.md.
#
#   --quick        1 round, 64:3s 1:2s, extra loads 3s, idle hold 2s, 3 start-up runs (~3 min)
#   --rounds N     interleaved rounds (default 3)       --duration D   64-connection loads (default 10s)
#   --d1 D         1-connection load (default 5s)        --idle N       idle connections (default 10000)
#   --hold S       idle hold seconds (default 5)         --threads N    Accord --threads (default: its own, one per core)
#   --flyingfox    add FlyingFox (TCP_NODELAY variant) to the main comparison
#   --no-build     do not run swift build (binaries must exist); without a Hummingbird binary the
#                  sections run without it (nginx as the peer) and say so
#   --binary PATH  measure this prebuilt Accord binary (implies --no-build)
#   --seeds DIR    seeds directory for Accord (default: seeds/ of the checkout or --rev snapshot)
#   --hs-duration D  seconds per handshake run (default 10; --quick 3)
#   --hs-clients N parallel openssl s_time clients (default 2)
#   --only LIST    run only these sections (main,extra,compressed,tls,idle,startup,fairness)
#   --rev REV      build and serve a snapshot of git revision REV (git archive into
#                  /tmp/accord-bench-src-<sha>, its own .build-static) instead of the working tree:
#                  a stable measurement while Sources/ is being edited
#   --quiet-wait S before each section, wait up to S seconds (default 300) for the machine to be
#                  idle (<= 10% busy), then measure anyway with a warning
#   --out DIR      raw outputs (default bench/results/<timestamp>, gitignored)
#
# Loopback only (127.0.0.1). Every process this script starts is recorded by PID and ended by PID
# on exit; compare.sh ends its own. Every step is bounded by timeout(1).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


ROUNDS=3; D64=10s; D1=5s; DX=""; IDLE_N=10000; HOLD=5; STARTUP_RUNS=5; WARMUP=2s
QUIET_WAIT=300; THREADS=""; FLYINGFOX=0; BUILD=1; ONLY="main,extra,compressed,tls,idle,startup,fairness"; OUT=""
QUICK=0; REV=""; BINARY=""; SEEDS=""; HS_DUR=10; HS_CLIENTS=2

die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage 0 ;;
    --quick) QUICK=1 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) D64="$2"; shift ;;
    --d1) D1="$2"; shift ;;
    --idle) IDLE_N="$2"; shift ;;
    --hold) HOLD="$2"; shift ;;
    --startup-runs) STARTUP_RUNS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --flyingfox) FLYINGFOX=1 ;;
    --no-build) BUILD=0 ;;
    --binary) BINARY="$2"; BUILD=0; shift ;;
    --seeds) SEEDS="$2"; shift ;;
    --hs-duration) HS_DUR="${2%s}"; shift ;;
    --hs-clients) HS_CLIENTS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --rev) REV="$2"; shift ;;
    --quiet-wait) QUIET_WAIT="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then ROUNDS=1; D64=3s; D1=2s; HOLD=2; STARTUP_RUNS=3; WARMUP=1s; HS_DUR=3; fi
DX="${DX:-$D64}"
want() { case ",$ONLY," in *",$1,"*) return 0;; *) return 1;; esac; }
for s_ in ${ONLY//,/ }; do case "$s_" in main|extra|compressed|tls|idle|startup|fairness) ;; *) die "unknown section in --only: $s_ (main,extra,compressed,tls,idle,startup,fairness)";; esac; done

[ -x "$COMPARE" ] || die "harness not found: $COMPARE"
for tool in wrk curl python3 timeout flock; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y wrk nginx curl)"; done
if want main || want idle || want compressed || want tls || want extra; then command -v nginx >/dev/null || die "nginx not found (apt-get install -y nginx)"; fi

OUT="${OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
exec > >(tee -a "$OUT/run.log") 2>&1

# 10,000 idle connections need as many descriptors in the server and in the client.
raise_nofile
[ "$NOFILE" -gt $(( IDLE_N + 200 )) ] || echo "warning: open-file limit $NOFILE is low for $IDLE_N idle connections" >&2

source_tree "$REV"
accord_binary_and_seeds "$SRC/seeds"
HB="$HERE/peers/hummingbird-peer/.build/release/HBPeer"
FF="$HERE/peers/flyingfox-peer/.build/release/FFPeer"
ACCORD_ARGS=(--host 127.0.0.1 --no-access-log --seeds "$SEEDS")
[ -n "$THREADS" ] && ACCORD_ARGS+=(--threads "$THREADS")

# ------------------------------------------------------------------ process bookkeeping
KILLED_COMPARE=()   # output files of compare.sh runs that timeout(1) ended
# After stop_servers: servers that compare.sh reported starting, if timeout(1) had to kill it.
extra_cleanup() {
  local p f
  for f in "${KILLED_COMPARE[@]}"; do
    [ -f "$f" ] || continue
    for p in $(grep -ho 'started [^ ]* pid=[0-9]*' "$f" | sed 's/.*pid=//'); do
      if kill -0 "$p" 2>/dev/null && tr '\0' ' ' < /proc/"$p"/cmdline 2>/dev/null | grep -qE 'accord|HBPeer|FFPeer|nginx'; then
        kill -TERM "$p" 2>/dev/null || true; sleep 1; kill -KILL "$p" 2>/dev/null || true
      fi
    done
  done
}
track_servers

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
wait_200() {  # url pid: wait (bounded, 30 s) for a 200
  local i
  for i in $(seq 1 300); do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 1 "$1" 2>/dev/null)" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}
STARTED_PID=""
start_server() {  # name url-for-readiness env... -- cmd...: starts in background, sets STARTED_PID
  local name=$1 url=$2; shift 2
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  env "${envs[@]}" "$@" > "$OUT/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  wait_200 "$url" "$STARTED_PID" || { tail -20 "$OUT/$name.log" >&2; die "$name did not answer 200 on $url"; }
  echo "started $name pid=$STARTED_PID ($url)"
}
run_compare() {  # label outfile limit_s args...: compare.sh bounded by timeout(1), output to outfile
  local label=$1 outfile=$2 limit=$3 rc=0; shift 3
  timeout -k 30 "$limit" "$COMPARE" "$@" > "$outfile" 2>&1 || rc=$?
  [ "$rc" = 124 ] || [ "$rc" = 137 ] && KILLED_COMPARE+=("$outfile")
  [ "$rc" = 0 ] || echo "compare.sh ($label) exited with $rc; see $outfile"
  cat "$outfile"
}
stop_server() {
  local p=$1
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}

echo "== bench/run.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname): $(nproc) CPUs, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(swift --version 2>/dev/null | head -1)"
echo "   rounds=$ROUNDS loads=\"64:$D64 1:$D1:same 64:$D64:split\" extra=64:$DX idle=$IDLE_N hold=${HOLD}s startup-runs=$STARTUP_RUNS threads=${THREADS:-default} out=$OUT"
if [ -n "$BINARY" ]; then echo "   accord: prebuilt binary $ACCORD (no build), seeds $SEEDS"
elif [ -n "$REV" ]; then echo "   accord: snapshot of $REV = ${SHA:0:12} in $SRC"
else echo "   accord: working tree $ROOT at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" status --porcelain -- Sources 2>/dev/null | grep -q . && echo ' + uncommitted changes in Sources/' || true)"; fi

# ------------------------------------------------------------------ builds (one at a time, under the lock)
if [ "$BUILD" = 1 ]; then
  build "$SRC" "$OUT/build-accord.log" -c release --product accord --static-swift-stdlib --scratch-path .build-static
  [ -x "$HB" ] || build "$HERE/peers/hummingbird-peer" "$OUT/build-hummingbird.log" -c release --product HBPeer
  [ "$FLYINGFOX" = 1 ] && { [ -x "$FF" ] || build "$HERE/peers/flyingfox-peer" "$OUT/build-flyingfox.log" -c release --product FFPeer; }
fi
[ -x "$ACCORD" ] || die "missing $ACCORD (run without --no-build, or pass --binary PATH)"
HAVE_HB=1
if [ ! -x "$HB" ]; then
  HAVE_HB=0
  echo "SKIP Hummingbird: no prebuilt peer at $HB and this run does not build (--no-build/--binary);"
  echo "     main and idle run with nginx only; the extra loads use nginx serving the same static body as the reference."
  echo "     To include it: build bench/peers/hummingbird-peer (swift build -c release --product HBPeer) first."
fi
[ "$FLYINGFOX" = 1 ] && { [ -x "$FF" ] || die "missing $FF"; }

# ------------------------------------------------------------------ capture Accord's /events body
# compare.sh starts --peers first, then --start in order, from BASE_PORT up: nginx=BASE,
# accord=BASE+1, hummingbird=BASE+2, flyingfox=BASE+3. Accord's body carries absolute links
# (http://127.0.0.1:PORT/...), so capture it at BASE+1: then all servers send identical bytes.
BASE=18080
while :; do
  ok=1; for k in 0 1 2 3; do port_free $((BASE + k)) || ok=0; done
  [ "$ok" = 1 ] && break
  BASE=$((BASE + 10)); [ "$BASE" -lt 19000 ] || die "no 4 consecutive free ports in 18080-19000"
done
CAPTURE_PORT=$((BASE + 1))
BODY="$OUT/accord-events.json"
start_server accord-capture "http://127.0.0.1:$CAPTURE_PORT/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$CAPTURE_PORT"
CAPTURE_PID=$STARTED_PID
curl -s --max-time 5 -D "$OUT/accord-events.headers" -o "$BODY" "http://127.0.0.1:$CAPTURE_PORT/events"
curl -s --max-time 5 -o "$OUT/accord-events.check" "http://127.0.0.1:$CAPTURE_PORT/events"
cmp -s "$BODY" "$OUT/accord-events.check" || die "Accord's /events body is not stable between two requests"
stop_server "$CAPTURE_PID"
echo "captured Accord GET /events: $(wc -c < "$BODY") body bytes, $(wc -c < "$OUT/accord-events.headers") header bytes -> $BODY"

ACCORD_START="$ACCORD serve --host 127.0.0.1 --port \$PORT --no-access-log --seeds $SEEDS${THREADS:+ --threads $THREADS}"

# an nginx peer of our own (lib.sh nginx_conf): start_nginx NAME RUNDIR PORT MODE [CERT KEY]; sets STARTED_PID
start_nginx() {
  local name=$1 rundir=$2 port=$3 mode=$4; shift 4
  nginx_conf "$rundir" "$port" "$mode" "$@" || die "nginx_conf $mode failed"
  mkdir -p "$rundir/client_body"
  start_server "$name" "${URL_SCHEME:-http}://127.0.0.1:$port/events" -- nginx -p "$rundir" -e "$rundir/error.log" -c "$rundir/nginx.conf"
}

# ------------------------------------------------------------------ (1) main comparison
if want main; then
  echo; wait_quiet main; echo "=================== (1) GET /events: accord vs hummingbird vs nginx (compare.sh)"
  starts=(--start "accord=$ACCORD_START"); [ "$HAVE_HB" = 1 ] && starts+=(--start "hummingbird=$HB")
  [ "$FLYINGFOX" = 1 ] && starts+=(--start "flyingfox-nodelay=env FF_NODELAY=1 $FF")
  BODY_FILE="$BODY" BASE_PORT=$BASE run_compare main "$OUT/main.txt" 2400 --peers nginx "${starts[@]}" \
      --loads "64:$D64 1:$D1:same 64:$D64:split" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/main"
fi

# ------------------------------------------------------------------ (2) extra loads
if want extra; then
  echo; wait_quiet extra; echo "=================== (2) filtered query, search, 304, cache misses vs $([ "$HAVE_HB" = 1 ] && echo "Hummingbird static" || echo "nginx static (Hummingbird skipped)") (compare.sh, running targets)"
  FILTER_Q='/events?participant=zelensky&status=held&sort=-date'
  SEARCH_Q='/search?q=security+guarantees'
  ENT_Q='/entities?limit=100'
  PA=$(free_port); start_server accord-a "http://127.0.0.1:$PA/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PA"; PID_A=$STARTED_PID
  PB=$(free_port); start_server accord-b "http://127.0.0.1:$PB/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PB"; PID_B=$STARTED_PID
  PC=$(free_port); start_server accord-c "http://127.0.0.1:$PC/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PC"; PID_C=$STARTED_PID
  PD=$(free_port); start_server accord-d "http://127.0.0.1:$PD/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PD"; PID_D=$STARTED_PID
  PH=$(free_port)
  if [ "$HAVE_HB" = 1 ]; then
    REFNAME=hummingbird
    start_server hummingbird-x "http://127.0.0.1:$PH/events" PORT="$PH" HOST=127.0.0.1 BODY_FILE="$BODY" -- "$HB"; PID_H=$STARTED_PID
  else
    REFNAME=nginx-static
    mkdir -p "$OUT/nginx-extra"; cp "$BODY" "$OUT/nginx-extra/events.json"
    start_nginx nginx-extra "$OUT/nginx-extra" "$PH" plain; PID_H=$STARTED_PID
  fi

  # The 304 and cache-miss loads need wrk options that compare.sh does not pass; a wrk wrapper
  # (bench/wrk_shim.sh) first in PATH adds them for exactly one URL each (separate Accord
  # instances, so the URLs differ).
  INM_URL="http://127.0.0.1:$PB/events"
  ETAG=$(curl -s -D - -o /dev/null "$INM_URL" | awk 'tolower($1)=="etag:"{print $2}' | tr -d '\r')
  [ -n "$ETAG" ] || die "no ETag on $INM_URL"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$INM_URL")
  [ "$code" = 304 ] || die "If-None-Match: $ETAG on $INM_URL gave $code, not 304"
  MISS_URL="http://127.0.0.1:$PC$FILTER_Q"
  code=$(curl -s -o /dev/null -w '%{http_code}' "$MISS_URL&kind=other,summit,bilateral-meeting,multilateral-meeting,talks,phone-call,visit,un-session,deadline,attack,press-conference")
  [ "$code" = 200 ] || die "cache-miss query shape gave $code"
  ENT_URL="http://127.0.0.1:$PD$ENT_Q"
  # the entities miss: every variant (letters percent-encoded) must carry the same data
  e1=$(curl -s "$ENT_URL" | python3 -c 'import json,sys; d=json.load(sys.stdin); import hashlib; print(len(d["data"]), hashlib.sha1(json.dumps(d["data"]).encode()).hexdigest())')
  e2=$(curl -s "${ENT_URL/entities?limit/%65nti%74ies?l%69mit}" | python3 -c 'import json,sys; d=json.load(sys.stdin); import hashlib; print(len(d["data"]), hashlib.sha1(json.dumps(d["data"]).encode()).hexdigest())')
  [ "$e1" = "$e2" ] || die "/%65nti%74ies?l%69mit=100 does not carry the same data as /entities?limit=100"
  echo "entities cache-miss check: $ENT_Q and its percent-encoded variant carry the same ${e1%% *} entities; body $(curl -s "$ENT_URL" | wc -c) B"
  for u in "$FILTER_Q" "$SEARCH_Q"; do
    code=$(curl -s -o "$OUT/extra-body$(echo "$u" | tr -c 'a-z0-9' '_').json" -w '%{http_code}' "http://127.0.0.1:$PA$u")
    [ "$code" = 200 ] || die "GET $u gave $code"
  done
  echo "304 check: If-None-Match: $ETAG -> 304 ok; filtered body $(curl -s "http://127.0.0.1:$PA$FILTER_Q" | wc -c) B, search body $(curl -s "http://127.0.0.1:$PA$SEARCH_Q" | wc -c) B"
  mkdir -p "$OUT/shim"; ln -sf "$HERE/wrk_shim.sh" "$OUT/shim/wrk"
  REAL_WRK="$(command -v wrk)"
  printf '%s\t-s\t%s\n' "$ENT_URL" "$HERE/cache_miss_encoded.lua" > "$OUT/shim/extra.rules"
  PATH="$OUT/shim:$PATH" SHIM_REAL_WRK="$REAL_WRK" SHIM_INM_URL="$INM_URL" SHIM_ETAG="$ETAG" \
    SHIM_LUA_URLS="$MISS_URL" SHIM_LUA="$HERE/cache_miss.lua" SHIM_RULES="$OUT/shim/extra.rules" \
    SHIM_LOG="$OUT/shim/extra.log" BODY_FILE="$BODY" \
    run_compare extra "$OUT/extra.txt" 2400 \
         "accord-filtered=http://127.0.0.1:$PA$FILTER_Q@$PID_A" \
         "accord-search=http://127.0.0.1:$PA$SEARCH_Q@$PID_A" \
         "accord-304=$INM_URL@$PID_B" \
         "accord-miss=$MISS_URL@$PID_C" \
         "accord-entities-miss=$ENT_URL@$PID_D" \
         "$REFNAME=http://127.0.0.1:$PH/events@$PID_H" \
         --ref "$REFNAME" --loads "64:$DX" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/extra"
  # the 304 load must really have produced 304s: count them in Accord's own metrics
  curl -s "http://127.0.0.1:$PB/metrics" | grep -E '^accord_requests_total' | sed 's/^/  accord-304 instance: /' || true
  curl -s "http://127.0.0.1:$PD/metrics" | grep -E '^accord_requests_total\{route="/entities"' | sed 's/^/  accord-entities-miss instance: /' || true
  echo "  wrk shim applied: $(sort "$OUT/shim/extra.log" 2>/dev/null | uniq -c | tr '\n' ';')"
  for p in "$PID_A" "$PID_B" "$PID_C" "$PID_D" "$PID_H"; do stop_server "$p"; done
fi

# ------------------------------------------------------------------ (2b) compressed representations
if want compressed; then
  echo; wait_quiet compressed; echo "=================== (2b) GET /events with Accept-Encoding: gzip / br: Accord's precompressed representation vs nginx gzip_static (compare.sh, running targets)"
  # every Accord instance renders its links from --public-url = the capture port, so all of them
  # (and nginx) send the captured identity body and Accord's gzip body byte for byte
  PUB="http://127.0.0.1:$CAPTURE_PORT"
  PG=$(free_port); start_server accord-gzip "http://127.0.0.1:$PG/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PG" --public-url "$PUB"; PID_G=$STARTED_PID
  PR=$(free_port); start_server accord-br "http://127.0.0.1:$PR/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PR" --public-url "$PUB"; PID_R=$STARTED_PID
  CZ="$OUT/nginx-gzip"; mkdir -p "$CZ"
  cp "$BODY" "$CZ/events.json"
  curl -s --max-time 5 -H 'Accept-Encoding: gzip' -D "$OUT/accord-events-gzip.headers" -o "$CZ/events.json.gz" "http://127.0.0.1:$PG/events"
  curl -s --max-time 5 -H 'Accept-Encoding: br' -D "$OUT/accord-events-br.headers" -o "$OUT/accord-events.json.br" "http://127.0.0.1:$PR/events"
  grep -qi '^content-encoding: gzip' "$OUT/accord-events-gzip.headers" || die "Accord did not answer Accept-Encoding: gzip with Content-Encoding: gzip"
  BR_OK=1; grep -qi '^content-encoding: br' "$OUT/accord-events-br.headers" || { BR_OK=0; echo "WARNING: Accord did not answer Accept-Encoding: br with Content-Encoding: br (see $OUT/accord-events-br.headers)"; }
  gzip -dc "$CZ/events.json.gz" | cmp -s - "$BODY" || die "Accord's gzip body does not decompress to its identity body"
  PN=$(free_port); start_nginx nginx-gzip_static "$CZ" "$PN" gzip_static; PID_N=$STARTED_PID
  curl -s --max-time 5 -H 'Accept-Encoding: gzip' -D "$OUT/nginx-gzip.headers" -o "$OUT/nginx-gzip.body" "http://127.0.0.1:$PN/events"
  cmp -s "$OUT/nginx-gzip.body" "$CZ/events.json.gz" || die "nginx gzip_static does not send Accord's gzip bytes"
  echo "compressed bodies: identity $(wc -c < "$BODY") B; gzip $(wc -c < "$CZ/events.json.gz") B (Accord's, served byte-identical by nginx gzip_static); br $(wc -c < "$OUT/accord-events.json.br") B (Accord only)"
  if nginx -V 2>&1 | grep -qi brotli; then echo "note: this nginx lists a brotli module, but this section still compares Accord's br with nginx gzip_static"
  else echo "note: this nginx (Debian) has no brotli_static module (nginx -V lists none): Accord's br is compared with nginx serving the gzip bytes (gzip_static), labelled 'br vs nginx gzip_static'"; fi
  mkdir -p "$OUT/shim"; ln -sf "$HERE/wrk_shim.sh" "$OUT/shim/wrk"
  { printf 'http://127.0.0.1:%s/events\t-H\tAccept-Encoding: gzip\n' "$PG"
    printf 'http://127.0.0.1:%s/events\t-H\tAccept-Encoding: br\n' "$PR"
    printf 'http://127.0.0.1:%s/events\t-H\tAccept-Encoding: gzip\n' "$PN"; } > "$OUT/shim/compressed.rules"
  REAL_WRK="$(command -v wrk)"
  PATH="$OUT/shim:$PATH" SHIM_REAL_WRK="$REAL_WRK" SHIM_RULES="$OUT/shim/compressed.rules" \
    SHIM_LOG="$OUT/shim/compressed.log" BODY_FILE="$BODY" \
    run_compare compressed "$OUT/compressed.txt" 2400 \
         "accord-gzip=http://127.0.0.1:$PG/events@$PID_G" \
         "accord-br=http://127.0.0.1:$PR/events@$PID_R" \
         "nginx-gzip_static=http://127.0.0.1:$PN/events@$PID_N" \
         --ref nginx-gzip_static --loads "64:$DX" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/compressed"
  echo "  wrk shim applied: $(sort "$OUT/shim/compressed.log" 2>/dev/null | uniq -c | tr '\n' ';')"
  # bytes per response actually read by wrk (headers + body): proves the compressed bodies were sent
  for f in "$OUT"/compressed/wrk-*-r1.txt; do
    awk -v f="$(basename "$f")" '/ requests in /{n=$1; b=$(NF-1); u=b; sub(/[0-9.]+/,"",u); v=b+0; m=(u=="GB"?2^30:u=="MB"?2^20:u=="KB"?2^10:1); printf "  %s: %.0f bytes read per response\n", f, v*m/n}' "$f"
  done | tee "$OUT/compressed-bytes.txt"
  for p in "$PID_G" "$PID_R" "$PID_N"; do stop_server "$p"; done
fi

# ------------------------------------------------------------------ (2c) TLS
if want tls; then
  echo; wait_quiet tls; echo "=================== (2c) HTTPS: Accord vs nginx ssl, same certificate and bytes (bench/interleave.py)"
  command -v openssl >/dev/null || die "openssl not found"
  TD="$OUT/tls"; mkdir -p "$TD/nginx"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 -subj /CN=127.0.0.1 \
      -addext subjectAltName=IP:127.0.0.1 -keyout "$TD/key.pem" -out "$TD/cert.pem" 2> "$TD/openssl-req.log" || die "openssl req failed"
  chmod 644 "$TD/key.pem" "$TD/cert.pem"   # nginx workers read them as an unprivileged user (a throwaway key)
  PT=$(free_port)
  URL_SCHEME=https start_server accord-tls "https://127.0.0.1:$PT/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PT" --tls-cert "$TD/cert.pem" --tls-key "$TD/key.pem"; PID_T=$STARTED_PID
  curl -sk --max-time 5 -D "$TD/accord.headers" -o "$TD/nginx/events.json" "https://127.0.0.1:$PT/events"
  curl -sk --max-time 5 -o "$TD/accord.check" "https://127.0.0.1:$PT/events"
  cmp -s "$TD/nginx/events.json" "$TD/accord.check" || die "Accord's HTTPS /events body is not stable"
  PTN=$(free_port); URL_SCHEME=https start_nginx nginx-tls "$TD/nginx" "$PTN" ssl "$TD/cert.pem" "$TD/key.pem"; PID_TN=$STARTED_PID
  curl -sk --max-time 5 -o "$TD/nginx.check" "https://127.0.0.1:$PTN/events"
  cmp -s "$TD/nginx.check" "$TD/nginx/events.json" || die "nginx ssl does not send Accord's HTTPS body"
  for t in "accord $PT" "nginx $PTN"; do
    set -- $t
    echo "  $1: $(echo | timeout 5 openssl s_client -connect 127.0.0.1:$2 -brief 2>&1 | grep -E 'Protocol version|Ciphersuite|Peer Temp Key' | tr '\n' ' ')"
  done
  echo "  same bytes: $(wc -c < "$TD/nginx/events.json") body bytes from both (cmp ok); certificate $(openssl x509 -in "$TD/cert.pem" -noout -text | grep -o 'ASN1 OID: prime256v1' || echo EC)"
  timeout -k 10 $(( (ROUNDS * 2 + 2) * ($(echo "$DX" | tr -dc 0-9) + 40) )) python3 "$HERE/interleave.py" --out "$TD" --label c64/https --kind wrk --conns 64 \
      --duration "$(echo "$DX" | tr -dc 0-9)" --warmup "$(echo "$WARMUP" | tr -dc 0-9)" --rounds "$ROUNDS" --ref nginx-tls \
      "accord-tls=https://127.0.0.1:$PT/events@$PID_T" "nginx-tls=https://127.0.0.1:$PTN/events@$PID_TN" | tee "$OUT/tls.txt" || echo "interleave.py (https) failed"
  echo
  timeout -k 10 $(( (ROUNDS * 2 + 2) * (HS_DUR + 40) )) python3 "$HERE/interleave.py" --out "$TD" --label handshakes --kind handshake --clients "$HS_CLIENTS" \
      --duration "$HS_DUR" --warmup 1 --rounds "$ROUNDS" --ref nginx-tls \
      "accord-tls=https://127.0.0.1:$PT/events@$PID_T" "nginx-tls=https://127.0.0.1:$PTN/events@$PID_TN" | tee -a "$OUT/tls.txt" || echo "interleave.py (handshakes) failed"
  for p in "$PID_T" "$PID_TN"; do stop_server "$p"; done
fi

# ------------------------------------------------------------------ (3) idle keep-alive connections
if want idle; then
  echo; wait_quiet idle; echo "=================== (3) $IDLE_N idle keep-alive connections (compare.sh --idle-only)"
  # every idle connection comes from 127.0.0.1: Accord's per-client cap (limits.maxConnectionsPerClient,
  # 512 by default) would refuse all but 512, so it is raised for this section only (the peers have none)
  idle_starts=(--start "accord=env ACCORD_LIMITS_MAX_CONNECTIONS_PER_CLIENT=$(( IDLE_N + 1000 )) $ACCORD_START"); [ "$HAVE_HB" = 1 ] && idle_starts+=(--start "hummingbird=$HB")
  BODY_FILE="$BODY" BASE_PORT=$BASE run_compare idle "$OUT/idle.txt" 1200 --peers nginx \
      "${idle_starts[@]}" \
      --idle-only --idle "$IDLE_N" --hold "$HOLD" --out "$OUT/idle"
fi

# ------------------------------------------------------------------ (4) start-up time and idle RSS
if want startup; then
  echo; wait_quiet startup; echo "=================== (4) start-up: exec -> first 200 on GET /events (median of $STARTUP_RUNS), idle RSS"
  timeout -k 10 600 python3 "$HERE/startup_probe.py" --runs "$STARTUP_RUNS" --name accord --rss-delay 1 -- \
      "$ACCORD" serve "${ACCORD_ARGS[@]}" --port '{port}' > "$OUT/startup.json" || echo "startup probe failed"
  # where the idle RSS lives: the largest resident mappings of a fresh instance after one GET /events
  PS_=$(free_port); start_server accord-rss "http://127.0.0.1:$PS_/events" -- "$ACCORD" serve "${ACCORD_ARGS[@]}" --port "$PS_"
  sleep 1
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=($6==""?"[anon]":$6)} /^Rss:/{r[name]+=$2} END{for(n in r) if(r[n]>=256) printf "%8d kB  %s\n", r[n], n}' \
      /proc/"$STARTED_PID"/smaps | sort -rn | head -12 > "$OUT/startup-rss-mappings.txt"
  grep -E '^(VmRSS|RssAnon|RssFile|RssShmem|Threads)' /proc/"$STARTED_PID"/status > "$OUT/startup-rss-status.txt"
  stop_server "$STARTED_PID"
  echo "largest resident mappings after start-up + one GET /events:"; sed 's/^/  /' "$OUT/startup-rss-mappings.txt"
  sed 's/^/  /' "$OUT/startup-rss-status.txt"
fi

if want fairness; then
  echo; wait_quiet fairness; echo "=================== (5) fairness (issue #12): cached /events alone, then under a miss flood (bench/fairness.sh)"
  FAIRNESS_BUILD=0 FAIRNESS_BINARY="$ACCORD" timeout -k 10 300 bash "$HERE/fairness.sh" | tee "$OUT/fairness.txt" \
      || echo "fairness check failed"
fi

# ------------------------------------------------------------------ goal table
echo; echo "=================== summary (goals)"
python3 - "$OUT" "$IDLE_N" <<'PY' | tee "$OUT/summary.md"
import csv, json, os, statistics as st, sys
out, idle_n = sys.argv[1], int(sys.argv[2])

def rows(path):
    p = os.path.join(out, path)
    return list(csv.DictReader(open(p), delimiter="\t")) if os.path.exists(p) else []

def med(rs, name, load, key):
    v = [float(r[key]) for r in rs if r["name"] == name and r["load"] == load and r[key] not in ("", "NA")]
    return st.median(v) if v else None

def verdict(ok): return "met" if ok else "**MISSED**"
lines = ["| goal | measured | target | result |", "| --- | --- | --- | --- |"]
def add(goal, measured, target, ok, miss=None):
    # miss: for a missed goal, how much is missing (e.g. "by 12%")
    v = verdict(ok) if ok is not None else "n/a"
    if ok is False and miss: v += f" {miss}"
    lines.append(f"| {goal} | {measured} | {target} | {v} |")
def pct(x): return f"{x:.1f}%" if x < 1 else f"{x:.0f}%"
def by_low(r, t): return f"by {pct((1 - r / t) * 100)}"      # a ratio r that should be >= t
def by_high(r, t): return f"by {pct((r / t - 1) * 100)}"     # a value r that should be <= t
def us_per_req(rs, name, load):
    g = [r for r in rs if r["name"] == name and r["load"] == load and r["cpu_s"] not in ("", "NA")]
    req = sum(float(r["requests"]) for r in g)
    return sum(float(r["cpu_s"]) for r in g) / req * 1e6 if req else None

main = rows("main/wrk.tsv")
if main:
    loads = list(dict.fromkeys(r["load"] for r in main))
    c64 = next((l for l in loads if l == "c64/free"), None)
    split = next((l for l in loads if l == "c64/split"), None)
    c1 = next((l for l in loads if l.startswith("c1/")), None)
    if c64:
        a, h, n = (med(main, x, c64, "rps") for x in ("accord", "hummingbird", "nginx"))
        ap99, np99 = med(main, "accord", c64, "p99_ms"), med(main, "nginx", c64, "p99_ms")
        if a and h: add("GET /events, 64 conns: accord / hummingbird req/s", f"{a:,.0f} / {h:,.0f} = {a/h:.2f}x", ">= 2.0x", a / h >= 2.0, by_low(a / h, 2.0))
        elif a: add("GET /events, 64 conns: accord / hummingbird req/s", "Hummingbird not measured (no prebuilt peer)", ">= 2.0x", None)
        if a and n: add("GET /events, 64 conns: accord / nginx req/s", f"{a:,.0f} / {n:,.0f} = {a/n:.2f}x", ">= 1.0x", a / n >= 1.0, by_low(a / n, 1.0))
        cu = {x: us_per_req(main, x, c64) for x in ("accord", "nginx", "hummingbird")}
        if cu["accord"] and cu["nginx"]:
            others = ", ".join(f"{x} {cu[x]:.1f}" for x in ("nginx", "hummingbird") if cu[x])
            r = cu["nginx"] / cu["accord"]
            add("GET /events, 64 conns: server CPU per request, accord vs nginx (nginx us / accord us)",
                f"accord {cu['accord']:.1f} us/req ({others}) = **{r:.2f}x** nginx's efficiency", ">= 1.0x", r >= 1.0, by_low(r, 1.0))
        if cu["accord"] and cu["hummingbird"]:
            r = cu["hummingbird"] / cu["accord"]
            add("GET /events, 64 conns: server CPU per request, accord vs hummingbird (hb us / accord us)",
                f"{cu['accord']:.1f} vs {cu['hummingbird']:.1f} us/req = **{r:.2f}x**", ">= 2.0x", r >= 2.0, by_low(r, 2.0))
        if ap99 and np99: add("GET /events, 64 conns: p99 accord / nginx", f"{ap99:.3f} / {np99:.3f} ms = {ap99/np99:.2f}x", "<= 1.5x", ap99 / np99 <= 1.5, by_high(ap99 / np99, 1.5))
    if split:
        a, h, n = (med(main, x, split, "rps") for x in ("accord", "hummingbird", "nginx"))
        if a and h and n: add("GET /events, 64 conns, split (server on CPU 0, wrk on CPU 1; informational): accord / hummingbird, accord / nginx", f"{a:,.0f} / {h:,.0f} = {a/h:.2f}x; / {n:,.0f} = {a/n:.2f}x", "(none)", None)
    if c1:
        a50, n50 = med(main, "accord", c1, "p50_ms"), med(main, "nginx", c1, "p50_ms")
        a, n = med(main, "accord", c1, "rps"), med(main, "nginx", c1, "rps")
        if a50 and n50: add(f"GET /events, 1 conn ({c1.split('/')[1]} core): p50 accord / nginx", f"{a50*1000:.0f} / {n50*1000:.0f} us = {a50/n50:.2f}x ({a:,.0f} vs {n:,.0f} req/s)", "<= 1.5x", a50 / n50 <= 1.5, by_high(a50 / n50, 1.5))
extra = rows("extra/wrk.tsv")
if extra:
    load = extra[0]["load"]
    refn = "hummingbird" if any(r["name"] == "hummingbird" for r in extra) else "nginx-static"
    h = med(extra, refn, load, "rps")
    for name, label, goal in (("accord-filtered", "filtered /events?participant=zelensky&status=held&sort=-date", True),
                              ("accord-search", "/search?q=security+guarantees", True),
                              ("accord-304", "304 revalidation of /events (If-None-Match)", True),
                              ("accord-miss", "filtered query, every request a cache miss (informational)", False),
                              ("accord-entities-miss", "/entities?limit=100, every request a cache miss (informational ratio)", False)):
        a = med(extra, name, load, "rps")
        if a and h:
            p99 = med(extra, name, load, "p99_ms")
            if refn == "hummingbird":
                add(f"{label}: accord / hummingbird static, 64 conns", f"{a:,.0f} / {h:,.0f} = {a/h:.2f}x (p99 {p99:.2f} ms)", ">= 1.5x" if goal else "(none)", (a / h >= 1.5) if goal else None, by_low(a / h, 1.5))
            else:
                add(f"{label}: accord / **nginx** static (Hummingbird skipped: no prebuilt peer), 64 conns", f"{a:,.0f} / {h:,.0f} = {a/h:.2f}x (p99 {p99:.2f} ms)", ">= 1.5x of Hummingbird (not measured)" if goal else "(none)", None)
    for name, label in (("accord-entities-miss", "/entities?limit=100, cache miss on every request"),
                        ("accord-miss", "filtered /events, cache miss on every request")):
        u = us_per_req(extra, name, load)
        if u is None: continue
        if name == "accord-entities-miss":
            add(f"{label}: server CPU per request", f"**{u:,.0f} us** ({med(extra, name, load, 'rps'):,.0f} req/s)", "<= 200 us", u <= 200, by_high(u, 200))
        else:
            add(f"{label}: server CPU per request (informational)", f"{u:,.0f} us ({med(extra, name, load, 'rps'):,.0f} req/s)", "(none)", None)
comp = rows("compressed/wrk.tsv")
if comp:
    load = comp[0]["load"]
    n, nu = med(comp, "nginx-gzip_static", load, "rps"), us_per_req(comp, "nginx-gzip_static", load)
    for name, label in (("accord-gzip", "GET /events, Accept-Encoding: gzip: accord (precompressed) vs nginx gzip_static (same bytes)"),
                        ("accord-br", "GET /events, Accept-Encoding: br: accord vs nginx **gzip_static** (nginx has no brotli_static)")):
        a, au = med(comp, name, load, "rps"), us_per_req(comp, name, load)
        if a and n:
            add(f"{label}, 64 conns: req/s", f"{a:,.0f} / {n:,.0f} = **{a/n:.2f}x** (p99 {med(comp, name, load, 'p99_ms'):.2f} vs {med(comp, 'nginx-gzip_static', load, 'p99_ms'):.2f} ms)", ">= 1.0x", a / n >= 1.0, by_low(a / n, 1.0))
        if au and nu:
            add(f"{label}, 64 conns: server CPU per request (nginx us / accord us)", f"{au:.1f} vs {nu:.1f} us/req = **{nu/au:.2f}x**", ">= 1.0x", nu / au >= 1.0, by_low(nu / au, 1.0))
tls = rows("tls/wrk.tsv")
if tls:
    for load, label, unit in (("c64/https", "HTTPS GET /events, 64 keep-alive conns (wrk)", "req/s"),
                              ("handshakes", "HTTPS new connections: full handshake + one GET (openssl s_time -new)", "handshakes/s")):
        a, n = med(tls, "accord-tls", load, "rps"), med(tls, "nginx-tls", load, "rps")
        au, nu = us_per_req(tls, "accord-tls", load), us_per_req(tls, "nginx-tls", load)
        if a and n:
            add(f"{label}: accord / nginx", f"{a:,.0f} / {n:,.0f} {unit} = **{a/n:.2f}x**; server CPU {au:,.1f} vs {nu:,.1f} us each = {nu/au:.2f}x efficiency", ">= 0.9x", a / n >= 0.9, by_low(a / n, 0.9))
ip = os.path.join(out, "idle/idle.jsonl")
if os.path.exists(ip):
    for r in (json.loads(l) for l in open(ip) if l.strip()):
        if r["name"] != "accord": continue
        per = (r["rss_kb_after"] - r["rss_kb_before"]) / r["n"]
        per_open = (r["rss_kb_open"] - r["rss_kb_before"]) / r["n"]
        add(f"{r['n']:,} idle keep-alive connections: RSS per connection, all served",
            f"{per:.1f} KB after the GETs ({per_open:.1f} KB while idle); opened {r['opened']:,}, closed idle {r['closed_while_idle']}, served {r['served_ok']:,}; "
            f"RSS {r['rss_kb_before']/1024:.1f} -> {r['rss_kb_open']/1024:.1f} -> {r['rss_kb_after']/1024:.1f} MB",
            f"< 4 KB, all {idle_n:,}", per < 4 and r["all_served"] and r["n"] == idle_n,
            by_high(per, 4) if per >= 4 else f"({idle_n - r['served_ok']:,} not served)")
sp = os.path.join(out, "startup.json")
if os.path.exists(sp) and os.path.getsize(sp):
    s = json.load(open(sp))
    add("start-up: exec -> first 200 on GET /events (median)", f"{s['median_first_ms']:.1f} ms (loadMs {s['median_load_ms']}, runs: {', '.join(str(r['first_ms']) for r in s['runs'])})", "< 150 ms", s["median_first_ms"] < 150, by_high(s["median_first_ms"], 150))
    add("idle RSS after start-up (VmRSS, median)", f"{s['median_rss_idle_kb']/1024:.1f} MB (anon {s['median_rss_anon_kb']/1024:.1f} MB, file-backed {s['median_rss_file_kb']/1024:.1f} MB)", "< 20 MB", s["median_rss_idle_kb"] < 20 * 1024, by_high(s["median_rss_idle_kb"], 20 * 1024))
fp = os.path.join(out, "fairness.txt")
if os.path.exists(fp):
    rates = {}
    for line in open(fp):
        label, _, value = line.partition(":")
        if value.strip().endswith("req/s"):
            rates[label.strip()] = float(value.split()[0])
    alone, loaded, flood = (rates.get(k) for k in ("cached /events alone", "cached /events under miss flood", "miss flood (64 connections)"))
    if alone and loaded:
        add("fairness: cached /events under a miss flood / alone (bench/fairness.sh)", f"{loaded:,.0f} / {alone:,.0f} = {loaded/alone:.2f} ({flood or 0:,.0f} misses/s)", ">= 0.5", loaded / alone >= 0.5, by_low(loaded / alone, 0.5))
print("\n".join(lines))
print()
print("per-round req/s (raw, from wrk.tsv):")
for path in ("main/wrk.tsv", "extra/wrk.tsv", "compressed/wrk.tsv", "tls/wrk.tsv"):
    rs = rows(path)
    groups = {}
    for r in rs: groups.setdefault((r["load"], r["name"]), []).append(f"{float(r['rps']):,.0f} (p50 {r['p50_ms']} p99 {r['p99_ms']} ms, err {r['errors']})")
    for (load, name), vals in groups.items(): print(f"  {load:<9} {name:<16} " + "; ".join(vals))
PY
echo; echo "raw outputs: $OUT"
