#!/usr/bin/env bash
# The whole test suite: unit and socket tests (swift test), then end-to-end checks against
# the built server. Under CI (CI=true) every end-to-end tool is required; elsewhere a
# missing tool skips its check with a message naming what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
report() { printf '\n== %s: %s\n' "$1" "$2"; }

need() { # need TOOL HINT: true if available; under CI a missing tool is a failure
    if command -v "$1" >/dev/null 2>&1; then return 0; fi
    if [ "${CI:-}" = "true" ]; then echo "missing $1 ($2)" >&2; exit 1; fi
    report "$1" "SKIPPED (install: $2)"
    skipped=$((skipped + 1))
    return 1
}

swift build --build-tests
swift test --skip-build

# End-to-end: start the real binary on a free port and check it from outside.
swift build --product accord
binary=.build/debug/accord
./"$binary" validate >/dev/null
port=$(python3 scripts/lib/free_port.py)
log=$(mktemp)
"$binary" serve --host 127.0.0.1 --port "$port" --no-access-log 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    if "$binary" healthcheck --port "$port" >/dev/null 2>&1; then break; fi
    sleep 0.05
done
"$binary" healthcheck --port "$port" || { echo "the server did not come up; its log:"; cat "$log"; exit 1; }

for check in scripts/e2e/*.sh; do
    [ -e "$check" ] || continue
    name=$(basename "$check" .sh)
    status=0
    E2E_BINARY="$binary" E2E_URL="http://127.0.0.1:$port" bash "$check" || status=$?
    case $status in
        0) report "$name" "passed"; passed=$((passed + 1)) ;;
        77) report "$name" "SKIPPED (a tool it needs is missing)"; skipped=$((skipped + 1)) ;;
        *) report "$name" "FAILED ($status)"; failed=$((failed + 1)) ;;
    esac
done

kill -TERM $server
wait $server || { echo "the server did not exit 0 on SIGTERM"; cat "$log"; failed=$((failed + 1)); }
trap - EXIT
rm -f "$log"

echo
echo "end-to-end: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
