#!/usr/bin/env bash
# bench/scale.sh - Accord on the real seeds (5 articles) and on synthetic corpora of up to N
# articles (bench/synthetic_corpus.py): load time, memory, and query throughput. See bench/README.md.
#
# Usage: bench/scale.sh [--articles N] [--quick] [--rounds N] [--duration D] [--runs N]
#                       [--rev REV] [--no-build] [--quiet-wait S] [--out DIR]
#
#   1. generates <N> synthetic articles once (default 10000; /tmp/accord-scale-corpus-<N>, reused)
#      and the subsets N/4 and N/2 (hard links to the first articles of the same corpus)
#   2. per corpus (small = seeds/, N/4, N/2, N): bench/startup_probe.py, median of --runs
#      (default 3): "loadMs" from Accord's start-up log line, exec -> first 200 on GET /events,
#      VmRSS and RssAnon after start-up; then the growth per 1,000 articles between points
#      (linear growth = equal increments)
#   3. small and N served side by side; compare.sh (running targets, interleaved rounds, 64 conns):
#        GET /events?participant=zelensky&status=held          the goal: large within 2x of small
#        the same query, a cache miss on every request           (bench/cache_miss.lua, informational)
#        GET /search?q=security+guarantees                      (informational: more hits on N)
#      then VmRSS of both servers after the loads
#
#   --quick       1 start-up run per corpus, 1 round of 3 s
#   --rounds N    interleaved rounds (default 3)     --duration D   wrk duration (default 10s)
#   --runs N      start-up runs per corpus (default 3)
#   --rev REV     build a snapshot of git revision REV (as bench/run.sh --rev)
#   --no-build    use the existing release binary
#   --quiet-wait S  wait up to S s (default 300) for an idle machine before measuring
#   --out DIR     raw outputs (default bench/results/scale-<timestamp>)
#
# Loopback only. Every process this script starts is ended by PID on exit; bounded by timeout(1).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


QUIET_WAIT=300; N=10000; ROUNDS=3; DUR=10s; RUNS=3; REV=""; BUILD=1; OUT=""; WARMUP=2s
die() { echo "scale.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage 0 ;;
    --articles) N="$2"; shift ;;
    --quick) ROUNDS=1; DUR=3s; RUNS=1; WARMUP=1s ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DUR="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --rev) REV="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --quiet-wait) QUIET_WAIT="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
[ "$N" -ge 4 ] || die "--articles must be at least 4"
for tool in wrk curl python3 timeout flock; do command -v "$tool" >/dev/null || die "$tool not found"; done
[ -x "$COMPARE" ] || die "harness not found: $COMPARE"

OUT="${OUT:-$HERE/results/scale-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
exec > >(tee -a "$OUT/scale.log") 2>&1
raise_nofile

source_tree "$REV"

PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== bench/scale.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname): $(nproc) CPUs; articles=$N rounds=$ROUNDS duration=$DUR runs=$RUNS out=$OUT"
echo "   accord: ${REV:+snapshot of $REV in }$SRC"
if [ "$BUILD" = 1 ]; then
  build "$SRC" "$OUT/build-accord.log" -c release --product accord --static-swift-stdlib --scratch-path .build-static
fi
[ -x "$ACCORD" ] || die "missing $ACCORD"

# ------------------------------------------------------------------ corpora
BIG="/tmp/accord-scale-corpus-$N"
if [ ! -f "$BIG/.complete" ] || [ "$(cat "$BIG/.complete")" != "$(sha256sum "$HERE/synthetic_corpus.py" "$SRC"/seeds/*.json | sha256sum)" ]; then
  echo "generating $N synthetic articles in $BIG"
  t0=$(date +%s.%N)
  timeout 900 python3 "$HERE/synthetic_corpus.py" --out "$BIG" --articles "$N" --seeds "$SRC/seeds" --force > "$OUT/corpus-$N.json"
  echo "  $(cat "$OUT/corpus-$N.json") in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
  sha256sum "$HERE/synthetic_corpus.py" "$SRC"/seeds/*.json | sha256sum > "$BIG/.complete"
fi
subset() {  # M: the real seeds plus the first M synthetic articles of $BIG, hard-linked
  local m=$1 dir="/tmp/accord-scale-corpus-$N-first-$1"
  rm -rf "$dir"; mkdir -p "$dir/articles"
  cp "$BIG"/*.json "$dir/"
  ( cd "$BIG/articles" && ls | grep -v '^syn_' | xargs -I{} ln {} "$dir/articles/{}" )
  ( cd "$BIG/articles" && ls | grep '^syn_' | sort | awk -v m="$m" 'NR<=m' | xargs -I{} ln {} "$dir/articles/{}" )
  echo "$dir"
}
Q1=$(( N / 4 )); Q2=$(( N / 2 ))
NAMES=(small "syn-$Q1" "syn-$Q2" "syn-$N")
DIRS=("$SRC/seeds" "$(subset "$Q1")" "$(subset "$Q2")" "$BIG")
COUNTS=(0 "$Q1" "$Q2" "$N")

# ------------------------------------------------------------------ load time and memory
echo; wait_quiet "load time"; echo "=================== load time and memory (median of $RUNS start-ups per corpus)"
: > "$OUT/startup.jsonl"
for i in "${!NAMES[@]}"; do
  arts=$(ls "${DIRS[$i]}/articles" | wc -l)
  timeout -k 10 1200 python3 "$HERE/startup_probe.py" --runs "$RUNS" --timeout 300 --name "${NAMES[$i]}" --rss-delay 1 -- \
    "$ACCORD" serve --host 127.0.0.1 --port '{port}' --no-access-log --seeds "${DIRS[$i]}" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); d["articles"]=int(sys.argv[1]); d["bytes"]=int(sys.argv[2]); print(json.dumps(d))' \
      "$arts" "$(du -sb "${DIRS[$i]}/articles" | cut -f1)" >> "$OUT/startup.jsonl"
done
python3 - "$OUT/startup.jsonl" <<'PY' | tee "$OUT/load.md"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| corpus | articles | text MB | loadMs | first 200 ms | VmRSS MB | RssAnon MB | KB anon per article |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
base = rows[0]
for r in rows:
    extra = r["articles"] - base["articles"]
    per = (r["median_rss_anon_kb"] - base["median_rss_anon_kb"]) / extra if extra else float("nan")
    print(f"| {r['name']} | {r['articles']:,} | {r['bytes']/1e6:.1f} | {r['median_load_ms']:,.0f} | {r['median_first_ms']:,.0f} | "
          f"{r['median_rss_idle_kb']/1024:.1f} | {r['median_rss_anon_kb']/1024:.1f} | {per:.1f} |")
print()
print("growth between consecutive points (linear = the same per-1,000-article cost at every step):")
for a, b in zip(rows, rows[1:]):
    k = (b["articles"] - a["articles"]) / 1000
    print(f"  {a['name']} -> {b['name']}: load +{(b['median_load_ms']-a['median_load_ms'])/k:,.0f} ms per 1,000 articles, "
          f"RssAnon +{(b['median_rss_anon_kb']-a['median_rss_anon_kb'])/1024/k:,.1f} MB per 1,000 articles")
if len(rows) >= 4:
    s, q2, full = rows[0], rows[2], rows[3]
    lt = (full["median_load_ms"] - s["median_load_ms"]) / max(q2["median_load_ms"] - s["median_load_ms"], 1e-9)
    mm = (full["median_rss_anon_kb"] - s["median_rss_anon_kb"]) / max(q2["median_rss_anon_kb"] - s["median_rss_anon_kb"], 1e-9)
    print(f"  linearity: (N - small) / (N/2 - small) = {lt:.2f} for load time, {mm:.2f} for RssAnon (2.00 = linear)")
PY

# ------------------------------------------------------------------ query throughput: small vs N
echo; wait_quiet queries; echo "=================== queries, small vs syn-$N, 64 connections (compare.sh, running targets)"
PS_=$(free_port); "$ACCORD" serve --host 127.0.0.1 --port "$PS_" --no-access-log --seeds "$SRC/seeds" > "$OUT/small.log" 2>&1 &
PID_S=$!; PIDS+=("$PID_S")
PL=$(free_port); "$ACCORD" serve --host 127.0.0.1 --port "$PL" --no-access-log --seeds "$BIG" > "$OUT/large.log" 2>&1 &
PID_L=$!; PIDS+=("$PID_L")
for u in "http://127.0.0.1:$PS_/events" "http://127.0.0.1:$PL/events"; do
  for _ in $(seq 1 3000); do [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$u")" = 200 ] && break; sleep 0.1; done
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$u")" = 200 ] || die "server at $u not ready"
done
FQ='/events?participant=zelensky&status=held'
MQ='/events?participant=zelensky&status=held&sort=date'   # same result; a distinct URL for the cache-miss load
SQ='/search?q=security+guarantees'
for p in "$PS_" "$PL"; do
  for q in "$FQ" "$SQ"; do printf '  %s%s: %s bytes\n' "$p" "$q" "$(curl -s "http://127.0.0.1:$p$q" | wc -c)"; done
done
mkdir -p "$OUT/shim"; ln -sf "$HERE/wrk_shim.sh" "$OUT/shim/wrk"
REAL_WRK="$(command -v wrk)"
rc=0
PATH="$OUT/shim:$PATH" SHIM_REAL_WRK="$REAL_WRK" SHIM_LUA="$HERE/cache_miss.lua" \
  SHIM_LUA_URLS="http://127.0.0.1:$PS_$MQ http://127.0.0.1:$PL$MQ" \
  timeout -k 30 2400 "$COMPARE" \
    "small-filtered=http://127.0.0.1:$PS_$FQ@$PID_S" "syn$N-filtered=http://127.0.0.1:$PL$FQ@$PID_L" \
    "small-miss=http://127.0.0.1:$PS_$MQ@$PID_S" "syn$N-miss=http://127.0.0.1:$PL$MQ@$PID_L" \
    "small-search=http://127.0.0.1:$PS_$SQ@$PID_S" "syn$N-search=http://127.0.0.1:$PL$SQ@$PID_L" \
    --ref small-filtered --loads "64:$DUR" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/wrk" > "$OUT/wrk.txt" 2>&1 || rc=$?
cat "$OUT/wrk.txt"
[ "$rc" = 0 ] || echo "compare.sh exited with $rc"
for p in "$PID_S" "$PID_L"; do echo "  VmRSS after the loads, pid $p: $(awk '/^VmRSS/{print $2, $3}' /proc/$p/status)"; done

echo; echo "=================== summary"
python3 - "$OUT/wrk/wrk.tsv" "$N" "$OUT/startup.jsonl" <<'PY' | tee "$OUT/summary.md"
import csv, json, statistics as st, sys
tsv, n = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(tsv), delimiter="\t"))
def med(name, key):
    v = [float(r[key]) for r in rows if r["name"] == name and r[key] not in ("", "NA")]
    return st.median(v) if v else None
print("| query (64 conns) | small req/s | p99 ms | synthetic req/s | p99 ms | synthetic / small | goal |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for kind, label, goal in (("filtered", "/events?participant=zelensky&status=held", True),
                          ("miss", "same, cache miss every request", False),
                          ("search", "/search?q=security+guarantees", False)):
    s, l = med(f"small-{kind}", "rps"), med(f"syn{n}-{kind}", "rps")
    if not s or not l: continue
    r = l / s
    verdict = ("met" if r >= 0.5 else "**MISSED**") if goal else "informational"
    print(f"| {label} | {s:,.0f} | {med(f'small-{kind}', 'p99_ms'):.2f} | {l:,.0f} | {med(f'syn{n}-{kind}', 'p99_ms'):.2f} | {r:.2f}x | {'>= 0.5x (within 2x): ' if goal else ''}{verdict} |")
PY
echo; echo "raw outputs: $OUT"
