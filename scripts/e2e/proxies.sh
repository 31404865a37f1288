#!/usr/bin/env bash
# Spoofing and cache poisoning through the shipped proxy examples, on loopback.
#
# Accord runs with ACCORD_TRUSTED_PROXIES=127.0.0.1/32 and its access log on. In front of it,
# each from config/ with only its ports rewritten (lib/proxies_render.py): nginx, HAProxy,
# Caddy and Varnish. For each front:
#   1. against an echo upstream (lib/proxies_echo.py): every spoofing attempt reaches the
#      upstream as one X-Forwarded-For (the proxy's peer), the proxy's own
#      X-Forwarded-Host/-Proto/-Prefix, no Forwarded, and nothing the attacker wrote;
#   2. against Accord: after each attempt (Forwarded, X-Forwarded-*, Host, repeated fields),
#      an innocent client's plain request names only the front's own address in its body links
#      and Link header; through Varnish that answer must come from the cache (X-Varnish with
#      two IDs). The attacker's own answer is just as clean, and the access log's "client" for
#      it is its real address as the proxy saw it, not the 203.0.113.9 it claimed. (The
#      attacker connects from 127.0.0.3 and the innocent client from 127.0.0.2, so that neither
#      is confused with the proxies' own 127.0.0.1, and a cache that keys on the client misses.)
# Then:
#   - Varnish with only the built-in VCL (no header hygiene): the spoof reaches Accord, and only
#     Accord's Vary keeps the cached copy from other clients;
#   - Accord itself from a trusted peer: one header family per request, Vary, access log;
#   - Accord with ACCORD_PUBLIC_URL: every link starts with it whatever the headers.
# nginx also shows compression: one Content-Encoding, never two, and a 304 on its ETag.
#
# Needs python3; the fronts need nginx, haproxy, caddy, varnish (Debian packages). A missing one
# is skipped with a message, except under CI=true, where it is a failure.
set -euo pipefail
# shellcheck source=scripts/e2e/lib/nginx_main.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nginx_main.sh"

CHECK="proxies"
# shellcheck source=scripts/e2e/lib/own_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/own_server.sh"
lib=$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)
config=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../config" && pwd)
chmod 755 "$work" # Varnish's compiler and Caddy run as other users or need to traverse it

pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    cleanup
}
trap stop_all EXIT

problems=()
problem() { problems+=("$*"); echo "proxies: FAIL $*" >&2; }
skipped=()
# usable TOOL FRONT PACKAGE: true if TOOL is installed; a skip or (CI=true) a failure if not.
usable() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "${CI:-}" = "true" ]; then
        problem "$2: $1 is not installed (apt-get install $3)"
    else
        echo "proxies: SKIP $2: $1 is not installed (apt-get install $3)"
        skipped+=("$2")
    fi
    return 1
}

# wait_url URL: up to 10 s for a 200 (any front, any upstream).
wait_url() {
    for _ in $(seq 1 200); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ] && return 0
        sleep 0.05
    done
    return 1
}

echo_port=$(free_port)
python3 "$lib/proxies_echo.py" "$echo_port" &
pids+=($!)

accord_port=$(free_port)
ACCORD_TRUSTED_PROXIES=127.0.0.1/32 "$binary" serve --host 127.0.0.1 --port "$accord_port" --threads 1 \
    >"$work/access.log" 2>"$work/err.log" &
server=$!
wait_healthy "$accord_port"
wait_url "http://127.0.0.1:$echo_port/readyz" || fail "the echo upstream did not start"
"$binary" healthcheck --port "$accord_port" >/dev/null 2>&1 || fail "accord did not start"

# start_front KIND UPSTREAM_PORT [VCL]: starts the shipped KIND example in front of the upstream;
# sets front_pid and front_url (the public base through it). Returns 1 if it does not come up.
start_front() {
    local kind=$1 upstream=$2 port dir
    port=$(free_port)
    dir="$work/$kind-$port"
    mkdir -p "$dir/tmp"
    case $kind in
        nginx)
            python3 "$lib/proxies_render.py" nginx "$config/nginx.conf.example" \
                --listen "$port" --upstream "$upstream" >"$dir/site.conf" || return 1
            nginx_main "$dir" 256 "$dir/error.log"
            nginx -t -q -p "$dir" -c "$dir/nginx.conf" 2>"$dir/error.log" || { cat "$dir/error.log" >&2; return 1; }
            nginx -p "$dir" -c "$dir/nginx.conf" 2>>"$dir/error.log" &
            front_url="http://127.0.0.1:$port/accord"
            ;;
        haproxy)
            python3 "$lib/proxies_render.py" haproxy "$config/haproxy.cfg.example" \
                --listen "$port" --upstream "$upstream" >"$dir/haproxy.cfg" || return 1
            haproxy -c -q -f "$dir/haproxy.cfg" >"$dir/error.log" 2>&1 || { cat "$dir/error.log" >&2; return 1; }
            haproxy -db -f "$dir/haproxy.cfg" >"$dir/error.log" 2>&1 &
            front_url="http://127.0.0.1:$port/accord"
            ;;
        caddy)
            python3 "$lib/proxies_render.py" caddy "$config/Caddyfile.example" \
                --listen "$port" --upstream "$upstream" >"$dir/Caddyfile" || return 1
            HOME="$dir" XDG_DATA_HOME="$dir" XDG_CONFIG_HOME="$dir" \
                caddy run --config "$dir/Caddyfile" --adapter caddyfile >"$dir/error.log" 2>&1 &
            front_url="http://127.0.0.1:$port/accord"
            ;;
        varnish | varnish-builtin)
            if [ "$kind" = varnish ]; then
                python3 "$lib/proxies_render.py" varnish "$config/varnish.vcl.example" \
                    --listen "$port" --upstream "$upstream" >"$dir/accord.vcl" || return 1
            else
                # Only a backend: Varnish's built-in VCL, no header hygiene at all.
                printf 'vcl 4.1;\nbackend accord { .host = "127.0.0.1"; .port = "%s"; }\n' "$upstream" >"$dir/accord.vcl"
            fi
            # -j none: no privilege separation (the jail would need the varnish user to read $dir).
            varnishd -F -j none -n "$dir/varnish" -a "127.0.0.1:$port" -f "$dir/accord.vcl" \
                -s malloc,32m -p default_ttl=60 >"$dir/error.log" 2>&1 &
            front_url="http://127.0.0.1:$port"
            ;;
    esac
    front_pid=$!
    pids+=("$front_pid")
    front_dir=$dir
    if ! wait_url "$front_url/healthz"; then
        echo "proxies: $kind did not come up; its log:" >&2
        tail -20 "$dir/error.log" >&2 || true
        stop_front
        return 1
    fi
}
stop_front() {
    kill "$front_pid" 2>/dev/null || true
    wait "$front_pid" 2>/dev/null || true
}

# probe MODE FRONT [ARGS...]: runs lib/proxies_probe.py; its failures are this check's problems.
probe() {
    local mode=$1 front=$2 out status=0 found=0
    shift 2
    out=$(python3 "$lib/proxies_probe.py" "$mode" --front "$front" "$@" 2>&1) || status=$?
    [ -z "$out" ] || sed 's/^/  /' <<<"$out"
    while IFS= read -r line; do
        case $line in "FAIL "*) problems+=("${line#FAIL }"); found=1 ;; esac
    done <<<"$out"
    [ "$status" = 0 ] || [ "$found" = 1 ] || problems+=("$front: the $mode probe failed (status $status)")
}

tried=()
for kind in nginx haproxy caddy varnish; do
    case $kind in
        nginx) usable nginx nginx nginx || continue ;;
        haproxy) usable haproxy haproxy haproxy || continue ;;
        caddy) usable caddy caddy caddy || continue ;;
        varnish) usable varnishd varnish varnish || continue ;;
    esac
    tried+=("$kind")
    echo "proxies: $kind (shipped example)"
    prefix=/accord
    [ "$kind" = varnish ] && prefix=""
    if start_front "$kind" "$echo_port"; then
        authority=${front_url#http://}
        authority=${authority%%/*}
        probe headers "$kind" --url "$front_url" --expect-host "$authority" --expect-prefix "$prefix"
        stop_front
    else
        problem "$kind: the shipped example did not start in front of the echo upstream"
    fi
    if start_front "$kind" "$accord_port"; then
        cache=()
        [ "$kind" = varnish ] && cache=(--cache)
        probe links "$kind" --url "$front_url" --shipped "${cache[@]}" --log "$work/access.log"
        # The operator's counters are not published through the site.
        metrics_status=$(curl -s -o /dev/null -w '%{http_code}' "$front_url/metrics")
        [ "$metrics_status" = 404 ] || problem "$kind: /metrics through the shipped example answered $metrics_status, not 404"
        [ "$kind" = nginx ] && probe gzip nginx --url "$front_url"
        stop_front
    else
        problem "$kind: the shipped example did not start in front of Accord"
    fi
done

# Defence in depth: a cache that does not clean the headers at all. The spoof reaches Accord
# (it trusts the peer), and only its Vary keeps that copy from the next client.
if command -v varnishd >/dev/null 2>&1; then
    echo "proxies: varnish with the built-in VCL only"
    if start_front varnish-builtin "$accord_port"; then
        probe links varnish-builtin --url "$front_url" --cache --control
        stop_front
    else
        problem "varnish-builtin: did not start"
    fi
fi

echo "proxies: accord itself, from a trusted peer"
probe direct accord-trusted-peer --url "http://127.0.0.1:$accord_port" --log "$work/access.log"

echo "proxies: accord with ACCORD_PUBLIC_URL"
public_port=$(free_port)
ACCORD_PUBLIC_URL=https://api.example.org/accord ACCORD_TRUSTED_PROXIES=127.0.0.1/32 \
    "$binary" serve --host 127.0.0.1 --port "$public_port" --threads 1 --no-access-log \
    >/dev/null 2>"$work/public.err" &
pids+=($!)
if healthy_within_30s "$public_port"; then
    probe public publicUrl --url "http://127.0.0.1:$public_port" --public https://api.example.org/accord
else
    problem "publicUrl: accord did not start with ACCORD_PUBLIC_URL: $(head -c 300 "$work/public.err")"
fi

echo
if [ "${#problems[@]}" -gt 0 ]; then
    echo "proxies: ${#problems[@]} problem(s):" >&2
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
fi
echo "proxies: ok (${tried[*]:-no proxy}${skipped:+; skipped: ${skipped[*]}}; varnish built-in, trusted peer, publicUrl)"
