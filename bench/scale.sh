#!/usr/bin/env bash
# bench/scale.sh - Accord on the real seeds (5 articles) and on synthetic corpora of up to N
# articles (bench/synthetic_corpus.py): load time, memory, and query throughput. See bench/README.md.
#
# Usage: bench/scale.sh [--articles N] [--big M | --skip-100k] [--quick] [--rounds N] [--duration D]
#                       [--runs N] [--reloads K] [--load-timeout S] [--only linear,memory,queries,limits]
#                       [--binary PATH] [--seeds DIR] [--rev REV] [--no-build] [--quiet-wait S] [--out DIR]
#
#   Sections (--only; default all): linear = 1-2, memory = 4, queries = 3, limits = 5.
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
#        GET /entities/{id}/mentions?limit=20, a cache miss on every request
#                                                               (bench/cache_miss_encoded.lua; {id} = the
#                                                               entity with the most mentions on each
#                                                               corpus, from /entities' mentionCount):
#                                                               work per page, goal: server CPU per
#                                                               request and p50 within 2x of small
#      then VmRSS of both servers after the loads
#   4. memory and reloads (bench/load_probe.py) on small, syn-N and syn-M (M = --big, default
#      100000; --skip-100k leaves it out): load time, CPU time / wall time during the load (> 1 =
#      more than one core busy), VmRSS and RssAnon, then --reloads (default 3) SIGHUP reloads,
#      each waited for on /metrics accord_reloads_total, and VmRSS after each. Goals: heap per
#      article beyond its text <= 20 KB ((RssAnon - small's) / articles - mean text bytes),
#      load of M articles < 20 s and > 1 core used on average, VmRSS after the reloads <= 1.2x
#      the first load's. Loads are bounded by --load-timeout (default 900 s) with progress every 10 s.
#   5. limits (bench/limits.sh): a 200 MB article among the shipped seeds must be skipped with an
#      error naming the file and limits.maxArticleBytes, the rest loaded; and the biggest allowed
#      article with ?include=text,paragraphs must not exceed limits.maxResponseBytes
#
#   --quick       1 start-up run per corpus, 1 round of 3 s, 1 reload
#   --big M       the large memory/load corpus (default 100000)   --skip-100k  leave it out
#   --reloads K   SIGHUP reloads per corpus in section 4 (default 3)
#   --load-timeout S  bound on each load and reload in section 4 (default 900)
#   --binary PATH a prebuilt Accord binary (implies --no-build)     --seeds DIR  the shipped seeds
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
BIGN=100000; RELOADS=3; LOAD_TIMEOUT=900; ONLY="linear,memory,queries,limits"; BINARY=""; SEEDS=""
die() { echo "scale.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage 0 ;;
    --articles) N="$2"; shift ;;
    --quick) ROUNDS=1; DUR=3s; RUNS=1; WARMUP=1s; RELOADS=1 ;;
    --big) BIGN="$2"; shift ;;
    --skip-100k|--skip-big) BIGN=0 ;;
    --reloads) RELOADS="$2"; shift ;;
    --load-timeout) LOAD_TIMEOUT="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --binary) BINARY="$2"; BUILD=0; shift ;;
    --seeds) SEEDS="$2"; shift ;;
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
want() { case ",$ONLY," in *",$1,"*) return 0;; *) return 1;; esac; }
for s_ in ${ONLY//,/ }; do case "$s_" in linear|memory|queries|limits) ;; *) die "unknown section in --only: $s_ (linear,memory,queries,limits)";; esac; done
for tool in wrk curl python3 timeout flock; do command -v "$tool" >/dev/null || die "$tool not found"; done
[ -x "$COMPARE" ] || die "harness not found: $COMPARE"

OUT="${OUT:-$HERE/results/scale-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
exec > >(tee -a "$OUT/scale.log") 2>&1
raise_nofile

source_tree "$REV"
accord_binary_and_seeds "$SRC/seeds"

track_servers

echo "== bench/scale.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname): $(nproc) CPUs; articles=$N big=${BIGN/#0/skipped} rounds=$ROUNDS duration=$DUR runs=$RUNS reloads=$RELOADS only=$ONLY out=$OUT"
echo "   accord: $ACCORD${BINARY:+ (prebuilt, no build)}; seeds $SEEDS"
if [ "$BUILD" = 1 ]; then
  build "$SRC" "$OUT/build-accord.log" -c release --product accord --static-swift-stdlib --scratch-path .build-static
fi
[ -x "$ACCORD" ] || die "missing $ACCORD"

# ------------------------------------------------------------------ corpora
corpus() {  # M: generate (once; reused while the generator and seeds are unchanged) M synthetic articles; prints the dir
  local m=$1 dir="/tmp/accord-scale-corpus-$1" t0 sum
  sum=$(sha256sum "$HERE/synthetic_corpus.py" "$SEEDS"/*.json | sha256sum)
  if [ ! -f "$dir/.complete" ] || [ "$(cat "$dir/.complete")" != "$sum" ]; then
    echo "generating $m synthetic articles in $dir" >&2
    t0=$(date +%s.%N)
    timeout 3600 python3 "$HERE/synthetic_corpus.py" --out "$dir" --articles "$m" --seeds "$SEEDS" --force > "$OUT/corpus-$m.json" || die "corpus generation failed"
    echo "  $(cat "$OUT/corpus-$m.json") in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s" >&2
    echo "$sum" > "$dir/.complete"
  fi
  echo "$dir"
}
BIG=$(corpus "$N")
subset() {  # M: the real seeds plus the first M synthetic articles of $BIG, hard-linked
  local m=$1 dir="/tmp/accord-scale-corpus-$N-first-$1"
  rm -rf "$dir"; mkdir -p "$dir/articles"
  cp "$BIG"/*.json "$dir/"
  ( cd "$BIG/articles" && ls | grep -v '^syn_' | xargs -I{} ln {} "$dir/articles/{}" )
  ( cd "$BIG/articles" && ls | grep '^syn_' | sort | awk -v m="$m" 'NR<=m' | xargs -I{} ln {} "$dir/articles/{}" )
  echo "$dir"
}
articles_of() { ls "$1/articles" | grep -c '\.txt$'; }
text_bytes_of() { find "$1/articles" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END{print s+0}'; }

# ------------------------------------------------------------------ 1-2. load time and memory, linearity
if want linear; then
Q1=$(( N / 4 )); Q2=$(( N / 2 ))
NAMES=(small "syn-$Q1" "syn-$Q2" "syn-$N")
DIRS=("$SEEDS" "$(subset "$Q1")" "$(subset "$Q2")" "$BIG")
echo; wait_quiet "load time"; echo "=================== load time and memory (median of $RUNS start-ups per corpus)"
: > "$OUT/startup.jsonl"
for i in "${!NAMES[@]}"; do
  arts=$(articles_of "${DIRS[$i]}")
  timeout -k 10 1200 python3 "$HERE/startup_probe.py" --runs "$RUNS" --timeout 300 --name "${NAMES[$i]}" --rss-delay 1 -- \
    "$ACCORD" serve --host 127.0.0.1 --port '{port}' --no-access-log --seeds "${DIRS[$i]}" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); d["articles"]=int(sys.argv[1]); d["bytes"]=int(sys.argv[2]); print(json.dumps(d))' \
      "$arts" "$(text_bytes_of "${DIRS[$i]}")" >> "$OUT/startup.jsonl"
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
fi

# ------------------------------------------------------------------ 3. query throughput and work per page: small vs N
if want queries; then
echo; wait_quiet queries; echo "=================== queries, small vs syn-$N, 64 connections (compare.sh, running targets)"
PS_=$(free_port); "$ACCORD" serve --host 127.0.0.1 --port "$PS_" --no-access-log --seeds "$SEEDS" > "$OUT/small.log" 2>&1 &
PID_S=$!; PIDS+=("$PID_S")
PL=$(free_port); "$ACCORD" serve --host 127.0.0.1 --port "$PL" --no-access-log --seeds "$BIG" > "$OUT/large.log" 2>&1 &
PID_L=$!; PIDS+=("$PID_L")
for u in "http://127.0.0.1:$PS_/events" "http://127.0.0.1:$PL/events"; do
  for _ in $(seq 1 "$(( LOAD_TIMEOUT * 10 ))"); do [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$u")" = 200 ] && break; sleep 0.1; done
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$u")" = 200 ] || die "server at $u not ready"
done
top_entity() {  # port: the id of the entity with the most mentions (all pages of /entities)
  python3 - "$1" <<'PY'
import json, sys, urllib.request
port, off, best = sys.argv[1], 0, (-1, None)
while True:
    d = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/entities?limit=100&offset={off}", timeout=60))
    for e in d["data"]:
        if e.get("mentionCount", 0) > best[0]: best = (e["mentionCount"], e["id"])
    off += 100
    if off >= d["meta"]["total"]: break
print(best[1], best[0])
PY
}
read -r ENT_S MC_S < <(top_entity "$PS_"); read -r ENT_L MC_L < <(top_entity "$PL")
echo "  most-mentioned entity: small $ENT_S ($MC_S mentions); syn-$N $ENT_L ($MC_L mentions)"
FQ='/events?participant=zelensky&status=held'
MQ='/events?participant=zelensky&status=held&sort=date'   # same result; a distinct URL for the cache-miss load
SQ='/search?q=security+guarantees'
PQ_S="/entities/$ENT_S/mentions?limit=20"; PQ_L="/entities/$ENT_L/mentions?limit=20"
for p in "$PS_" "$PL"; do
  for q in "$FQ" "$SQ"; do printf '  %s%s: %s bytes\n' "$p" "$q" "$(curl -s "http://127.0.0.1:$p$q" | wc -c)"; done
done
for pq in "$PS_$PQ_S" "$PL$PQ_L"; do
  printf '  %s: %s (percent-encoded: %s)\n' "$pq" "$(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes' "http://127.0.0.1:$pq")" "$(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes' "http://127.0.0.1:${pq/mentions?limit/m%65ntions?l%69mit}")"
done
mkdir -p "$OUT/shim"; ln -sf "$HERE/wrk_shim.sh" "$OUT/shim/wrk"
REAL_WRK="$(command -v wrk)"
{ printf 'http://127.0.0.1:%s%s\t-s\t%s\n' "$PS_" "$PQ_S" "$HERE/cache_miss_encoded.lua"
  printf 'http://127.0.0.1:%s%s\t-s\t%s\n' "$PL" "$PQ_L" "$HERE/cache_miss_encoded.lua"; } > "$OUT/shim/pages.rules"
rc=0
PATH="$OUT/shim:$PATH" SHIM_REAL_WRK="$REAL_WRK" SHIM_LUA="$HERE/cache_miss.lua" \
  SHIM_LUA_URLS="http://127.0.0.1:$PS_$MQ http://127.0.0.1:$PL$MQ" SHIM_RULES="$OUT/shim/pages.rules" SHIM_LOG="$OUT/shim/queries.log" \
  timeout -k 30 2400 "$COMPARE" \
    "small-filtered=http://127.0.0.1:$PS_$FQ@$PID_S" "syn$N-filtered=http://127.0.0.1:$PL$FQ@$PID_L" \
    "small-miss=http://127.0.0.1:$PS_$MQ@$PID_S" "syn$N-miss=http://127.0.0.1:$PL$MQ@$PID_L" \
    "small-search=http://127.0.0.1:$PS_$SQ@$PID_S" "syn$N-search=http://127.0.0.1:$PL$SQ@$PID_L" \
    "small-mentions=http://127.0.0.1:$PS_$PQ_S@$PID_S" "syn$N-mentions=http://127.0.0.1:$PL$PQ_L@$PID_L" \
    --ref small-filtered --loads "64:$DUR" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$OUT/wrk" > "$OUT/wrk.txt" 2>&1 || rc=$?
cat "$OUT/wrk.txt"
[ "$rc" = 0 ] || echo "compare.sh exited with $rc"
echo "  wrk shim applied: $(sort "$OUT/shim/queries.log" 2>/dev/null | uniq -c | tr '\n' ';')"
for p in "$PID_S" "$PID_L"; do echo "  VmRSS after the loads, pid $p: $(awk '/^VmRSS/{print $2, $3}' /proc/$p/status)"; done
for p in "$PID_S" "$PID_L"; do kill -TERM "$p" 2>/dev/null || true; done
fi

# ------------------------------------------------------------------ 4. memory per article, load at scale, reloads
if want memory; then
  MEM_NAMES=(small "syn-$N"); MEM_DIRS=("$SEEDS" "$BIG")
  if [ "$BIGN" -gt 0 ]; then
    MEM_NAMES+=("syn-$BIGN"); MEM_DIRS+=("$(corpus "$BIGN")")
  else
    echo "SKIP the large corpus (--skip-100k): memory and reloads on small and syn-$N only"
  fi
  echo; wait_quiet memory; echo "=================== memory per article, load time and cores used, $RELOADS SIGHUP reloads (bench/load_probe.py)"
  : > "$OUT/memory.jsonl"
  for i in "${!MEM_NAMES[@]}"; do
    d=${MEM_DIRS[$i]}
    echo "  ${MEM_NAMES[$i]}: $(articles_of "$d") articles, $(( $(text_bytes_of "$d") / 1048576 )) MB of text; load bounded by ${LOAD_TIMEOUT}s"
    timeout -k 10 $(( LOAD_TIMEOUT * (RELOADS + 1) + 60 )) python3 "$HERE/load_probe.py" --name "${MEM_NAMES[$i]}" --timeout "$LOAD_TIMEOUT" \
        --reloads "$RELOADS" --articles "$(articles_of "$d")" --text-bytes "$(text_bytes_of "$d")" -- \
        "$ACCORD" serve --host 127.0.0.1 --port '{port}' --no-access-log --seeds "$d" >> "$OUT/memory.jsonl" || echo "  load_probe ${MEM_NAMES[$i]} failed (exit $?)"
    tail -1 "$OUT/memory.jsonl" | cut -c1-400
  done
fi

# ------------------------------------------------------------------ 5. size limits
if want limits; then
  echo; wait_quiet limits; echo "=================== size limits (bench/limits.sh)"
  timeout -k 10 1800 bash "$HERE/limits.sh" --binary "$ACCORD" --seeds "$SEEDS" --out "$OUT/limits" || echo "limits.sh exited with $?"
fi

echo; echo "=================== summary"
python3 - "$OUT" "$N" "$BIGN" <<'PY' | tee "$OUT/summary.md"
import csv, json, os, statistics as st, sys
out, n, bign = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = ["| goal | measured | target | result |", "| --- | --- | --- | --- |"]
def add(goal, measured, target, ok, miss=None):
    v = "n/a" if ok is None else ("met" if ok else "**MISSED**" + (f" {miss}" if miss else ""))
    lines.append(f"| {goal} | {measured} | {target} | {v} |")
tsv = os.path.join(out, "wrk", "wrk.tsv")
rows = list(csv.DictReader(open(tsv), delimiter="\t")) if os.path.exists(tsv) else []
def med(name, key):
    v = [float(r[key]) for r in rows if r["name"] == name and r[key] not in ("", "NA")]
    return st.median(v) if v else None
def us(name):
    g = [r for r in rows if r["name"] == name and r["cpu_s"] not in ("", "NA")]
    req = sum(float(r["requests"]) for r in g)
    return sum(float(r["cpu_s"]) for r in g) / req * 1e6 if req else None
if rows:
    print("| query (64 conns) | small req/s | p50 / p99 ms | small CPU us/req | synthetic req/s | p50 / p99 ms | synthetic CPU us/req | synthetic / small | goal |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for kind, label, goal in (("filtered", "/events?participant=zelensky&status=held", True),
                              ("miss", "same, cache miss every request", False),
                              ("search", "/search?q=security+guarantees", False),
                              ("mentions", "/entities/{top}/mentions?limit=20, cache miss every request", False)):
        s, l = med(f"small-{kind}", "rps"), med(f"syn{n}-{kind}", "rps")
        if not s or not l: continue
        r = l / s
        verdict = ("met" if r >= 0.5 else "**MISSED**") if goal else "informational"
        print(f"| {label} | {s:,.0f} | {med(f'small-{kind}', 'p50_ms'):.2f} / {med(f'small-{kind}', 'p99_ms'):.2f} | {us(f'small-{kind}') or 0:,.0f} | {l:,.0f} | "
              f"{med(f'syn{n}-{kind}', 'p50_ms'):.2f} / {med(f'syn{n}-{kind}', 'p99_ms'):.2f} | {us(f'syn{n}-{kind}') or 0:,.0f} | {r:.2f}x | {'>= 0.5x (within 2x): ' if goal else ''}{verdict} |")
    print()
    s, l = med("small-filtered", "rps"), med(f"syn{n}-filtered", "rps")
    if s and l: add(f"syn {n}: /events?participant=zelensky&status=held within 2x of small (req/s)", f"{l:,.0f} vs {s:,.0f} = {l/s:.2f}x", ">= 0.5x", l / s >= 0.5, f"by {(1 - l/s/0.5)*100:.0f}%")
    us_s, us_l = us("small-mentions"), us(f"syn{n}-mentions")
    p_s, p_l = med("small-mentions", "p50_ms"), med(f"syn{n}-mentions", "p50_ms")
    if us_s and us_l:
        r = us_l / us_s
        add(f"work per page: /entities/{{most mentioned}}/mentions?limit=20 (cache miss), server CPU per request, syn {n} / small",
            f"{us_l:,.0f} / {us_s:,.0f} us = **{r:.2f}x**", "<= 2.0x", r <= 2.0, f"by {(r/2-1)*100:.0f}%")
    if p_s and p_l:
        r = p_l / p_s
        add(f"work per page: same, p50 latency at 64 conns, syn {n} / small", f"{p_l:.2f} / {p_s:.2f} ms = **{r:.2f}x**", "<= 2.0x", r <= 2.0, f"by {(r/2-1)*100:.0f}%")
mp = os.path.join(out, "memory.jsonl")
mem = [json.loads(l) for l in open(mp) if l.strip()] if os.path.exists(mp) else []
base = next((m for m in mem if m["name"] == "small" and m.get("rss_anon_kb")), None)
if mem:
    print("| corpus | articles | text MB | ready s | loadMs | CPU s | CPU/wall (cores) | peak cores | VmRSS MB | RssAnon MB | reloads: s each, VmRSS MB after | VmRSS last / first |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for m in mem:
        if "error" in m:
            print(f"| {m['name']} | {m.get('articles')} | | **{m['error']}** | | | | | | | | |"); continue
        rl = "; ".join(f"{r.get('seconds', '-')} s {r.get('rss_kb', 0)/1024:.0f} MB" if r.get("result") == "ok" else str(r.get("result")) for r in m.get("reloads", []))
        print(f"| {m['name']} | {m['articles']:,} | {m['text_bytes']/1e6:.1f} | {m['ready_s']:.1f} | {m.get('load_ms') or 0:,.0f} | {m['cpu_s']:.1f} | {m['cpu_per_wall']:.2f} | {m['peak_cpus']:.2f} | "
              f"{m['rss_kb']/1024:.1f} | {m['rss_anon_kb']/1024:.1f} | {rl} | {m.get('rss_ratio', float('nan')):.2f} |")
    print()
for m in mem:
    if "error" in m:
        add(f"{m['name']}: load", m["error"], "loads", False); continue
    if base and m is not base and m["articles"] > base["articles"]:
        k = m["articles"] - base["articles"]
        heap = (m["rss_anon_kb"] - base["rss_anon_kb"]) * 1024 / k
        text = (m["text_bytes"] - base["text_bytes"]) / k
        beyond = heap - text
        add(f"{m['name']}: heap per article beyond its text ((RssAnon - small's) / added articles - mean text bytes)",
            f"{heap/1024:,.1f} KB - {text/1024:.1f} KB text = **{beyond/1024:,.1f} KB**", "<= 20 KB", beyond <= 20 * 1024, f"by {(beyond/20480-1)*100:.0f}%")
    if bign and m["name"] == f"syn-{bign}":
        add(f"{m['name']}: load time (exec -> first 200 on /events)", f"**{m['ready_s']:.1f} s** (loadMs {m.get('load_ms') or 0:,.0f})", "< 20 s", m["ready_s"] < 20, f"by {(m['ready_s']/20-1)*100:.0f}%")
        add(f"{m['name']}: both cores used during the load (process CPU time / wall time)", f"**{m['cpu_per_wall']:.2f}** cores on average (peak {m['peak_cpus']:.2f})", "> 1.0", m["cpu_per_wall"] > 1.0)
    rs = [r for r in m.get("reloads", []) if r.get("result") == "ok"]
    if rs:
        ok_all = len(rs) == len(m["reloads"])
        chain = " -> ".join("%.0f" % (r["rss_kb"] / 1024) for r in rs)
        add(f"{m['name']}: VmRSS after {len(m['reloads'])} SIGHUP reload(s) / after the first load",
            f"{m['rss_kb']/1024:.0f} -> {chain} MB = **{m['rss_ratio']:.2f}x** (max {m['rss_ratio_max']:.2f}x; reloads {', '.join(str(r['seconds']) for r in rs)} s)",
            "<= 1.2x", m["rss_ratio_max"] <= 1.2 and ok_all, f"by {(m['rss_ratio_max']/1.2-1)*100:.0f}%")
    elif m.get("reloads"):
        add(f"{m['name']}: SIGHUP reloads", str(m["reloads"][0].get("result")), "complete", False)
lp = os.path.join(out, "limits", "limits.json")
if os.path.exists(lp):
    for g in json.load(open(lp)).get("goals", []):
        add(g["goal"], g["measured"], g["target"], g["ok"], g.get("miss"))
print("\n".join(lines))
lm = os.path.join(out, "load.md")
if os.path.exists(lm):
    print("\nload time and memory, linearity (section linear):\n"); print(open(lm).read().rstrip())
PY
echo; echo "raw outputs: $OUT"
