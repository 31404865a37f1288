#!/usr/bin/env bash
# bench/extraction-eval/serve_and_score.sh SET_DIR [BINARY]: the one runner of the outside
# extraction sets (each set's run.sh calls it with its own directory). Copies the shipped seeds
# and the set's articles to a scratch directory, serves them on a loopback port, and scores the
# server with the set's score.py (its matching rules are in its docstring). Informational: not
# part of the test suite.
set -euo pipefail
SET="$(cd "$1" && pwd)"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${2:-$ROOT/.build/debug/accord}"
[ -x "$BIN" ] || { echo "run.sh: not an executable: $BIN (swift build first, or pass a binary)" >&2; exit 2; }
WORK=$(mktemp -d "/tmp/accord-$(basename "$SET").XXXXXX")
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cp -r "$ROOT/seeds" "$WORK/seeds"
cp "$SET"/articles/*.txt "$WORK/seeds/articles/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --host 127.0.0.1 --port "$PORT" --no-access-log --seeds "$WORK/seeds" > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.5; done
EVAL_OUT="$WORK" python3 "$SET/score.py" "$PORT"
