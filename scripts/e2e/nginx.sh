#!/usr/bin/env bash
# nginx in front of Accord, configured by config/nginx.conf.example (ports and server name
# rewritten by lib/proxies_render.py), on loopback: status, headers, ETag/304 through the proxy,
# Link URLs with the prefix, and in Accord's access log the client address nginx saw, not the
# X-Forwarded-For the client sent (scripts/e2e/proxies.sh tries every spoofing attempt).
set -euo pipefail
# shellcheck source=scripts/e2e/lib/nginx_main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nginx_main.sh"
binary=${E2E_BINARY:?}
command -v nginx >/dev/null || exit 77
command -v curl >/dev/null || exit 77

work=$(mktemp -d)
free_port_script=$(cd "$(dirname "${BASH_SOURCE[0]}")/../lib" && pwd)/free_port.py
free_port() { python3 "$free_port_script"; }
accord_port=$(free_port)
nginx_port=$(free_port)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "${KEEP_E2E:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

ACCORD_TRUSTED_PROXIES=127.0.0.1/32 "$binary" serve --host 127.0.0.1 --port "$accord_port" \
    >"$work/access.log" 2>"$work/accord.err" &
pids+=($!)
# Accord first: nginx marks an upstream that refused a connection as down for fail_timeout.
for _ in $(seq 1 100); do
    "$binary" healthcheck --port "$accord_port" >/dev/null 2>&1 && break
    sleep 0.05
done

python3 scripts/e2e/lib/proxies_render.py nginx config/nginx.conf.example \
    --listen "$nginx_port" --upstream "$accord_port" >"$work/site.conf"
nginx_main "$work" 256 "$work/nginx-error.log"
nginx -t -q -p "$work" -c "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" &
pids+=($!)

base="http://127.0.0.1:$nginx_port/accord"
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
    sleep 0.05
done

fail() { echo "nginx e2e: $*" >&2; cat "$work/nginx-error.log" >&2 || true; exit 1; }

headers=$(curl -fsS -D - -o "$work/events.json" -H 'X-Forwarded-For: 198.51.100.7' "$base/events?limit=5" | tr -d '\r')
grep -q '^HTTP/1.1 200' <<<"$headers" || fail "GET /accord/events was not 200"
etag=$(awk -F': ' 'tolower($1)=="etag"{print $2}' <<<"$headers")
[ -n "$etag" ] || fail "no ETag through the proxy"
grep -qi '^x-request-id: ' <<<"$headers" || fail "no X-Request-ID"
grep -qi "^link: <http://127.0.0.1:$nginx_port/accord/events?limit=5&offset=5>; rel=\"next\"" <<<"$headers" \
    || fail "Link header does not carry the forwarded host and prefix: $(grep -i '^link' <<<"$headers")"
grep -q "\"next\":\"http://127.0.0.1:$nginx_port/accord/events?limit=5&offset=5\"" "$work/events.json" \
    || fail "body links do not carry the forwarded host and prefix"

code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/events?limit=5")
[ "$code" = 304 ] || fail "revalidation through nginx gave $code, not 304"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/events?stauts=held")
[ "$code" = 400 ] || fail "a bad parameter through nginx gave $code"

# Several requests over nginx's upstream keep-alive, then the access log.
for _ in 1 2 3; do curl -fsS -o /dev/null "$base/"; done
kill -TERM "${pids[0]}"
wait "${pids[0]}" || fail "accord did not exit 0 on SIGTERM"
grep -q '"client":"127.0.0.1"' "$work/access.log" || fail "the access log does not show the client address nginx saw"
! grep -q '198.51.100.7' "$work/access.log" || fail "a client's own X-Forwarded-For reached the access log"
grep -q '"target":"/events?limit=5"' "$work/access.log" || fail "the access log does not show the request"
echo "nginx e2e: ok (proxy on $nginx_port -> accord on $accord_port)"
