#!/usr/bin/env bash
# Three Accord replicas behind a load balancer, on loopback: HAProxy with the shipped
# config/haproxy.cfg.example (health checks on /readyz), or, without HAProxy, nginx with the
# shipped config/nginx.conf.example and three upstream servers.
#   1. The replicas share a publicUrl (the balancer's address), so the same seeds give the same
#      bytes and the same ETag from each of them (also gzip-encoded).
#   2. wrk loads /accord/events through the balancer (2 threads, 32 connections) while the
#      replicas are restarted one at a time: SIGTERM with ACCORD_TIMEOUTS_SHUTDOWN_DELAY=2, so
#      /readyz answers 503 while the replica still serves; HAProxy takes it out (it must say
#      "Layer7 wrong status, code: 503", not a refused connection); the replica then drains and
#      exits 0; it is started again and waited for until the balancer has it back.
#   3. wrk must report no socket error and no non-2xx answer, and HAProxy no connection or
#      response error, retry or redispatch on any replica: the delay alone kept every request
#      away from a closing replica. The wrk numbers are printed.
# Needs wrk, curl, python3, and haproxy (or nginx); under CI=true HAProxy is required.
set -euo pipefail
# shellcheck source=scripts/e2e/lib/nginx_main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nginx_main.sh"
CHECK="replicas"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"
lib=$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)
config=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../config" && pwd)

missing() {
    if [ "${CI:-}" = "true" ]; then fail "$1 is not installed (apt-get install $2)"; fi
    echo "replicas: SKIPPED, $1 is not installed (apt-get install $2)"
    exit 77
}
command -v wrk >/dev/null || missing wrk wrk
command -v curl >/dev/null || missing curl curl
if command -v haproxy >/dev/null; then
    balancer=haproxy
elif [ "${CI:-}" = "true" ]; then
    missing haproxy haproxy
elif command -v nginx >/dev/null; then
    balancer=nginx
    echo "replicas: HAProxy is not installed (apt-get install haproxy); using nginx upstreams"
else
    missing haproxy haproxy
fi

delay=2             # ACCORD_TIMEOUTS_SHUTDOWN_DELAY, seconds
check_inter=500     # HAProxy's check interval here, ms (fall 2: out within about 1 s)
load=300            # wrk's longest run, s: it is stopped (SIGINT, which prints its summary) once the
                    # rolling restart is done, however long a loaded machine takes for it

rpids=(0 0 0)
lb_pid=""
wrk_pid=""
stop_all() {
    for pid in "${rpids[@]}" $lb_pid $wrk_pid; do kill "$pid" 2>/dev/null || true; done
    cleanup
}
trap stop_all EXIT

lb_port=$(free_port)
ports=()
while [ "${#ports[@]}" -lt 3 ]; do
    p=$(free_port)
    [[ " ${ports[*]} $lb_port " == *" $p "* ]] || ports+=("$p")
done
public="http://127.0.0.1:$lb_port/accord"

start_replica() {
    ACCORD_PUBLIC_URL="$public" ACCORD_TRUSTED_PROXIES=127.0.0.1/32 ACCORD_TIMEOUTS_SHUTDOWN_DELAY=$delay \
        "$binary" serve --host 127.0.0.1 --port "${ports[$1]}" --threads 1 --no-access-log \
        >/dev/null 2>>"$work/err.log" &
    rpids[$1]=$!
}
for i in 0 1 2; do start_replica "$i"; done
for i in 0 1 2; do
    wait_healthy "${ports[$i]}"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[$i]}/readyz")" = 200 ] \
        || fail "replica $((i + 1)) on ${ports[$i]} is not ready"
done

# 1. The same representation, byte for byte, from every replica.
etag_of() { # URL [curl args]: the ETag
    local url=$1
    shift
    curl -fsS -o /dev/null -D - "$@" "$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'
}
for encoding in identity gzip; do
    tags=()
    for i in 0 1 2; do tags+=("$(etag_of "http://127.0.0.1:${ports[$i]}/events" -H "Accept-Encoding: $encoding")")
    done
    [ -n "${tags[0]}" ] || fail "no ETag on /events ($encoding)"
    [ "${tags[0]}" = "${tags[1]}" ] && [ "${tags[1]}" = "${tags[2]}" ] \
        || fail "the replicas disagree on the ETag of /events ($encoding): ${tags[*]}"
    echo "replicas: /events ($encoding) has ETag ${tags[0]} on all three"
    [ "$encoding" != identity ] || identity_tag=${tags[0]}
done

# The balancer.
case $balancer in
    haproxy)
        python3 "$lib/proxies_render.py" haproxy "$config/haproxy.cfg.example" --listen "$lb_port" \
            --upstream "$(IFS=,; echo "${ports[*]}")" --work "$work" --check-inter "$check_inter" >"$work/haproxy.cfg"
        haproxy -c -q -f "$work/haproxy.cfg" || fail "the rendered haproxy.cfg.example is invalid"
        haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
        lb_pid=$!
        for i in 1 2 3; do
            python3 "$lib/replicas_haproxy.py" "$work/haproxy.sock" wait "accord$i" UP 10 \
                || fail "HAProxy does not see accord$i UP: $(tail -5 "$work/haproxy.log")"
        done
        ;;
    nginx)
        python3 "$lib/proxies_render.py" nginx "$config/nginx.conf.example" --listen "$lb_port" \
            --upstream "$(IFS=,; echo "${ports[*]}")" >"$work/site.conf"
        nginx_main "$work" 1024 "$work/nginx-error.log"
        nginx -t -q -p "$work" -c "$work/nginx.conf" || fail "the rendered nginx.conf.example is invalid"
        nginx -p "$work" -c "$work/nginx.conf" &
        lb_pid=$!
        ;;
esac
for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$public/readyz")" = 200 ] && break
    sleep 0.05
done
through=$(etag_of "$public/events" -H "Accept-Encoding: identity")
[ "$through" = "$identity_tag" ] || fail "the ETag through $balancer ($through) differs from the replicas' ($identity_tag)"

# 2. Load, and a rolling restart under it.
wrk -t2 -c32 -d"${load}s" --timeout 5s --latency "$public/events" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 1
started=$(date +%s%N)
for i in 0 1 2; do
    name="accord$((i + 1))"
    t0=$(date +%s%N)
    kill -TERM "${rpids[$i]}"
    if [ "$balancer" = haproxy ]; then
        python3 "$lib/replicas_haproxy.py" "$work/haproxy.sock" wait "$name" DOWN "$((delay + 1))" \
            || fail "HAProxy did not take $name out within $((delay + 1)) s of SIGTERM (readyz 503)"
        out_ms=$((($(date +%s%N) - t0) / 1000000))
    fi
    for _ in $(seq 1 400); do # up to 20 s: the delay plus timeouts.drain (10 s)
        kill -0 "${rpids[$i]}" 2>/dev/null || break
        sleep 0.05
    done
    kill -0 "${rpids[$i]}" 2>/dev/null && fail "$name did not exit within 20 s of SIGTERM"
    status=0
    wait "${rpids[$i]}" || status=$?
    [ "$status" = 0 ] || fail "$name exited $status after SIGTERM"
    exit_ms=$((($(date +%s%N) - t0) / 1000000))
    start_replica "$i"
    wait_healthy "${ports[$i]}"
    if [ "$balancer" = haproxy ]; then
        python3 "$lib/replicas_haproxy.py" "$work/haproxy.sock" wait "$name" UP 10 \
            || fail "HAProxy did not take $name back within 10 s of its restart"
    fi
    back_ms=$((($(date +%s%N) - t0) / 1000000))
    echo "replicas: $name: ${out_ms:+out of rotation after $out_ms ms, }exited 0 after $exit_ms ms, back after $back_ms ms"
done
restart_ms=$((($(date +%s%N) - started) / 1000000))
kill -0 "$wrk_pid" 2>/dev/null || fail "the load ($load s) ended before the rolling restart did ($restart_ms ms)"
sleep 1 # load on the three restarted replicas too
kill -INT "$wrk_pid"
wait "$wrk_pid" || fail "wrk failed: $(cat "$work/wrk.txt")"
ran=$(awk '/requests in/{sub(/,$/, "", $4); print $4}' "$work/wrk.txt") # wrk's own unit: 11.64s, 1.02m
wrk_pid=""

# 3. The numbers, then the verdict.
requests=$(awk '/requests in/{print $1}' "$work/wrk.txt")
rate=$(awk '/^Requests\/sec/{print $2}' "$work/wrk.txt")
p50=$(awk '$1=="50%"{print $2}' "$work/wrk.txt")
p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
socket_errors=$(grep 'Socket errors' "$work/wrk.txt" || echo "Socket errors: none")
non2xx=$(awk -F': ' '/Non-2xx/{print $2}' "$work/wrk.txt")
echo "replicas: wrk -t2 -c32 for ${ran} through $balancer: $requests requests, $rate/s, p50 $p50, p99 $p99," \
    "$(sed 's/^ *//' <<<"$socket_errors"), non-2xx: ${non2xx:-0}; rolling restart of 3 replicas in $restart_ms ms"
problems=()
grep -q 'Socket errors' "$work/wrk.txt" && problems+=("wrk saw socket errors: $socket_errors")
[ -z "$non2xx" ] || problems+=("wrk saw $non2xx non-2xx responses")
[ "${requests:-0}" -gt 1000 ] || problems+=("too few requests: ${requests:-0}")
if [ "$balancer" = haproxy ]; then
    echo "replicas: HAProxy's counters per replica:"
    python3 "$lib/replicas_haproxy.py" "$work/haproxy.sock" report \
        || problems+=("HAProxy saw a failed or retried request to a replica (the replica stopped accepting before it was out of rotation)")
    downs=$(grep -c 'is DOWN' "$work/haproxy.log" || true)
    refused=$(grep 'is DOWN' "$work/haproxy.log" | grep -vc 'Layer7 wrong status, code: 503' || true)
    [ "$downs" -ge 3 ] || problems+=("HAProxy logged $downs replicas going DOWN, expected 3")
    [ "$refused" = 0 ] || problems+=("HAProxy took a replica out for another reason than readyz 503: $(grep 'is DOWN' "$work/haproxy.log" | grep -v 'code: 503' | head -1)")
fi
if [ "${#problems[@]}" -gt 0 ]; then
    cat "$work/wrk.txt" >&2
    [ "$balancer" != haproxy ] || grep -E 'is (DOWN|UP)' "$work/haproxy.log" >&2 || true
    fail "$(printf '%s; ' "${problems[@]}")"
fi
echo "replicas: ok (3 replicas behind $balancer, identical ETags, rolling restart under load with 0 errors)"
