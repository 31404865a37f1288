#!/usr/bin/env bash
# What an operator relies on when deploying (issue #13), against the real binary:
# - it starts from any directory with no flags but a port, finds its seeds and explorer
#   beside itself, and a browser gets the explorer;
# - Kubernetes service-link variables (a Service named accord) do not stop it; a mistyped
#   ACCORD_* variable still does;
# - `accord healthcheck` speaks TLS when the configuration has a certificate, and refuses a
#   malformed ACCORD_PORT as serve does;
# - SIGTERM with timeouts.shutdownDelay: /readyz 503 at once while requests are still served
#   (with Connection: close), then the drain, then exit 0;
# - SIGHUP swaps the TLS certificate.
set -euo pipefail
command -v curl >/dev/null || exit 77
command -v openssl >/dev/null || exit 77
CHECK="deployment basics"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"
case "$binary" in /*) ;; *) binary="$PWD/$binary" ;; esac

# 1. From another directory, no --seeds: seeds and explorer beside the binary; service links ignored.
port=$(free_port)
(cd "$work" && exec env ACCORD_PORT=tcp://10.0.0.11:8080 ACCORD_SERVICE_HOST=10.0.0.11 ACCORD_SERVICE_PORT=8080 \
    ACCORD_PORT_8080_TCP=tcp://10.0.0.11:8080 ACCORD_PORT_8080_TCP_PROTO=tcp ACCORD_PORT_8080_TCP_PORT=8080 \
    ACCORD_PORT_8080_TCP_ADDR=10.0.0.11 "$binary" serve --host 127.0.0.1 --port "$port" --no-access-log) 2>"$work/err.log" &
server=$!
wait_healthy "$port"
first=$(curl -fsS "http://127.0.0.1:$port/events?limit=1") || fail "GET /events failed"
grep -q '"total":' <<<"$first" || fail "no events from the seeds beside the binary"
page=$(curl -fsS -H 'Accept: text/html' "http://127.0.0.1:$port/")
grep -qi '<!doctype html' <<<"$page" || fail "a browser did not get the explorer from another directory"
grep -q "service-link" "$work/err.log" || fail "the ignored service-link variables were not logged"
kill -TERM "$server"; wait "$server" || fail "exit status $? after SIGTERM"
server=""
if ACCORD_PROT=1 "$binary" serve --port 0 2>"$work/typo.log"; then fail "a mistyped ACCORD_ variable was accepted"; fi
grep -q "ACCORD_PROT" "$work/typo.log" || fail "the typo was not named"

# 2. TLS: healthcheck follows the configuration; a malformed ACCORD_PORT is refused.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null
port=$(free_port)
export ACCORD_TLS_CERTIFICATE="$work/cert.pem" ACCORD_TLS_KEY="$work/key.pem" ACCORD_PORT="$port"
"$binary" serve --host 127.0.0.1 --no-access-log 2>"$work/err.log" &
server=$!
for _ in $(seq 1 100); do "$binary" healthcheck >/dev/null 2>&1 && break; sleep 0.05; done
"$binary" healthcheck >/dev/null || fail "healthcheck failed against the TLS listener"
if "$binary" healthcheck --no-tls >/dev/null 2>&1; then fail "a plain-HTTP healthcheck passed against a TLS port"; fi
status=0; ACCORD_PORT=banana "$binary" healthcheck >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "healthcheck with ACCORD_PORT=banana exited $status, expected 2 (serve refuses it too)"
# Certificate rotation: SIGHUP with a new pair; new connections see the new certificate.
before=$(openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -noout -fingerprint)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -days 1 -subj /CN=localhost 2>/dev/null
kill -HUP "$server"
for _ in $(seq 1 50); do
    after=$(openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -noout -fingerprint)
    [ "$after" != "$before" ] && break; sleep 0.1
done
[ "$after" != "$before" ] || fail "SIGHUP did not swap the certificate"
kill -TERM "$server"; wait "$server" || true
server=""
unset ACCORD_TLS_CERTIFICATE ACCORD_TLS_KEY ACCORD_PORT

# 3. SIGTERM with a shutdown delay: not ready, still serving, then gone.
port=$(free_port)
ACCORD_TIMEOUTS_SHUTDOWN_DELAY=2 ACCORD_TIMEOUTS_DRAIN=2 "$binary" serve --host 127.0.0.1 --port "$port" --no-access-log 2>"$work/err.log" &
server=$!
wait_healthy "$port"
started=$(date +%s.%N)
kill -TERM "$server"
sleep 0.3
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")
[ "$ready" = 503 ] || fail "/readyz gave $ready during the shutdown delay, expected 503"
headers=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/events?limit=1" | tr -d '\r')
grep -q "^HTTP/1.1 200" <<<"$headers" || fail "a request during the shutdown delay was not served: $headers"
grep -qi "^connection: close" <<<"$headers" || fail "no Connection: close during the shutdown delay"
sleep 1
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || fail "not serving 1.3 s into a 2 s shutdown delay"
wait "$server" || fail "exit status $? after the delayed shutdown"
server=""
took=$(python3 -c "import time,sys; print(round(time.time() - float(sys.argv[1]), 2))" "$started")
python3 -c "import sys; t=float(sys.argv[1]); sys.exit(0 if 2.0 <= t <= 4.5 else 1)" "$took" \
    || fail "the delayed shutdown took ${took}s (expected about 2 s of delay, then the drain)"
echo "deployment basics: ok (shutdown with a 2 s delay took ${took}s)"
