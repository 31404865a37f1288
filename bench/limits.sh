#!/usr/bin/env bash
# bench/limits.sh - the size limits of the seeds loader and of responses (loopback only).
#
# Usage: bench/limits.sh [--binary PATH] [--seeds DIR] [--size-mb M] [--timeout S] [--out DIR]
#
#   (a) oversized article: a copy of the shipped seeds plus one article file of M MB (default 200,
#       real paragraphs repeated; /tmp/accord-limits-<M>mb, reused). Accord must skip it with an error
#       naming the file and limits.maxArticleBytes, and load the rest (GET /articles: the shipped
#       count). Reports what it sees: the log lines naming the file, the article count, load time
#       (exec -> first 200 on /events) and VmRSS / RssAnon after the load. Bounded by --timeout
#       (default 600 s); the server is ended if its VmRSS passes 8 GiB or the machine has < 1 GiB free.
#   (b) biggest allowed article: the shipped seeds plus one article just under the default
#       limits.maxArticleBytes (4 MiB - 4 KiB). GET /articles/<id>?include=text,paragraphs
#       (1) with the default limits.maxResponseBytes (32 MiB): a 200 no larger than the limit, or a
#           422 problem "response-too-large"; (2) with ACCORD_LIMITS_MAX_RESPONSE_BYTES=4194304
#           (4 MiB, below the article's own size): must be the 422 problem, never a larger body.
#   Writes <out>/limits.json (raw observations and goal rows, read by bench/scale.sh's summary) and
#   <out>/summary.md.
# Every process this script starts is ended by PID on exit; every step is bounded by timeout(1).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BINARY=""; SEEDS=""; SIZE_MB=200; LIMIT_S=600; OUT=""
die() { echo "limits.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage 0 ;;
    --binary) BINARY="$2"; shift ;;
    --seeds) SEEDS="$2"; shift ;;
    --size-mb) SIZE_MB="$2"; shift ;;
    --timeout) LIMIT_S="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
ACCORD="$ROOT/.build-static/release/accord"
accord_binary_and_seeds "$ROOT/seeds"
[ -x "$ACCORD" ] || die "no Accord binary at $ACCORD (--binary PATH)"
OUT="${OUT:-$HERE/results/limits-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"

track_servers

# make_seeds DIR FILE BYTES: the shipped seeds (hard links where possible) plus articles/FILE of BYTES bytes
make_seeds() {
  local dir=$1 file=$2 bytes=$3
  if [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$file $bytes" ]; then return 0; fi
  rm -rf "$dir"; mkdir -p "$dir"
  cp -r "$SEEDS"/. "$dir/"
  python3 - "$SEEDS/articles" "$dir/articles/$file" "$bytes" <<'PY'
import os, sys
src, dst, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = []
for n in sorted(os.listdir(src)):
    if n.endswith(".txt"):
        paras += [l.strip() for l in open(os.path.join(src, n), encoding="utf-8") if len(l.strip()) >= 120]
head = "Zzlimitsprobe: a deliberately large article for the size-limit check\n"
with open(dst, "w", encoding="utf-8") as f:
    f.write(head); n = len(head.encode()); i = 0
    while True:
        p = f"{paras[i % len(paras)]} (Paragraph {i}.)\n"
        b = len(p.encode("utf-8"))
        if n + b > size: break
        f.write(p); n += b; i += 1
    f.write("x" * (size - n))   # pad to the exact size (no newline: part of the last paragraph)
PY
  echo "$file $bytes" > "$dir/.complete"
}

# serve DIR NAME [ENV=V...]: start Accord, wait (bounded, guarded) for a 200 on /events; sets SPID SPORT READY_S
serve() {
  local dir=$1 name=$2; shift 2
  SPORT=$(free_port)
  env "$@" "$ACCORD" serve --host 127.0.0.1 --port "$SPORT" --no-access-log --seeds "$dir" > "$OUT/$name.stdout" 2> "$OUT/$name.log" &
  SPID=$!; PIDS+=("$SPID")
  local t0 rss avail; t0=$(date +%s.%N); READY_S=""
  while :; do
    kill -0 "$SPID" 2>/dev/null || { echo "  $name exited during the load"; return 1; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$SPORT/events" 2>/dev/null)" = 200 ]; then
      READY_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}'); return 0
    fi
    rss=$(awk '/^VmRSS:/{print $2}' /proc/"$SPID"/status 2>/dev/null || echo 0)
    avail=$(awk '/^MemAvailable:/{print $2}' /proc/meminfo)
    if [ "${rss:-0}" -gt $((8 * 1048576)) ] || [ "$avail" -lt 1048576 ]; then
      echo "  $name: ended (VmRSS ${rss} kB, MemAvailable ${avail} kB): the machine is shared"; kill -KILL "$SPID"; return 1
    fi
    if awk -v a="$t0" -v b="$(date +%s.%N)" -v l="$LIMIT_S" 'BEGIN{exit !(b-a > l)}'; then echo "  $name: not ready after ${LIMIT_S}s"; return 1; fi
    sleep 0.2
  done
}
stop() { kill -TERM "$1" 2>/dev/null || true; for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
statkb() { awk -v k="$2:" '$1==k{print $2}' /proc/"$1"/status 2>/dev/null || echo 0; }

echo "== bench/limits.sh $(date -u +%Y-%m-%dT%H:%M:%SZ): $ACCORD, seeds $SEEDS, out $OUT"
SHIPPED=$(ls "$SEEDS/articles" | grep -c '\.txt$')
OBS="$OUT/observations.env"; : > "$OBS"

# ------------------------------------------------------------------ (a) oversized article
BIGFILE="zz_oversize_${SIZE_MB}mb.txt"
DA="/tmp/accord-limits-${SIZE_MB}mb"
echo "(a) $SIZE_MB MB article among the shipped seeds ($DA)"
make_seeds "$DA" "$BIGFILE" $(( SIZE_MB * 1048576 ))
if serve "$DA" oversize; then
  total=$(curl -s --max-time 30 "http://127.0.0.1:$SPORT/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["meta"]["total"])' 2>/dev/null || echo "?")
  rss=$(statkb "$SPID" VmRSS); anon=$(statkb "$SPID" RssAnon)
  loadms=$(grep -o '"loadMs":"[0-9.]*' "$OUT/oversize.log" | head -1 | cut -d'"' -f4)
  named=$(grep -c "$BIGFILE" "$OUT/oversize.log" || true)
  limitmsg=$(grep "$BIGFILE" "$OUT/oversize.log" | grep -c 'maxArticleBytes' || true)
  echo "  ready in ${READY_S} s (loadMs ${loadms:-?}); articles served: $total (shipped: $SHIPPED); VmRSS $((rss / 1024)) MB, RssAnon $((anon / 1024)) MB"
  echo "  log lines naming $BIGFILE: $named, of them mentioning limits.maxArticleBytes: $limitmsg"
  grep "$BIGFILE" "$OUT/oversize.log" | head -3 | cut -c1-400 | sed 's/^/    /' || true
  stop "$SPID"
  printf 'A_READY=%s\nA_LOADMS=%s\nA_TOTAL=%s\nA_RSS=%s\nA_ANON=%s\nA_NAMED=%s\nA_LIMITMSG=%s\n' "$READY_S" "${loadms:-}" "$total" "$rss" "$anon" "$named" "$limitmsg" >> "$OBS"
else
  rss=$(statkb "$SPID" VmRSS)
  printf 'A_ERROR=%s\n' "not ready after ${LIMIT_S}s or ended (VmRSS then ${rss:-?} kB; an Accord without limits.maxArticleBytes loads the whole file; see $OUT/oversize.log)" >> "$OBS"
  tail -5 "$OUT/oversize.log" | cut -c1-300
  stop "$SPID"
fi

# ------------------------------------------------------------------ (b) biggest allowed article, response size
ALLOWED=$(( 4 * 1048576 - 4096 ))
DB="/tmp/accord-limits-allowed"
echo "(b) an article of $ALLOWED bytes (just under the default limits.maxArticleBytes, 4 MiB) ($DB)"
make_seeds "$DB" "zz_allowed_4mb.txt" "$ALLOWED"
for variant in "default" "4mib"; do
  envs=(); lim=33554432
  [ "$variant" = 4mib ] && { envs=(ACCORD_LIMITS_MAX_RESPONSE_BYTES=4194304); lim=4194304; }
  if serve "$DB" "allowed-$variant" "${envs[@]}"; then
    id=$(curl -s --max-time 30 "http://127.0.0.1:$SPORT/articles?q=zzlimitsprobe&limit=5" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d[0]["id"] if d else "")' 2>/dev/null || true)
    [ -n "$id" ] || id="zz-allowed-4mb"
    res=$(curl -s --max-time 120 -o "$OUT/allowed-$variant.body" -w '%{http_code} %{size_download} %{time_total}' "http://127.0.0.1:$SPORT/articles/$id?include=text,paragraphs")
    read -r code size secs <<< "$res"
    ptype=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("type",""))' "$OUT/allowed-$variant.body" 2>/dev/null || true)
    rss=$(statkb "$SPID" VmRSS)
    echo "  limits.maxResponseBytes=$lim ($variant): GET /articles/$id?include=text,paragraphs -> $code, $size bytes in ${secs}s${ptype:+, problem type $ptype}; VmRSS after $((rss / 1024)) MB; loaded in ${READY_S}s"
    printf 'B_%s_ID=%s\nB_%s_CODE=%s\nB_%s_SIZE=%s\nB_%s_TYPE=%s\nB_%s_LIMIT=%s\nB_%s_READY=%s\n' "$variant" "$id" "$variant" "$code" "$variant" "$size" "$variant" "$ptype" "$variant" "$lim" "$variant" "$READY_S" >> "$OBS"
    rm -f "$OUT/allowed-$variant.body"
    stop "$SPID"
  else
    if grep -q 'ACCORD_LIMITS_MAX_RESPONSE_BYTES: unknown variable' "$OUT/allowed-$variant.log"; then
      printf 'B_%s_ERROR=%s\n' "$variant" "this binary does not know limits.maxResponseBytes (ACCORD_LIMITS_MAX_RESPONSE_BYTES: unknown variable): it predates the limit" >> "$OBS"
    else
      printf 'B_%s_ERROR=%s\n' "$variant" "did not load (see $OUT/allowed-$variant.log)" >> "$OBS"
    fi
    stop "$SPID"
  fi
done

python3 - "$OBS" "$OUT" "$SIZE_MB" "$BIGFILE" "$SHIPPED" <<'PY' | tee "$OUT/summary.md"
import json, sys
obs = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[1]) if "=" in l)
out, size_mb, bigfile, shipped = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
goals = []
def add(goal, measured, target, ok, miss=None): goals.append(dict(goal=goal, measured=measured, target=target, ok=ok, miss=miss))
if "A_ERROR" in obs:
    add(f"{size_mb} MB article in the seeds: skipped, the rest loaded", obs["A_ERROR"], "skipped with an error, rest loaded", False)
else:
    named, lim = int(obs["A_NAMED"] or 0), int(obs["A_LIMITMSG"] or 0)
    total = obs["A_TOTAL"]
    ok = lim > 0 and total == str(shipped)
    add(f"{size_mb} MB article in the seeds: skipped with an error naming the file and limits.maxArticleBytes; the rest loaded",
        f"log lines naming {bigfile}: {named} (with maxArticleBytes: {lim}); articles served {total} of {shipped} shipped"
        + ("" if total == str(shipped) else f" (+ the big one: it was LOADED)"),
        "error names file + limit; shipped count served", ok)
    add(f"{size_mb} MB article in the seeds: load time and memory", f"ready {obs['A_READY']} s (loadMs {obs.get('A_LOADMS') or '?'}), VmRSS {int(obs['A_RSS'])/1024:.0f} MB (RssAnon {int(obs['A_ANON'])/1024:.0f} MB)", "(report)", None)
for v, label in (("default", "default limits.maxResponseBytes (32 MiB)"), ("4mib", "limits.maxResponseBytes = 4 MiB")):
    if f"B_{v}_ERROR" in obs:
        add(f"biggest allowed article, include=text,paragraphs, {label}", obs[f"B_{v}_ERROR"], "", False); continue
    if f"B_{v}_CODE" not in obs: continue
    code, size, lim, t = obs[f"B_{v}_CODE"], int(obs[f"B_{v}_SIZE"] or 0), int(obs[f"B_{v}_LIMIT"]), obs[f"B_{v}_TYPE"]
    ok = (code == "200" and size <= lim) or (code == "422" and t.endswith("response-too-large"))
    if v == "4mib": ok = code == "422" and t.endswith("response-too-large")
    add(f"biggest allowed article (4 MiB - 4 KiB), GET /articles/{{id}}?include=text,paragraphs, {label}",
        f"{code}, {size:,} bytes" + (f", problem {t}" if t else ""),
        "200 <= limit or 422 response-too-large" if v == "default" else "422 response-too-large (the text alone exceeds it)", ok,
        None if ok else f"by {size - lim:,} bytes over the limit" if size > lim else None)
json.dump({"observations": obs, "goals": goals}, open(f"{out}/limits.json", "w"), indent=1)
print("| goal | measured | target | result |\n| --- | --- | --- | --- |")
for g in goals:
    v = "n/a" if g["ok"] is None else ("met" if g["ok"] else "**MISSED**" + (f" {g['miss']}" if g.get("miss") else ""))
    print(f"| {g['goal']} | {g['measured']} | {g['target']} | {v} |")
PY
echo "raw outputs: $OUT"
