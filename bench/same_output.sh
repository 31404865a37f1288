#!/usr/bin/env bash
# bench/same_output.sh OLD NEW SEEDS: does a load-time optimisation change what Accord serves?
#
# Starts each binary on SEEDS (a synthetic corpus from bench/synthetic_corpus.py, or any seeds
# directory) with the same --public-url, saves every page of /events, /entities, /articles and
# /proposals, every page of each proposal's /positions (the extracted stances), every entity in
# full (/entities/{id}: co-occurrences, first and last seen) and a set of searches, then compares
# the two sets byte for byte. Exit 0 and "identical" when they match; otherwise the files that
# differ and exit 1. Loopback only; each server is ended by PID.
#
#   bench/same_output.sh /tmp/accord-before .build-static/release/accord /tmp/accord-scale-corpus-2000
set -euo pipefail
source "$(dirname "$0")/lib.sh"
die() { echo "same_output.sh: $*" >&2; exit 2; }
[ $# -eq 3 ] || usage 2
OLD=$1 NEW=$2 SEEDS=$3
for b in "$OLD" "$NEW"; do [ -x "$b" ] || die "not an executable: $b"; done
[ -f "$SEEDS/entities.json" ] || die "no seeds directory at $SEEDS"
OUT=$(mktemp -d /tmp/accord-same-output.XXXXXX)
PIDS=()
track_servers

# items FILE: how many items a saved page holds (0 for a problem document)
items() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("data", [])))' "$1" 2>/dev/null || echo 0; }

# pages BASE URL PREFIX: every page of a collection at limit=100
pages() {
  local base=$1 path=$2 prefix=$3 offset=0 file
  while :; do
    file="$prefix-$offset.json"
    curl -sf "$base$path?limit=100&offset=$offset" > "$file" || { echo "GET $path?offset=$offset failed" > "$file"; return; }
    [ "$(items "$file")" -lt 100 ] && return
    offset=$((offset + 100))
  done
}

dump() {
  local binary=$1 dir=$2 port pid base i
  mkdir -p "$dir"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  "$binary" serve --host 127.0.0.1 --port "$port" --no-access-log --public-url http://accord.test \
    --seeds "$SEEDS" > "$dir.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for i in $(seq 1 3000); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.2; done
  for collection in events entities articles proposals; do pages "$base" "/$collection" "$dir/$collection"; done
  for id in $(python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(open(sys.argv[1]))["data"]))' "$dir/proposals-0.json"); do
    pages "$base" "/proposals/$id/positions" "$dir/positions-$id"
  done
  # every entity in full (co-occurrences, first and last seen), one per line
  for id in $(python3 -c 'import json,sys; print(" ".join(e["id"] for f in sys.argv[1:] for e in json.load(open(f))["data"]))' "$dir"/entities-*.json); do
    curl -s "$base/entities/$id"; echo
  done > "$dir/entity-details.jsonl"
  # ranked search and search filters: the index's terms, postings and BM25F lengths
  for q in security+guarantees '"security+guarantees"' ukraine zelensky ceasefire+talks summit nato+troops \
           '"coalition+of+the+willing"' geneva moscow+kremlin sanctions+relief peacekeepers 2025 unreadabletermxyz; do
    curl -s "$base/search?q=$q&limit=100"; echo
    curl -s "$base/events?q=$q&limit=100"; echo
    curl -s "$base/articles?q=$q&limit=100"; echo
  done > "$dir/search.jsonl"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

dump "$OLD" "$OUT/old"
dump "$NEW" "$OUT/new"
echo "$(ls "$OUT/old" | wc -l) pages, $(du -sh "$OUT/old" | cut -f1) each ($OUT)"
if diff -rq "$OUT/old" "$OUT/new"; then echo identical; else exit 1; fi
