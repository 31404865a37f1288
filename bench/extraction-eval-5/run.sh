#!/usr/bin/env bash
# bench/extraction-eval-5/run.sh [BINARY]: the fifth outside extraction set (README, "Extraction").
# Ten articles in the style of outlets in none of the earlier sets (Washington Post, CBS News, The
# Independent, UNIAN, Global Times, The Telegraph and an Age copy of it, France 24, Daily Sabah,
# Fox News), with no metadata, and the gold a helper wrote before running Accord; first scored
# on 8666aeb. Copies the shipped seeds and the ten articles to a scratch
# directory, serves them on a loopback port, and scores the server with score.py (its matching
# rules are in its docstring). Informational: not part of the test suite.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${1:-$ROOT/.build/debug/accord}"
[ -x "$BIN" ] || { echo "run.sh: not an executable: $BIN (swift build first, or pass a binary)" >&2; exit 2; }
WORK=$(mktemp -d /tmp/accord-extraction-eval-5.XXXXXX)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp -r "$ROOT/seeds" "$WORK/seeds"
cp "$HERE"/articles/*.txt "$WORK/seeds/articles/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --host 127.0.0.1 --port "$PORT" --no-access-log --seeds "$WORK/seeds" > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.5; done
EVAL_OUT="$WORK" python3 "$HERE/score.py" "$PORT"
